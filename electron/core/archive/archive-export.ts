// Export the whole workspace to one zip: every table as JSON Lines (data/<table>.jsonl, the
// canonical content import reads) and as CSV (csv/<table>.csv, a copy for spreadsheets, with the
// usual formula escaping), then manifest.json. Rows stream from SQLite through the deflater to
// the file; the zip is written under a temporary name and renamed when complete.
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { CSV_BOM, csvLine } from '#shared/export/csv.ts';
import { fsyncPath } from '../backup/backup-write.ts';
import { readApplied } from '../db/migrator.ts';
import { AppError } from '../errors.ts';
import { archiveTables, derivedTables, quoteId, tableRows } from './archive-tables.ts';
import type { ArchivedValue } from './archive-tables.ts';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, csvEntry, dataEntry, MANIFEST_ENTRY } from './archive-manifest.ts';
import type { ArchiveManifest, ManifestTable } from './archive-manifest.ts';
import { ZipFileWriter } from './zip-write.ts';

export interface ArchiveExportParams {
  path: string;
  appVersion: string;
}

export interface ArchiveHooks {
  progress(done: number, total: number | null, message?: string): void;
  cancelled(): boolean;
}

export interface ArchiveExportResult {
  path: string;
  tables: number;
  rows: number;
}

const CHECK_EVERY = 2000;

const csvValue = (v: ArchivedValue) => (v !== null && typeof v === 'object' ? v.b64 : v);

export function exportArchive(
  sqlite: Database.Database,
  params: ArchiveExportParams,
  hooks: ArchiveHooks,
): ArchiveExportResult {
  const temp = `${params.path}.part`;
  rmSync(temp, { force: true });
  let zip: ZipFileWriter | null = null;
  // One read transaction: every table as of the same moment, while the app goes on writing (WAL).
  sqlite.exec('BEGIN');
  try {
    const newest = readApplied(sqlite).at(-1);
    if (!newest) throw new AppError('not_a_workspace', 'This workspace has no schema record; it cannot be archived.');
    const tables = archiveTables(sqlite);
    const total = tables.reduce(
      (n, t) => n + (sqlite.prepare(`SELECT count(*) AS n FROM ${quoteId(t.name)}`).get() as { n: number }).n,
      0,
    );
    zip = new ZipFileWriter(temp);
    const written: ManifestTable[] = [];
    let done = 0;
    const tick = (message: string) => {
      if (++done % CHECK_EVERY !== 0) return;
      if (hooks.cancelled()) throw new AppError('cancelled', 'Export cancelled; no archive was written.');
      hooks.progress(done, total, message);
    };
    for (const t of tables) {
      const data = zip.entry(dataEntry(t.name));
      let rows = 0;
      for (const row of tableRows(sqlite, t)) {
        data.write(`${JSON.stringify(row)}\n`);
        rows++;
        tick(`Writing ${t.name}`);
      }
      const dataSum = data.close();
      const csv = zip.entry(csvEntry(t.name));
      csv.write(CSV_BOM + csvLine(t.columns));
      for (const row of tableRows(sqlite, t)) csv.write(csvLine(row.map(csvValue)));
      if (hooks.cancelled()) throw new AppError('cancelled', 'Export cancelled; no archive was written.');
      written.push({ name: t.name, columns: t.columns, rows, sha256: dataSum.sha256, csvSha256: csv.close().sha256 });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appVersion: params.appVersion,
      createdAt: new Date().toISOString(),
      workspaceName: basename(sqlite.name),
      schema: { version: newest.version, migration: newest.tag, hash: newest.hash },
      derived: derivedTables(sqlite),
      tables: written,
    };
    const entry = zip.entry(MANIFEST_ENTRY);
    entry.write(`${JSON.stringify(manifest, null, 2)}\n`);
    entry.close();
    zip.finish();
    zip = null;
    fsyncPath(temp);
    renameSync(temp, params.path);
    fsyncPath(dirname(params.path));
    hooks.progress(total, total, 'Archive written');
    return { path: params.path, tables: written.length, rows: done };
  } catch (e) {
    zip?.abort();
    rmSync(temp, { force: true });
    throw e;
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}
