// What an import batch changed, in import_changes: inserts (undo deletes them) and updates with
// the changed columns' values before (undo puts them back). Inserted ids come in runs (one writer,
// ids only grow), so a run is one row: entity_id..entity_id_last. The import log and undo read it.
import type Database from 'better-sqlite3';

interface Run {
  first: number;
  last: number;
}

export class ChangeLog {
  private readonly insertRow: Database.Statement;
  private readonly counts = new Map<string, { inserted: number; updated: number }>();
  /** Rows whose before-image is already logged in this batch (only the first counts). */
  private readonly snapshotted = new Set<string>();
  private readonly runs = new Map<string, Run>();
  readonly batchId: number;

  constructor(sqlite: Database.Database, batchId: number) {
    this.batchId = batchId;
    this.insertRow = sqlite.prepare(
      'INSERT INTO import_changes (batch_id, entity, entity_id, entity_id_last, change, before_json, fields_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  private count(entity: string): { inserted: number; updated: number } {
    let c = this.counts.get(entity);
    if (!c) this.counts.set(entity, (c = { inserted: 0, updated: 0 }));
    return c;
  }

  inserted(entity: string, id: number): void {
    this.count(entity).inserted++;
    const run = this.runs.get(entity);
    if (run && id === run.last + 1) {
      run.last = id;
      return;
    }
    if (run) this.writeRun(entity, run);
    this.runs.set(entity, { first: id, last: id });
  }

  private writeRun(entity: string, run: Run): void {
    this.insertRow.run(this.batchId, entity, run.first, run.last === run.first ? null : run.last, 'insert', null, null);
  }

  /**
   * An update, with the changed columns' values before it. A row updated twice in one batch keeps
   * its first before-image (undo returns it to how it was before the batch).
   */
  updated(entity: string, id: number, before: Record<string, unknown>, fields: string[]): void {
    const key = `${entity}:${id}`;
    if (this.snapshotted.has(key)) return;
    this.snapshotted.add(key);
    this.insertRow.run(this.batchId, entity, id, null, 'update', JSON.stringify(before), JSON.stringify(fields));
    this.count(entity).updated++;
  }

  /** True when this batch already saved the row's before-image. */
  has(entity: string, id: number): boolean {
    return this.snapshotted.has(`${entity}:${id}`);
  }

  /** Write the open runs of inserted ids (before the batch is finished). */
  flush(): void {
    for (const [entity, run] of this.runs) this.writeRun(entity, run);
    this.runs.clear();
  }

  summary(): { entity: string; inserted: number; updated: number }[] {
    return [...this.counts.entries()].map(([entity, c]) => ({ entity, ...c }));
  }
}
