// Saved report templates (report_templates): a name and a spec. A stored spec is validated again
// when read, so a template written by an older version that no longer parses is skipped, not fatal.
import type Database from 'better-sqlite3';
import { reportSpecSchema } from '#shared/contract/reports.ts';
import type { ReportSpec, ReportTemplate } from '#shared/domain/reports.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface Row {
  id: number;
  name: string;
  spec_json: string;
  updated_at: string;
}

const COLUMNS = 'id, name, spec_json, updated_at';

function toTemplate(r: Row): ReportTemplate | null {
  try {
    const spec = reportSpecSchema.safeParse(JSON.parse(r.spec_json));
    return spec.success ? { id: r.id, name: r.name, spec: spec.data as ReportSpec, updatedAt: r.updated_at } : null;
  } catch {
    return null;
  }
}

export function listTemplates(sqlite: Database.Database): ReportTemplate[] {
  const rows = sqlite.prepare(`SELECT ${COLUMNS} FROM report_templates ORDER BY name COLLATE NOCASE`).all() as Row[];
  return rows.map(toTemplate).filter((t): t is ReportTemplate => t !== null);
}

export function templateByName(sqlite: Database.Database, name: string): ReportTemplate | null {
  const row = sqlite.prepare(`SELECT ${COLUMNS} FROM report_templates WHERE name = ?`).get(name) as Row | undefined;
  return row ? toTemplate(row) : null;
}

/** Saves under `name`, replacing a template of that name (re-saving after an edit is the usual case). */
export function saveTemplate(sqlite: Database.Database, name: string, spec: ReportSpec): ReportTemplate {
  return writeTransaction(sqlite, () => {
    sqlite
      .prepare(
        `INSERT INTO report_templates (name, spec_json) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET spec_json = excluded.spec_json,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      )
      .run(name, JSON.stringify(spec));
    return templateByName(sqlite, name)!;
  });
}

export function deleteTemplate(sqlite: Database.Database, id: number): boolean {
  return writeTransaction(
    sqlite,
    () => sqlite.prepare('DELETE FROM report_templates WHERE id = ?').run(id).changes > 0,
  );
}
