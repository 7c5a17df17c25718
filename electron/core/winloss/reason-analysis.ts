// Top win and loss reasons: per outcome, how many interviewed deals cite each reason (or
// category) with the matching driver. Counted in SQL with count(DISTINCT deal): a deal with two
// interviews citing the same reason counts once.
import type Database from 'better-sqlite3';
import { paretoRows } from '#shared/analytics/pareto.ts';
import type { Driver } from '#shared/domain/enums.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { AnalysisFilters, ReasonAnalysis, ReasonLevel, ReasonPanel } from '#shared/domain/winloss.ts';
import { materializeScope, readScope } from './analysis-scope.ts';

const PANELS: { outcome: ReasonPanel['outcome']; driver: Driver }[] = [
  { outcome: 'won', driver: 'win' },
  { outcome: 'lost', driver: 'loss' },
  { outcome: 'no_decision', driver: 'loss' },
];

const KEY_SQL: Record<ReasonLevel, string> = { reason: 'r.id', category: 'r.category_id' };

export function reasonAnalysis(
  sqlite: Database.Database,
  filters: AnalysisFilters,
  level: ReasonLevel,
  primaryOnly: boolean,
  settings: Settings,
): ReasonAnalysis {
  const scope = materializeScope(sqlite, filters);
  const summary = readScope(sqlite, scope, filters.includeDrafts ?? false);
  const counts = sqlite
    .prepare(
      `WITH ${scope.cte}
       SELECT si.outcome, ir.driver, ${KEY_SQL[level]} AS id,
              count(DISTINCT si.deal_id) AS deals, count(DISTINCT si.interview_id) AS interviews
         FROM si
         JOIN interview_reasons ir ON ir.interview_id = si.interview_id
         JOIN reasons r ON r.id = ir.reason_id
        ${primaryOnly ? 'WHERE ir.is_primary = 1' : ''}
        GROUP BY si.outcome, ir.driver, ${KEY_SQL[level]}`,
    )
    .all(scope.params) as { outcome: string; driver: Driver; id: number; deals: number; interviews: number }[];

  const labels = new Map<number, { label: string; category: string; retired: boolean }>();
  if (level === 'reason') {
    const rows = sqlite
      .prepare(
        `SELECT r.id, r.name, c.name AS category, (r.retired_at IS NOT NULL OR c.retired_at IS NOT NULL) AS retired
           FROM reasons r JOIN reason_categories c ON c.id = r.category_id`,
      )
      .all() as { id: number; name: string; category: string; retired: number }[];
    for (const r of rows) labels.set(r.id, { label: r.name, category: r.category, retired: r.retired === 1 });
  } else {
    const rows = sqlite.prepare('SELECT id, name, retired_at IS NOT NULL AS retired FROM reason_categories').all() as {
      id: number;
      name: string;
      retired: number;
    }[];
    for (const c of rows) labels.set(c.id, { label: c.name, category: c.name, retired: c.retired === 1 });
  }

  const panels = PANELS.map(({ outcome, driver }) => {
    const o = summary.byOutcome.find((b) => b.outcome === outcome)!;
    const citations = counts
      .filter((c) => c.outcome === outcome && c.driver === driver)
      .map((c) => ({
        id: c.id,
        label: labels.get(c.id)?.label ?? `#${c.id}`,
        deals: c.deals,
        interviews: c.interviews,
      }));
    return {
      outcome,
      driver,
      n: o.deals,
      interviews: o.interviews,
      rows: paretoRows(citations, o.deals, settings).map((r) => ({
        ...r,
        category: labels.get(r.id)?.category ?? '',
        retired: labels.get(r.id)?.retired ?? false,
      })),
    };
  });
  return { scope: summary, level, primaryOnly, panels };
}
