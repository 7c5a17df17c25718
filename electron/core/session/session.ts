// The running app's state, independent of Electron: which workspace is open, the recent list,
// and the job runner. Electron's main process and the loopback test host each make one Session
// and pass it to the handlers as their context.
import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { JobStatus } from '#shared/domain/jobs.ts';
import type { WorkspaceInfo } from '#shared/domain/workspace.ts';
import { openWorkspace } from '../db/open-workspace.ts';
import type { Workspace } from '../db/open-workspace.ts';
import { AppError } from '../errors.ts';
import type { JobKind, JobParams } from '../jobs/job-kinds.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import type { CoreContext } from '../rpc/context.ts';
import type { PrintJob, PrintOutcome } from '../reports/printer.ts';
import { readAppConfig, withRecent, writeAppConfig } from './app-config.ts';
import type { AppConfig } from './app-config.ts';
import { defaultWorkspacePath, WORKSPACE_EXTENSION } from './paths.ts';

/** What differs between hosts (Electron shows native dialogs; the test host answers from a script). */
export interface HostPlatform {
  host: 'electron' | 'testhost';
  version: string;
  userDataDir: string;
  /** resources/migrations; the core's default when omitted. */
  migrationsDir?: string;
  jobWorkerUrl: URL | string;
  pickNewWorkspacePath(defaultDir: string): Promise<string | null>;
  pickExistingWorkspacePath(defaultDir: string): Promise<string | null>;
  /** Ask the user for a file to read (CSV to import ...); null when cancelled. */
  pickOpenFile(request: FilePickRequest): Promise<string | null>;
  /** Ask the user where to write a file (CSV/PNG/PDF export ...); null when cancelled. */
  pickSaveFile(request: FilePickRequest & { defaultName: string }): Promise<string | null>;
  revealInFolder(path: string): Promise<boolean>;
  /** Print an HTML file to PDF through Chromium's print engine (Electron's, or a Chromium binary). */
  printPdf(job: PrintJob): Promise<PrintOutcome>;
  /** Stop a print started with that printId; false when none runs. */
  cancelPrint(printId: string): Promise<boolean>;
}

export interface FilePickRequest {
  title: string;
  /** e.g. [{ name: 'CSV files', extensions: ['csv', 'txt'] }] */
  filters: { name: string; extensions: string[] }[];
}

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
  /** Told whenever the open workspace changes (the data core's connections follow it). */
  onWorkspaceChange: (workspace: Workspace | null) => void = () => {};

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
    this.onWorkspaceChange(next);
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

  async startJob<K extends JobKind>(kind: K, params: JobParams<K>): Promise<JobStatus> {
    const ws = this.require();
    return this.jobs.start(kind, params, ws.path, ws.schemaVersion);
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
    this.onWorkspaceChange(null);
  }
}
