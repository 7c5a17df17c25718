// Column mappings saved by name in the workspace (import_mappings) and reused: the wizard offers
// them beside the presets, and `winnow import --mapping NAME` loads them.
import type Database from 'better-sqlite3';
import type { SavedMapping } from '#shared/domain/imports.ts';
import type { ImportKindId, ImportMapping } from '#shared/domain/import-mapping.ts';
import { importMappingSchema } from '#shared/domain/import-mapping.ts';
import { AppError } from '../errors.ts';

interface Row {
  id: number;
  name: string;
  kind: string;
  mapping_json: string;
  created_at: string;
}

function toSaved(r: Row): SavedMapping | null {
  try {
    const parsed = importMappingSchema.safeParse(JSON.parse(r.mapping_json));
    if (!parsed.success) return null;
    return { id: r.id, name: r.name, kind: parsed.data.kind, mapping: parsed.data, createdAt: r.created_at };
  } catch {
    return null;
  }
}

export function listMappings(sqlite: Database.Database, kind?: ImportKindId): SavedMapping[] {
  const rows = sqlite
    .prepare(
      `SELECT id, name, kind, mapping_json, created_at FROM import_mappings ${kind ? 'WHERE kind = ?' : ''} ORDER BY name`,
    )
    .all(...(kind ? [kind] : [])) as Row[];
  return rows.map(toSaved).filter((m): m is SavedMapping => m !== null);
}

export function getMapping(sqlite: Database.Database, name: string): SavedMapping | null {
  const row = sqlite
    .prepare('SELECT id, name, kind, mapping_json, created_at FROM import_mappings WHERE name = ?')
    .get(name) as Row | undefined;
  return row ? toSaved(row) : null;
}

export function saveMapping(
  sqlite: Database.Database,
  name: string,
  mapping: ImportMapping,
  replace: boolean,
): SavedMapping {
  const existing = getMapping(sqlite, name);
  if (existing && !replace) {
    throw new AppError('conflict', `A mapping called "${name}" already exists; choose another name or replace it.`, [
      { path: 'name', message: 'This name is taken' },
    ]);
  }
  sqlite
    .prepare(
      'INSERT INTO import_mappings (name, kind, mapping_json) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, mapping_json = excluded.mapping_json',
    )
    .run(name, mapping.kind, JSON.stringify(mapping));
  return getMapping(sqlite, name)!;
}

export function deleteMapping(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM import_mappings WHERE id = ?').run(id).changes > 0;
}
