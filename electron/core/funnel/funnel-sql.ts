// The funnel's items in SQL (docs/METRICS.md#funnel-stages): every lead, plus every new-business
// deal no lead converted into, with the dates of the stages it reached. A skipped stage takes the
// date of the next stage the item has ("e_" columns); the raw dates ("r_" columns) feed velocity.
import type { FunnelField, FunnelStage } from '#shared/domain/funnel.ts';

const CLOSED = "('won', 'lost', 'no_decision')";

/** The group value of an item per breakdown field, for the lead branch (l, d) and the deal branch (d). */
function groupExpr(by: FunnelField | null, branch: 'lead' | 'deal'): string {
  const lead = branch === 'lead';
  const src = lead ? 'COALESCE(l.lead_source_id, d.lead_source_id)' : 'd.lead_source_id';
  const acct = lead ? 'COALESCE(d.account_id, l.account_id)' : 'd.account_id';
  switch (by) {
    case null:
      return "''";
    case 'source':
      return `(SELECT name FROM lead_sources WHERE id = ${src})`;
    case 'sourced_by':
      return lead
        ? `COALESCE(l.sourced_by, d.sourced_by, (SELECT sourced_by FROM lead_sources WHERE id = ${src}))`
        : `COALESCE(d.sourced_by, (SELECT sourced_by FROM lead_sources WHERE id = ${src}))`;
    case 'segment':
    case 'region':
      return `COALESCE(d.${by}, (SELECT ${by} FROM accounts WHERE id = ${acct}))`;
    case 'owner':
      return `(SELECT name FROM owners WHERE id = ${lead ? 'COALESCE(l.owner_id, d.owner_id)' : 'd.owner_id'})`;
    case 'channel':
      return lead
        ? `COALESCE((SELECT c.channel FROM lead_touches t JOIN campaigns c ON c.id = t.campaign_id WHERE t.lead_id = l.id
             ORDER BY t.touched_at, t.campaign_id LIMIT 1), (SELECT c.channel FROM deal_touches t JOIN campaigns c ON c.id = t.campaign_id
             WHERE t.deal_id = d.id ORDER BY t.touched_at, t.campaign_id LIMIT 1))`
        : `(SELECT c.channel FROM deal_touches t JOIN campaigns c ON c.id = t.campaign_id WHERE t.deal_id = d.id
             ORDER BY t.touched_at, t.campaign_id LIMIT 1)`;
  }
}

export interface ItemsOptions {
  by: FunnelField | null;
  /** Narrow the lead branch by created date (cohort from lead): uses leads_created. */
  leadCreatedRange?: boolean;
  /** Leave out deals no lead converted into (they never reach the lead stage). */
  leadsOnly?: boolean;
}

/**
 * SELECT kind, lead_id, deal_id, r_lead, r_mql, r_sql, r_opp, r_close, outcome, status, grp,
 * e_lead, e_mql, e_sql, e_opp, e_won, last_stage. Binds @from and @to when leadCreatedRange.
 */
export function itemsSql(o: ItemsOptions): string {
  // The deal counts once, under the lead with the earliest MQL date (else created date), ties by id.
  const primary = `NOT EXISTS (SELECT 1 FROM leads o WHERE o.deal_id = l.deal_id AND o.id <> l.id AND
      (COALESCE(o.mql_date, o.created_date) < COALESCE(l.mql_date, l.created_date)
       OR (COALESCE(o.mql_date, o.created_date) = COALESCE(l.mql_date, l.created_date) AND o.id < l.id)))`;
  const leadBranch = `
    SELECT 'lead' AS kind, l.id AS lead_id, d.id AS deal_id, l.created_date AS r_lead, l.mql_date AS r_mql,
      l.sql_date AS r_sql,
      CASE WHEN l.deal_id IS NOT NULL AND d.id IS NULL THEN NULL ELSE COALESCE(d.created_date, l.opportunity_date) END AS r_opp,
      CASE WHEN d.id IS NOT NULL THEN d.close_date WHEN l.deal_id IS NULL THEN l.customer_date END AS r_close,
      CASE WHEN d.id IS NOT NULL THEN d.outcome WHEN l.deal_id IS NULL AND l.customer_date IS NOT NULL THEN 'won' END AS outcome,
      CASE WHEN l.deal_id IS NOT NULL AND d.id IS NULL THEN 'merged'
           WHEN d.id IS NULL AND l.disqualified = 1 AND l.customer_date IS NULL THEN 'disqualified' END AS out_status,
      ${groupExpr(o.by, 'lead')} AS grp
    FROM leads l LEFT JOIN deals d ON d.id = l.deal_id AND ${primary}
    ${o.leadCreatedRange ? 'WHERE l.created_date BETWEEN @from AND @to' : ''}`;
  const dealBranch = `
    SELECT 'deal', NULL, d.id, NULL, d.mql_date, d.sql_date, COALESCE(d.created_date, d.sql_date, d.mql_date, d.close_date),
      d.close_date, d.outcome, NULL, ${groupExpr(o.by, 'deal')}
    FROM deals d
    WHERE d.deal_type = 'new_business' AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.deal_id = d.id)`;
  const raw = o.leadsOnly ? leadBranch : `${leadBranch} UNION ALL ${dealBranch}`;
  const eOpp = `COALESCE(r_opp, CASE WHEN outcome IN ${CLOSED} THEN r_close END)`;
  const eSql = `COALESCE(r_sql, ${eOpp})`;
  const eMql = `CASE WHEN kind = 'lead' THEN COALESCE(r_mql, ${eSql}) ELSE r_mql END`;
  const eWon = `CASE WHEN outcome = 'won' THEN r_close END`;
  return `
    SELECT kind, lead_id, deal_id, r_lead, r_mql, r_sql, r_opp, r_close, outcome, COALESCE(grp, '') AS grp,
      r_lead AS e_lead, ${eMql} AS e_mql, ${eSql} AS e_sql, ${eOpp} AS e_opp, ${eWon} AS e_won,
      CASE WHEN outcome IN ${CLOSED} THEN outcome WHEN out_status IS NOT NULL THEN out_status ELSE 'open' END AS status,
      CASE WHEN outcome = 'won' THEN 'won' WHEN ${eOpp} IS NOT NULL THEN 'opportunity' WHEN ${eSql} IS NOT NULL THEN 'sql'
           WHEN ${eMql} IS NOT NULL THEN 'mql' ELSE 'lead' END AS last_stage
    FROM (${raw})`;
}

/** The effective-date column of a stage. */
export const STAGE_COLUMN: Record<FunnelStage, string> = {
  lead: 'e_lead',
  mql: 'e_mql',
  sql: 'e_sql',
  opportunity: 'e_opp',
  won: 'e_won',
};
