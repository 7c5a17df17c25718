// Which interviews an analysis looks at: interviews on closed deals, complete ones unless drafts
// are asked for, narrowed by competitor, segment, product and the deals' close dates. Every
// analysis starts from this one CTE ("si": one row per interview with its deal), so they all
// count the same deals. Filters map to fixed SQL with named parameters.
import type Database from 'better-sqlite3';
import type { AnalysisFilters, AnalysisScope } from '#shared/domain/winloss.ts';
import type { Outcome } from '#shared/domain/enums.ts';

export interface ScopeSql {
  /** `si AS (...)`, for a WITH clause. */
  cte: string;
  params: Record<string, string | number>;
}

export function scopeSql(f: AnalysisFilters): ScopeSql {
  const where = ["d.outcome IN ('won', 'lost', 'no_decision')"];
  const params: Record<string, string | number> = {};
  if (!f.includeDrafts) where.push("i.status = 'complete'");
  if (f.competitorId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM deal_competitors dc WHERE dc.deal_id = d.id AND dc.competitor_id = @competitorId)',
    );
    params.competitorId = f.competitorId;
  }
  if (f.segment !== undefined) {
    where.push('d.segment = @segment');
    params.segment = f.segment;
  }
  if (f.productId !== undefined) {
    where.push('d.product_id = @productId');
    params.productId = f.productId;
  }
  if (f.from) {
    where.push('d.close_date >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('d.close_date <= @to');
    params.to = f.to;
  }
  return {
    cte: `si AS (
      SELECT i.id AS interview_id, i.deal_id, d.outcome, d.close_date, i.interviewee_role AS role, i.interview_date
        FROM interviews i JOIN deals d ON d.id = i.deal_id
       WHERE ${where.join(' AND ')})`,
    params,
  };
}

/**
 * The scope copied once into a temporary table, for an analysis that reads it several times:
 * joining every interview to its deal is the costly part on large workspaces (a million deals),
 * so it is done once per analysis instead of once per query. Temporary tables belong to this
 * connection only and work on read-only connections too.
 */
export function materializeScope(sqlite: Database.Database, f: AnalysisFilters): ScopeSql {
  const scope = scopeSql(f);
  sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS winloss_scope (interview_id INTEGER PRIMARY KEY, deal_id INTEGER NOT NULL,
       outcome TEXT NOT NULL, close_date TEXT, role TEXT, interview_date TEXT)`,
  );
  sqlite.exec('DELETE FROM temp.winloss_scope');
  sqlite.prepare(`INSERT INTO temp.winloss_scope WITH ${scope.cte} SELECT * FROM si`).run(scope.params);
  return { cte: 'si AS (SELECT * FROM temp.winloss_scope)', params: {} };
}

export function readScope(sqlite: Database.Database, scope: ScopeSql, includeDrafts: boolean): AnalysisScope {
  const rows = sqlite
    .prepare(
      `WITH ${scope.cte}
       SELECT outcome, count(DISTINCT deal_id) AS deals, count(*) AS interviews FROM si GROUP BY outcome`,
    )
    .all(scope.params) as { outcome: Outcome; deals: number; interviews: number }[];
  const order: Outcome[] = ['won', 'lost', 'no_decision'];
  const byOutcome = order.map((o) => rows.find((r) => r.outcome === o) ?? { outcome: o, deals: 0, interviews: 0 });
  return {
    interviews: byOutcome.reduce((s, r) => s + r.interviews, 0),
    deals: byOutcome.reduce((s, r) => s + r.deals, 0),
    byOutcome,
    includeDrafts,
  };
}
