// What history says for the needed-MQL planner (docs/METRICS.md#needed-mqls): MQL-to-won over the
// window's mature cohorts, won new-business deal sizes, the MQL run-rate and the MQL-to-won lag.
// SQL counts in one pass over the funnel's items; the intervals come from shared/analytics.
import type Database from 'better-sqlite3';
import { dealSizeEstimate } from '#shared/analytics/deal-size.ts';
import { percentileSorted } from '#shared/analytics/percentile.ts';
import { rateOf } from '#shared/analytics/rate.ts';
import {
  lastCompleteMonths,
  lastCompleteQuarters,
  lastMatureQuarterEnd,
  nextQuarter,
  parsePlanPeriod,
} from '#shared/domain/plan-period.ts';
import type { PlanHistory } from '#shared/domain/plans.ts';
import type { ConfidenceThresholds } from '#shared/domain/settings.ts';
import { AppError } from '../errors.ts';
import { dataAsOf, maturityDays, mqlToWonDays } from './funnel-queries.ts';
import { itemsSql } from './funnel-sql.ts';

export interface HistoryQuery {
  /** The target period (2026, 2026-Q3, 2026-07); default the quarter after the data's last date. */
  period: string | null;
  /** The history window; default the last four complete quarters. */
  from: string | null;
  to: string | null;
}

export function planHistory(
  sqlite: Database.Database,
  q: HistoryQuery,
  t: ConfidenceThresholds,
  today: string,
): PlanHistory {
  const asOf = dataAsOf(sqlite);
  const period = q.period === null ? nextQuarter(asOf ?? today) : parsePlanPeriod(q.period);
  if (!period)
    throw new AppError(
      'invalid_argument',
      `Period "${q.period}": name a year (2026), a quarter (2026-Q3) or a month (2026-07)`,
    );
  const days = maturityDays(sqlite);
  const history: PlanHistory = {
    asOf,
    window: null,
    maturityDays: days,
    matureTo: null,
    rate: null,
    dealSize: null,
    runRate: null,
    lag: null,
    period,
  };
  if (asOf === null) return history;
  const defaults = lastCompleteQuarters(asOf);
  const window = { from: q.from ?? defaults.from, to: q.to ?? defaults.to };
  if (window.from > window.to)
    throw new AppError('invalid_argument', `The history window starts (${window.from}) after it ends (${window.to})`);
  const lastMature = days === null ? null : lastMatureQuarterEnd(asOf, days);
  const matureTo = lastMature === null ? null : lastMature < window.to ? lastMature : window.to;
  const months = lastCompleteMonths(asOf);
  const counts = sqlite
    .prepare(
      `SELECT COALESCE(SUM(e_mql BETWEEN @from AND @matureTo), 0) AS mqls,
         COALESCE(SUM(e_mql BETWEEN @from AND @matureTo AND outcome = 'won'), 0) AS won,
         COALESCE(SUM(e_mql BETWEEN @runFrom AND @runTo), 0) AS run
       FROM (${itemsSql({ by: null })}) WHERE e_mql IS NOT NULL`,
    )
    .get({ from: window.from, matureTo: matureTo ?? '', runFrom: months.from, runTo: months.to }) as {
    mqls: number;
    won: number;
    run: number;
  };
  const amounts = sqlite
    .prepare(
      `SELECT amount FROM deals WHERE outcome = 'won' AND deal_type = 'new_business' AND amount > 0
         AND close_date BETWEEN ? AND ?`,
    )
    .pluck()
    .all(window.from, window.to) as number[];
  const wonDays = mqlToWonDays(sqlite);
  const median = percentileSorted(wonDays, 0.5);
  return {
    ...history,
    window,
    matureTo: matureTo !== null && matureTo >= window.from ? matureTo : null,
    rate: counts.mqls > 0 ? rateOf(counts.won, counts.mqls, t) : null,
    dealSize: dealSizeEstimate(amounts, t),
    runRate: { ...months, mqls: counts.run, perMonth: counts.run / 3 },
    lag: median === null ? null : { days: Math.round(median), n: wonDays.length },
  };
}
