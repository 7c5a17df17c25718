// The two periods a comparison sets side by side (change over time, the overview's movers). One
// rule, here: never a whole period against a partial one. Either both periods are complete (the
// latest quarter or year the data has fully seen, and the one before), or both cover the same
// number of days (to date vs the same days before). "The data has seen" is judged by the last close
// date in the workspace: a quarter is complete once the data reaches its last day.
// docs/METRICS.md#change-over-time.
import type { Period } from './win-rates.ts';
import { addMonths, dayToIso, isoToDay } from './dates.ts';

export type ComparePreset = 'quarter' | 'quarterToDate' | 'twelveMonths' | 'year' | 'yearToDate' | 'custom';

export const COMPARE_PRESET_LABEL: Record<ComparePreset, string> = {
  quarter: 'Latest complete quarter vs the quarter before',
  quarterToDate: 'This quarter to date vs the same days of the quarter before',
  twelveMonths: 'Last 12 months vs the 12 before',
  year: 'Latest complete year vs the year before',
  yearToDate: 'This year to date vs the same days last year',
  custom: 'Any two periods',
};

const addDays = (iso: string, days: number) => dayToIso(isoToDay(iso) + days);

function quarterStart(iso: string): string {
  const m = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
}

const quarterEnd = (iso: string) => addDays(addMonths(quarterStart(iso), 3), -1);

/**
 * Equal spans of a year ending on `last`: B is the 365 (or 366) days up to and including `last`,
 * A the year before it.
 */
export function trailingYearSpans(last: string): { a: Period; b: Period } {
  const yearAgo = addMonths(last, -12);
  return {
    a: { from: addDays(addMonths(last, -24), 1), to: yearAgo },
    b: { from: addDays(yearAgo, 1), to: last },
  };
}

/** Periods A (earlier) and B (later) for a preset, given the data's last close date. */
export function comparePeriods(preset: Exclude<ComparePreset, 'custom'>, last: string): { a: Period; b: Period } {
  switch (preset) {
    case 'quarter': {
      // The quarter of `last` if the data reaches its end, else the one before: both whole.
      const end = quarterEnd(last) === last ? last : addDays(quarterStart(last), -1);
      const bFrom = quarterStart(end);
      const aFrom = addMonths(bFrom, -3);
      return { a: { from: aFrom, to: addDays(bFrom, -1) }, b: { from: bFrom, to: end } };
    }
    case 'quarterToDate': {
      const bFrom = quarterStart(last);
      const aFrom = addMonths(bFrom, -3);
      const days = isoToDay(last) - isoToDay(bFrom);
      const aTo = addDays(aFrom, days);
      return { a: { from: aFrom, to: aTo < bFrom ? aTo : addDays(bFrom, -1) }, b: { from: bFrom, to: last } };
    }
    case 'twelveMonths':
      return trailingYearSpans(last);
    case 'year': {
      const y = Number(last.slice(0, 4)) - (last.endsWith('-12-31') ? 0 : 1);
      return { a: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` }, b: { from: `${y}-01-01`, to: `${y}-12-31` } };
    }
    case 'yearToDate': {
      const y = Number(last.slice(0, 4));
      return { a: { from: `${y - 1}-01-01`, to: addMonths(last, -12) }, b: { from: `${y}-01-01`, to: last } };
    }
  }
}

/** True when the data ends before the period does (a custom period running past the last close). */
export function isIncomplete(period: Period, last: string | null): boolean {
  return last !== null && (period.to === undefined || period.to > last);
}
