// Periods as integers: a month index (year * 12 + month - 1) and, per grain, a period index
// (month index divided by the months per period, rounded down). Integers make "k periods later"
// plain arithmetic in SQL and here; labels are made only for display.
import type { Grain } from '../domain/retention.ts';
import { GRAIN_MONTHS } from '../domain/retention.ts';

/** '2024-03-15' (or '2024-03-01', '2024-03') -> 2024 * 12 + 2. */
export function monthIndex(iso: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`Not a month: ${iso}`);
  return Number(m[1]) * 12 + month - 1;
}

/**
 * True when a day ('1998-06-30') is the last day of its period at this grain: data that runs to
 * it covers the whole period, which is then complete. A month alone ('1998-06-01' as a period,
 * '1998-06') never is: nothing says its last day was reached.
 */
export function endsPeriod(iso: string, grain: Grain): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return Number(m[3]) === last && month % GRAIN_MONTHS[grain] === 0;
}

/** The period (at this grain) that a month index falls in. */
export function periodOfMonth(month: number, grain: Grain): number {
  return Math.floor(month / GRAIN_MONTHS[grain]);
}

/** The first month index of a period. */
export function firstMonthOfPeriod(period: number, grain: Grain): number {
  return period * GRAIN_MONTHS[grain];
}

/** Periods that make twelve months at this grain (the TTM lookback). */
export function periodsPerYear(grain: Grain): number {
  return 12 / GRAIN_MONTHS[grain];
}

/** 2024 * 12 + 2 at month grain -> '2024-03'; at quarter grain 2024 * 4 + 0 -> '2024-Q1'; year -> '2024'. */
export function periodLabel(period: number, grain: Grain): string {
  if (grain === 'year') return String(period);
  if (grain === 'quarter') return `${Math.floor(period / 4)}-Q${(period % 4) + 1}`;
  return `${Math.floor(period / 12)}-${String((period % 12) + 1).padStart(2, '0')}`;
}

/** Parses a label made by periodLabel back to its index (for the CLI and saved views). */
export function parsePeriodLabel(label: string, grain: Grain): number | null {
  const text = label.trim();
  if (grain === 'year') return /^\d{4}$/.test(text) ? Number(text) : null;
  if (grain === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(text);
    return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : null;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Short name of the "periods since start" axis. */
export function ageLabel(k: number, grain: Grain): string {
  return `${grain === 'month' ? 'M' : grain === 'quarter' ? 'Q' : 'Y'}${k}`;
}
