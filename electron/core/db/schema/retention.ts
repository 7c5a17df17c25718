// Retention's maintained tables: a cache derived from won deals and revenue_lines, rebuilt by
// electron/core/retention/retention-refresh.ts and never edited by hand. They hold no facts of
// their own, so they carry no foreign keys: the refresh removes rows of accounts that are gone.
//
// Two more objects live in a custom migration because drizzle cannot declare them:
//   retention_periods (grain, cohort, period, account_id, revenue, base), WITHOUT ROWID, keyed in
//     the order the cohort matrix is read, so the matrix is one ordered scan with no sort;
//   triggers on deals and revenue_lines that put every changed account into retention_dirty.
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per customer: an account with revenue in at least one month up to the data's last date. */
export const retentionCustomers = sqliteTable('retention_customers', {
  accountId: integer('account_id').primaryKey(),
  /** Month index (year * 12 + month - 1) of the first month with revenue. */
  firstMonth: integer('first_month').notNull(),
  /** Where this customer's revenue came from: imported MRR lines, imported invoices, or won deals. */
  source: text('source', { enum: ['mrr', 'invoice', 'deals'] }).notNull(),
  /** The deal that won the customer (earliest won new-business deal, else earliest won deal). */
  winningDealId: integer('winning_deal_id'),
});

/**
 * Every customer's rows of retention_periods added up per (grain, cohort, period): the cohort
 * matrix and the revenue movements of all customers, which the screen opens on, read from here in
 * a few thousand rows. Kept exact by the refresh (the cohorts of changed accounts are summed
 * again); filtered and split views sum retention_periods themselves. Column meanings are those of
 * electron/core/retention/cell-measures.ts.
 */
export const retentionCells = sqliteTable(
  'retention_cells',
  {
    grain: integer('grain').notNull(),
    cohort: integer('cohort').notNull(),
    period: integer('period').notNull(),
    active: integer('active').notNull(),
    revenue: real('revenue').notNull(),
    capped: real('capped').notNull(),
    newCustomers: integer('new_customers').notNull(),
    newRevenue: real('new_revenue').notNull(),
    reactivationCustomers: integer('reactivation_customers').notNull(),
    reactivation: real('reactivation').notNull(),
    expansionCustomers: integer('expansion_customers').notNull(),
    expansion: real('expansion').notNull(),
    contractionCustomers: integer('contraction_customers').notNull(),
    contraction: real('contraction').notNull(),
    churnCustomers: integer('churn_customers').notNull(),
    churnRevenue: real('churn_revenue').notNull(),
    baseCustomers: integer('base_customers').notNull(),
    baseRevenue: real('base_revenue').notNull(),
    retainedCustomers: integer('retained_customers').notNull(),
    aheadRevenue: real('ahead_revenue').notNull(),
    aheadCapped: real('ahead_capped').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.cohort, t.period] })],
);

/**
 * The cells of a split (every customer, no filter) per field and group, computed the first time a
 * field is split and kept until anything they depend on changes: a refresh empties the table, and
 * so do triggers on what ties customers to why we won them (deal and account fields, competitors
 * on deals, interviews and their reasons, reason merges). Splitting again, or choosing a group,
 * then reads a few thousand rows instead of summing every customer's rows again.
 */
export const retentionGroupCells = sqliteTable(
  'retention_group_cells',
  {
    field: text('field').notNull(),
    grain: integer('grain').notNull(),
    key: text('key').notNull(),
    cohort: integer('cohort').notNull(),
    period: integer('period').notNull(),
    active: integer('active').notNull(),
    revenue: real('revenue').notNull(),
    capped: real('capped').notNull(),
  },
  (t) => [primaryKey({ columns: [t.field, t.grain, t.key, t.cohort, t.period] })],
);

/** Accounts whose deals or revenue lines changed since the last refresh (filled by triggers). */
export const retentionDirty = sqliteTable('retention_dirty', {
  accountId: integer('account_id').primaryKey(),
});

/**
 * Won deals of an account that make no revenue, and why, so that nothing vanishes silently. Kept
 * per account so a refresh of a few accounts keeps the totals right. (Won deals without an
 * account are counted live from the deals' account index.)
 */
export const retentionLeftOut = sqliteTable('retention_left_out', {
  accountId: integer('account_id').primaryKey(),
  noAmount: integer('no_amount').notNull(),
  badDates: integer('bad_dates').notNull(),
});

/** What the cache was built from: data's last date, its month, the rules' version, when. */
export const retentionState = sqliteTable('retention_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
