// Qualification criteria against closed revenue (docs/METRICS.md#qualification-criteria): one SQL
// statement counts, per criterion and answer, the mature MQLs, their wins, closed deals and won
// amount, and how many MQLs met 0 to 7 criteria; the statistics are in shared/analytics/criteria.ts.
import type Database from 'better-sqlite3';
import { criteriaStats } from '#shared/analytics/criteria.ts';
import { rateOf } from '#shared/analytics/rate.ts';
import type { CriteriaReport, CriterionAggregate, CriterionCounts, CriterionKind } from '#shared/domain/criteria.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { closedSql } from '../rules/deal-rules.ts';
import { addDays } from './funnel-queries.ts';
import { itemsSql } from './funnel-sql.ts';

export interface CriteriaQuery {
  from: string | null;
  to: string | null;
}

/**
 * The last day of the latest mature quarterly MQL cohort (docs/METRICS.md#mature-cohorts): a quarter is
 * mature when its last day + P90 days is on or before the data's last date.
 */
export function matureCohortsEnd(asOf: string | null, days: number | null): string | null {
  if (asOf === null || days === null) return null;
  const latest = addDays(asOf, -days);
  // `latest` may itself be a quarter's last day; otherwise the quarter before latest's is the last mature one.
  if (isQuarterStart(addDays(latest, 1))) return latest;
  const month = Number(latest.slice(5, 7));
  return addDays(`${latest.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`, -1);
}

function isQuarterStart(iso: string): boolean {
  return iso.endsWith('-01') && ['01', '04', '07', '10'].includes(iso.slice(5, 7));
}

interface Row {
  /** c: one criterion and answer; n: MQLs by criteria met; m: every mature MQL. */
  part: 'c' | 'n' | 'm';
  cid: number;
  met: number | null;
  mqls: number;
  won: number;
  closed: number;
  amount: number;
}

function countSql(s: Pick<Settings, 'includeNoDecision'>): string {
  return `
    WITH items AS MATERIALIZED (
      SELECT ROW_NUMBER() OVER () AS k, i.lead_id, i.deal_id, i.outcome,
        CASE WHEN i.outcome = 'won' THEN COALESCE(d.amount, 0) ELSE 0 END AS won_amount
      FROM (${itemsSql({ by: null })}) i LEFT JOIN deals d ON d.id = i.deal_id
      WHERE i.e_mql BETWEEN @from AND @to
    ),
    answers AS MATERIALIZED (
      SELECT i.k, i.outcome, i.won_amount, c.id AS cid,
        COALESCE((SELECT q.met FROM lead_qualifications q WHERE q.lead_id = i.lead_id AND q.criterion_id = c.id),
                 (SELECT q.met FROM deal_qualifications q WHERE q.deal_id = i.deal_id AND q.criterion_id = c.id)) AS met
      FROM items i CROSS JOIN qualification_criteria c
    )
    SELECT 'c' AS part, cid, met, COUNT(*) AS mqls, SUM(outcome IS 'won') AS won,
      SUM(COALESCE(${closedSql('outcome', s)}, 0)) AS closed, SUM(won_amount) AS amount
    FROM answers GROUP BY cid, met
    UNION ALL
    SELECT 'n', n_met, NULL, COUNT(*), SUM(won), 0, 0
    FROM (SELECT k, SUM(met IS 1) AS n_met, MAX(outcome IS 'won') AS won FROM answers GROUP BY k
          HAVING COUNT(met) > 0)
    GROUP BY n_met
    UNION ALL
    SELECT 'm', 0, NULL, COUNT(*), 0, 0, 0 FROM items`;
}

const zero = (): CriterionCounts => ({ mqls: 0, won: 0, closed: 0, wonAmount: 0 });

export function criteriaReport(
  sqlite: Database.Database,
  q: CriteriaQuery,
  settings: Settings,
  maturity: { asOf: string | null; days: number | null },
): CriteriaReport {
  const criteria = sqlite
    .prepare('SELECT id, key, label, kind FROM qualification_criteria ORDER BY sort, id')
    .all() as { id: number; key: string; label: string; kind: CriterionKind }[];
  const matureTo = matureCohortsEnd(maturity.asOf, maturity.days);
  const to = [q.to ?? '9999-12-31', matureTo ?? '0000-01-01'].sort()[0]!;
  const rows = sqlite.prepare(countSql(settings)).all({ from: q.from ?? '0000-01-01', to }) as Row[];
  const byId = new Map<number, CriterionAggregate>(
    criteria.map((c) => [c.id, { key: c.key, label: c.label, kind: c.kind, met: zero(), notMet: zero(), unknown: 0 }]),
  );
  const byCount = new Map<number, { mqls: number; won: number }>();
  let mqls = 0;
  for (const r of rows) {
    if (r.part === 'm') {
      mqls = r.mqls;
      continue;
    }
    if (r.part === 'n') {
      byCount.set(r.cid, { mqls: r.mqls, won: r.won });
      continue;
    }
    const a = byId.get(r.cid);
    if (!a) continue;
    if (r.met === null) a.unknown = r.mqls;
    else a[r.met === 1 ? 'met' : 'notMet'] = { mqls: r.mqls, won: r.won, closed: r.closed, wonAmount: r.amount };
  }
  return {
    from: q.from,
    to: q.to,
    asOf: maturity.asOf,
    maturityDays: maturity.days,
    matureTo,
    mqls,
    ...criteriaStats([...byId.values()], settings),
    byCount: Array.from({ length: criteria.length + 1 }, (_, met) => {
      const c = byCount.get(met) ?? { mqls: 0, won: 0 };
      return { met, conversion: rateOf(c.won, c.mqls, settings) };
    }),
    currency: settings.currency,
    definition: criteriaDefinition(settings, matureTo),
  };
}

export function criteriaDefinition(s: Pick<Settings, 'includeNoDecision'>, matureTo: string | null): string {
  return (
    `MQLs of mature quarterly cohorts (MQL date up to ${matureTo ?? 'none yet'}); a lead's answer, else its deal's; ` +
    `unknown answers are left out. Conversion = won / MQLs; win rate = won / closed (${
      s.includeNoDecision ? 'no decision counted as closed' : 'no decision left out'
    }); 95% Wilson and Newcombe intervals; the corrected lift interval is widened for the number of ` +
    `criteria tested (Benjamini-Hochberg, docs/METRICS.md#benjamini-hochberg).`
  );
}
