// The upsert shared by the simple kinds (accounts, owners, products): find the existing row by its
// key, insert when missing, otherwise update only the mapped columns that differ, logging the
// values before so the batch can be undone.
import type Database from 'better-sqlite3';
import type { WriteContext, WriteOutcome } from '../kind.ts';

export class Upserter {
  private readonly ctx: WriteContext;
  private readonly table: string;
  private readonly entity: string;
  private readonly columns: string[];
  private readonly updates = new Map<string, Database.Statement>();
  private readonly inserts = new Map<string, Database.Statement>();
  readonly changed = new Map<string, number>();

  /** `columns`: the table's columns this file maps (others are never touched on update). */
  constructor(ctx: WriteContext, table: string, columns: string[]) {
    this.ctx = ctx;
    this.table = table;
    this.entity = table;
    this.columns = columns;
  }

  /** Insert `values` (column -> value) and log it; returns the new id. */
  insert(values: Record<string, unknown>): number {
    const cols = Object.keys(values);
    const key = cols.join(',');
    let st = this.inserts.get(key);
    if (!st) {
      st = this.ctx.sqlite.prepare(
        `INSERT INTO ${this.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      this.inserts.set(key, st);
    }
    const id = Number(st.run(...cols.map((c) => values[c])).lastInsertRowid);
    this.ctx.changes.inserted(this.entity, id);
    return id;
  }

  /** The mapped columns of `existing` that differ from `values` (null values in `keep` are skipped). */
  changes(existing: Record<string, unknown>, values: Record<string, unknown>, keep: Set<string>): string[] {
    return this.columns.filter((c) => !(values[c] === null && keep.has(c)) && existing[c] !== values[c]);
  }

  /** Update the mapped columns of `existing` that differ from `values`; null values in `keep` are skipped. */
  update(
    existing: Record<string, unknown> & { id: number },
    values: Record<string, unknown>,
    keep: Set<string>,
  ): WriteOutcome {
    const changed = this.changes(existing, values, keep);
    if (changed.length === 0) return 'unchanged';
    const key = changed.join(',');
    let st = this.updates.get(key);
    if (!st) {
      st = this.ctx.sqlite.prepare(
        `UPDATE ${this.table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
      );
      this.updates.set(key, st);
    }
    const before: Record<string, unknown> = {};
    for (const c of changed) before[c] = existing[c];
    st.run(...changed.map((c) => values[c]), existing.id);
    this.ctx.changes.updated(this.entity, existing.id, before, changed);
    for (const c of changed) this.changed.set(c, (this.changed.get(c) ?? 0) + 1);
    return 'updated';
  }

  /** Insert `values`, or update `existing` with them: the row's id and what happened. */
  write(
    existing: (Record<string, unknown> & { id: number }) | undefined,
    values: Record<string, unknown>,
    keep: Set<string>,
  ): { id: number; outcome: WriteOutcome } {
    if (!existing) return { id: this.insert(values), outcome: 'inserted' };
    return { id: existing.id, outcome: this.update(existing, values, keep) };
  }
}
