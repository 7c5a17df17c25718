import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '#shared/export/csv.ts';

describe('CSV cells for spreadsheets', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+Plus Co')).toBe("'+Plus Co");
    expect(csvCell('-Minus Co')).toBe("'-Minus Co");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tTabbed')).toBe("'\tTabbed");
    expect(csvCell('\rCR')).toBe('"\'\rCR"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });
  it('keeps numbers as numbers (a negative amount is not text) and quotes what needs it', () => {
    expect(csvCell(-50)).toBe('-50');
    expect(csvCell(1234.5)).toBe('1234.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', 1, null, true])).toBe('a,1,,true\r\n');
  });
});
