// Adding and editing competitors and their spellings. A competitor's own name is always one of its
// aliases (so imports resolve it); a spelling can belong to one competitor only, since its
// normalised key decides which competitor a name in a CRM export means.
import type Database from 'better-sqlite3';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

function ownerOfKey(sqlite: Database.Database, key: string): { id: number; name: string } | undefined {
  return sqlite
    .prepare(
      'SELECT c.id, c.name FROM competitor_aliases a JOIN competitors c ON c.id = a.competitor_id WHERE a.alias_key = ?',
    )
    .get(key) as { id: number; name: string } | undefined;
}

function checkName(sqlite: Database.Database, name: string, id: number | null): string {
  const key = aliasKey(name);
  if (key === '')
    throw new AppError('invalid_argument', 'A competitor’s name needs letters or digits.', [
      { path: 'name', message: 'Needs letters or digits' },
    ]);
  const same = sqlite.prepare('SELECT id FROM competitors WHERE name = ? COLLATE NOCASE').pluck().get(name) as
    number | undefined;
  if (same !== undefined && same !== id) {
    throw new AppError('conflict', `There is already a competitor called “${name}”.`, [
      { path: 'name', message: 'This name is taken' },
    ]);
  }
  const owner = ownerOfKey(sqlite, key);
  if (owner && owner.id !== id) {
    throw new AppError(
      'conflict',
      `“${name}” is already a spelling of ${owner.name}; merge the two competitors instead.`,
      [{ path: 'name', message: `Already a spelling of ${owner.name}` }],
    );
  }
  return key;
}

export function createCompetitor(
  sqlite: Database.Database,
  input: { name: string; website?: string | null | undefined; notes?: string | null | undefined },
): number {
  return writeTransaction(sqlite, () => {
    const key = checkName(sqlite, input.name, null);
    const id = Number(
      sqlite
        .prepare('INSERT INTO competitors (name, website, notes) VALUES (?, ?, ?)')
        .run(input.name, input.website ?? null, input.notes ?? null).lastInsertRowid,
    );
    sqlite
      .prepare('INSERT INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (?, ?, ?)')
      .run(id, input.name, key);
    return id;
  });
}

export function updateCompetitor(
  sqlite: Database.Database,
  patch: {
    id: number;
    name?: string | undefined;
    website?: string | null | undefined;
    notes?: string | null | undefined;
  },
): void {
  writeTransaction(sqlite, () => {
    const current = sqlite.prepare('SELECT name FROM competitors WHERE id = ?').pluck().get(patch.id) as
      string | undefined;
    if (current === undefined)
      throw new AppError('not_found', 'This competitor no longer exists (it may have been merged).');
    const sets: string[] = [];
    const params: unknown[] = [];
    if (patch.name !== undefined && patch.name !== current) {
      const key = checkName(sqlite, patch.name, patch.id);
      sets.push('name = ?');
      params.push(patch.name);
      // The old name stays a spelling of it, so older exports still resolve.
      sqlite
        .prepare('INSERT OR IGNORE INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (?, ?, ?)')
        .run(patch.id, patch.name, key);
    }
    if (patch.website !== undefined) {
      sets.push('website = ?');
      params.push(patch.website);
    }
    if (patch.notes !== undefined) {
      sets.push('notes = ?');
      params.push(patch.notes);
    }
    if (sets.length === 0) return;
    sqlite
      .prepare(
        `UPDATE competitors SET ${sets.join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
      )
      .run(...params, patch.id);
  });
}

export function addAlias(sqlite: Database.Database, id: number, alias: string): void {
  writeTransaction(sqlite, () => {
    if (!sqlite.prepare('SELECT 1 FROM competitors WHERE id = ?').get(id)) {
      throw new AppError('not_found', 'This competitor no longer exists (it may have been merged).');
    }
    const key = aliasKey(alias);
    if (key === '')
      throw new AppError('invalid_argument', 'A spelling needs letters or digits.', [
        { path: 'alias', message: 'Needs letters or digits' },
      ]);
    const owner = ownerOfKey(sqlite, key);
    if (owner?.id === id) {
      throw new AppError('conflict', `“${alias}” already means this competitor (it matches an existing spelling).`, [
        { path: 'alias', message: 'Already a spelling of this competitor' },
      ]);
    }
    if (owner) {
      throw new AppError('conflict', `“${alias}” is a spelling of ${owner.name}; merge the two competitors instead.`, [
        { path: 'alias', message: `Already a spelling of ${owner.name}` },
      ]);
    }
    sqlite
      .prepare('INSERT INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (?, ?, ?)')
      .run(id, alias, key);
  });
}

/** Remove a spelling; returns the competitor it belonged to. The name's own spelling stays. */
export function removeAlias(sqlite: Database.Database, aliasId: number): number {
  return writeTransaction(sqlite, () => {
    const a = sqlite
      .prepare(
        'SELECT a.competitor_id AS id, a.alias_key AS key, c.name FROM competitor_aliases a JOIN competitors c ON c.id = a.competitor_id WHERE a.id = ?',
      )
      .get(aliasId) as { id: number; key: string; name: string } | undefined;
    if (!a) throw new AppError('not_found', 'That spelling was already removed.');
    if (a.key === aliasKey(a.name)) {
      throw new AppError('conflict', `This spelling is ${a.name}’s own name; rename the competitor to change it.`);
    }
    sqlite.prepare('DELETE FROM competitor_aliases WHERE id = ?').run(aliasId);
    return a.id;
  });
}
