import { describe, expect, it } from 'vitest';
import { dateEvidence, decideDateFormat, parseDate } from '#core/import/parse-dates.ts';

const iso = (raw: string, format: Parameters<typeof parseDate>[1] = null) => {
  const r = parseDate(raw, format);
  return r.ok ? r.iso : `error: ${r.reason}`;
};

describe('parseDate', () => {
  it('reads ISO dates and datetimes as the written day', () => {
    expect(iso('2024-03-31')).toBe('2024-03-31');
    expect(iso('2024-3-5')).toBe('2024-03-05');
    expect(iso('2024-03-31T23:30:00.000Z')).toBe('2024-03-31');
    expect(iso('2024-03-31 10:15')).toBe('2024-03-31');
    expect(iso('2024/03/31')).toBe('2024-03-31');
  });
  it('reads dotted dates day first, and month names in either order', () => {
    expect(iso('31.03.2024')).toBe('2024-03-31');
    expect(iso('1.2.2024')).toBe('2024-02-01');
    expect(iso('31-Mar-2024')).toBe('2024-03-31');
    expect(iso('Mar 31, 2024')).toBe('2024-03-31');
    expect(iso('March 5 2024')).toBe('2024-03-05');
  });
  it('reads slashed dates with the stated format', () => {
    expect(iso('03/04/2024', 'M/D/YYYY')).toBe('2024-03-04');
    expect(iso('03/04/2024', 'D/M/YYYY')).toBe('2024-04-03');
    expect(iso('03/04/2024', 'D.M.YYYY')).toBe('2024-04-03');
    expect(iso('3/28/2024 10:15 AM', 'M/D/YYYY')).toBe('2024-03-28');
    expect(iso('03/04/2024', 'YYYY-MM-DD')).toBe('error: not in the stated YYYY-MM-DD format');
  });
  it('reads unambiguous slashed dates without a format, and reports ambiguous ones', () => {
    expect(iso('31/03/2024')).toBe('2024-03-31');
    expect(iso('3/31/2024')).toBe('2024-03-31');
    const r = parseDate('03/04/2024', null);
    expect(r).toEqual({
      ok: false,
      ambiguous: true,
      reason: 'the date fits both day-first and month-first; choose the date format',
    });
  });
  it('refuses impossible dates and two-digit years with the reason', () => {
    expect(iso('2024-02-30')).toBe('error: there is no day 30 in 2024-02');
    expect(iso('2023-02-29')).toBe('error: there is no day 29 in 2023-02');
    expect(iso('2024-02-29')).toBe('2024-02-29');
    expect(iso('13/13/2024')).toBe('error: neither number can be a month');
    expect(iso('3/31/24')).toBe('error: the year has two digits; export dates with four-digit years');
    expect(iso('next week')).toBe('error: not a date (use 2024-03-31, 3/31/2024, 31/03/2024 or 31.03.2024)');
  });
});

describe('date format detection', () => {
  it('takes evidence only from slashed dates that fit one order', () => {
    expect(dateEvidence('31/03/2024')).toBe('day-first');
    expect(dateEvidence('3/31/2024')).toBe('month-first');
    expect(dateEvidence('03/04/2024')).toBe('either');
    expect(dateEvidence('2024-03-31')).toBe('none');
  });
  it('decides when the evidence agrees, and asks when it is absent or contradicts', () => {
    expect(decideDateFormat(3, 0)).toEqual({ format: 'D/M/YYYY', conflict: false });
    expect(decideDateFormat(0, 1)).toEqual({ format: 'M/D/YYYY', conflict: false });
    expect(decideDateFormat(0, 0)).toEqual({ format: null, conflict: false });
    expect(decideDateFormat(2, 5)).toEqual({ format: null, conflict: true });
  });
});
