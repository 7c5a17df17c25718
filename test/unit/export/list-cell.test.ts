// Several names in one cell: written by Winnow's exports, read back whole by the importer.
import { describe, expect, it } from 'vitest';
import { listCell, parseListCell, splitPrimaryMark } from '#shared/export/list-cell.ts';
import { exportedId, parseWinnowId, winnowId } from '#shared/domain/winnow-ids.ts';

describe('list cells', () => {
  it('joins plain names with "; " and quotes a name holding the separator or starting with a quote', () => {
    expect(listCell(['Price', 'Missing integration'])).toBe('Price; Missing integration');
    expect(listCell(['Price; packaging (loss)', 'Support (win)'])).toBe('"Price; packaging (loss)"; Support (win)');
    expect(listCell(['"Best" vendor'])).toBe('"""Best"" vendor"');
    expect(listCell([])).toBe('');
  });

  it('reads back exactly what it wrote', () => {
    for (const items of [
      ['Price', 'Missing integration'],
      ['Price; packaging (loss)', 'Support (win)'],
      ['"Best" vendor', 'a;b;c', 'plain'],
      ['Acme (primary)', 'Brightline'],
    ]) {
      expect(parseListCell(listCell(items))).toEqual(items);
    }
  });

  it('reads CRM cells as before: split on the separator, trimmed, blanks dropped, an unclosed quote kept', () => {
    expect(parseListCell('Acme;Brightline ; ;Cobalt')).toEqual(['Acme', 'Brightline', 'Cobalt']);
    expect(parseListCell('Acme|Brightline', '|')).toEqual(['Acme', 'Brightline']);
    expect(parseListCell('"Acme; Brightline')).toEqual(['"Acme', 'Brightline']);
  });

  it('splits the primary mark from a competitor name', () => {
    expect(splitPrimaryMark('Acme Corp (primary)')).toEqual({ name: 'Acme Corp', primary: true });
    expect(splitPrimaryMark('Acme Corp')).toEqual({ name: 'Acme Corp', primary: false });
    expect(splitPrimaryMark(' (primary)')).toEqual({ name: ' (primary)', primary: false });
  });
});

describe('Winnow ids for records without a CRM id', () => {
  it('writes winnow-<id> and reads it back; other ids are not Winnow ids', () => {
    expect(winnowId(42)).toBe('winnow-42');
    expect(exportedId(null, 42)).toBe('winnow-42');
    expect(exportedId('OPP-1', 42)).toBe('OPP-1');
    expect(parseWinnowId('winnow-42')).toBe(42);
    expect(parseWinnowId('winnow-042')).toBeNull();
    expect(parseWinnowId('winnow-')).toBeNull();
    expect(parseWinnowId('OPP-42')).toBeNull();
  });
});
