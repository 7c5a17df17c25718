import { describe, expect, it } from 'vitest';
import type {
  FileInspection,
  ImportFileReport,
  ImportKindSpec,
  ValueCount,
  ValueReport,
} from '#shared/domain/imports.ts';
import type { WizardFile } from '../../../renderer/src/imports/wizard-model.ts';
import {
  choicesFor,
  newAllowed,
  samplesOf,
  sourceOf,
  withFile,
  withSource,
  withValue,
} from '../../../renderer/src/imports/wizard-model.ts';

const mapping = { kind: 'deals' as const, fields: { amount: { column: 'Value' } }, values: {} };

describe('import wizard model', () => {
  it('sets a field to a column, a fixed value or nothing', () => {
    expect(sourceOf(mapping, 'amount')).toEqual({ type: 'column', column: 'Value' });
    expect(withSource(mapping, 'closeDate', { type: 'value', value: '2015-04-01' }).fields.closeDate).toEqual({
      value: '2015-04-01',
    });
    expect(withSource(mapping, 'amount', { type: 'none' }).fields).toEqual({});
  });
  it('keeps the user’s answers per field, and forgets one when asked', () => {
    const m = withValue(withValue(mapping, 'outcome', 'Verbal yes', 'open'), 'competitor', 'Unknown', null);
    expect(m.values).toEqual({ outcome: { 'Verbal yes': 'open' }, competitor: { Unknown: null } });
    expect(withValue(m, 'outcome', 'Verbal yes', undefined).values).toEqual({ competitor: { Unknown: null } });
  });
  it('shows a column’s first distinct values', () => {
    const inspection = {
      headers: ['Id', 'Value'],
      sampleRows: [
        ['1', '10'],
        ['2', '10'],
        ['3', ' 20 '],
        ['4', '30'],
        ['5', '40'],
      ],
    } as FileInspection;
    expect(samplesOf(inspection, 'Value')).toEqual(['10', '20', '30']);
  });
  it('offers the allowed values for an unknown value, and the suggestions or a new name for a near match', () => {
    const spec = {
      fields: [
        {
          key: 'outcome',
          label: 'Outcome',
          type: 'enum',
          required: false,
          help: '',
          listValues: true,
          options: [
            { value: 'open', label: 'Open' },
            { value: 'won', label: 'Won' },
          ],
        },
      ],
    } as unknown as ImportKindSpec;
    const report = { field: 'outcome' } as ValueReport;
    expect(choicesFor(spec, report, { status: 'unknown', raw: 'x' } as ValueCount).map((c) => c.value)).toEqual([
      'open',
      'won',
      null,
    ]);
    const near = { status: 'near', raw: 'Acme Analytcs', suggestions: ['Acme Analytics'] } as ValueCount;
    expect(choicesFor(spec, { field: 'competitor' } as ValueReport, near)).toEqual([
      { value: 'Acme Analytics', label: 'Same as “Acme Analytics”' },
      { value: 'Acme Analytcs', label: 'A new one, “Acme Analytcs”' },
      { value: null, label: 'Leave blank' },
    ]);
  });
  it('offers the taxonomy for a reason, and a new theme only where the import may add one', () => {
    const reasons = { field: 'reason', choices: { names: ['Price', 'Timing'], allowNew: false } } as ValueReport;
    expect(choicesFor(undefined, reasons, { status: 'unknown', raw: 'Gut feeling', suggestions: [] } as never)).toEqual(
      [
        { value: 'Price', label: 'Price' },
        { value: 'Timing', label: 'Timing' },
        { value: null, label: 'Leave blank' },
      ],
    );
    expect(choicesFor(undefined, reasons, { status: 'near', raw: 'Prise', suggestions: ['Price'] } as never)).toEqual([
      { value: 'Price', label: 'Same as “Price”' },
      { value: 'Timing', label: 'Timing' },
      { value: null, label: 'Leave blank' },
    ]);
    const themes = { field: 'theme', choices: { names: ['pricing'], allowNew: true } } as ValueReport;
    expect(choicesFor(undefined, themes, { status: 'unknown', raw: 'Procurement', suggestions: [] } as never)).toEqual([
      { value: 'pricing', label: 'pricing' },
      { value: 'Procurement', label: 'A new one, “Procurement”' },
      { value: null, label: 'Leave blank' },
    ]);
    const report = {
      values: [
        {
          ...themes,
          values: [
            { raw: 'Procurement', status: 'unknown' },
            { raw: 'pricing', status: 'known' },
          ],
        },
        { ...reasons, values: [{ raw: 'Gut feeling', status: 'unknown' }] },
      ],
    } as unknown as ImportFileReport;
    expect(newAllowed(report)).toEqual([{ field: 'theme', raw: 'Procurement' }]);
  });
  it('puts a new main file first, in place of the old one; related files go after', () => {
    const f = (kind: WizardFile['kind'], id: string) => ({ kind, presetId: id }) as WizardFile;
    const files = [f('interviews', 'a'), f('quotes', 'b')];
    expect(withFile(files, f('interviews', 'c'), 'interviews').map((x) => x.presetId)).toEqual(['c', 'b']);
    expect(withFile(files, f('quotes', 'd'), 'interviews').map((x) => x.presetId)).toEqual(['a', 'b', 'd']);
  });
});
