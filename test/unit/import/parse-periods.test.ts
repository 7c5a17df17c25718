// A revenue line's date: a day or a month, to the month it is booked in (and the day, if given).
import { describe, expect, it } from 'vitest';
import { parseRevenueDate } from '#core/import/parse-periods.ts';

const ok = (period: string, day: string | null) => ({ ok: true, period, day });

describe('parseRevenueDate', () => {
  it('reads months on their own', () => {
    expect(parseRevenueDate('2024-03', null)).toEqual(ok('2024-03-01', null));
    expect(parseRevenueDate('2024/3', null)).toEqual(ok('2024-03-01', null));
    expect(parseRevenueDate('03/2024', null)).toEqual(ok('2024-03-01', null));
    expect(parseRevenueDate('3.2024', null)).toEqual(ok('2024-03-01', null));
    expect(parseRevenueDate('12-2023', null)).toEqual(ok('2023-12-01', null));
    expect(parseRevenueDate('Mar 2024', null)).toEqual(ok('2024-03-01', null));
    expect(parseRevenueDate('March 2024', null)).toEqual(ok('2024-03-01', null));
    expect(parseRevenueDate('sept. 2024', null)).toEqual(ok('2024-09-01', null));
    expect(parseRevenueDate('Dec-2024', null)).toEqual(ok('2024-12-01', null));
    expect(parseRevenueDate('2024 Jan', null)).toEqual(ok('2024-01-01', null));
  });

  it('reads days in every form the importer knows, and CDNOW’s 19970101', () => {
    expect(parseRevenueDate('2024-03-15', null)).toEqual(ok('2024-03-01', '2024-03-15'));
    expect(parseRevenueDate('2024-03-15T10:22:00Z', null)).toEqual(ok('2024-03-01', '2024-03-15'));
    expect(parseRevenueDate('15.03.2024', null)).toEqual(ok('2024-03-01', '2024-03-15'));
    expect(parseRevenueDate('3/15/2024', null)).toEqual(ok('2024-03-01', '2024-03-15'));
    expect(parseRevenueDate('03/04/2024', 'D/M/YYYY')).toEqual(ok('2024-04-01', '2024-04-03'));
    expect(parseRevenueDate('Mar 15, 2024', null)).toEqual(ok('2024-03-01', '2024-03-15'));
    expect(parseRevenueDate('19970101', null)).toEqual(ok('1997-01-01', '1997-01-01'));
  });

  it('says what is wrong, and never guesses an ambiguous day', () => {
    expect(parseRevenueDate('03/04/2024', null)).toMatchObject({ ok: false, ambiguous: true });
    expect(parseRevenueDate('2024-13', null)).toEqual({ ok: false, reason: 'there is no month 13' });
    expect(parseRevenueDate('Mar 24', null)).toEqual({
      ok: false,
      reason: 'the year has two digits; export dates with four-digit years',
    });
    expect(parseRevenueDate('03/24', null)).toMatchObject({ ok: false, reason: expect.stringContaining('two digits') });
    expect(parseRevenueDate('2024-02-30', null)).toEqual({ ok: false, reason: 'there is no day 30 in 2024-02' });
    expect(parseRevenueDate('19971301', null)).toEqual({ ok: false, reason: 'there is no month 13' });
    expect(parseRevenueDate('Q1 2024', null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a date or month'),
    });
  });
});
