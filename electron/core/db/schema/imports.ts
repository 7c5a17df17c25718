// Import batches: every import (and the demo loader) is one batch, so it can be reported on
// and undone as a unit. import_changes keeps the before-image of every row a batch touched.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns.ts';

export const importBatches = sqliteTable(
  'import_batches',
  {
    id: id(),
    /** deals | accounts | owners | stage_history | deal_competitors | interviews | revenue | demo */
    kind: text('kind').notNull(),
    sourceName: text('source_name').notNull(),
    mappingName: text('mapping_name'),
    status: text('status', { enum: ['committed', 'undone'] }).notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsInserted: integer('rows_inserted').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    /** JSON: options used (date format, encoding, delimiter) and a summary of what changed. */
    detailJson: text('detail_json').notNull().default('{}'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at').notNull(),
    undoneAt: text('undone_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('import_batches_counts', sql`${t.rowsRead} >= 0 AND ${t.rowsRejected} >= 0`),
    index('import_batches_finished').on(t.finishedAt),
  ],
);

export const importChanges = sqliteTable(
  'import_changes',
  {
    id: id(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    /**
     * For inserts: the last id of a run of consecutive ids the batch inserted (entity_id is the
     * first). A bulk import of a million deals logs one row instead of a million.
     */
    entityIdLast: integer('entity_id_last'),
    change: text('change', { enum: ['insert', 'update'] }).notNull(),
    /** For updates: the row as it was before, as JSON; null for inserts. */
    beforeJson: text('before_json'),
    /** Field names that changed, as a JSON array (for the import log). */
    fieldsJson: text('fields_json'),
  },
  (t) => [index('import_changes_batch').on(t.batchId, t.entity)],
);

/** Column mappings saved by name and reused (presets ship in code, user ones live here). */
export const importMappings = sqliteTable('import_mappings', {
  id: id(),
  name: text('name').notNull().unique(),
  kind: text('kind').notNull(),
  mappingJson: text('mapping_json').notNull(),
  createdAt: createdAt(),
});
