// The import log: every batch with its row accounting, what it changed, and whether it can be
// undone.
import type Database from 'better-sqlite3';
import type { ImportBatchDetail, ImportBatchSummary } from '#shared/domain/imports.ts';
import { AppError } from '../errors.ts';
import { undoConflicts } from './import-undo.ts';

const SUMMARY_COLUMNS = `id, kind, source_name AS sourceName, status, rows_read AS rowsRead, rows_inserted AS rowsInserted,
  rows_updated AS rowsUpdated, rows_unchanged AS rowsUnchanged, rows_rejected AS rowsRejected, finished_at AS finishedAt`;

export function listBatches(sqlite: Database.Database, limit = 200): ImportBatchSummary[] {
  return sqlite
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM import_batches ORDER BY id DESC LIMIT ?`)
    .all(limit) as ImportBatchSummary[];
}

interface DetailJson {
  files?: {
    kind: string;
    fileName: string;
    rowsRead: number;
    rejected: number;
    changedFields?: { field: string; count: number }[];
  }[];
}

export function batchDetail(sqlite: Database.Database, id: number): ImportBatchDetail {
  const row = sqlite
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, mapping_name AS mappingName, started_at AS startedAt, undone_at AS undoneAt,
              detail_json AS detailJson FROM import_batches WHERE id = ?`,
    )
    .get(id) as
    | (ImportBatchSummary & {
        mappingName: string | null;
        startedAt: string;
        undoneAt: string | null;
        detailJson: string;
      })
    | undefined;
  if (!row) throw new AppError('not_found', `There is no import number ${id}.`);
  let detail: DetailJson = {};
  try {
    detail = JSON.parse(row.detailJson) as DetailJson;
  } catch {
    // an unreadable detail only loses the per-file lines
  }
  const changes = sqlite
    .prepare(
      `SELECT entity,
              sum(CASE WHEN change = 'insert' THEN coalesce(entity_id_last, entity_id) - entity_id + 1 ELSE 0 END) AS inserted,
              sum(CASE WHEN change = 'update' THEN 1 ELSE 0 END) AS updated
         FROM import_changes WHERE batch_id = ? GROUP BY entity ORDER BY entity`,
    )
    .all(id) as { entity: string; inserted: number; updated: number }[];
  const fieldCounts = new Map<string, number>();
  for (const f of detail.files ?? [])
    for (const c of f.changedFields ?? []) fieldCounts.set(c.field, (fieldCounts.get(c.field) ?? 0) + c.count);
  const updates = sqlite
    .prepare(
      `SELECT d.id AS dealId, d.external_id AS externalId, d.name, c.fields_json AS fields
         FROM import_changes c JOIN deals d ON d.id = c.entity_id
        WHERE c.batch_id = ? AND c.entity = 'deals' AND c.change = 'update' ORDER BY c.id LIMIT 50`,
    )
    .all(id) as { dealId: number; externalId: string | null; name: string; fields: string | null }[];
  const inserts = sqlite
    .prepare(
      `SELECT d.id AS dealId, d.external_id AS externalId, d.name FROM import_changes c
         JOIN deals d ON d.id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id)
        WHERE c.batch_id = ? AND c.entity = 'deals' AND c.change = 'insert' ORDER BY d.id LIMIT 20`,
    )
    .all(id) as { dealId: number; externalId: string | null; name: string }[];
  const interviewUpdates = sqlite
    .prepare(
      `SELECT i.id AS interviewId, i.external_id AS externalId, d.name AS dealName, c.fields_json AS fields
         FROM import_changes c JOIN interviews i ON i.id = c.entity_id JOIN deals d ON d.id = i.deal_id
        WHERE c.batch_id = ? AND c.entity = 'interviews' AND c.change = 'update' ORDER BY c.id LIMIT 50`,
    )
    .all(id) as { interviewId: number; externalId: string | null; dealName: string; fields: string | null }[];
  const interviewInserts = sqlite
    .prepare(
      `SELECT i.id AS interviewId, i.external_id AS externalId, d.name AS dealName FROM import_changes c
         JOIN interviews i ON i.id BETWEEN c.entity_id AND coalesce(c.entity_id_last, c.entity_id)
         JOIN deals d ON d.id = i.deal_id
        WHERE c.batch_id = ? AND c.entity = 'interviews' AND c.change = 'insert' ORDER BY i.id LIMIT 20`,
    )
    .all(id) as { interviewId: number; externalId: string | null; dealName: string }[];
  let canUndo = row.status === 'committed' && row.kind !== 'demo';
  let undoNote: string | null = null;
  if (row.kind === 'demo') {
    canUndo = false;
    undoNote = 'The demo data is not an import that can be undone; create a new workspace instead.';
  } else if (row.status === 'undone') {
    undoNote = `Undone on ${row.undoneAt?.slice(0, 10)}.`;
  } else {
    const c = undoConflicts(sqlite, id);
    const parts: string[] = [];
    if (c.deals > 0) parts.push(`${c.deals.toLocaleString('en-US')} of its deals changed after this import`);
    if (c.interviews > 0) parts.push(`${c.interviews.toLocaleString('en-US')} interviews were logged on its deals`);
    if (c.interviewsEdited > 0)
      parts.push(`${c.interviewsEdited.toLocaleString('en-US')} of its interviews changed after this import`);
    if (c.revenueLines > 0) {
      undoNote = `${c.revenueLines.toLocaleString('en-US')} of its revenue lines changed in a later import; undo that one first, or undoing this one removes them with their later amounts.`;
    } else if (parts.length > 0) undoNote = `${parts.join(' and ')}; undoing puts them back as they were before it.`;
  }
  return {
    id: row.id,
    kind: row.kind,
    sourceName: row.sourceName,
    status: row.status,
    rowsRead: row.rowsRead,
    rowsInserted: row.rowsInserted,
    rowsUpdated: row.rowsUpdated,
    rowsUnchanged: row.rowsUnchanged,
    rowsRejected: row.rowsRejected,
    finishedAt: row.finishedAt,
    mappingName: row.mappingName,
    startedAt: row.startedAt,
    undoneAt: row.undoneAt,
    files: (detail.files ?? []).map((f) => ({
      kind: f.kind,
      fileName: f.fileName,
      rowsRead: f.rowsRead,
      rejected: f.rejected,
    })),
    changes,
    changedFields: [...fieldCounts.entries()]
      .map(([field, count]) => ({ field, count }))
      .sort((a, b) => b.count - a.count),
    sample: [
      ...updates.map((u) => ({
        dealId: u.dealId,
        externalId: u.externalId,
        name: u.name,
        change: 'update' as const,
        fields: u.fields ? (JSON.parse(u.fields) as string[]) : [],
      })),
      ...inserts.map((u) => ({ ...u, change: 'insert' as const, fields: [] })),
    ],
    interviewSample: [
      ...interviewUpdates.map((u) => ({
        interviewId: u.interviewId,
        externalId: u.externalId,
        dealName: u.dealName,
        change: 'update' as const,
        fields: u.fields ? (JSON.parse(u.fields) as string[]) : [],
      })),
      ...interviewInserts.map((u) => ({ ...u, change: 'insert' as const, fields: [] })),
    ],
    canUndo,
    undoNote,
  };
}
