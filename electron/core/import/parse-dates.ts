// Dates as CRMs and spreadsheets write them, read into ISO text ('2024-03-31'). ISO, dotted
// (31.03.2024, always day first) and month-name dates are unambiguous. Slashed or dashed dates are
// read with the file's format; 03/04/2024 fits both, so without a stated format it is reported,
// never guessed. A time of day after the date is ignored: deals are dated to the day.
import type { DateFormat } from '#shared/domain/import-mapping.ts';

export type DateResult = { ok: true; iso: string } | { ok: false; reason: string; ambiguous?: boolean };

/** What a slashed date says about the file's format. */
export type DateEvidence = 'day-first' | 'month-first' | 'either' | 'none';

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC)?)?$/i;
const SLASHED = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  return MONTHS[n] ?? MONTHS[n.slice(0, 3)];
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoOf(y: number, m: number, d: number): DateResult {
  if (y < 1900 || y > 2199) return { ok: false, reason: `year ${y} is out of range` };
  if (m < 1 || m > 12) return { ok: false, reason: `there is no month ${m}` };
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  if (d < 1 || d > last) return { ok: false, reason: `there is no day ${d} in ${y}-${pad(m)}` };
  return { ok: true, iso: `${y}-${pad(m)}-${pad(d)}` };
}

const TWO_DIGIT_YEAR: DateResult = {
  ok: false,
  reason: 'the year has two digits; export dates with four-digit years',
};

/** What a slashed/dashed date tells about day-first vs month-first, for detection over a file. */
export function dateEvidence(raw: string): DateEvidence {
  const m = SLASHED.exec(raw.trim());
  if (!m) return 'none';
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return a <= 12 && b <= 12 ? 'either' : 'none';
}

/**
 * Read one date. `format` is the file's format when known (stated by the user or detected); with
 * null, slashed dates that fit both orders come back as ambiguous.
 */
export function parseDate(raw: string, format: DateFormat | null): DateResult {
  const s = raw.trim();
  let m = ISO.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(s);
  if (m) {
    if (m[4]!.length === 2) return TWO_DIGIT_YEAR;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    if (format === 'M/D/YYYY') return isoOf(y, a, b);
    if (format === 'D/M/YYYY' || format === 'D.M.YYYY') return isoOf(y, b, a);
    if (format === 'YYYY-MM-DD') return { ok: false, reason: 'not in the stated YYYY-MM-DD format' };
    if (a > 12 && b <= 12) return isoOf(y, b, a);
    if (b > 12 && a <= 12) return isoOf(y, a, b);
    if (a > 12 && b > 12) return { ok: false, reason: 'neither number can be a month' };
    return {
      ok: false,
      ambiguous: true,
      reason: 'the date fits both day-first and month-first; choose the date format',
    };
  }
  m = DOTTED.exec(s);
  if (m) {
    if (m[3]!.length === 2) return TWO_DIGIT_YEAR;
    return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    if (month) return isoOf(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_NAME_DAY.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    if (month) return isoOf(Number(m[3]), month, Number(m[2]));
  }
  return { ok: false, reason: 'not a date (use 2024-03-31, 3/31/2024, 31/03/2024 or 31.03.2024)' };
}

/**
 * The format a file's slashed dates imply: day-first or month-first when only one fits, null
 * when none of them decides (or there are none). Conflicting evidence also gives null, with
 * `conflict` set, so the user is asked.
 */
export function decideDateFormat(
  dayFirst: number,
  monthFirst: number,
): { format: DateFormat | null; conflict: boolean } {
  if (dayFirst > 0 && monthFirst === 0) return { format: 'D/M/YYYY', conflict: false };
  if (monthFirst > 0 && dayFirst === 0) return { format: 'M/D/YYYY', conflict: false };
  return { format: null, conflict: dayFirst > 0 && monthFirst > 0 };
}
