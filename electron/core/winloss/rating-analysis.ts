// Rating gap. Ratings are first averaged per deal (a deal with several interviews counts once),
// then SQLite returns n, sum and sum of squares per group; means and t-intervals are computed
// in shared/analytics/mean.ts.
//  - won vs lost: our rating on each criterion, by outcome; gap = won − lost (Welch).
//  - us vs each competitor: on interviews that rated both us and the competitor on a criterion,
//    per deal the mean of ours, theirs and of (ours − theirs); gap = paired mean difference.
import type Database from 'better-sqlite3';
import { meanOf, pairedDifference, welchDifference } from '#shared/analytics/mean.ts';
import type { Moments } from '#shared/analytics/mean.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { AnalysisFilters, CompetitorRatings, CriterionGap, RatingAnalysis } from '#shared/domain/winloss.ts';
import { materializeScope, readScope } from './analysis-scope.ts';

const EMPTY: Moments = { n: 0, sum: 0, sumSq: 0 };

export function ratingAnalysis(
  sqlite: Database.Database,
  filters: AnalysisFilters,
  settings: Settings,
): RatingAnalysis {
  const scope = materializeScope(sqlite, filters);
  const summary = readScope(sqlite, scope, filters.includeDrafts ?? false);
  const criteria = sqlite
    .prepare(
      'SELECT id, label FROM rating_criteria WHERE retired_at IS NULL OR id IN (SELECT criterion_id FROM interview_ratings) ORDER BY sort, id',
    )
    .all() as { id: number; label: string }[];

  const byOutcome = sqlite
    .prepare(
      `WITH ${scope.cte},
       per_deal AS (
         SELECT si.deal_id, si.outcome, r.criterion_id, avg(r.rating) AS m
           FROM si JOIN interview_ratings r ON r.interview_id = si.interview_id AND r.competitor_id IS NULL
          GROUP BY si.deal_id, r.criterion_id)
       SELECT criterion_id AS criterionId, outcome, count(*) AS n, total(m) AS sum, total(m * m) AS sumSq
         FROM per_deal GROUP BY criterion_id, outcome`,
    )
    .all(scope.params) as ({ criterionId: number; outcome: string } & Moments)[];
  const moments = (criterionId: number, outcome: string): Moments => {
    const r = byOutcome.find((x) => x.criterionId === criterionId && x.outcome === outcome);
    return r ? { n: r.n, sum: r.sum, sumSq: r.sumSq } : EMPTY;
  };
  const gaps: CriterionGap[] = criteria.map((c) => {
    const won = moments(c.id, 'won');
    const lost = moments(c.id, 'lost');
    return {
      criterionId: c.id,
      label: c.label,
      won: meanOf(won, settings),
      lost: meanOf(lost, settings),
      noDecision: meanOf(moments(c.id, 'no_decision'), settings),
      gap: welchDifference(won, lost, settings),
    };
  });

  const pairs = sqlite
    .prepare(
      `WITH ${scope.cte},
       pairs AS (
         SELECT si.deal_id, t.criterion_id, t.competitor_id AS cid, u.rating AS us, t.rating AS them
           FROM si
           JOIN interview_ratings t ON t.interview_id = si.interview_id AND t.competitor_id IS NOT NULL
           JOIN interview_ratings u ON u.interview_id = t.interview_id AND u.criterion_id = t.criterion_id
                                   AND u.competitor_id IS NULL),
       per_deal AS (
         SELECT deal_id, criterion_id, cid, avg(us) AS us, avg(them) AS them, avg(us - them) AS d
           FROM pairs GROUP BY deal_id, criterion_id, cid)
       SELECT cid AS competitorId, criterion_id AS criterionId, count(*) AS n,
              total(us) AS usSum, total(us * us) AS usSq, total(them) AS themSum, total(them * them) AS themSq,
              total(d) AS dSum, total(d * d) AS dSq
         FROM per_deal GROUP BY cid, criterion_id`,
    )
    .all(scope.params) as {
    competitorId: number;
    criterionId: number;
    n: number;
    usSum: number;
    usSq: number;
    themSum: number;
    themSq: number;
    dSum: number;
    dSq: number;
  }[];
  const dealsPerCompetitor = new Map(
    (
      sqlite
        .prepare(
          `WITH ${scope.cte}
           SELECT t.competitor_id AS id, count(DISTINCT si.deal_id) AS deals
             FROM si
             JOIN interview_ratings t ON t.interview_id = si.interview_id AND t.competitor_id IS NOT NULL
             JOIN interview_ratings u ON u.interview_id = t.interview_id AND u.criterion_id = t.criterion_id
                                     AND u.competitor_id IS NULL
            GROUP BY t.competitor_id`,
        )
        .all(scope.params) as { id: number; deals: number }[]
    ).map((r) => [r.id, r.deals]),
  );
  const names = new Map(
    (sqlite.prepare('SELECT id, name FROM competitors').all() as { id: number; name: string }[]).map((c) => [
      c.id,
      c.name,
    ]),
  );
  const competitors: CompetitorRatings[] = [...dealsPerCompetitor.entries()]
    .map(([competitorId, deals]) => ({
      competitorId,
      name: names.get(competitorId) ?? `#${competitorId}`,
      deals,
      criteria: criteria.map((c) => {
        const p = pairs.find((x) => x.competitorId === competitorId && x.criterionId === c.id);
        const n = p?.n ?? 0;
        return {
          criterionId: c.id,
          label: c.label,
          us: meanOf({ n, sum: p?.usSum ?? 0, sumSq: p?.usSq ?? 0 }, settings),
          them: meanOf({ n, sum: p?.themSum ?? 0, sumSq: p?.themSq ?? 0 }, settings),
          gap: pairedDifference({ n, sum: p?.dSum ?? 0, sumSq: p?.dSq ?? 0 }, settings),
        };
      }),
    }))
    .sort((a, b) => b.deals - a.deals || a.name.localeCompare(b.name));
  return { scope: summary, criteria: gaps, competitors };
}
