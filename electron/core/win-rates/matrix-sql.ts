// WHERE clauses for win-rate queries, built from the allowlist with every user value bound as a
// parameter. "Side" says which table the clause reads: the deals themselves (d, with a = accounts),
// or deal_competitors' copies of the deal's fields (dc).
import type { Dimension, MatrixFilter, Period } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL } from '#shared/domain/win-rates.ts';
import { AppError } from '../errors.ts';
import { DIMENSION_SQL } from './dimensions.ts';
import { and, closedSql, periodParts } from '../rules/deal-rules.ts';
import type { SqlPart } from '../rules/deal-rules.ts';

export type { SqlPart };

export type Side = 'deal' | 'copy';

/** A key as SQL must see it: ids and bands as integers (checked), the rest as text. */
export function bindKey(dim: Dimension, key: string): string | number {
  if (DIMENSION_SQL[dim].bind === 'text') return key;
  if (!/^-?\d{1,15}$/.test(key)) {
    throw new AppError('invalid_argument', `"${key.slice(0, 40)}" is not a value of ${DIMENSION_LABEL[dim]}.`, [
      { path: dim, message: 'Expected an id' },
    ]);
  }
  return Number(key);
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Deals whose value on `dim` is one of `values` (null = not set / no competitor). */
export function valuePredicate(dim: Dimension, values: readonly (string | null)[], side: Side): SqlPart {
  const spec = DIMENSION_SQL[dim];
  const keys = values.filter((v): v is string => v !== null).map((v) => bindKey(dim, v));
  const wantsNull = values.some((v) => v === null);
  const parts: SqlPart[] = [];
  if (spec.kind === 'competitor' || spec.kind === 'primary') {
    if (side === 'copy') throw new Error('competitor filters are not read from copies');
    const primary = spec.kind === 'primary' ? ' AND f.is_primary = 1' : '';
    if (keys.length > 0)
      parts.push({
        sql: `EXISTS (SELECT 1 FROM deal_competitors f WHERE f.deal_id = d.id${primary} AND f.competitor_id IN (${marks(keys.length)}))`,
        params: keys,
      });
    if (wantsNull)
      parts.push({
        sql:
          spec.kind === 'competitor'
            ? 'd.competitor_count = 0'
            : 'NOT EXISTS (SELECT 1 FROM deal_competitors f WHERE f.deal_id = d.id AND f.is_primary = 1)',
        params: [],
      });
  } else {
    const expr = side === 'deal' ? spec.deal : spec.copy;
    if (expr === null) throw new Error(`${dim} has no copy on deal_competitors`);
    if (keys.length > 0) parts.push({ sql: `${expr} IN (${marks(keys.length)})`, params: keys });
    if (wantsNull) parts.push({ sql: `${expr} IS NULL`, params: [] });
  }
  if (parts.length === 0) return { sql: '0', params: [] }; // an empty list keeps nothing
  return { sql: parts.map((p) => `(${p.sql})`).join(' OR '), params: parts.flatMap((p) => p.params) };
}

/** Closed under the setting in force, inside the period, and through every filter. */
export function basePredicate(
  includeNoDecision: boolean,
  period: Period,
  filters: readonly MatrixFilter[],
  side: Side,
  /** false: leave outcomes to the caller, which groups by outcome and drops open deals itself. */
  outcomeInSql = true,
): SqlPart {
  // Unary + keeps SQLite off the outcome-only index: a matrix reads most closed deals, which a
  // covering index scan does far faster than one table lookup per deal.
  const outcome = side === 'deal' ? '+d.outcome' : 'dc.deal_outcome';
  const close = side === 'deal' ? 'd.close_date' : 'dc.deal_close_date';
  const parts: SqlPart[] = [];
  if (outcomeInSql) parts.push({ sql: closedSql(outcome, { includeNoDecision }), params: [] });
  parts.push(...periodParts(close, period));
  for (const f of filters) parts.push(valuePredicate(f.dim, f.values, side));
  return and(parts);
}

/** Joins for dimensions read from accounts. */
export function needsAccount(dims: readonly (Dimension | 'none')[], filters: readonly MatrixFilter[]): boolean {
  return [...dims, ...filters.map((f) => f.dim)].some((d) => d !== 'none' && DIMENSION_SQL[d].account);
}
