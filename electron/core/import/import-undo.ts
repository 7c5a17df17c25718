// Undo an import batch, in one transaction: rows it added are deleted (their dependent rows go
// with them by cascade), rows it changed get their values from before the batch back, and the
// names it added (competitors, products, accounts ...) are removed unless something else now
// uses them. Refused, unless forced, when deals of the batch changed after it.
import type Database from 'better-sqlite3';
import type { UndoImportResult } from '#shared/domain/imports.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface ChangeRow {
  id: number;
  entity: string;
  entity_id: number;
  entity_id_last: number | null;
  change: 'insert' | 'update';
  before_json: string | null;
}

/** Tables an import writes; undo touches no other (entity names come from our own log). */
const UNDOABLE = new Set([
  'deals',
  'deal_competitors',
  'stage_history',
  'accounts',
  'owners',
  'products',
  'teams',
  'lead_sources',
  'competitors',
  'competitor_aliases',
  'product_aliases',
  'revenue_lines',
  'interviews',
  'quotes',
  'themes',
  'leads',
  'lead_touches',
  'deal_touches',
  'campaigns',
]);

/** Rows an import adds that are not names: undo deletes them (what hangs off them goes by cascade). */
const ADDED_ROWS = new Set([
  'deals',
  'stage_history',
  'interviews',
  'quotes',
  'revenue_lines',
  'leads',
  'lead_touches',
  'deal_touches',
]);

/** Tables whose rows are logged by rowid (touches have a composite key, no id column). */
const ROW_KEY: Record<string, string> = { lead_touches: 'rowid', deal_touches: 'rowid' };

/** Names an import may add, removed after the rows that used them (owners before teams). */
const LOOKUP_ORDER = [
  'campaigns',
  'competitor_aliases',
  'product_aliases',
  'owners',
  'accounts',
  'products',
  'competitors',
  'lead_sources',
  'teams',
  'themes',
];

export interface UndoHooks {
  progress?: (done: number, total: number, message: string) => void;
}

function columnsOf(sqlite: Database.Database, table: string): Set<string> {
  return new Set((sqlite.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name));
}

/** (table, column) pairs that refer to `table` through a foreign key. */
function referencesTo(sqlite: Database.Database, table: string): { table: string; column: string }[] {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'",
    )
    .pluck()
    .all() as string[];
  const out: { table: string; column: string }[] = [];
  for (const t of tables) {
    for (const fk of sqlite.pragma(`foreign_key_list("${t}")`) as { table: string; from: string }[]) {
      if (fk.table === table) out.push({ table: t, column: fk.from });
    }
  }
  return out;
}

export interface UndoConflicts {
  /** Deals of the batch a later import or an edit changed. */
  deals: number;
  /** Interviews logged (by hand or a later import) on deals the batch added. */
  interviews: number;
  /** Interviews the batch added or changed that were edited since, or got quotes from a later import. */
  interviewsEdited: number;
  /** Revenue lines the batch added that a later import changed. */
  revenueLines: number;
}

/** SQL: the batch's rows of one table, as `x.id` BETWEEN the runs of its log (`?` = batch id). */
const inBatch = (entity: string, alias: string, change?: 'insert') =>
  `EXISTS (SELECT 1 FROM import_changes c WHERE c.batch_id = ? AND c.entity = '${entity}'
     ${change ? `AND c.change = '${change}'` : ''} AND ${alias}.id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id))`;

/** What a later import or an edit changed on rows of this batch (undo would overwrite it). */
export function undoConflicts(sqlite: Database.Database, batchId: number): UndoConflicts {
  const batch = sqlite.prepare('SELECT finished_at FROM import_batches WHERE id = ?').get(batchId) as
    { finished_at: string } | undefined;
  if (!batch) return { deals: 0, interviews: 0, interviewsEdited: 0, revenueLines: 0 };
  const touched = sqlite
    .prepare(
      `SELECT count(*) FROM deals d JOIN import_changes c
          ON c.batch_id = ? AND c.entity = 'deals' AND d.id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id)
        WHERE d.import_batch_id IS NOT ? OR d.updated_at > ?`,
    )
    .pluck()
    .get(batchId, batchId, batch.finished_at) as number;
  // Interviews this very batch added with its deals are not later work.
  const interviews = sqlite
    .prepare(
      `SELECT count(*) FROM interviews i JOIN import_changes c
          ON c.batch_id = ? AND c.entity = 'deals' AND c.change = 'insert'
         AND i.deal_id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id)
       WHERE NOT ${inBatch('interviews', 'i', 'insert')}`,
    )
    .pluck()
    .get(batchId, batchId) as number;
  // Driven from the batch's own log, so a batch without interviews costs nothing here.
  const interviewsEdited = sqlite
    .prepare(
      `WITH touched(id) AS (
         SELECT i.id FROM import_changes c
           JOIN interviews i ON i.id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id)
          WHERE c.batch_id = @batch AND c.entity = 'interviews'
         UNION
         SELECT q.interview_id FROM import_changes c
           JOIN quotes q ON q.id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id)
          WHERE c.batch_id = @batch AND c.entity = 'quotes')
       SELECT count(*) FROM touched t JOIN interviews i ON i.id = t.id
        WHERE i.updated_at > @finished OR i.import_batch_id > @batch
           OR EXISTS (SELECT 1 FROM quotes q2
                        JOIN import_changes l ON l.entity = 'quotes' AND l.batch_id > @batch
                         AND q2.id BETWEEN l.entity_id AND coalesce(l.entity_id_last, l.entity_id)
                        JOIN import_batches b ON b.id = l.batch_id AND b.status = 'committed'
                       WHERE q2.interview_id = i.id)`,
    )
    .pluck()
    .get({ batch: batchId, finished: batch.finished_at }) as number;
  // Revenue lines it added that a later import changed (undo would delete the later amounts too).
  const revenueLines = sqlite
    .prepare(
      `SELECT count(*) FROM revenue_lines r JOIN import_changes c
          ON c.batch_id = ? AND c.entity = 'revenue_lines' AND c.change = 'insert'
         AND r.id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id)
        WHERE r.import_batch_id IS NOT ?`,
    )
    .pluck()
    .get(batchId, batchId) as number;
  return { deals: touched, interviews, interviewsEdited, revenueLines };
}

/**
 * The codings and ratings of an interview, or the themes of a quote, as they were before the
 * batch. A reason merged since then is the reason it was merged into (as its codings were moved);
 * a competitor or theme deleted since then is left out.
 */
function restoreChildren(
  sqlite: Database.Database,
  entity: 'interviews' | 'quotes',
  id: number,
  before: Record<string, unknown>,
): void {
  // Deleted since (by hand, or with the interview it belonged to): nothing to put back.
  if (!sqlite.prepare(`SELECT 1 FROM "${entity}" WHERE id = ?`).get(id)) return;
  if (entity === 'quotes') {
    if (!Array.isArray(before.themes)) return;
    sqlite.prepare('DELETE FROM quote_themes WHERE quote_id = ?').run(id);
    const add = sqlite.prepare(
      'INSERT OR IGNORE INTO quote_themes (quote_id, theme_id) SELECT ?, id FROM themes WHERE id = ?',
    );
    for (const t of before.themes as number[]) add.run(id, t);
    return;
  }
  if (Array.isArray(before.reasons)) {
    sqlite.prepare('DELETE FROM interview_reasons WHERE interview_id = ?').run(id);
    const add = sqlite.prepare(
      `INSERT OR IGNORE INTO interview_reasons (interview_id, reason_id, is_primary, driver)
       SELECT ?, coalesce(merged_into_id, id), ?, ? FROM reasons WHERE id = ?`,
    );
    const codings = before.reasons as { reason_id: number; is_primary: number; driver: string }[];
    for (const r of [...codings].sort((a, b) => b.is_primary - a.is_primary))
      add.run(id, r.is_primary, r.driver, r.reason_id);
  }
  if (Array.isArray(before.ratings)) {
    sqlite.prepare('DELETE FROM interview_ratings WHERE interview_id = ?').run(id);
    const add = sqlite.prepare(
      `INSERT OR IGNORE INTO interview_ratings (interview_id, criterion_id, competitor_id, rating)
       SELECT ?, ?, ?, ? WHERE ? IS NULL OR EXISTS (SELECT 1 FROM competitors WHERE id = ?)`,
    );
    for (const r of before.ratings as { criterion_id: number; competitor_id: number | null; rating: number }[])
      add.run(id, r.criterion_id, r.competitor_id, r.rating, r.competitor_id, r.competitor_id);
  }
}

export function undoImport(
  sqlite: Database.Database,
  batchId: number,
  options: { force?: boolean } = {},
  hooks: UndoHooks = {},
): UndoImportResult {
  return writeTransaction(sqlite, () => {
    const batch = sqlite
      .prepare('SELECT id, kind, status, source_name AS sourceName FROM import_batches WHERE id = ?')
      .get(batchId) as { id: number; kind: string; status: string; sourceName: string } | undefined;
    if (!batch) throw new AppError('not_found', `There is no import number ${batchId}.`);
    if (batch.status === 'undone')
      throw new AppError('conflict', `The import of ${batch.sourceName} was already undone.`);
    if (batch.kind === 'demo') {
      throw new AppError(
        'conflict',
        'The demo data is not an import that can be undone; create a new workspace instead.',
      );
    }
    const conflicts = undoConflicts(sqlite, batchId);
    if (
      !options.force &&
      (conflicts.deals > 0 || conflicts.interviews > 0 || conflicts.interviewsEdited > 0 || conflicts.revenueLines > 0)
    ) {
      const parts = [];
      if (conflicts.revenueLines > 0)
        parts.push(`${conflicts.revenueLines.toLocaleString('en-US')} of its revenue lines changed in a later import`);
      if (conflicts.deals > 0)
        parts.push(
          `${conflicts.deals.toLocaleString('en-US')} of its deals changed after it (a later import or an edit)`,
        );
      if (conflicts.interviews > 0)
        parts.push(`${conflicts.interviews.toLocaleString('en-US')} interviews were logged on deals it added`);
      if (conflicts.interviewsEdited > 0)
        parts.push(
          `${conflicts.interviewsEdited.toLocaleString('en-US')} of its interviews changed after it (an edit or a later import)`,
        );
      throw new AppError(
        'conflict',
        `Undoing the import of ${batch.sourceName} would lose later work: ${parts.join(', and ')}. Undo the later imports first, or confirm to undo anyway.`,
      );
    }
    const changes = sqlite
      .prepare(
        'SELECT id, entity, entity_id, entity_id_last, change, before_json FROM import_changes WHERE batch_id = ? ORDER BY id DESC',
      )
      .all(batchId) as ChangeRow[];
    for (const c of changes) {
      if (!UNDOABLE.has(c.entity)) throw new AppError('internal', `Import log names an unknown table (${c.entity}).`);
    }
    let removed = 0;
    let restored = 0;
    const total = changes.length;
    let done = 0;
    const tick = () => {
      done++;
      if (done % 500 === 0) hooks.progress?.(done, total, 'Undoing');
    };

    // 1. Rows the batch added that are not names: deals (their links, stage history and
    //    interviews go with them by cascade), stage history, interviews (with their codings,
    //    ratings and quotes), quotes and revenue lines. The search index follows by trigger; the
    //    revenue lines' triggers list the accounts whose retention figures must be derived again.
    for (const c of changes) {
      if (c.change !== 'insert' || !ADDED_ROWS.has(c.entity)) continue;
      removed += sqlite
        .prepare(`DELETE FROM "${c.entity}" WHERE ${ROW_KEY[c.entity] ?? 'id'} BETWEEN ? AND ?`)
        .run(c.entity_id, c.entity_id_last ?? c.entity_id).changes;
      tick();
    }
    // 2. Rows the batch changed get their earlier values back.
    const columns = new Map<string, Set<string>>();
    for (const c of changes) {
      if (c.change !== 'update' || c.before_json === null) continue;
      const before = JSON.parse(c.before_json) as Record<string, unknown>;
      if (c.entity === 'deal_competitors') {
        const links = before.links as {
          competitor_id: number;
          is_primary: number;
          strengths: string | null;
          weaknesses: string | null;
        }[];
        sqlite.prepare('DELETE FROM deal_competitors WHERE deal_id = ?').run(c.entity_id);
        const add = sqlite.prepare(
          'INSERT OR IGNORE INTO deal_competitors (deal_id, competitor_id, is_primary, strengths, weaknesses) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM competitors WHERE id = ?)',
        );
        for (const l of links)
          add.run(c.entity_id, l.competitor_id, l.is_primary, l.strengths, l.weaknesses, l.competitor_id);
      } else {
        if (c.entity === 'interviews' || c.entity === 'quotes') restoreChildren(sqlite, c.entity, c.entity_id, before);
        let known = columns.get(c.entity);
        if (!known) columns.set(c.entity, (known = columnsOf(sqlite, c.entity)));
        const cols = Object.keys(before).filter((k) => known.has(k));
        if (cols.length > 0) {
          sqlite
            .prepare(`UPDATE "${c.entity}" SET ${cols.map((k) => `"${k}" = ?`).join(', ')} WHERE id = ?`)
            .run(...cols.map((k) => before[k] as string | number | null), c.entity_id);
        }
      }
      restored++;
      tick();
    }
    // 3. Names the batch added, unless something else now uses them.
    for (const entity of LOOKUP_ORDER) {
      const runs = changes.filter((c) => c.entity === entity && c.change === 'insert');
      if (runs.length === 0) continue;
      const refs = referencesTo(sqlite, entity);
      for (const run of runs) {
        const last = run.entity_id_last ?? run.entity_id;
        const used = new Set<number>();
        for (const r of refs) {
          for (const id of sqlite
            .prepare(`SELECT DISTINCT "${r.column}" FROM "${r.table}" WHERE "${r.column}" BETWEEN ? AND ?`)
            .pluck()
            .all(run.entity_id, last) as number[]) {
            used.add(id);
          }
        }
        if (used.size === 0) {
          removed += sqlite
            .prepare(`DELETE FROM "${entity}" WHERE id BETWEEN ? AND ?`)
            .run(run.entity_id, last).changes;
        } else {
          const del = sqlite.prepare(`DELETE FROM "${entity}" WHERE id = ?`);
          for (let id = run.entity_id; id <= last; id++) if (!used.has(id)) removed += del.run(id).changes;
        }
        tick();
      }
    }
    sqlite
      .prepare("UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?")
      .run(new Date().toISOString(), batchId);
    hooks.progress?.(total, total, 'Undone');
    return { batchId, removed, restored };
  });
}
