import { describe, expect, it } from 'vitest';
import { addMonths, dayToIso, isoToDay, monthStart, quarterOf } from '#shared/domain/dates.ts';

describe('dates', () => {
  it('round-trips ISO dates through day numbers', () => {
    expect(isoToDay('1970-01-01')).toBe(0);
    expect(isoToDay('2024-02-29') - isoToDay('2024-02-28')).toBe(1);
    expect(dayToIso(isoToDay('2026-10-31'))).toBe('2026-10-31');
  });
  it('rejects what is not a real date', () => {
    expect(() => isoToDay('2025-02-29')).toThrow('Not a real date');
    expect(() => isoToDay('31/03/2025')).toThrow('Not an ISO date');
  });
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
  });
  it('names quarters and months', () => {
    expect(quarterOf('2025-03-31')).toBe('2025-Q1');
    expect(quarterOf('2025-10-01')).toBe('2025-Q4');
    expect(monthStart('2025-08-14')).toBe('2025-08-01');
  });
});
