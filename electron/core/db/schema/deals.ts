// Deals (opportunities) with their competitors and stage history.
// Segment and region are copied onto the deal as it was sold: win-rate matrices group by them
// without a join, and a later change to the account does not rewrite history.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DEAL_TYPES, OUTCOMES, SOURCED_BY } from '#shared/domain/enums.ts';
import { accounts } from './accounts.ts';
import { createdAt, flag, id, updatedAt } from './columns.ts';
import { competitors } from './competitors.ts';
import { importBatches } from './imports.ts';
import { leadSources } from './lead-sources.ts';
import { owners, products, teams } from './org.ts';
import { reasons } from './reasons.ts';

export const deals = sqliteTable(
  'deals',
  {
    id: id(),
    externalId: text('external_id').unique(),
    name: text('name').notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    amount: real('amount'),
    currency: text('currency').notNull().default('USD'),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    ownerId: integer('owner_id').references(() => owners.id, { onDelete: 'set null' }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    dealType: text('deal_type', { enum: DEAL_TYPES }).notNull().default('new_business'),
    /** 1 when an import gave no deal type and new business was assumed (the data-quality note counts these). */
    dealTypeAssumed: flag('deal_type_assumed'),
    leadSourceId: integer('lead_source_id').references(() => leadSources.id, { onDelete: 'set null' }),
    sourcedBy: text('sourced_by', { enum: SOURCED_BY }),
    segment: text('segment'),
    region: text('region'),
    createdDate: text('created_date'),
    mqlDate: text('mql_date'),
    sqlDate: text('sql_date'),
    closeDate: text('close_date'),
    stage: text('stage'),
    outcome: text('outcome', { enum: OUTCOMES }).notNull().default('open'),
    /** Whom a lost deal was lost to, when the CRM says; null keeps "unknown" apart from "no decision". */
    lostToCompetitorId: integer('lost_to_competitor_id').references(() => competitors.id, {
      onDelete: 'set null',
    }),
    /** The rep's stated primary reason (CRM loss/win reason), coded to the taxonomy when possible. */
    repReasonId: integer('rep_reason_id').references(() => reasons.id, { onDelete: 'set null' }),
    /** The rep's reason as the CRM wrote it, kept verbatim. */
    repReasonText: text('rep_reason_text'),
    /** Rows in deal_competitors for this deal, kept by triggers (0 = no competitor recorded). */
    competitorCount: integer('competitor_count').notNull().default(0),
    contractStart: text('contract_start'),
    contractEnd: text('contract_end'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('deals_amount_nonneg', sql`${t.amount} IS NULL OR ${t.amount} >= 0`),
    check('deals_closed_has_date', sql`${t.outcome} = 'open' OR ${t.closeDate} IS NOT NULL`),
    // Counts and amounts by deal type and outcome, and win rate by close period per deal type,
    // read from the index alone (dashboard, win-rate trend).
    // Segment, region and product ride along so that matrices filtered to one deal type (the usual
    // new-business view) are covered by this index too when the planner picks it.
    index('deals_type_outcome_close').on(
      t.dealType,
      t.outcome,
      t.closeDate,
      t.amount,
      t.segment,
      t.region,
      t.productId,
    ),
    index('deals_account').on(t.accountId),
    // Matrices by owner (owner x segment, any filter by type, period or amount): one pass over this
    // index in group order, covered; it also serves every lookup by owner.
    index('deals_owner_matrix').on(t.ownerId, t.segment, t.outcome, t.dealType, t.closeDate, t.amount),
    index('deals_name').on(t.name),
    index('deals_batch').on(t.importBatchId),
    // "Lost to them" on a competitor's profile (and ON DELETE SET NULL when a competitor goes).
    index('deals_lost_to').on(t.lostToCompetitorId, t.outcome, t.closeDate),
    // Win-rate matrices by segment (and their column totals): one pass over the index, in group order;
    // deal type in it for the usual new-business filter.
    index('deals_segment_matrix').on(t.segment, t.outcome, t.closeDate, t.dealType, t.amount),
    // Win rate over time and matrices within a close period: a range of close dates, covered.
    index('deals_close_matrix').on(t.closeDate, t.outcome, t.dealType, t.amount, t.segment, t.region, t.productId),
    // Deals with no competitor: the "No competitor recorded" row of competitor matrices, read from
    // a small partial index instead of the whole table.
    index('deals_without_competitor')
      .on(t.segment, t.outcome, t.closeDate, t.dealType, t.amount, t.region, t.productId)
      .where(sql`${t.competitorCount} = 0`),
    // The deals table sorts by amount (close date breaks ties, so the index gives the whole order)
    // and filters by close period inside the same index: a page of 100 over 1M deals in ~1 ms.
    index('deals_amount_close').on(t.amount, t.closeDate),
    // Sorting by close date (the table's default) or created date walks these in order.
    index('deals_close').on(t.closeDate),
    index('deals_created').on(t.createdDate),
  ],
);

/**
 * Competitors met on a deal; one may be primary (head-to-head).
 * The deal_* columns are copies of the deal's fields and first_for_deal marks one row per deal, all
 * kept by triggers (migration win_rate_triggers): the competitor x segment matrix and its totals
 * then come from one pass over deal_competitors_matrix without touching deals (5.4 s -> ~0.1 s on
 * 1,000,000 deals, see docs/WIN-RATES.md).
 */
export const dealCompetitors = sqliteTable(
  'deal_competitors',
  {
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    competitorId: integer('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    isPrimary: flag('is_primary'),
    strengths: text('strengths'),
    weaknesses: text('weaknesses'),
    dealOutcome: text('deal_outcome', { enum: OUTCOMES }).notNull().default('open'),
    dealCloseDate: text('deal_close_date'),
    dealCreatedDate: text('deal_created_date'),
    dealAmount: real('deal_amount'),
    dealSegment: text('deal_segment'),
    dealRegion: text('deal_region'),
    dealProductId: integer('deal_product_id'),
    dealType: text('deal_type', { enum: DEAL_TYPES }),
    /** 1 on the deal's row with the lowest competitor id: counting these counts each deal once. */
    firstForDeal: flag('first_for_deal'),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.competitorId] }),
    // Win rate per competitor: walk one competitor's deals in order, primary flag in the index.
    index('deal_competitors_competitor').on(t.competitorId, t.isPrimary, t.dealId),
    // Competitor x segment matrices, with or without a close period, from the index alone, in group order;
    // the other copies after them so filters, other columns and profiles never read the table.
    index('deal_competitors_matrix').on(
      t.competitorId,
      t.dealSegment,
      t.dealOutcome,
      t.firstForDeal,
      t.isPrimary,
      t.dealCloseDate,
      t.dealAmount,
      t.dealCreatedDate,
      t.dealType,
      t.dealRegion,
      t.dealProductId,
    ),
  ],
);

/** Every stage a deal entered, with when: velocity and time-in-stage need the history. */
export const stageHistory = sqliteTable(
  'stage_history',
  {
    id: id(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    enteredAt: text('entered_at').notNull(),
    amount: real('amount'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
  },
  (t) => [index('stage_history_deal').on(t.dealId, t.enteredAt)],
);

/** Views of the deals table (filters, sort, columns) saved by name. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: id(),
    page: text('page').notNull(),
    name: text('name').notNull(),
    stateJson: text('state_json').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('saved_views_page').on(t.page, t.name)],
);
