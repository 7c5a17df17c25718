// Views of the deals table (filters, sort, columns) saved by name in saved_views.
import type Database from 'better-sqlite3';
import type { DealViewState, SavedView } from '#shared/domain/deals.ts';
import { dealViewStateSchema } from '#shared/domain/deals.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

const PAGE = 'deals';

interface Row {
  id: number;
  name: string;
  state_json: string;
  created_at: string;
}

function toView(r: Row): SavedView | null {
  try {
    const state = dealViewStateSchema.safeParse(JSON.parse(r.state_json));
    return state.success ? { id: r.id, name: r.name, state: state.data, createdAt: r.created_at } : null;
  } catch {
    return null;
  }
}

export function listViews(sqlite: Database.Database): SavedView[] {
  const rows = sqlite
    .prepare('SELECT id, name, state_json, created_at FROM saved_views WHERE page = ? ORDER BY name COLLATE NOCASE')
    .all(PAGE) as Row[];
  return rows.map(toView).filter((v): v is SavedView => v !== null);
}

export function saveView(sqlite: Database.Database, name: string, state: DealViewState, replace: boolean): SavedView {
  return writeTransaction(sqlite, () => {
    const existing = sqlite
      .prepare('SELECT id FROM saved_views WHERE page = ? AND name = ?')
      .pluck()
      .get(PAGE, name) as number | undefined;
    if (existing !== undefined && !replace) {
      throw new AppError('conflict', `A view called "${name}" already exists; replace it or choose another name.`, [
        { path: 'name', message: 'This name is taken' },
      ]);
    }
    let id = existing;
    if (id !== undefined)
      sqlite.prepare('UPDATE saved_views SET state_json = ? WHERE id = ?').run(JSON.stringify(state), id);
    else {
      id = Number(
        sqlite
          .prepare('INSERT INTO saved_views (page, name, state_json) VALUES (?, ?, ?)')
          .run(PAGE, name, JSON.stringify(state)).lastInsertRowid,
      );
    }
    return toView(
      sqlite.prepare('SELECT id, name, state_json, created_at FROM saved_views WHERE id = ?').get(id) as Row,
    )!;
  });
}

export function deleteView(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM saved_views WHERE id = ? AND page = ?').run(id, PAGE).changes > 0;
}
