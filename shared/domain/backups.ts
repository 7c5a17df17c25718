// Backups of a workspace and its health, as the UI and the CLI see them.

/** Why a backup was written (part of its file name). */
export const BACKUP_REASONS = [
  'start',
  'periodic',
  'manual',
  'before-import',
  'before-migration',
  'before-restore',
  'before-workspace-import',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** File name inside the backups folder (what restore takes). */
  name: string;
  path: string;
  /** ISO time (UTC) the backup was taken. */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

/** The open workspace's last integrity check. */
export interface WorkspaceHealth {
  state: 'unchecked' | 'checking' | 'ok' | 'damaged';
  /** quick_check after start; full integrity_check on demand. */
  check: 'quick' | 'full' | null;
  /** For damaged: what SQLite reported (first lines), written for the user. */
  message: string | null;
  checkedAt: string | null;
  /** The newest backup, offered for restore when damaged. */
  newestBackup: BackupInfo | null;
}
