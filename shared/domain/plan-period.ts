// The periods the planner works with (docs/METRICS.md#needed-mqls): the target period the user
// names (a year, a quarter or a month), the default history window (the last four complete
// quarters) and the run-rate's last three complete months. "Complete" follows the rest of the app:
// a period is complete once the data's last date reaches its last day.
import { addMonths, dayToIso, isoToDay } from './dates.ts';

export interface PlanPeriod {
  /** As the user wrote it, normalised: 2026, 2026-Q3 or 2026-07. */
  label: string;
  from: string;
  to: string;
  months: number;
}

const addDays = (iso: string, days: number) => dayToIso(isoToDay(iso) + days);
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026 | 2026-Q3 | 2026-07 (also 2026Q3, q3 in any case); null when it is none of those. */
export function parsePlanPeriod(text: string): PlanPeriod | null {
  const s = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) return { label: m[1]!, from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, months: 12 };
  m = /^(\d{4})-?Q([1-4])$/.exec(s);
  if (m) {
    const from = `${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01`;
    return { label: `${m[1]}-Q${m[2]}`, from, to: addDays(addMonths(from, 3), -1), months: 3 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const from = `${m[1]}-${m[2]}-01`;
    return { label: `${m[1]}-${m[2]}`, from, to: addDays(addMonths(from, 1), -1), months: 1 };
  }
  return null;
}

const quarterStart = (iso: string) =>
  `${iso.slice(0, 4)}-${pad(Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1)}-01`;

/** The quarter after the one `day` falls in: the default target period. */
export function nextQuarter(day: string): PlanPeriod {
  const from = addMonths(quarterStart(day), 3);
  return parsePlanPeriod(`${from.slice(0, 4)}-Q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1}`)!;
}

/** The last four complete quarters up to `asOf` (the default history window). */
export function lastCompleteQuarters(asOf: string, count = 4): { from: string; to: string } {
  const start = quarterStart(asOf);
  const end = addDays(addMonths(start, 3), -1) === asOf ? addMonths(start, 3) : start;
  return { from: addMonths(end, -3 * count), to: addDays(end, -1) };
}

/** The last three complete months up to `asOf` (the run-rate's months). */
export function lastCompleteMonths(asOf: string, count = 3): { from: string; to: string } {
  const start = `${asOf.slice(0, 7)}-01`;
  const end = addDays(addMonths(start, 1), -1) === asOf ? addMonths(start, 1) : start;
  return { from: addMonths(end, -count), to: addDays(end, -1) };
}

/** The last day of the latest quarter whose cohort is mature: its end + P90 days on or before asOf. */
export function lastMatureQuarterEnd(asOf: string, maturityDays: number): string {
  const latestEnd = addDays(asOf, -maturityDays);
  const start = quarterStart(latestEnd);
  const end = addDays(addMonths(start, 3), -1);
  return end === latestEnd ? end : addDays(start, -1);
}

export { addDays as shiftDays };
