// Campaigns, marketing touches, leads and the qualification checklist: the funnel side (lead
// sources are in lead-sources.ts: deals reference them, and these tables reference deals).
import { sql } from 'drizzle-orm';
import { SOURCED_BY } from '#shared/domain/enums.ts';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { createdAt, id } from './columns.ts';
import { deals } from './deals.ts';
import { importBatches } from './imports.ts';
import { leadSources } from './lead-sources.ts';
import { owners } from './org.ts';

export const campaigns = sqliteTable('campaigns', {
  id: id(),
  name: text('name').notNull().unique(),
  /** white paper, event, webinar, site visit, demo request, paid search, email ... */
  channel: text('channel').notNull(),
  startDate: text('start_date'),
  createdAt: createdAt(),
});

/** A marketing touch that influenced a deal (campaign membership before close). */
export const dealTouches = sqliteTable(
  'deal_touches',
  {
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    touchedAt: text('touched_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.campaignId, t.touchedAt] }),
    index('deal_touches_campaign').on(t.campaignId),
  ],
);

export const leads = sqliteTable(
  'leads',
  {
    id: id(),
    externalId: text('external_id').unique(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    leadSourceId: integer('lead_source_id').references(() => leadSources.id, { onDelete: 'set null' }),
    createdDate: text('created_date').notNull(),
    mqlDate: text('mql_date'),
    sqlDate: text('sql_date'),
    /** The lead's own opportunity date (HubSpot "Became an Opportunity date"); the deal's created date wins. */
    opportunityDate: text('opportunity_date'),
    /** Won without a deal in Winnow (HubSpot "Became a Customer date"); a converted deal's outcome wins. */
    customerDate: text('customer_date'),
    /** The deal this lead became, if any. */
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    sourcedBy: text('sourced_by', { enum: SOURCED_BY }),
    ownerId: integer('owner_id').references(() => owners.id, { onDelete: 'set null' }),
    /** The CRM's status as written (Open, Working, Disqualified ...). */
    status: text('status'),
    /** 1 when the lead was disqualified (a disqualifying status or a reason): out of the funnel, not open. */
    disqualified: integer('disqualified', { mode: 'boolean' }).notNull().default(false),
    disqualifiedReason: text('disqualified_reason'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    // The funnel reads leads by MQL date or by created date from these alone (docs/METRICS.md#funnel).
    index('leads_mql').on(
      t.mqlDate,
      t.createdDate,
      t.sqlDate,
      t.opportunityDate,
      t.customerDate,
      t.dealId,
      t.disqualified,
    ),
    index('leads_created').on(
      t.createdDate,
      t.mqlDate,
      t.sqlDate,
      t.opportunityDate,
      t.customerDate,
      t.dealId,
      t.disqualified,
    ),
    index('leads_deal').on(t.dealId, t.mqlDate, t.createdDate),
    index('leads_batch').on(t.importBatchId),
  ],
);

/** A campaign touch on a lead (Salesforce CampaignMember); deal touches are in deal_touches. */
export const leadTouches = sqliteTable(
  'lead_touches',
  {
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    touchedAt: text('touched_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.leadId, t.campaignId, t.touchedAt] }),
    index('lead_touches_campaign').on(t.campaignId),
  ],
);

/** The MQL checklist (docs/METRICS.md#qualification-criteria); 'fit' is static, 'dynamic' changes. */
export const qualificationCriteria = sqliteTable('qualification_criteria', {
  id: id(),
  key: text('key').notNull().unique(),
  label: text('label').notNull(),
  kind: text('kind', { enum: ['fit', 'dynamic'] }).notNull(),
  sort: integer('sort').notNull().default(0),
});

export const leadQualifications = sqliteTable(
  'lead_qualifications',
  {
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => qualificationCriteria.id, { onDelete: 'cascade' }),
    met: integer('met', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.leadId, t.criterionId] })],
);

export const dealQualifications = sqliteTable(
  'deal_qualifications',
  {
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => qualificationCriteria.id, { onDelete: 'cascade' }),
    met: integer('met', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.criterionId] }),
    check('deal_qualifications_met', sql`${t.met} IN (0, 1)`),
  ],
);
