// Reason taxonomy: categories, then reasons; every change logged with its date.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns.ts';

export const reasonCategories = sqliteTable('reason_categories', {
  id: id(),
  name: text('name').notNull().unique(),
  sort: integer('sort').notNull().default(0),
  retiredAt: text('retired_at'),
  createdAt: createdAt(),
});

export const reasons = sqliteTable(
  'reasons',
  {
    id: id(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => reasonCategories.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    /** Retired reasons stay on old interviews but are not offered for new coding. */
    retiredAt: text('retired_at'),
    /** Set when merged into another reason; codings are moved, this row stays for history. */
    mergedIntoId: integer('merged_into_id'),
    createdAt: createdAt(),
  },
  (t) => [index('reasons_category').on(t.categoryId, t.sort)],
);

export const reasonChanges = sqliteTable(
  'reason_changes',
  {
    id: id(),
    at: text('at').notNull(),
    action: text('action', { enum: ['add', 'rename', 'reorder', 'merge', 'retire', 'restore', 'move'] }).notNull(),
    reasonId: integer('reason_id'),
    categoryId: integer('category_id'),
    /** JSON: old and new names, merge target, and so on. */
    detailJson: text('detail_json').notNull().default('{}'),
  },
  (t) => [index('reason_changes_at').on(t.at)],
);
