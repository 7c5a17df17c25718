// Saved report templates: a name and the report's spec as JSON (shared/domain/reports.ts), so a
// template re-runs for a new period (the monthly pack) from the app or `winnow report --template`.
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, updatedAt } from './columns.ts';

export const reportTemplates = sqliteTable(
  'report_templates',
  {
    id: id(),
    name: text('name').notNull(),
    specJson: text('spec_json').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('report_templates_name').on(t.name)],
);
