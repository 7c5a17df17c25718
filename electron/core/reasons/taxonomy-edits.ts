// Edits to the reason taxonomy. Each runs in one transaction and writes a line to reason_changes
// with its date and the names involved at the time.
//  - merge: every coding of the old reason moves to the target (an interview coded with both keeps
//    one coding, primary if either was, with the primary's driver), as do quotes and rep-stated
//    reasons on deals; the old reason stays, marked merged, for history.
//  - retire: the reason stays on the interviews coded with it and in every count; it is only no
//    longer offered for new coding.
import type Database from 'better-sqlite3';
import type { Driver } from '#shared/domain/enums.ts';
import type { ReasonAction } from '#shared/domain/reasons.ts';
import { cleanLine } from '#shared/text/clean-text.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface ReasonRow {
  id: number;
  categoryId: number;
  name: string;
  sort: number;
  retiredAt: string | null;
  mergedIntoId: number | null;
}

interface CategoryRow {
  id: number;
  name: string;
  sort: number;
  retiredAt: string | null;
}

const now = () => new Date().toISOString();

function log(
  sqlite: Database.Database,
  action: ReasonAction,
  reasonId: number | null,
  categoryId: number | null,
  detail: Record<string, unknown>,
): void {
  sqlite
    .prepare('INSERT INTO reason_changes (at, action, reason_id, category_id, detail_json) VALUES (?, ?, ?, ?, ?)')
    .run(now(), action, reasonId, categoryId, JSON.stringify(detail));
}

function reason(sqlite: Database.Database, id: number): ReasonRow {
  const r = sqlite
    .prepare(
      'SELECT id, category_id AS categoryId, name, sort, retired_at AS retiredAt, merged_into_id AS mergedIntoId FROM reasons WHERE id = ?',
    )
    .get(id) as ReasonRow | undefined;
  if (!r) throw new AppError('not_found', `Reason ${id} does not exist.`);
  return r;
}

function category(sqlite: Database.Database, id: number): CategoryRow {
  const c = sqlite
    .prepare('SELECT id, name, sort, retired_at AS retiredAt FROM reason_categories WHERE id = ?')
    .get(id) as CategoryRow | undefined;
  if (!c) throw new AppError('not_found', `Category ${id} does not exist.`);
  return c;
}

function notMerged(r: ReasonRow): void {
  if (r.mergedIntoId !== null)
    throw new AppError('conflict', `"${r.name}" was merged into another reason; edit that one instead.`);
}

function nameField(raw: string): string {
  const name = cleanLine(raw);
  if (!name) throw new AppError('invalid_argument', 'Give it a name.', [{ path: 'name', message: 'Give it a name' }]);
  return name;
}

/** Reason names are unique (ignoring case) among reasons still in use, across categories. */
function assertReasonNameFree(sqlite: Database.Database, name: string, except: number | null): void {
  const clash = sqlite
    .prepare(
      `SELECT r.id, c.name AS category, r.retired_at AS retiredAt FROM reasons r JOIN reason_categories c ON c.id = r.category_id
        WHERE r.name = ? COLLATE NOCASE AND r.merged_into_id IS NULL AND r.id IS NOT ?`,
    )
    .get(name, except) as { id: number; category: string; retiredAt: string | null } | undefined;
  if (clash)
    throw new AppError(
      'conflict',
      `A reason named "${name}" already exists (in ${clash.category}${clash.retiredAt ? ', retired: restore it instead' : ''}).`,
      [{ path: 'name', message: 'That name is taken' }],
    );
}

function assertCategoryNameFree(sqlite: Database.Database, name: string, except: number | null): void {
  const clash = sqlite
    .prepare('SELECT id FROM reason_categories WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
    .get(name, except);
  if (clash)
    throw new AppError('conflict', `A category named "${name}" already exists.`, [
      { path: 'name', message: 'That name is taken' },
    ]);
}

/** Swap an item with its neighbour in a list ordered by (sort, id), renumbering the list 0..n-1. */
function moveInOrder(
  sqlite: Database.Database,
  table: 'reasons' | 'reason_categories',
  ids: number[],
  id: number,
  direction: 'up' | 'down',
): boolean {
  const i = ids.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return false;
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  const set = sqlite.prepare(`UPDATE ${table} SET sort = ? WHERE id = ?`);
  ids.forEach((x, k) => set.run(k, x));
  return true;
}

export function addCategory(sqlite: Database.Database, rawName: string): void {
  const name = nameField(rawName);
  writeTransaction(sqlite, () => {
    assertCategoryNameFree(sqlite, name, null);
    const sort = (
      sqlite.prepare('SELECT coalesce(max(sort) + 1, 0) AS s FROM reason_categories').get() as { s: number }
    ).s;
    const id = Number(
      sqlite.prepare('INSERT INTO reason_categories (name, sort) VALUES (?, ?)').run(name, sort).lastInsertRowid,
    );
    log(sqlite, 'add', null, id, { name });
  });
}

export function renameCategory(sqlite: Database.Database, id: number, rawName: string): void {
  const name = nameField(rawName);
  writeTransaction(sqlite, () => {
    const c = category(sqlite, id);
    if (c.name === name) return;
    assertCategoryNameFree(sqlite, name, id);
    sqlite.prepare('UPDATE reason_categories SET name = ? WHERE id = ?').run(name, id);
    log(sqlite, 'rename', null, id, { from: c.name, to: name });
  });
}

export function moveCategory(sqlite: Database.Database, id: number, direction: 'up' | 'down'): void {
  writeTransaction(sqlite, () => {
    const c = category(sqlite, id);
    const ids = (sqlite.prepare('SELECT id FROM reason_categories ORDER BY sort, id').all() as { id: number }[]).map(
      (r) => r.id,
    );
    if (moveInOrder(sqlite, 'reason_categories', ids, id, direction))
      log(sqlite, 'reorder', null, id, { name: c.name, direction });
  });
}

export function setCategoryRetired(sqlite: Database.Database, id: number, retired: boolean): void {
  writeTransaction(sqlite, () => {
    const c = category(sqlite, id);
    if ((c.retiredAt !== null) === retired) return;
    sqlite.prepare('UPDATE reason_categories SET retired_at = ? WHERE id = ?').run(retired ? now() : null, id);
    log(sqlite, retired ? 'retire' : 'restore', null, id, { name: c.name });
  });
}

export function addReason(sqlite: Database.Database, categoryId: number, rawName: string): number {
  const name = nameField(rawName);
  return writeTransaction(sqlite, () => {
    const c = category(sqlite, categoryId);
    if (c.retiredAt !== null)
      throw new AppError('conflict', `"${c.name}" is retired; restore it before adding reasons to it.`);
    assertReasonNameFree(sqlite, name, null);
    const sort = (
      sqlite.prepare('SELECT coalesce(max(sort) + 1, 0) AS s FROM reasons WHERE category_id = ?').get(categoryId) as {
        s: number;
      }
    ).s;
    const id = Number(
      sqlite.prepare('INSERT INTO reasons (category_id, name, sort) VALUES (?, ?, ?)').run(categoryId, name, sort)
        .lastInsertRowid,
    );
    log(sqlite, 'add', id, categoryId, { name, category: c.name });
    return id;
  });
}

export function renameReason(sqlite: Database.Database, id: number, rawName: string): void {
  const name = nameField(rawName);
  writeTransaction(sqlite, () => {
    const r = reason(sqlite, id);
    notMerged(r);
    if (r.name === name) return;
    assertReasonNameFree(sqlite, name, id);
    sqlite.prepare('UPDATE reasons SET name = ? WHERE id = ?').run(name, id);
    log(sqlite, 'rename', id, r.categoryId, { from: r.name, to: name });
  });
}

export function reorderReason(sqlite: Database.Database, id: number, direction: 'up' | 'down'): void {
  writeTransaction(sqlite, () => {
    const r = reason(sqlite, id);
    const ids = (
      sqlite.prepare('SELECT id FROM reasons WHERE category_id = ? ORDER BY sort, id').all(r.categoryId) as {
        id: number;
      }[]
    ).map((x) => x.id);
    if (moveInOrder(sqlite, 'reasons', ids, id, direction))
      log(sqlite, 'reorder', id, r.categoryId, { name: r.name, direction });
  });
}

export function moveReason(sqlite: Database.Database, id: number, categoryId: number): void {
  writeTransaction(sqlite, () => {
    const r = reason(sqlite, id);
    notMerged(r);
    if (r.categoryId === categoryId) return;
    const from = category(sqlite, r.categoryId);
    const to = category(sqlite, categoryId);
    const sort = (
      sqlite.prepare('SELECT coalesce(max(sort) + 1, 0) AS s FROM reasons WHERE category_id = ?').get(categoryId) as {
        s: number;
      }
    ).s;
    sqlite.prepare('UPDATE reasons SET category_id = ?, sort = ? WHERE id = ?').run(categoryId, sort, id);
    log(sqlite, 'move', id, categoryId, { name: r.name, from: from.name, to: to.name });
  });
}

export interface MergeCounts {
  interviews: number;
  quotes: number;
  repDeals: number;
}

export function mergeReason(sqlite: Database.Database, id: number, intoId: number): MergeCounts {
  if (id === intoId) throw new AppError('invalid_argument', 'A reason cannot be merged into itself.');
  return writeTransaction(sqlite, () => {
    const from = reason(sqlite, id);
    const into = reason(sqlite, intoId);
    notMerged(from);
    if (into.mergedIntoId !== null)
      throw new AppError('conflict', `"${into.name}" was itself merged away; pick the reason it was merged into.`);
    if (into.retiredAt !== null)
      throw new AppError('conflict', `"${into.name}" is retired; restore it before merging into it.`);

    // Interviews coded with both: keep the target's coding, primary if either was.
    const both = sqlite
      .prepare(
        `SELECT f.interview_id AS interviewId, f.is_primary AS fromPrimary, f.driver AS fromDriver
           FROM interview_reasons f JOIN interview_reasons t ON t.interview_id = f.interview_id AND t.reason_id = ?
          WHERE f.reason_id = ?`,
      )
      .all(intoId, id) as { interviewId: number; fromPrimary: number; fromDriver: Driver }[];
    const dropFrom = sqlite.prepare('DELETE FROM interview_reasons WHERE interview_id = ? AND reason_id = ?');
    const promote = sqlite.prepare(
      'UPDATE interview_reasons SET is_primary = 1, driver = ? WHERE interview_id = ? AND reason_id = ?',
    );
    for (const b of both) {
      dropFrom.run(b.interviewId, id);
      if (b.fromPrimary === 1) promote.run(b.fromDriver, b.interviewId, intoId);
    }
    const moved = sqlite
      .prepare('UPDATE interview_reasons SET reason_id = ? WHERE reason_id = ?')
      .run(intoId, id).changes;
    const quotes = sqlite.prepare('UPDATE quotes SET reason_id = ? WHERE reason_id = ?').run(intoId, id).changes;
    const repDeals = sqlite
      .prepare('UPDATE deals SET rep_reason_id = ? WHERE rep_reason_id = ?')
      .run(intoId, id).changes;
    const at = now();
    sqlite
      .prepare('UPDATE reasons SET merged_into_id = ?, retired_at = coalesce(retired_at, ?) WHERE id = ?')
      .run(intoId, at, id);
    // Earlier merges into the old reason now point at the new target: one hop to the survivor.
    sqlite.prepare('UPDATE reasons SET merged_into_id = ? WHERE merged_into_id = ?').run(intoId, id);
    const counts = { interviews: moved + both.length, quotes, repDeals };
    log(sqlite, 'merge', id, into.categoryId, { name: from.name, into: into.name, intoId, ...counts });
    return counts;
  });
}

export function setReasonRetired(sqlite: Database.Database, id: number, retired: boolean): void {
  writeTransaction(sqlite, () => {
    const r = reason(sqlite, id);
    if (!retired && r.mergedIntoId !== null)
      throw new AppError(
        'conflict',
        `"${r.name}" was merged into another reason; a merge cannot be undone by restoring it.`,
      );
    if ((r.retiredAt !== null) === retired) return;
    if (!retired) assertReasonNameFree(sqlite, r.name, id);
    sqlite.prepare('UPDATE reasons SET retired_at = ? WHERE id = ?').run(retired ? now() : null, id);
    log(sqlite, retired ? 'retire' : 'restore', id, r.categoryId, { name: r.name });
  });
}
