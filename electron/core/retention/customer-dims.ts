// What ties a customer back to why we won it: segment, sector, region, product, competitor
// displaced, primary win reason and lead source, from its account and the deal that won it.
// Read live (not cached with the revenue) because interviews, reason merges and competitor links
// change without touching revenue. The fields a user filters or splits by go through FIELD_KEY, an
// allowlist of SQL expressions; values are bound as parameters, never spliced into SQL.
import type Database from 'better-sqlite3';
import type { CohortField, CohortFilter } from '#shared/domain/retention.ts';
import { NONE_KEY, NONE_LABEL } from '#shared/domain/retention.ts';

/** Key column per field in temp.retention_dims (text; '' = not recorded). */
export const FIELD_KEY: Record<CohortField, string> = {
  segment: 'segment',
  sector: 'sector',
  region: 'region',
  product: 'product_key',
  competitor: 'competitor_key',
  reason: 'reason_key',
  leadSource: 'lead_source_key',
};

/** Display column per field (names for id-keyed fields). */
export const FIELD_NAME: Record<CohortField, string> = {
  segment: 'segment',
  sector: 'sector',
  region: 'region',
  product: 'product',
  competitor: 'competitor',
  reason: 'reason',
  leadSource: 'lead_source',
};

const CREATE_DIMS = `
  CREATE TEMP TABLE IF NOT EXISTS retention_dims (
    account_id INTEGER PRIMARY KEY,
    deal_id INTEGER,
    deal_name TEXT,
    segment TEXT NOT NULL,
    sector TEXT NOT NULL,
    region TEXT NOT NULL,
    product_key TEXT NOT NULL,
    product TEXT,
    competitor_key TEXT NOT NULL,
    competitor TEXT,
    reason_key TEXT NOT NULL,
    reason TEXT,
    reason_source TEXT,
    lead_source_key TEXT NOT NULL,
    lead_source TEXT
  )`;

/**
 * Fill temp.retention_dims for every customer, or for those `restrict` selects (an SQL condition
 * on rc.account_id with its parameters, written by us).
 */
export function loadDims(sqlite: Database.Database, restrict?: { sql: string; params: unknown[] }): void {
  sqlite.exec(CREATE_DIMS);
  sqlite.exec('DELETE FROM temp.retention_dims');
  sqlite
    .prepare(
      `WITH RECURSIVE reason_final(id, final_id, depth) AS (
         SELECT id, id, 0 FROM reasons WHERE merged_into_id IS NULL
         UNION ALL
         SELECT r.id, f.final_id, f.depth + 1 FROM reasons r JOIN reason_final f ON r.merged_into_id = f.id
          WHERE f.depth < 32
       ),
       base AS (
         SELECT rc.account_id, d.id AS deal_id, d.name AS deal_name,
                coalesce(nullif(trim(d.segment), ''), nullif(trim(a.segment), ''), '') AS segment,
                coalesce(nullif(trim(a.sector), ''), '') AS sector,
                coalesce(nullif(trim(d.region), ''), nullif(trim(a.region), ''), '') AS region,
                d.product_id,
                coalesce(
                  (SELECT dc.competitor_id FROM deal_competitors dc
                    WHERE dc.deal_id = d.id AND dc.is_primary = 1 ORDER BY dc.competitor_id LIMIT 1),
                  d.lost_to_competitor_id,
                  (SELECT CASE WHEN count(*) = 1 THEN max(dc.competitor_id) END FROM deal_competitors dc
                    WHERE dc.deal_id = d.id)
                ) AS competitor_id,
                (SELECT ir.reason_id FROM interviews i
                   JOIN interview_reasons ir ON ir.interview_id = i.id AND ir.is_primary = 1
                  WHERE i.deal_id = d.id AND i.status = 'complete'
                  ORDER BY coalesce(i.interview_date, i.completed_at, '') DESC, i.id DESC LIMIT 1) AS buyer_reason_id,
                d.rep_reason_id,
                d.lead_source_id
           FROM retention_customers rc
           JOIN accounts a ON a.id = rc.account_id
           LEFT JOIN deals d ON d.id = rc.winning_deal_id
          WHERE ${restrict ? restrict.sql : '1'}
       )
       INSERT INTO temp.retention_dims
       SELECT b.account_id, b.deal_id, b.deal_name, b.segment, b.sector, b.region,
              coalesce(CAST(p.id AS TEXT), ''), p.name,
              coalesce(CAST(c.id AS TEXT), ''), c.name,
              coalesce(CAST(r.id AS TEXT), ''), r.name,
              CASE WHEN r.id IS NULL THEN NULL WHEN b.buyer_reason_id IS NOT NULL THEN 'buyer' ELSE 'rep' END,
              coalesce(CAST(ls.id AS TEXT), ''), ls.name
         FROM base b
         LEFT JOIN products p ON p.id = b.product_id
         LEFT JOIN competitors c ON c.id = b.competitor_id
         LEFT JOIN reason_final rf ON rf.id = coalesce(b.buyer_reason_id, b.rep_reason_id)
         LEFT JOIN reasons r ON r.id = rf.final_id
         LEFT JOIN lead_sources ls ON ls.id = b.lead_source_id`,
    )
    .run(...(restrict?.params ?? []));
}

/** " AND x.segment IN (...) AND ..." for the filters, with one JSON array parameter each. */
export function filterSql(filters: readonly CohortFilter[], alias = 'x'): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const f of filters) {
    if (f.values.length === 0) continue;
    parts.push(` AND ${alias}.${FIELD_KEY[f.field]} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(f.values));
  }
  return { sql: parts.join(''), params };
}

/** Where the names of id-keyed fields live (text fields are their own names). */
const NAME_TABLE: Partial<Record<CohortField, string>> = {
  product: 'products',
  competitor: 'competitors',
  reason: 'reasons',
  leadSource: 'lead_sources',
};

/** Display labels of some keys of a field ("No competitor recorded" for none), from the small name tables. */
export function keyLabels(sqlite: Database.Database, field: CohortField, keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const table = NAME_TABLE[field];
  const ids = table ? keys.filter((k) => k !== NONE_KEY) : [];
  const names = new Map<string, string>();
  if (table && ids.length > 0) {
    const rows = sqlite
      .prepare(`SELECT CAST(id AS TEXT) AS key, name FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids.map(Number))) as { key: string; name: string }[];
    for (const r of rows) names.set(r.key, r.name);
  }
  for (const k of keys) out.set(k, k === NONE_KEY ? NONE_LABEL[field] : (names.get(k) ?? k));
  return out;
}
