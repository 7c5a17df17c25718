// One deal with everything about it: names, competitors on the deal, stage history, interviews.
import type Database from 'better-sqlite3';
import type { DealDetail } from '#shared/domain/deals.ts';
import { AppError } from '../errors.ts';

export function getDeal(sqlite: Database.Database, id: number): DealDetail {
  const d = sqlite
    .prepare(
      `SELECT d.id, d.external_id AS externalId, d.name, d.account_id AS accountId, d.amount, d.currency,
              p.name AS product, o.name AS owner, t.name AS team, d.deal_type AS dealType, ls.name AS leadSource,
              d.sourced_by AS sourcedBy, d.segment, d.region, d.created_date AS createdDate, d.mql_date AS mqlDate,
              d.sql_date AS sqlDate, d.close_date AS closeDate, d.stage, d.outcome,
              d.lost_to_competitor_id AS lostToId, lc.name AS lostToName, d.rep_reason_text AS repReason,
              r.name AS repReasonCode, d.contract_start AS contractStart, d.contract_end AS contractEnd,
              d.import_batch_id AS batchId, b.source_name AS batchSource, d.created_at AS createdAt, d.updated_at AS updatedAt
         FROM deals d
         LEFT JOIN products p ON p.id = d.product_id LEFT JOIN owners o ON o.id = d.owner_id
         LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN lead_sources ls ON ls.id = d.lead_source_id
         LEFT JOIN competitors lc ON lc.id = d.lost_to_competitor_id LEFT JOIN reasons r ON r.id = d.rep_reason_id
         LEFT JOIN import_batches b ON b.id = d.import_batch_id
        WHERE d.id = ?`,
    )
    .get(id) as
    | (Omit<DealDetail, 'account' | 'lostTo' | 'competitors' | 'stageHistory' | 'interviews' | 'importBatch'> & {
        accountId: number | null;
        lostToId: number | null;
        lostToName: string | null;
        batchId: number | null;
        batchSource: string | null;
      })
    | undefined;
  if (!d) throw new AppError('not_found', 'This deal no longer exists (it may have been deleted or undone).');
  const { accountId, lostToId, lostToName, batchId, batchSource, ...rest } = d;
  const account =
    accountId === null
      ? null
      : ((sqlite
          .prepare('SELECT id, name, sector, segment, region, country FROM accounts WHERE id = ?')
          .get(accountId) as DealDetail['account']) ?? null);
  const competitors = (
    sqlite
      .prepare(
        `SELECT dc.competitor_id AS competitorId, c.name, dc.is_primary AS isPrimary, dc.strengths, dc.weaknesses
           FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id
          WHERE dc.deal_id = ? ORDER BY dc.is_primary DESC, c.name`,
      )
      .all(id) as (Omit<DealDetail['competitors'][number], 'isPrimary'> & { isPrimary: number })[]
  ).map((c) => ({ ...c, isPrimary: c.isPrimary === 1 }));
  const stageHistory = sqlite
    .prepare(
      'SELECT id, stage, entered_at AS enteredAt, amount FROM stage_history WHERE deal_id = ? ORDER BY entered_at, id',
    )
    .all(id) as DealDetail['stageHistory'];
  const interviews = sqlite
    .prepare(
      `SELECT id, interview_date AS date, status, CASE WHEN anonymous = 1 THEN NULL ELSE interviewee_name END AS interviewee,
              interviewee_role AS role, channel FROM interviews WHERE deal_id = ? ORDER BY interview_date, id`,
    )
    .all(id) as DealDetail['interviews'];
  return {
    ...rest,
    account,
    lostTo: lostToId !== null ? { id: lostToId, name: lostToName ?? '' } : null,
    competitors,
    stageHistory,
    interviews,
    importBatch: batchId !== null ? { id: batchId, sourceName: batchSource ?? '' } : null,
  };
}
