// The running app's state, independent of Electron: which workspace is open, the recent list,
// and the job runner. Electron's main process and the loopback test host each make one Session
// and pass it to the handlers as their context.
import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { JobStatus } from '#shared/domain/jobs.ts';
import type { WorkspaceHealth } from '#shared/domain/backups.ts';
import type { WorkspaceInfo } from '#shared/domain/workspace.ts';
import { listBackups } from '../backup/backup-files.ts';
import { resolveBackup, restoreBackup } from '../backup/restore.ts';
import type { RestoreResult } from '../backup/restore.ts';
import { openWorkspace } from '../db/open-workspace.ts';
import type { Workspace } from '../db/open-workspace.ts';
import { AppError } from '../errors.ts';
import type { JobKind, JobParams } from '../jobs/job-kinds.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import type { CoreContext } from '../rpc/context.ts';
import type { HostPlatform } from './host-platform.ts';
import { readAppConfig, withRecent, writeAppConfig } from './app-config.ts';
import type { AppConfig } from './app-config.ts';
import { defaultWorkspacePath, WORKSPACE_EXTENSION } from './paths.ts';

const UNCHECKED: Omit<WorkspaceHealth, 'newestBackup'> = {
  state: 'unchecked',
  check: null,
  message: null,
  checkedAt: null,
};

export class Session implements CoreContext {
  readonly platform: HostPlatform;
  readonly jobs: JobRunner;
  private current: Workspace | null = null;
  private error: { code: string; message: string } | null = null;
  private config: AppConfig;
  /**
   * Drops a waiting call of the read pool or write queue (calls:cancel); the data core's process
   * sets it. In-process (CLI, tests) calls never wait, so there is nothing to drop.
   */
  cancelCall: (callId: string) => boolean = () => false;
  /**
   * Told whenever the open workspace changes, or is found damaged (the data core's connections
   * follow it; a damaged one is opened without a writer). Resolves once they have.
   */
  onWorkspaceChange: (workspace: Workspace | null, damaged: string | null) => void | Promise<void> = () => {};
  private healthState: Omit<WorkspaceHealth, 'newestBackup'> = UNCHECKED;

  constructor(platform: HostPlatform) {
    this.platform = platform;
    this.jobs = new JobRunner(platform.jobWorkerUrl);
    this.config = readAppConfig(platform.userDataDir);
  }

  /**
   * Open the workspace to start with: the one asked for, else the last one used, else the default
   * file in the user-data folder (created on first run). A failure is kept for the UI to explain;
   * the file is never deleted or recreated.
   */
  async start(requested?: string): Promise<void> {
    const path = requested ?? this.config.lastWorkspace ?? defaultWorkspacePath(this.platform.userDataDir);
    const isDefault = path === defaultWorkspacePath(this.platform.userDataDir);
    try {
      if (isDefault) mkdirSync(dirname(path), { recursive: true });
      await this.switchTo(path, requested !== undefined || isDefault ? 'create' : 'open');
    } catch (e) {
      this.error =
        e instanceof AppError ? { code: e.code, message: e.message } : { code: 'internal', message: String(e) };
    }
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  get workspaceError(): { code: string; message: string } | null {
    return this.error;
  }

  get recent(): string[] {
    return this.config.recent;
  }

  /** The open workspace, or a clear error for the UI. */
  require(): Workspace {
    if (!this.current) {
      throw new AppError(
        'no_workspace',
        this.error?.message ?? 'No workspace is open. Create or open one from the Workspace menu.',
      );
    }
    return this.current;
  }

  info(): WorkspaceInfo | null {
    const ws = this.current;
    if (!ws) return null;
    let sizeBytes = 0;
    try {
      sizeBytes = statSync(ws.path).size;
    } catch {
      // the file may be on a disconnected drive; show 0 rather than fail
    }
    return {
      path: ws.path,
      name: basename(ws.path),
      schemaVersion: ws.schemaVersion,
      sizeBytes,
      backupPath: ws.backupPath,
    };
  }

  /**
   * Switch to another workspace file. The new one is opened before the old one is closed, so a
   * failure leaves the user where they were.
   */
  async switchTo(path: string, mode: 'create' | 'open'): Promise<WorkspaceInfo> {
    if (this.jobs.anyRunning())
      throw new AppError('conflict', 'A long task is running; wait for it or cancel it before switching workspace.');
    if (this.current && this.current.path === path) return this.info()!;
    const next = await openWorkspace(path, { mode, migrationsDir: this.platform.migrationsDir });
    this.current?.close();
    this.current = next;
    this.error = null;
    this.healthState = UNCHECKED;
    await this.onWorkspaceChange(next, null);
    this.config = withRecent(this.config, path);
    try {
      writeAppConfig(this.platform.userDataDir, this.config);
    } catch {
      // the recent list is a convenience; failing to save it must not fail the switch
    }
    return this.info()!;
  }

  async createWorkspace(path?: string): Promise<WorkspaceInfo | null> {
    const chosen = path ?? (await this.platform.pickNewWorkspacePath(this.platform.userDataDir));
    if (!chosen) return null;
    const withExt = chosen.endsWith(`.${WORKSPACE_EXTENSION}`) ? chosen : `${chosen}.${WORKSPACE_EXTENSION}`;
    try {
      statSync(withExt);
      throw new AppError('conflict', `${basename(withExt)} already exists; open it instead, or choose another name.`);
    } catch (e) {
      if (e instanceof AppError) throw e;
    }
    return this.switchTo(withExt, 'create');
  }

  async openExisting(path?: string): Promise<WorkspaceInfo | null> {
    const chosen = path ?? (await this.platform.pickExistingWorkspacePath(this.platform.userDataDir));
    if (!chosen) return null;
    return this.switchTo(chosen, 'open');
  }

  /** The last integrity check, with the newest backup to offer when it failed. */
  health(): WorkspaceHealth {
    const ws = this.current;
    return { ...this.healthState, newestBackup: ws ? (listBackups(ws.path)[0] ?? null) : null };
  }

  /**
   * Records an integrity check's outcome. On damage every writer stops: the pool's writer is told
   * (it answers each write with the reason), and no job starts.
   */
  async recordCheck(result: { ok: boolean; message: string | null; full: boolean }): Promise<void> {
    const ws = this.current;
    if (!ws) return;
    const wasDamaged = this.healthState.state === 'damaged';
    this.healthState = {
      state: result.ok ? 'ok' : 'damaged',
      check: result.full ? 'full' : 'quick',
      message: result.ok ? null : result.message,
      checkedAt: new Date().toISOString(),
    };
    if (!result.ok && !wasDamaged) await this.onWorkspaceChange(ws, this.damagedMessage());
  }

  /** One plain sentence for every refused write. */
  damagedMessage(): string | null {
    if (this.healthState.state !== 'damaged' || !this.current) return null;
    return (
      `${basename(this.current.path)} is damaged (its integrity check failed), so Winnow will not write to it. ` +
      'Restore the newest good backup from the banner or Settings → Backups.'
    );
  }

  /**
   * Restores a backup over the open workspace: every connection is closed first (the session's,
   * the pool's), the current file is backed up (so the restore can be undone) and its -wal/-shm
   * moved aside, the backup is copied in under a temporary name and renamed, then reopened.
   */
  async restore(name: string): Promise<{ restored: string; undoBackup: string | null }> {
    const ws = this.require();
    if (this.jobs.anyRunning())
      throw new AppError('conflict', 'A long task is running; wait for it or cancel it before restoring.');
    const backup = resolveBackup(ws.path, name);
    const path = ws.path;
    ws.close();
    this.current = null;
    await this.onWorkspaceChange(null, null);
    let result: RestoreResult;
    try {
      result = restoreBackup(path, backup);
    } finally {
      // Reopen whatever is there now: the restored file, or the untouched one if the restore failed.
      this.healthState = UNCHECKED;
      await this.switchTo(path, 'open');
    }
    return { restored: result.restored, undoBackup: result.undoBackup?.name ?? result.rawCopy };
  }

  /** The open workspace, if it may be written to (not found damaged). */
  requireWritable(): Workspace {
    const ws = this.require();
    const damaged = this.damagedMessage();
    if (damaged) throw new AppError('corrupt', damaged);
    return ws;
  }

  async startJob<K extends JobKind>(kind: K, params: JobParams<K>): Promise<JobStatus> {
    const ws = this.requireWritable();
    return this.jobs.start(kind, params, ws.path, ws.schemaVersion);
  }

  /** A job that builds a file of its own (an archive import): it needs no open workspace. */
  async startDetachedJob<K extends JobKind>(kind: K, params: JobParams<K>): Promise<JobStatus> {
    return this.jobs.start(kind, params, '', 0);
  }

  async jobStatus(id: string): Promise<JobStatus> {
    return this.jobs.get(id);
  }

  async jobsRunning(): Promise<boolean> {
    return this.jobs.anyRunning();
  }

  async close(): Promise<void> {
    await this.jobs.stopAll();
    this.current?.close();
    this.current = null;
    await this.onWorkspaceChange(null, null);
  }
}
