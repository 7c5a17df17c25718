// Themes tag quotes ("pricing", "onboarding" …). Names are unique regardless of case, so typing
// "Pricing" in the tag box reuses "pricing" instead of splitting the counts.
import type Database from 'better-sqlite3';
import type { Theme } from '#shared/domain/interviews.ts';
import { cleanLine } from '#shared/text/clean-text.ts';
import { AppError } from '../errors.ts';

function themeById(sqlite: Database.Database, id: number): Theme {
  const t = sqlite
    .prepare(
      'SELECT t.id, t.name, (SELECT count(*) FROM quote_themes qt WHERE qt.theme_id = t.id) AS quotes FROM themes t WHERE t.id = ?',
    )
    .get(id) as Theme | undefined;
  if (!t) throw new AppError('not_found', `Theme ${id} does not exist.`);
  return t;
}

function sameName(sqlite: Database.Database, name: string): { id: number } | undefined {
  return sqlite.prepare('SELECT id FROM themes WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
}

export function createTheme(sqlite: Database.Database, rawName: string): Theme {
  const name = cleanLine(rawName);
  if (!name)
    throw new AppError('invalid_argument', 'Give the theme a name.', [
      { path: 'name', message: 'Give the theme a name' },
    ]);
  const existing = sameName(sqlite, name);
  if (existing) return themeById(sqlite, existing.id);
  return themeById(sqlite, Number(sqlite.prepare('INSERT INTO themes (name) VALUES (?)').run(name).lastInsertRowid));
}

export function renameTheme(sqlite: Database.Database, id: number, rawName: string): Theme {
  const name = cleanLine(rawName);
  themeById(sqlite, id);
  const clash = sameName(sqlite, name);
  if (clash && clash.id !== id)
    throw new AppError('conflict', `A theme named "${name}" already exists.`, [
      { path: 'name', message: 'That name is taken' },
    ]);
  sqlite.prepare('UPDATE themes SET name = ? WHERE id = ?').run(name, id);
  return themeById(sqlite, id);
}
