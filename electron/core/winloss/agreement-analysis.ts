// Rep-stated vs buyer-stated primary reason, one pair per deal.
//  - buyer side: the primary reason of the deal's most senior buyer interview (economic buyer,
//    then champion, technical evaluator, user), the latest if there are several;
//  - rep side: the rep's reason coded on the deal (from the CRM), else the primary reason of the
//    deal's rep-form interview (interviewee role "rep").
import type Database from 'better-sqlite3';
import { agreementMatrix } from '#shared/analytics/agreement.ts';
import type { MatrixAxis, ReasonPair } from '#shared/analytics/agreement.ts';
import type { Outcome } from '#shared/domain/enums.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { AgreementAnalysis, AnalysisFilters, ReasonLevel } from '#shared/domain/winloss.ts';
import { materializeScope, readScope } from './analysis-scope.ts';

export function agreementAnalysis(
  sqlite: Database.Database,
  filters: AnalysisFilters,
  level: ReasonLevel,
  settings: Settings,
): AgreementAnalysis {
  const scope = materializeScope(sqlite, filters);
  const summary = readScope(sqlite, scope, filters.includeDrafts ?? false);
  const rows = sqlite
    .prepare(
      `WITH ${scope.cte},
       ranked AS (
         SELECT si.deal_id, si.outcome, si.role, ir.reason_id,
                row_number() OVER (
                  PARTITION BY si.deal_id, si.role IS 'rep'
                  ORDER BY CASE si.role WHEN 'economic_buyer' THEN 0 WHEN 'champion' THEN 1
                                        WHEN 'technical_evaluator' THEN 2 WHEN 'user' THEN 3 ELSE 4 END,
                           si.interview_date DESC, si.interview_id DESC) AS rn
           FROM si JOIN interview_reasons ir ON ir.interview_id = si.interview_id AND ir.is_primary = 1),
       buyer AS (SELECT deal_id, outcome, reason_id FROM ranked WHERE rn = 1 AND role IS NOT 'rep'),
       rep_form AS (SELECT deal_id, reason_id FROM ranked WHERE rn = 1 AND role IS 'rep')
       SELECT coalesce(d.rep_reason_id, rf.reason_id) AS rep,
              CASE WHEN d.rep_reason_id IS NOT NULL THEN 'crm' WHEN rf.reason_id IS NOT NULL THEN 'form' END AS source,
              b.reason_id AS buyer, b.outcome, count(*) AS deals
         FROM buyer b JOIN deals d ON d.id = b.deal_id LEFT JOIN rep_form rf ON rf.deal_id = b.deal_id
        GROUP BY 1, 2, 3, 4`,
    )
    .all(scope.params) as {
    rep: number | null;
    source: 'crm' | 'form' | null;
    buyer: number;
    outcome: Outcome;
    deals: number;
  }[];

  const reasons = new Map(
    (
      sqlite
        .prepare(
          'SELECT r.id, r.name, r.category_id AS categoryId, c.name AS category FROM reasons r JOIN reason_categories c ON c.id = r.category_id',
        )
        .all() as { id: number; name: string; categoryId: number; category: string }[]
    ).map((r) => [r.id, r]),
  );
  const groupOf = (id: number): MatrixAxis => {
    const r = reasons.get(id);
    if (!r) return { id, label: `#${id}` };
    return level === 'reason' ? { id: r.id, label: r.name } : { id: r.categoryId, label: r.category };
  };
  const pairs: ReasonPair[] = rows.map((r) => ({ rep: r.rep, buyer: r.buyer, outcome: r.outcome, deals: r.deals }));
  const sum = (source: 'crm' | 'form') => rows.filter((r) => r.source === source).reduce((s, r) => s + r.deals, 0);
  return {
    scope: summary,
    level,
    result: agreementMatrix(pairs, groupOf, settings),
    repSources: { crm: sum('crm'), repInterview: sum('form') },
  };
}
