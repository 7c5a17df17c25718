// winnow archive export / import: the whole workspace as one zip (every table as JSON and CSV,
// a manifest with checksums), and back into a NEW workspace file (core/archive/).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportArchive } from '#core/archive/archive-export.ts';
import { importArchive } from '#core/archive/archive-import.ts';
import { readMigrations, defaultMigrationsDir } from '#core/db/migrations.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { appVersion } from '../app-version.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';
import { helpText } from '../help.ts';

export const archiveHelp =
  'winnow archive export [--db FILE] --out X.zip | archive import X.zip --db NEW   whole workspace to one zip and back (a new file)';

const quiet = { progress: () => {}, cancelled: () => false };
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

export async function archiveCommand(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportCommand(rest, io);
  if (sub === 'import') return importCommand(rest, io);
  throw new UsageError('say export or import: winnow archive export --out X.zip, winnow archive import X.zip --db NEW');
}

async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected "${positionals[0]}"; name the zip with --out`);
  if (!values.out) throw new UsageError('name the zip to write: --out X.zip');
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const started = performance.now();
    const r = exportArchive(ws.sqlite, { path: resolve(values.out), appVersion: appVersion() }, quiet);
    io.out(`Archived ${r.rows} rows of ${r.tables} tables to ${r.path} (${seconds(started)}).`);
  } finally {
    ws.close();
  }
  return 0;
}

async function importCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('name one archive: winnow archive import X.zip --db NEW');
  // No default here: the target is always a new file the user names.
  if (!values.db) throw new UsageError('name the new workspace file: --db NEW.winnow');
  const started = performance.now();
  const r = importArchive(
    { zipPath: resolve(positionals[0]!), target: resolve(values.db) },
    readMigrations(defaultMigrationsDir()),
    quiet,
  );
  io.out(`Imported ${r.rows} rows of ${r.tables} tables into the new workspace ${r.path} (${seconds(started)}).`);
  if (r.archiveSchema < r.schemaVersion)
    io.out(`The archive's schema ${r.archiveSchema} was upgraded to ${r.schemaVersion}.`);
  return 0;
}

export const archiveDetails = () =>
  helpText(
    ['winnow archive export [--db FILE] --out X.zip', 'winnow archive import X.zip --db NEW'],
    'The whole workspace as one zip (every table as JSON Lines and CSV, with a manifest of row counts and\n' +
      'SHA-256 per table), and back into a NEW workspace file; an altered or newer archive is refused.',
    [
      ['--out X.zip', 'export: the zip to write'],
      ['--db FILE', 'export: the workspace (default: the last used); import: the new file to create'],
    ],
  );
