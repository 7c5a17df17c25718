// Needed-MQL plans saved by name: the planner's inputs as JSON (shared/domain/plans.ts), so a plan
// re-opens with its target, period and overrides and recomputes against the data as it is now.
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, updatedAt } from './columns.ts';

export const plans = sqliteTable(
  'plans',
  {
    id: id(),
    name: text('name').notNull(),
    inputsJson: text('inputs_json').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plans_name').on(t.name)],
);
