// Competitors, the dirty names that mean them (aliases), and the log of merges (undoable).
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, updatedAt } from './columns.ts';

export const competitors = sqliteTable(
  'competitors',
  {
    id: id(),
    name: text('name').notNull(),
    website: text('website'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('competitors_name').on(t.name)],
);

/**
 * Every spelling seen for a competitor. alias_key is the normalised form (lower case, no
 * punctuation, legal suffixes such as Inc/Ltd/Corp dropped), unique, so one key means one competitor.
 */
export const competitorAliases = sqliteTable(
  'competitor_aliases',
  {
    id: id(),
    competitorId: integer('competitor_id')
      .notNull()
      .references(() => competitors.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    aliasKey: text('alias_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('competitor_aliases_key').on(t.aliasKey),
    index('competitor_aliases_competitor').on(t.competitorId),
  ],
);

/** A merge of one competitor into another, with what is needed to undo it. */
export const competitorMerges = sqliteTable('competitor_merges', {
  id: id(),
  fromName: text('from_name').notNull(),
  fromCompetitorId: integer('from_competitor_id').notNull(),
  intoCompetitorId: integer('into_competitor_id')
    .notNull()
    .references(() => competitors.id, { onDelete: 'cascade' }),
  /** JSON snapshot of the merged competitor, its aliases and deal links, for undo. */
  snapshotJson: text('snapshot_json').notNull(),
  mergedAt: text('merged_at').notNull(),
  undoneAt: text('undone_at'),
});
