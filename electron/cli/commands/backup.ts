// winnow backup / backups / restore / check: the workspace's safety net from the command line.
// Backups are checked copies in the folder beside the workspace (core/backup/).
import { parseArgs } from '../args.ts';
import { backupDir, keepRuleOf, listBackups } from '#core/backup/backup-files.ts';
import { backupFile, checkDatabaseFile } from '#core/backup/backup-write.ts';
import { resolveBackup, restoreBackup } from '#core/backup/restore.ts';
import { checkWorkspaceFile } from '#core/db/file-check.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { AppError } from '#core/errors.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { num, UsageError } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const backupHelp =
  'winnow backup [--db FILE]                          write a checked backup now (folder beside the workspace)';
export const backupsHelp = 'winnow backups [--db FILE] [--json]                list the backups, newest first';
export const restoreHelp =
  'winnow restore BACKUP [--db FILE]                  restore a backup (the current file is backed up first)';
export const checkHelp =
  'winnow check [--db FILE]                           full integrity check; exit 1 when the workspace is damaged';

export const backupDetails = () =>
  helpText(
    'winnow backup [--db FILE]',
    'Writes a backup of the workspace now, checks it (integrity_check) and keeps it in the folder beside the\n' +
      'workspace (<file>.backups), pruned by the keep rule in Settings.',
    [DB_OPTION],
  );
export const backupsDetails = () =>
  helpText('winnow backups [--db FILE] [--json]', 'Lists the backups of the workspace, newest first.', [
    DB_OPTION,
    JSON_OPTION,
  ]);
export const restoreDetails = () =>
  helpText(
    'winnow restore BACKUP [--db FILE]',
    'Puts a backup (a name from "winnow backups", or a path) in place of the workspace. The current file is\n' +
      'backed up first, so a restore can be undone.',
    [DB_OPTION],
  );
export const checkDetails = () =>
  helpText(
    'winnow check [--db FILE]',
    'Runs a full integrity check of the workspace; exit 1 when it is damaged, with the backup to restore.',
    [DB_OPTION],
  );

const mb = (bytes: number) => `${num(bytes / 1_048_576, 1)} MB`;

export async function backupCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: true });
  const path = workspacePathFrom(values.db);
  // Opening checks the file is a sound workspace (quick_check) before anything is copied.
  const ws = await openWorkspace(path, { mode: 'open', verify: 'quick' });
  const keep = keepRuleOf(readSettings(ws.sqlite));
  ws.close();
  const started = performance.now();
  const b = backupFile(path, 'manual', { keep });
  io.out(
    `Backup written and checked: ${b.path} (${mb(b.sizeBytes)}, ${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );
  return 0;
}

export async function backupsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const path = workspacePathFrom(values.db);
  const list = listBackups(path);
  if (values.json) {
    io.out(JSON.stringify(list, null, 2));
    return 0;
  }
  if (list.length === 0) {
    io.out(`No backups of ${path} yet (they are kept in ${backupDir(path)}).`);
    return 0;
  }
  io.out(`Backups of ${path}, newest first (in ${backupDir(path)}):`);
  for (const b of list)
    io.out(`  ${b.name}  ${b.createdAt.replace('T', ' ').slice(0, 19)} UTC  ${b.reason}  ${mb(b.sizeBytes)}`);
  return 0;
}

export async function restoreCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(
      `name one backup: winnow restore BACKUP [--db FILE]${positionals.length > 1 ? `; got "${positionals.join('", "')}"` : ''}`,
    );
  const path = workspacePathFrom(values.db);
  // Only a Winnow workspace (sound or damaged) is replaced; never some other file given by mistake.
  checkWorkspaceFile(path);
  const result = restoreBackup(path, resolveBackup(path, positionals[0]!));
  const ws = await openWorkspace(path, { mode: 'open', verify: 'quick' });
  ws.close();
  io.out(`Restored ${result.restored} over ${path}.`);
  if (result.undoBackup) io.out(`The file as it was is backup ${result.undoBackup.name}: restore it to undo.`);
  if (result.rawCopy) io.out(`The damaged file as it was is kept at ${result.rawCopy}.`);
  for (const m of result.movedAside) io.out(`Moved aside: ${m}`);
  return 0;
}

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: true });
  const path = workspacePathFrom(values.db);
  checkWorkspaceFile(path);
  const started = performance.now();
  const verdict = checkDatabaseFile(path, true);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (verdict === 'ok') {
    io.out(`${path}: integrity check passed (${seconds} s).`);
    return 0;
  }
  const newest = listBackups(path)[0];
  io.err(`${path} is damaged: ${verdict.split('\n').slice(0, 3).join('; ')}`);
  io.err(
    newest
      ? `Restore the newest good backup with: winnow restore ${newest.name}${values.db ? ` --db ${values.db}` : ''}`
      : 'There is no backup of it; copy the file somewhere safe before trying anything else.',
  );
  throw new AppError('corrupt', 'the workspace failed its integrity check.');
}
