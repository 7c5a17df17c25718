import { describe, expect, it } from 'vitest';
import {
  cleanFilter,
  filterCount,
  quarterRange,
  quartersBetween,
  toggleColumn,
} from '../../../renderer/src/deals/deal-view-state.ts';
import { checkDraft, emptyDraft, fieldErrors, inputOf } from '../../../renderer/src/deals/deal-form-state.ts';

describe('deals table view state', () => {
  it('drops empty filter parts and counts a range as one filter', () => {
    expect(cleanFilter({ search: '', outcomes: [], segments: ['SMB'], amountMin: 0 })).toEqual({
      segments: ['SMB'],
      amountMin: 0,
    });
    expect(
      filterCount({ closeFrom: '2025-01-01', closeTo: '2025-03-31', amountMin: 5, amountMax: 9, regions: ['EMEA'] }),
    ).toBe(3);
  });
  it('toggles columns in the table order and keeps at least one', () => {
    expect(toggleColumn(['name', 'amount'], 'account')).toEqual(['name', 'account', 'amount']);
    expect(toggleColumn(['name', 'amount'], 'name')).toEqual(['amount']);
    expect(toggleColumn(['amount'], 'amount')).toEqual(['amount']);
  });
  it('turns quarters into date ranges and lists the quarters between two dates', () => {
    expect(quarterRange('2024-Q1')).toEqual(['2024-01-01', '2024-03-31']);
    expect(quarterRange('2024-Q4')).toEqual(['2024-10-01', '2024-12-31']);
    expect(quarterRange('2024-Q5')).toBeNull();
    expect(quartersBetween('2024-11-02', '2025-04-30')).toEqual(['2025-Q2', '2025-Q1', '2024-Q4']);
    expect(quartersBetween(null, '2025-04-30')).toEqual([]);
  });
});

describe('deal form', () => {
  it('checks a draft with the shared schema: messages per field', () => {
    const draft = { ...emptyDraft('EUR'), name: '', amount: '12,5x', outcome: 'won' as const, closeDate: '' };
    expect(checkDraft(draft)).toEqual({
      amount: 'Type a number, such as 12500 or 12500.50',
      name: 'Give the deal a name',
      closeDate: 'A closed deal needs a close date',
    });
    expect(
      checkDraft({ ...draft, name: 'Ok', amount: '1,250.50', createdDate: '2025-01-02', closeDate: '2025-01-31' }),
    ).toEqual({});
    expect(
      checkDraft({ ...draft, name: 'Ok', amount: '1', createdDate: '2025-02-02', closeDate: '2025-01-31' }),
    ).toEqual({
      closeDate: 'The close date is before the created date',
    });
    expect(inputOf({ ...draft, amount: '1,250.50', lostToCompetitorId: '7' })).toMatchObject({
      amount: 1250.5,
      lostToCompetitorId: 7,
      sourcedBy: null,
    });
  });
  it('puts the core’s issues on the fields ("deal.closeDate" -> closeDate)', () => {
    expect(
      fieldErrors([
        { path: 'deal.closeDate', message: 'x' },
        { path: 'competitors.0.competitorId', message: 'y' },
      ]),
    ).toEqual({
      closeDate: 'x',
      competitors: 'y',
    });
  });
});
