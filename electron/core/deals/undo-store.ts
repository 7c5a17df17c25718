// Undo for edits made in the app (create, edit, delete a deal): each returns a token; the undo bar
// sends it back. Kept in memory per workspace file, newest first, for the running session.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { UndoToken } from '#shared/domain/deals.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface Entry {
  token: string;
  label: string;
  undo: (sqlite: Database.Database) => number | null;
}

const LIMIT = 50;
const stores = new Map<string, Entry[]>();

export function rememberUndo(workspacePath: string, label: string, undo: Entry['undo']): UndoToken {
  const list = stores.get(workspacePath) ?? [];
  const token = randomUUID();
  list.unshift({ token, label, undo });
  stores.set(workspacePath, list.slice(0, LIMIT));
  return { token, label };
}

/** Run an undo once (in one transaction); returns its label and the deal to show afterwards. */
export function runUndo(
  sqlite: Database.Database,
  workspacePath: string,
  token: string,
): { label: string; dealId: number | null } {
  const list = stores.get(workspacePath) ?? [];
  const i = list.findIndex((e) => e.token === token);
  if (i < 0) throw new AppError('not_found', 'That change can no longer be undone.');
  const entry = list[i]!;
  const dealId = writeTransaction(sqlite, () => entry.undo(sqlite));
  list.splice(i, 1);
  return { label: entry.label, dealId };
}
