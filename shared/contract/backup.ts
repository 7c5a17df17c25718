// Backups and integrity (issue 13): the list beside the workspace, a backup now, an integrity
// check, the health the corruption banner shows, and restore (a session call: every connection
// is closed before the file is swapped).
import { z } from 'zod';
import type { BackupInfo, WorkspaceHealth } from '../domain/backups.ts';
import { channel, namespace } from './define.ts';
import { noArg } from './fields.ts';

/** A backup's file name as listed (never a path: restore only takes what the list shows). */
const backupName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+\.winnow$/, 'Choose a backup from the list');

export const backupChannels = namespace('backup', {
  'backup:list': channel(noArg, 'The backups beside the workspace, newest first', 'read').returns<BackupInfo[]>(),
  'backup:create': channel(
    z.object({ reason: z.enum(['manual', 'start', 'periodic']) }).strict(),
    'Write a checked backup now (VACUUM INTO on a read connection)',
    'read',
  ).returns<BackupInfo>(),
  'backup:check': channel(
    z.object({ full: z.boolean() }).strict(),
    'quick_check or a full integrity_check of the open workspace',
    'read',
  ).returns<{ ok: boolean; message: string | null; full: boolean }>(),
  'backup:health': channel(
    noArg,
    'The last integrity check and the newest backup',
    'session',
  ).returns<WorkspaceHealth>(),
  'backup:restore': channel(
    z.object({ name: backupName }).strict(),
    'Restore a backup over the workspace (the current file is backed up first)',
    'session',
  ).returns<{ restored: string; undoBackup: string | null }>(),
});
