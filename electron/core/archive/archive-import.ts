// Import a whole-workspace archive into a NEW workspace file. The file is built under a temporary
// name beside the target: the schema the archive was written at is created by our own migrations,
// every table is loaded from its JSON Lines and checked against the manifest (rows and SHA-256,
// the CSV copies too), references are checked, later migrations are applied, the derived tables
// are rebuilt; only then is it linked into place (never over an existing file). Any refusal
// removes the temporary file: nothing is written.
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { configureConnection } from '../db/connection.ts';
import { linkIntoPlace } from '../db/link-into-place.ts';
import type { Migration } from '../db/migrations.ts';
import { applyMigrations, planMigrations } from '../db/migrator.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { AppError } from '../errors.ts';
import { refreshDerived } from '../retention/keep-derived.ts';
import { parseManifest, csvEntry, dataEntry, MANIFEST_ENTRY } from './archive-manifest.ts';
import type { ArchiveManifest, ManifestTable } from './archive-manifest.ts';
import type { ArchiveHooks } from './archive-export.ts';
import { archiveTables, fromJson, quoteId, tableChecksums } from './archive-tables.ts';
import type { ArchivedValue } from './archive-tables.ts';
import { pausedTriggers } from './paused-triggers.ts';
import { ZipFileReader, ZipFormatError } from './zip-read.ts';

export interface ArchiveImportParams {
  zipPath: string;
  /** The new workspace file; must not exist. */
  target: string;
}

export interface ArchiveImportResult {
  path: string;
  tables: number;
  rows: number;
  /** Schema version of the archive, and of the new file after our later migrations. */
  archiveSchema: number;
  schemaVersion: number;
}

const CHECK_EVERY = 2000;

/** The one way an archive is refused: its name, and the reason, nothing written. */
function refused(zipPath: string, reason: string): AppError {
  return new AppError('invalid_argument', `${basename(zipPath)} cannot be imported: ${reason}. Nothing was written.`);
}

function readManifest(zip: ZipFileReader, zipPath: string): ArchiveManifest {
  const entry = zip.entries.get(MANIFEST_ENTRY);
  if (!entry) throw refused(zipPath, 'it has no manifest.json (not a Winnow workspace archive)');
  const parsed = parseManifest(zip.text(entry));
  if (typeof parsed === 'string') throw refused(zipPath, parsed);
  return parsed;
}

/** The archive's schema must be one of ours, applied by this version's own migrations. */
function checkSchema(manifest: ArchiveManifest, migrations: Migration[], zipPath: string): void {
  const { version, migration, hash } = manifest.schema;
  if (version > migrations.length) {
    throw new AppError(
      'schema_newer',
      `${basename(zipPath)} was written by a newer version of Winnow (${manifest.appVersion}, schema ${version}; ` +
        `this version knows ${migrations.length}). Update Winnow to import it. Nothing was written.`,
    );
  }
  const ours = migrations[version - 1]!;
  if (ours.tag !== migration || ours.hash !== hash)
    throw refused(zipPath, `its schema ${version} (${migration}) is not this version's ${ours.tag}`);
}

function loadTable(
  sqlite: Database.Database,
  zip: ZipFileReader,
  table: ManifestTable,
  zipPath: string,
  tick: () => void,
): void {
  const entry = zip.entries.get(dataEntry(table.name));
  if (!entry) throw refused(zipPath, `table ${table.name} is missing (${dataEntry(table.name)})`);
  const insert = sqlite.prepare(
    `INSERT INTO ${quoteId(table.name)} (${table.columns.map(quoteId).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
  );
  const hash = createHash('sha256');
  let rows = 0;
  zip.lines(
    entry,
    (line) => {
      rows++;
      let values: unknown;
      try {
        values = JSON.parse(line);
      } catch {
        throw refused(zipPath, `table ${table.name}, line ${rows}: not valid JSON (altered or damaged)`);
      }
      if (!Array.isArray(values) || values.length !== table.columns.length)
        throw refused(zipPath, `table ${table.name}, line ${rows}: expected ${table.columns.length} values`);
      try {
        insert.run((values as ArchivedValue[]).map(fromJson));
      } catch (e) {
        throw refused(zipPath, `table ${table.name}, line ${rows}: ${(e as Error).message}`);
      }
      tick();
    },
    hash,
  );
  if (rows !== table.rows || hash.digest('hex') !== table.sha256)
    throw refused(
      zipPath,
      `table ${table.name} does not match its checksum in the manifest (${rows} rows read, ${table.rows} expected): ` +
        'the archive was altered or damaged',
    );
  const csv = zip.entries.get(csvEntry(table.name));
  const csvHash = createHash('sha256');
  if (csv) zip.stream(csv, (chunk) => csvHash.update(chunk));
  if (!csv || csvHash.digest('hex') !== table.csvSha256)
    throw refused(zipPath, `the CSV copy of table ${table.name} does not match its checksum in the manifest`);
}

/** The fresh file's tables (at the archive's schema) must be exactly the manifest's, column for column. */
function checkTables(sqlite: Database.Database, manifest: ArchiveManifest, zipPath: string): void {
  const expected = archiveTables(sqlite);
  const given = new Map(manifest.tables.map((t) => [t.name, t]));
  for (const t of expected) {
    const m = given.get(t.name);
    if (!m) throw refused(zipPath, `table ${t.name} is missing from the manifest`);
    if (m.columns.join(',') !== t.columns.join(','))
      throw refused(
        zipPath,
        `table ${t.name} has columns ${m.columns.join(', ')}; schema expects ${t.columns.join(', ')}`,
      );
    given.delete(t.name);
  }
  const extra = [...given.keys()];
  if (extra.length > 0) throw refused(zipPath, `table ${extra[0]} is not part of schema ${manifest.schema.version}`);
}

export function importArchive(
  params: ArchiveImportParams,
  migrations: Migration[],
  hooks: ArchiveHooks,
): ArchiveImportResult {
  const { zipPath, target } = params;
  if (existsSync(target))
    throw new AppError('conflict', `${basename(target)} already exists; choose a new name for the imported workspace.`);
  let zip: ZipFileReader;
  try {
    zip = new ZipFileReader(zipPath);
  } catch (e) {
    if (e instanceof ZipFormatError) throw refused(zipPath, e.message);
    throw new AppError('not_found', `Cannot read ${zipPath}: ${(e as Error).message}.`);
  }
  const temp = join(dirname(target), `.${basename(target)}.importing-${process.pid}`);
  const cleanup = () => {
    for (const p of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(p, { force: true });
  };
  let sqlite: Database.Database | null = null;
  try {
    const manifest = readManifest(zip, zipPath);
    checkSchema(manifest, migrations, zipPath);
    cleanup();
    sqlite = new Database(temp);
    configureConnection(sqlite);
    const db = sqlite;
    applyMigrations(
      db,
      planMigrations(db, migrations.slice(0, manifest.schema.version), basename(target), { fresh: true }),
    );
    checkTables(db, manifest, zipPath);
    const total = manifest.tables.reduce((n, t) => n + t.rows, 0);
    let done = 0;
    const tick = () => {
      if (++done % CHECK_EVERY !== 0) return;
      if (hooks.cancelled()) throw new AppError('cancelled', 'Import cancelled; no workspace was written.');
      hooks.progress(done, total, 'Loading tables');
    };
    // References are checked once everything is in (tables load in name order, not dependency order).
    db.pragma('foreign_keys = OFF');
    writeTransaction(db, () => {
      pausedTriggers(db, new Set(manifest.tables.map((t) => t.name)), () => {
        for (const t of manifest.tables) loadTable(db, zip, t, zipPath, tick);
      });
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number }[];
      if (broken.length > 0)
        throw refused(
          zipPath,
          `table ${broken[0]!.table} has ${broken.length} reference(s) to rows that are not there`,
        );
      // What went in is what the manifest describes, read back the way export reads it.
      const sums = tableChecksums(db);
      for (const t of manifest.tables) {
        const s = sums.get(t.name);
        if (!s || s.rows !== t.rows || s.sha256 !== t.sha256)
          throw refused(zipPath, `table ${t.name} reads back differently from its checksum after loading`);
      }
    });
    db.pragma('foreign_keys = ON');
    const plan = planMigrations(db, migrations, basename(target));
    applyMigrations(db, plan);
    hooks.progress(total, total, 'Rebuilding retention tables');
    refreshDerived(db, { full: true });
    db.close(); // checkpoints: everything is in the main file
    linkIntoPlace(temp, target); // fails if the target appeared meanwhile: never overwrite
    return {
      path: target,
      tables: manifest.tables.length,
      rows: done,
      archiveSchema: manifest.schema.version,
      schemaVersion: plan.targetVersion,
    };
  } finally {
    if (sqlite?.open) sqlite.close();
    zip.close();
    cleanup();
  }
}
