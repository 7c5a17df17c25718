// A revenue line's date: a day (any form parse-dates.ts reads, or 19970101 as in the CDNOW log)
// or a month on its own (2024-03, 2024/03, 03/2024, 3.2024, Mar 2024, March-2024). Revenue is
// booked by month, so both give the month; a day is kept too, because the file's last day tells
// whether its last month is complete.
import type { DateFormat } from '#shared/domain/import-mapping.ts';
import { parseDate } from './parse-dates.ts';

export type PeriodResult =
  | {
      ok: true;
      /** First day of the month: '2024-03-01'. */ period: string;
      /** The day, when given. */ day: string | null;
    }
  | { ok: false; reason: string; ambiguous?: boolean };

const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const NAME_YEAR = /^([a-z]{3,9})\.?[\s-]+(\d{4})$/i;
const YEAR_NAME = /^(\d{4})[\s-]+([a-z]{3,9})\.?$/i;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const TWO_DIGIT_YEAR = /^(?:[a-z]{3,9}\.?[\s-]+|\d{1,2}[-/.])\d{2}$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthNamed(name: string): number | null {
  const n = name.toLowerCase();
  if (n === 'sept') return 9;
  const short = MONTHS.indexOf(n);
  if (short >= 0) return short + 1;
  const full = FULL.indexOf(n);
  return full >= 0 ? full + 1 : null;
}

function monthOf(y: number, m: number): PeriodResult {
  if (y < 1900 || y > 2199) return { ok: false, reason: `year ${y} is out of range` };
  if (m < 1 || m > 12) return { ok: false, reason: `there is no month ${m}` };
  return { ok: true, period: `${y}-${m < 10 ? '0' : ''}${m}-01`, day: null };
}

/** The forms a revenue date may take, for messages. */
export const REVENUE_DATE_FORMS = 'a day (2024-03-15, 3/15/2024, 15.03.2024) or a month (2024-03, 03/2024, Mar 2024)';

/** Read a revenue line's date; `format` is the file's day format (for slashed days like 03/04/2024). */
export function parseRevenueDate(raw: string, format: DateFormat | null): PeriodResult {
  const s = raw.trim();
  let m = YEAR_MONTH.exec(s);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR.exec(s);
  if (m) return monthOf(Number(m[2]), Number(m[1]));
  m = NAME_YEAR.exec(s);
  if (m) {
    const month = monthNamed(m[1]!);
    if (month !== null) return monthOf(Number(m[2]), month);
  }
  m = YEAR_NAME.exec(s);
  if (m) {
    const month = monthNamed(m[2]!);
    if (month !== null) return monthOf(Number(m[1]), month);
  }
  if (TWO_DIGIT_YEAR.test(s))
    return { ok: false, reason: 'the year has two digits; export dates with four-digit years' };
  m = COMPACT_DAY.exec(s);
  const day = parseDate(m ? `${m[1]}-${m[2]}-${m[3]}` : s, format);
  if (!day.ok) {
    if (day.ambiguous) return day;
    return {
      ok: false,
      reason: day.reason.startsWith('not a date') ? `not a date or month (use ${REVENUE_DATE_FORMS})` : day.reason,
    };
  }
  return { ok: true, period: `${day.iso.slice(0, 7)}-01`, day: day.iso };
}
