// Theme frequency over time: per period of the deals' close dates, the share of interviewed
// deals with at least one quote tagged with each theme (a deal counts once per theme and period).
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { AnalysisFilters, Granularity, ThemeTrend } from '#shared/domain/winloss.ts';
import { materializeScope, readScope } from './analysis-scope.ts';

const PERIOD_SQL: Record<Granularity, string> = {
  quarter: "substr(si.close_date, 1, 4) || '-Q' || ((CAST(substr(si.close_date, 6, 2) AS INTEGER) + 2) / 3)",
  year: 'substr(si.close_date, 1, 4)',
};

export function themeTrend(
  sqlite: Database.Database,
  filters: AnalysisFilters,
  granularity: Granularity,
  settings: Settings,
): ThemeTrend {
  const scope = materializeScope(sqlite, filters);
  const summary = readScope(sqlite, scope, filters.includeDrafts ?? false);
  const period = PERIOD_SQL[granularity];
  const periods = sqlite
    .prepare(
      `WITH ${scope.cte}
       SELECT ${period} AS period, count(DISTINCT si.deal_id) AS deals FROM si GROUP BY 1 ORDER BY 1`,
    )
    .all(scope.params) as { period: string; deals: number }[];
  const cells = sqlite
    .prepare(
      `WITH ${scope.cte}
       SELECT ${period} AS period, qt.theme_id AS themeId, count(DISTINCT si.deal_id) AS deals
         FROM si JOIN quotes q ON q.interview_id = si.interview_id JOIN quote_themes qt ON qt.quote_id = q.id
        GROUP BY 1, 2`,
    )
    .all(scope.params) as { period: string; themeId: number; deals: number }[];
  const totals = new Map(
    (
      sqlite
        .prepare(
          `WITH ${scope.cte}
           SELECT qt.theme_id AS themeId, count(DISTINCT si.deal_id) AS deals
             FROM si JOIN quotes q ON q.interview_id = si.interview_id JOIN quote_themes qt ON qt.quote_id = q.id
            GROUP BY 1`,
        )
        .all(scope.params) as { themeId: number; deals: number }[]
    ).map((r) => [r.themeId, r.deals]),
  );
  const themes = sqlite.prepare('SELECT id, name FROM themes').all() as { id: number; name: string }[];
  const index = new Map(cells.map((c) => [`${c.themeId}:${c.period}`, c.deals]));
  return {
    scope: summary,
    granularity,
    periods,
    themes: themes
      .filter((t) => totals.has(t.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        deals: totals.get(t.id)!,
        cells: periods.map((p) => rateOf(index.get(`${t.id}:${p.period}`) ?? 0, p.deals, settings)),
      }))
      .sort((a, b) => b.deals - a.deals || a.name.localeCompare(b.name)),
  };
}
