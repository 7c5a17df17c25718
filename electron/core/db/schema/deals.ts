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
import { leadSources } from './marketing.ts';
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
    contractStart: text('contract_start'),
    contractEnd: text('contract_end'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('deals_amount_nonneg', sql`${t.amount} IS NULL OR ${t.amount} >= 0`),
    check('deals_closed_has_date', sql`${t.outcome} = 'open' OR ${t.closeDate} IS NOT NULL`),
    // Win rate over a close period: range on close_date, read outcome and amount from the index.
    index('deals_close_outcome').on(t.closeDate, t.outcome, t.amount),
    // Totals by outcome (dashboard, deals table totals) without touching the table.
    index('deals_outcome_amount').on(t.outcome, t.amount),
    index('deals_account').on(t.accountId),
    index('deals_owner').on(t.ownerId),
    index('deals_name').on(t.name),
    index('deals_batch').on(t.importBatchId),
    // The deals table sorts by amount (close date breaks ties, so the index gives the whole order)
    // and filters by close period inside the same index: a page of 100 over 1M deals in ~1 ms.
    index('deals_amount_close').on(t.amount, t.closeDate),
    // Sorting by close date (the table's default) or created date walks these in order.
    index('deals_close').on(t.closeDate),
    index('deals_created').on(t.createdDate),
  ],
);

/** Competitors met on a deal; one may be primary (head-to-head). */
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
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.competitorId] }),
    // Win rate per competitor: walk one competitor's deals in order, primary flag in the index.
    index('deal_competitors_competitor').on(t.competitorId, t.isPrimary, t.dealId),
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
