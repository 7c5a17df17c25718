// Workspace settings as key -> JSON value. The keys and their defaults are declared in
// shared/domain/settings.ts so the UI, the CLI and the analyses read the same values.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { updatedAt } from './columns.ts';

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: updatedAt(),
});
