import { describe, expect, it } from 'vitest';
import {
  ageLabel,
  endsPeriod,
  firstMonthOfPeriod,
  monthIndex,
  parsePeriodLabel,
  periodLabel,
  periodOfMonth,
  periodsPerYear,
} from '#shared/analytics/cohort-periods.ts';

describe('cohort periods', () => {
  it('numbers months, quarters and years so that k periods later is + k', () => {
    expect(monthIndex('2024-03-15')).toBe(2024 * 12 + 2);
    expect(monthIndex('2024-12')).toBe(2024 * 12 + 11);
    expect(() => monthIndex('2024-13-01')).toThrow(/Not a month/);
    expect(() => monthIndex('March 2024')).toThrow(/Not an ISO date/);
    const nov = monthIndex('2024-11-30');
    expect(periodOfMonth(nov, 'month')).toBe(nov);
    expect(periodOfMonth(nov, 'quarter')).toBe(2024 * 4 + 3);
    expect(periodOfMonth(nov, 'year')).toBe(2024);
    expect(firstMonthOfPeriod(2024 * 4 + 3, 'quarter')).toBe(monthIndex('2024-10-01'));
    expect([periodsPerYear('month'), periodsPerYear('quarter'), periodsPerYear('year')]).toEqual([12, 4, 1]);
  });

  it('labels and parses periods', () => {
    expect(periodLabel(2024 * 12 + 2, 'month')).toBe('2024-03');
    expect(periodLabel(2024 * 4 + 3, 'quarter')).toBe('2024-Q4');
    expect(periodLabel(2024, 'year')).toBe('2024');
    const samples = [
      ['month', 2023 * 12 + 7],
      ['quarter', 2024 * 4 + 1],
      ['year', 2025],
    ] as const;
    for (const [grain, p] of samples) expect(parsePeriodLabel(periodLabel(p, grain), grain)).toBe(p);
    expect(parsePeriodLabel('2024-Q5', 'quarter')).toBeNull();
    expect(parsePeriodLabel('2024-00', 'month')).toBeNull();
    expect(ageLabel(3, 'quarter')).toBe('Q3');
  });

  it('a day that ends its period makes the period complete; a month alone never does', () => {
    expect(endsPeriod('1998-06-30', 'month')).toBe(true);
    expect(endsPeriod('1998-06-30', 'quarter')).toBe(true);
    expect(endsPeriod('1998-06-30', 'year')).toBe(false);
    expect(endsPeriod('1998-06-29', 'month')).toBe(false);
    expect(endsPeriod('2024-02-29', 'month')).toBe(true);
    expect(endsPeriod('2023-02-28', 'month')).toBe(true);
    expect(endsPeriod('2024-02-28', 'month')).toBe(false);
    expect(endsPeriod('2024-12-31', 'year')).toBe(true);
    expect(endsPeriod('2024-05-31', 'quarter')).toBe(false);
    expect(endsPeriod('2024-06-01', 'month')).toBe(false);
    expect(endsPeriod('2024-06', 'month')).toBe(false);
  });
});
