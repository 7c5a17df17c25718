// Qualification criteria against closed revenue (docs/METRICS.md#qualification-criteria): one SQL
// statement groups the mature MQLs by their answers (packed per lead and per deal) and outcome, a few
// hundred groups at most; folding those into per-criterion counts and counts by criteria met is a
// loop over the groups. The statistics are in shared/analytics/criteria.ts.
import type Database from 'better-sqlite3';
import { criteriaStats } from '#shared/analytics/criteria.ts';
import { rateOf } from '#shared/analytics/rate.ts';
import type { CriteriaReport, CriterionAggregate, CriterionCounts, CriterionKind } from '#shared/domain/criteria.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { isClosed } from '../rules/deal-rules.ts';
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

/**
 * One group of mature MQLs with the same answers and outcome. A source's answers are packed in one
 * integer: bit j (criterion j of the list) when answered, bit 32 + j when met (a lead or deal has at
 * most one answer per criterion, so the sums below are bitwise ORs).
 */
interface PatternRow {
  lead: number;
  deal: number;
  outcome: string | null;
  mqls: number;
  amount: number;
}

const MET_SHIFT = 2 ** 32;
/** Criteria beyond this many would overflow the packed answers; the app seeds seven. */
const MAX_CRITERIA = 31;

function patternSql(criterionIds: readonly number[]): string {
  // Criterion ids are integers read from the database, so writing them into the SQL is safe.
  const bit = `CASE q.criterion_id ${criterionIds.map((id, j) => `WHEN ${id} THEN ${2 ** j}`).join(' ')} ELSE 0 END`;
  const packed = (table: string, column: string, key: string) =>
    `COALESCE((SELECT SUM(${bit} * (1 + ${MET_SHIFT} * q.met)) FROM ${table} q WHERE q.${column} = ${key}), 0)`;
  return `
    SELECT lead, deal, outcome, COUNT(*) AS mqls, TOTAL(won_amount) AS amount
    FROM (
      SELECT i.outcome,
        CASE WHEN i.outcome = 'won' THEN COALESCE(d.amount, 0) ELSE 0 END AS won_amount,
        ${packed('lead_qualifications', 'lead_id', 'i.lead_id')} AS lead,
        ${packed('deal_qualifications', 'deal_id', 'i.deal_id')} AS deal
      FROM (${itemsSql({ by: null })}) i LEFT JOIN deals d ON d.id = i.deal_id
      WHERE i.e_mql BETWEEN @from AND @to
    )
    GROUP BY lead, deal, outcome`;
}

/** A criterion's answer for a group: the lead's, else the deal's; null when neither answered. */
function answer(p: PatternRow, j: number): boolean | null {
  const bit = 2 ** j;
  for (const packed of [p.lead, p.deal]) {
    const known = packed % MET_SHIFT;
    if (Math.floor(known / bit) % 2 === 1) return Math.floor(packed / MET_SHIFT / bit) % 2 === 1;
  }
  return null;
}

const zero = (): CriterionCounts => ({ mqls: 0, won: 0, closed: 0, wonAmount: 0 });

export function criteriaReport(
  sqlite: Database.Database,
  q: CriteriaQuery,
  settings: Settings,
  maturity: { asOf: string | null; days: number | null },
): CriteriaReport {
  const criteria = (
    sqlite.prepare('SELECT id, key, label, kind FROM qualification_criteria ORDER BY sort, id').all() as {
      id: number;
      key: string;
      label: string;
      kind: CriterionKind;
    }[]
  ).slice(0, MAX_CRITERIA);
  const matureTo = matureCohortsEnd(maturity.asOf, maturity.days);
  const to = [q.to ?? '9999-12-31', matureTo ?? '0000-01-01'].sort()[0]!;
  const patterns = sqlite
    .prepare(patternSql(criteria.map((c) => c.id)))
    .all({ from: q.from ?? '0000-01-01', to }) as PatternRow[];
  const aggregates: CriterionAggregate[] = criteria.map((c) => ({
    key: c.key,
    label: c.label,
    kind: c.kind,
    met: zero(),
    notMet: zero(),
    unknown: 0,
  }));
  const byCount = criteria.map(() => ({ mqls: 0, won: 0 })).concat({ mqls: 0, won: 0 });
  let mqls = 0;
  for (const p of patterns) {
    const won = p.outcome === 'won' ? p.mqls : 0;
    const closed = p.outcome !== null && isClosed(p.outcome, settings) ? p.mqls : 0;
    mqls += p.mqls;
    let met = 0;
    let known = 0;
    aggregates.forEach((a, j) => {
      const v = answer(p, j);
      if (v === null) {
        a.unknown += p.mqls;
        return;
      }
      known++;
      if (v) met++;
      const side = v ? a.met : a.notMet;
      side.mqls += p.mqls;
      side.won += won;
      side.closed += closed;
      side.wonAmount += p.amount;
    });
    // MQLs with no answer at all predate the checklist: they are left out, not counted as meeting none.
    if (known > 0) {
      byCount[met]!.mqls += p.mqls;
      byCount[met]!.won += won;
    }
  }
  return {
    from: q.from,
    to: q.to,
    asOf: maturity.asOf,
    maturityDays: maturity.days,
    matureTo,
    mqls,
    ...criteriaStats(aggregates, settings),
    byCount: byCount.map((c, met) => ({ met, conversion: rateOf(c.won, c.mqls, settings) })),
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
