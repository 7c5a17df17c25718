// A row with everything that depends on it, captured before a delete so the delete can be undone:
// rows that a foreign key deletes with it (a deal's competitor links, stage history, interviews
// and their codings) and references it would set to NULL (a lead's deal). Found from the schema's
// foreign keys, so tables added later are covered too.
import type Database from 'better-sqlite3';

interface ForeignKey {
  table: string;
  column: string;
  onDelete: string;
}

export interface Snapshot {
  /** Parents before children: the order to insert them back. */
  rows: { table: string; rows: Record<string, unknown>[] }[];
  /** References that the delete set to NULL: (table, rowid, column, value). */
  nulled: { table: string; rowid: number; column: string; value: number }[];
}

function userTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'",
    )
    .pluck()
    .all() as string[];
}

function referencing(sqlite: Database.Database, table: string): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const t of userTables(sqlite)) {
    for (const fk of sqlite.pragma(`foreign_key_list("${t}")`) as {
      table: string;
      from: string;
      on_delete: string;
    }[]) {
      if (fk.table === table) out.push({ table: t, column: fk.from, onDelete: fk.on_delete });
    }
  }
  return out;
}

function hasIdColumn(sqlite: Database.Database, table: string): boolean {
  return (sqlite.pragma(`table_info("${table}")`) as { name: string; pk: number }[]).some(
    (c) => c.name === 'id' && c.pk === 1,
  );
}

export function snapshotRow(sqlite: Database.Database, table: string, id: number): Snapshot {
  const snapshot: Snapshot = { rows: [], nulled: [] };
  const visit = (t: string, where: string, params: unknown[]) => {
    const rows = sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${t}" WHERE ${where}`).all(...params) as Record<
      string,
      unknown
    >[];
    if (rows.length === 0) return;
    snapshot.rows.push({ table: t, rows: rows.map(({ __rowid: _r, ...rest }) => rest) });
    if (!hasIdColumn(sqlite, t)) return;
    const ids = rows.map((r) => r.id as number);
    for (const fk of referencing(sqlite, t)) {
      const list = ids.map(() => '?').join(', ');
      if (fk.onDelete === 'CASCADE') visit(fk.table, `"${fk.column}" IN (${list})`, ids);
      else if (fk.onDelete === 'SET NULL') {
        for (const r of sqlite
          .prepare(
            `SELECT rowid AS rowid, "${fk.column}" AS value FROM "${fk.table}" WHERE "${fk.column}" IN (${list})`,
          )
          .all(...ids) as { rowid: number; value: number }[]) {
          snapshot.nulled.push({ table: fk.table, rowid: r.rowid, column: fk.column, value: r.value });
        }
      }
    }
  };
  visit(table, 'id = ?', [id]);
  return snapshot;
}

/** Put a snapshot back (inside the caller's transaction), ids and all. */
export function restoreSnapshot(sqlite: Database.Database, snapshot: Snapshot): void {
  for (const { table, rows } of snapshot.rows) {
    for (const row of rows) {
      const cols = Object.keys(row);
      sqlite
        .prepare(
          `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        )
        .run(...cols.map((c) => row[c] as string | number | null));
    }
  }
  for (const n of snapshot.nulled) {
    sqlite
      .prepare(`UPDATE "${n.table}" SET "${n.column}" = ? WHERE rowid = ? AND "${n.column}" IS NULL`)
      .run(n.value, n.rowid);
  }
}
