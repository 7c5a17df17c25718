// A workspace's content as text, sorted and without what legitimately differs between two
// workspaces holding the same data (internal ids, created/updated stamps, batch ids): records
// refer to each other by CRM id and name, and a record without a CRM id by the `winnow-<id>` its
// export writes (a workspace that imported that export stores exactly that id). Two workspaces
// with the same deals, accounts, competitors, interviews and quotes give the same checksum.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

const OWN_KEY = (alias: string) => `coalesce(${alias}.external_id, 'winnow-' || ${alias}.id)`;
const DEAL_KEY = OWN_KEY;
const INTERVIEW_KEY = OWN_KEY;

export const CANONICAL_QUERIES: Record<string, string> = {
  deals: `SELECT ${DEAL_KEY('d')}, d.name, a.name, a.external_id, d.amount, d.currency, d.outcome, d.stage,
            d.created_date, d.mql_date, d.sql_date, d.close_date, d.deal_type, p.name, o.name, t.name, ls.name,
            d.sourced_by, d.segment, d.region, lc.name, d.rep_reason_text, r.name, d.contract_start, d.contract_end
       FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN products p ON p.id = d.product_id
       LEFT JOIN owners o ON o.id = d.owner_id LEFT JOIN teams t ON t.id = d.team_id
       LEFT JOIN lead_sources ls ON ls.id = d.lead_source_id LEFT JOIN competitors lc ON lc.id = d.lost_to_competitor_id
       LEFT JOIN reasons r ON r.id = d.rep_reason_id`,
  deal_competitors: `SELECT ${DEAL_KEY('d')}, c.name, dc.is_primary
       FROM deal_competitors dc JOIN deals d ON d.id = dc.deal_id JOIN competitors c ON c.id = dc.competitor_id`,
  accounts: `SELECT external_id, name, sector, employee_band, revenue_band, segment, region, country FROM accounts`,
  competitors: `SELECT c.name, c.website, c.notes,
            (SELECT json_group_array(alias) FROM (SELECT alias FROM competitor_aliases WHERE competitor_id = c.id ORDER BY alias))
       FROM competitors c`,
  interviews: `SELECT ${INTERVIEW_KEY('i')}, ${DEAL_KEY('d')}, i.status, i.interviewee_name, i.interviewee_role,
            i.interviewee_title, i.interviewer_type, i.channel, i.interview_date, i.consent_to_quote, i.anonymous,
            g.name, i.answers_json, i.buyer_statement, i.notes, i.completed_at
       FROM interviews i JOIN deals d ON d.id = i.deal_id LEFT JOIN interview_guides g ON g.id = i.guide_id`,
  interview_reasons: `SELECT ${INTERVIEW_KEY('i')}, r.name, ir.is_primary, ir.driver
       FROM interview_reasons ir JOIN interviews i ON i.id = ir.interview_id JOIN reasons r ON r.id = ir.reason_id`,
  interview_ratings: `SELECT ${INTERVIEW_KEY('i')}, rc.key, c.name, ir.rating
       FROM interview_ratings ir JOIN interviews i ON i.id = ir.interview_id
       JOIN rating_criteria rc ON rc.id = ir.criterion_id LEFT JOIN competitors c ON c.id = ir.competitor_id`,
  quotes: `SELECT ${INTERVIEW_KEY('i')}, coalesce(q.external_id, 'winnow-' || q.id), q.text, q.sentiment, q.shareable, c.name, r.name, q.sort,
            (SELECT group_concat(name, '|') FROM (SELECT t.name FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id
              WHERE qt.quote_id = q.id ORDER BY t.name))
       FROM quotes q JOIN interviews i ON i.id = q.interview_id LEFT JOIN competitors c ON c.id = q.competitor_id
       LEFT JOIN reasons r ON r.id = q.reason_id`,
};

/** Each table's rows as sorted JSON lines. */
export function canonicalDump(sqlite: Database.Database): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(CANONICAL_QUERIES)) {
    out[table] = (sqlite.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Per table: row count and SHA-256 of its sorted rows. */
export function canonicalChecksums(sqlite: Database.Database): Record<string, { rows: number; sha256: string }> {
  const dump = canonicalDump(sqlite);
  return Object.fromEntries(
    Object.entries(dump).map(([table, rows]) => [
      table,
      { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') },
    ]),
  );
}
