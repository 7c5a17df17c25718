// Revenue lines imported from a billing file (invoices or MRR snapshots). Revenue that comes from
// won deals is derived from the deals' contract periods, so it is not copied here.
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { REVENUE_KINDS } from '#shared/domain/enums.ts';
import { accounts } from './accounts.ts';
import { id } from './columns.ts';
import { importBatches } from './imports.ts';

export const revenueLines = sqliteTable(
  'revenue_lines',
  {
    id: id(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** First day of the month the revenue belongs to ('2024-03-01'). */
    period: text('period').notNull(),
    amount: real('amount').notNull(),
    kind: text('kind', { enum: REVENUE_KINDS }).notNull(),
    /** The line's own id in the source file, when it has one (makes re-import idempotent). */
    externalId: text('external_id').unique(),
    /**
     * The latest day among the file rows this line sums, when the file gave days ('1998-06-30');
     * NULL when it gave months only. The data's last date reads it, so a log that ends on the
     * last day of a month leaves that month complete.
     */
    lastDate: text('last_date'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('revenue_lines_period', sql`${t.period} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01'`),
    // One account's lines of one kind in month order, read from the index alone (retention
    // derives monthly revenue per customer from MRR lines if it has any, else from invoices).
    index('revenue_lines_account_kind_period').on(t.accountId, t.kind, t.period, t.amount),
    index('revenue_lines_batch').on(t.importBatchId),
    // The data's last revenue month and its last day (retention's "as of"), from the index alone.
    index('revenue_lines_period').on(t.period, t.lastDate),
  ],
);
