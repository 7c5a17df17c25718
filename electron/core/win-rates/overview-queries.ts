// The win/loss overview: overall win rate over time, the share of no-decision outcomes,
// competitors by encounters and by interval lower bound, and the biggest significant movers of the
// last twelve months against the twelve before. New business only unless asked for all deal types:
// renewals are nearly always won and would swamp the competitive picture.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import { quarterOf } from '#shared/domain/dates.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type {
  Dimension,
  MatrixFilter,
  MatrixQuery,
  Mover,
  OverviewScope,
  OverviewSummary,
  Period,
  TrendPoint,
} from '#shared/domain/win-rates.ts';
import { trailingYearSpans } from '#shared/domain/compare-periods.ts';
import { compareMatrix, periodRange } from './change-queries.ts';
import { computeMatrix } from './matrix-queries.ts';
import { competitorSummaries } from '../competitors/competitor-rates.ts';
import { andMore, closedSql, dealTypeParts, endedSql, periodParts } from '../rules/deal-rules.ts';

const MOVER_DIMENSIONS: Dimension[] = ['competitor', 'segment', 'region', 'product'];

/**
 * "This period" for movers: the year up to the last close date against the year before it, equal
 * spans (shared/domain/compare-periods.ts). A year gives intervals narrow enough to find a change;
 * a quarter rarely does.
 */
export const trailingYears = trailingYearSpans;

/** First and last close date of closed deals: two walks down the close-date index, one row each. */
export function closeDateRange(
  sqlite: Database.Database,
  settings: Settings,
): { first: string | null; last: string | null } {
  const end = (dir: 'ASC' | 'DESC') =>
    (
      sqlite
        .prepare(
          `SELECT close_date AS d FROM deals WHERE ${closedSql('+outcome', settings)} AND close_date IS NOT NULL
            ORDER BY close_date ${dir} LIMIT 1`,
        )
        .get() as { d: string } | undefined
    )?.d ?? null;
  return { first: end('ASC'), last: end('DESC') };
}

export function overviewSummary(
  sqlite: Database.Database,
  settings: Settings,
  period: Period = {},
  scope: OverviewScope = 'newBusiness',
): OverviewSummary {
  const range = closeDateRange(sqlite, settings);
  const filters: MatrixFilter[] = scope === 'newBusiness' ? [{ dim: 'dealType', values: ['new_business'] }] : [];
  const base: MatrixQuery = { rows: 'closeQuarter', cols: 'none', measure: 'count', period, filters };
  const byQuarter = computeMatrix(sqlite, base, settings);
  const quarterKeys = byQuarter.rows.map((r) => r.key).filter((k): k is string => k !== null);
  const periods = quarterKeys.length ? periodRange('closeQuarter', quarterKeys[0]!, quarterKeys.at(-1)!) : [];
  const totals = new Map(byQuarter.rowTotals.map((t) => [t.row, t]));
  const winRateOverTime: TrendPoint[] = periods.map((p) => {
    const t = totals.get(p);
    return { period: p, won: t?.won ?? 0, closed: t?.closed ?? 0, rate: rateOf(t?.won ?? 0, t?.closed ?? 0, settings) };
  });

  // No decision share of everything that ended (won + lost + no decision), whatever the setting.
  // Grouped by close date (index order, no sort) and folded into quarters here.
  const within = andMore([
    ...periodParts('close_date', period),
    ...dealTypeParts('deal_type', scope === 'newBusiness' ? 'new_business' : null),
  ]);
  const ndRows = sqlite
    .prepare(
      `SELECT close_date AS day, count(*) FILTER (WHERE outcome = 'no_decision') AS nd, count(*) AS ended
         FROM deals WHERE ${endedSql('+outcome')}${within.sql}
        GROUP BY 1`,
    )
    .all(...within.params) as {
    day: string;
    nd: number;
    ended: number;
  }[];
  const ndByPeriod = new Map<string, { nd: number; ended: number }>();
  for (const r of ndRows) {
    const q = quarterOf(r.day);
    const t = ndByPeriod.get(q) ?? { nd: 0, ended: 0 };
    ndByPeriod.set(q, { nd: t.nd + r.nd, ended: t.ended + r.ended });
  }
  const nd = [...ndByPeriod.values()];
  const ndTotal = nd.reduce((t, r) => ({ nd: t.nd + r.nd, ended: t.ended + r.ended }), { nd: 0, ended: 0 });

  let movers: Mover[] = [];
  let quarters: { a: Period; b: Period } | null = null;
  const last = period.to && range.last && period.to < range.last ? period.to : range.last;
  if (last) {
    quarters = trailingYears(last);
    for (const dim of MOVER_DIMENSIONS) {
      const change = compareMatrix(
        sqlite,
        { rows: dim, cols: 'none', measure: 'count', period: {}, filters },
        quarters.a,
        quarters.b,
        settings,
      );
      const labels = new Map(change.rows.map((r) => [r.key, r.label]));
      movers.push(
        ...change.rowTotals
          .filter((c) => c.significant)
          .map((c) => ({ ...c, dimension: dim, label: labels.get(c.row) ?? String(c.row) })),
      );
    }
    movers = movers.sort((x, y) => Math.abs(y.difference ?? 0) - Math.abs(x.difference ?? 0)).slice(0, 12);
  }

  return {
    period,
    scope,
    definition: closedDefinition(settings),
    includeNoDecision: settings.includeNoDecision,
    currency: settings.currency,
    thresholds: { lowConfidenceBelowN: settings.lowConfidenceBelowN, hideRateBelowN: settings.hideRateBelowN },
    firstCloseDate: range.first,
    lastCloseDate: range.last,
    overall: byQuarter.overall,
    winRateOverTime,
    noDecisionShare: rateOf(ndTotal.nd, ndTotal.ended, settings),
    noDecisionOverTime: periods.map((p) => {
      const r = ndByPeriod.get(p);
      return { period: p, share: rateOf(r?.nd ?? 0, r?.ended ?? 0, settings) };
    }),
    competitors: competitorSummaries(sqlite, settings, {
      period,
      dealType: scope === 'newBusiness' ? 'new_business' : null,
    }),
    moversA: quarters?.a ?? null,
    moversB: quarters?.b ?? null,
    movers,
  };
}
