// One home for the deal rules every query applies (docs/METRICS.md "Outcomes", "Closed", "Win
// rate", "No-decision share"): which outcomes are closed (won + lost, plus no decision when the
// setting says so), which are won, a close-date period, a deal-type scope. Each rule is written
// once here, as the SQL fragment over a column the caller names (a deals column, or its copy on
// deal_competitors) with its values bound as parameters, and as the same test in JavaScript where a
// query folds rows itself. A rule changed here changes in every figure at once.
import type { Outcome } from '#shared/domain/enums.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { Period } from '#shared/domain/win-rates.ts';

/** An SQL condition with the values it binds, in order ('1' when it keeps every row). */
export interface SqlPart {
  sql: string;
  params: (string | number)[];
}

type ClosedSetting = Pick<Settings, 'includeNoDecision'>;

/** The closed outcomes under the setting in force. */
export function closedOutcomes(s: ClosedSetting): readonly Outcome[] {
  return s.includeNoDecision ? ['won', 'lost', 'no_decision'] : ['won', 'lost'];
}

/** Every outcome that ended a deal (the no-decision share's denominator), whatever the setting. */
export const ENDED_OUTCOMES: readonly Outcome[] = ['won', 'lost', 'no_decision'];

/** `column IN ('won', 'lost'[, 'no_decision'])`: literals, so the planner can use a covering index. */
export function closedSql(column: string, s: ClosedSetting): string {
  return `${column} IN (${closedOutcomes(s)
    .map((o) => `'${o}'`)
    .join(', ')})`;
}

/** `column IN ('won', 'lost', 'no_decision')`. */
export function endedSql(column: string): string {
  return `${column} IN (${ENDED_OUTCOMES.map((o) => `'${o}'`).join(', ')})`;
}

/** `column = 'won'`. */
export function wonSql(column: string): string {
  return `${column} = 'won'`;
}

/** The same rule as closedSql, for rows a query folds in JavaScript. */
export function isClosed(outcome: string, s: ClosedSetting): boolean {
  return outcome === 'won' || outcome === 'lost' || (s.includeNoDecision && outcome === 'no_decision');
}

/** Close dates inside the period, both ends included (ISO dates compare as text). */
export function periodParts(column: string, period: Period): SqlPart[] {
  const parts: SqlPart[] = [];
  if (period.from) parts.push({ sql: `${column} >= ?`, params: [period.from] });
  if (period.to) parts.push({ sql: `${column} <= ?`, params: [period.to] });
  return parts;
}

/** Deals of one type only (the overview's new-business scope); none: every type. */
export function dealTypeParts(column: string, dealType: string | null): SqlPart[] {
  return dealType ? [{ sql: `${column} = ?`, params: [dealType] }] : [];
}

/** Parts joined with AND ('1' for none). */
export function and(parts: readonly SqlPart[]): SqlPart {
  return {
    sql: parts.length === 0 ? '1' : parts.map((p) => `(${p.sql})`).join(' AND '),
    params: parts.flatMap((p) => p.params),
  };
}

/** " AND ..." to append to a WHERE clause, or '' for no parts. */
export function andMore(parts: readonly SqlPart[]): SqlPart {
  return parts.length === 0 ? { sql: '', params: [] } : { sql: ` AND ${and(parts).sql}`, params: and(parts).params };
}
