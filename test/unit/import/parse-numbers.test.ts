import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseNumber } from '#core/import/parse-numbers.ts';

const num = (raw: string, mark: '.' | ',' = '.') => {
  const r = parseNumber(raw, mark);
  return r.ok ? [r.value, r.currency] : `error: ${r.reason}`;
};

describe('parseNumber', () => {
  it('reads plain numbers, thousands separators and currency symbols or codes', () => {
    expect(num('1234.5')).toEqual([1234.5, null]);
    expect(num('$1,234.50')).toEqual([1234.5, null]);
    expect(num('USD 12,500.00')).toEqual([12500, 'USD']);
    expect(num('€ 99')).toEqual([99, 'EUR']);
    expect(num('£1,000,000')).toEqual([1000000, 'GBP']);
    expect(num('1.2E+05')).toEqual([120000, null]);
  });
  it('reads decimal commas with dot, space or apostrophe grouping', () => {
    expect(num('1.234,56 €', ',')).toEqual([1234.56, 'EUR']);
    expect(num('1 234,56', ',')).toEqual([1234.56, null]);
    expect(num('350,5', ',')).toEqual([350.5, null]);
    expect(num("1'000,25 CHF", ',')).toEqual([1000.25, 'CHF']);
    expect(num('2.000', ',')).toEqual([2000, null]);
  });
  it('reads negatives written with a minus, parentheses or a trailing minus', () => {
    expect(num('-50')).toEqual([-50, null]);
    expect(num('(1,200.00)')).toEqual([-1200, null]);
    expect(num('75-')).toEqual([-75, null]);
  });
  it('says why a value is not a number in the file’s format', () => {
    expect(num('abc')).toBe('error: not a number');
    expect(num('1.234,56')).toBe('error: the file uses a decimal point');
    expect(num('12,34,5')).toBe('error: the file uses a decimal point');
  });
});

describe('detectDecimalMark', () => {
  it('decides from values that only fit one mark', () => {
    expect(detectDecimalMark(['1.234,56', '7'], ',')).toEqual({ mark: ',', certain: true });
    expect(detectDecimalMark(['1,234.56', '12.5'], ';')).toEqual({ mark: '.', certain: true });
  });
  it('falls back on the separator when no value decides (European Excel writes ";" and ",")', () => {
    expect(detectDecimalMark(['1,234', '500'], ';')).toEqual({ mark: ',', certain: false });
    expect(detectDecimalMark(['1,234', '500'], ',')).toEqual({ mark: '.', certain: false });
  });
});
