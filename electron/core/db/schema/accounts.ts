// Accounts (companies). Segment and region also live on each deal as it was sold, see deals.ts.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, updatedAt } from './columns.ts';

export const accounts = sqliteTable(
  'accounts',
  {
    id: id(),
    externalId: text('external_id').unique(),
    name: text('name').notNull(),
    sector: text('sector'),
    employeeBand: text('employee_band'),
    revenueBand: text('revenue_band'),
    segment: text('segment'),
    region: text('region'),
    country: text('country'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('accounts_name').on(t.name)],
);
