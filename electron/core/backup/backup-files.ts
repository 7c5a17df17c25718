// Where backups live and what they are called: a folder beside the workspace
// (`<file>.backups/`), one verified SQLite file per backup named
// `<workspace name>-<UTC time>-<reason>.winnow`. A backup being written has a `.partial` name, so a
// half-written one (a crash, a kill, a full disk) never looks like a good one.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo, BackupReason } from '#shared/domain/backups.ts';
import { BACKUP_REASONS } from '#shared/domain/backups.ts';

export const PARTIAL_SUFFIX = '.partial';

export function backupDir(workspacePath: string): string {
  return `${workspacePath}.backups`;
}

function stem(workspacePath: string): string {
  return basename(workspacePath).replace(/\.winnow$/i, '');
}

/** 2026-01-02T03:04:05.678Z → 20260102-030405-678 (sorts by time, valid on every file system). */
function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
}

export function backupFileName(workspacePath: string, reason: BackupReason, at: Date): string {
  return `${stem(workspacePath)}-${stamp(at)}-${reason}.winnow`;
}

const NAME = /-(\d{8})-(\d{6})-(\d{3})-([a-z0-9-]+)\.winnow$/;

function parse(workspacePath: string, name: string): { createdAt: string; reason: BackupReason } | null {
  if (!name.startsWith(`${stem(workspacePath)}-`)) return null;
  const m = NAME.exec(name);
  if (!m) return null;
  const [, d, t, ms, reason] = m as unknown as [string, string, string, string, string];
  if (!(BACKUP_REASONS as readonly string[]).includes(reason)) return null;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`;
  return { createdAt: iso, reason: reason as BackupReason };
}

/** The backups of a workspace, newest first. Every listed file passed integrity_check when written. */
export function listBackups(workspacePath: string): BackupInfo[] {
  const dir = backupDir(workspacePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const meta = parse(workspacePath, name);
    if (!meta) continue;
    try {
      const st = statSync(join(dir, name));
      if (st.isFile()) out.push({ name, path: join(dir, name), sizeBytes: st.size, ...meta });
    } catch {
      // removed while we listed
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export interface KeepRule {
  keepLast: number;
  keepDays: number;
}

/**
 * Which backups to keep: the newest `keepLast`, plus the newest of each of the last `keepDays`
 * days (UTC). Pure, so the rule is tested without files.
 */
export function backupsToDrop(backups: BackupInfo[], rule: KeepRule, now: Date): BackupInfo[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, rule.keepLast).map((b) => b.name));
  const oldestDay = new Date(now.getTime() - rule.keepDays * 86_400_000).toISOString().slice(0, 10);
  const seenDays = new Set<string>();
  for (const b of newestFirst) {
    const day = b.createdAt.slice(0, 10);
    if (rule.keepDays > 0 && day > oldestDay && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.name);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name));
}

/** The keep rule from the workspace's settings. */
export function keepRuleOf(settings: { backupKeepLast: number; backupKeepDays: number }): KeepRule {
  return { keepLast: settings.backupKeepLast, keepDays: settings.backupKeepDays };
}

export function pruneBackups(workspacePath: string, rule: KeepRule, now: Date): string[] {
  const dropped = backupsToDrop(listBackups(workspacePath), rule, now);
  for (const b of dropped) rmSync(b.path, { force: true });
  return dropped.map((b) => b.name);
}

/** Partial backups left by a process that no longer runs (killed mid-backup) are removed. */
export function removeStalePartials(workspacePath: string): void {
  const dir = backupDir(workspacePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\.(\d+)-[^/]*\.partial$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
