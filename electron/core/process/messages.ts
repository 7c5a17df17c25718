// The messages of the process split (docs/internals/process-split.md):
//   host (Electron main, or the test host)  <->  data core process  <->  its connection workers.
// Answers travel as JSON text: the core serialises a Result once, the host relays the string
// untouched (it never parses a large result on the thread that runs the window), and the page
// parses it.
import type { FilePickRequest } from '../session/host-platform.ts';

/** What the host tells the core process at start. */
export interface CoreConfig {
  host: 'electron' | 'testhost';
  version: string;
  userDataDir: string;
  /** resources/migrations; the core's default when omitted. */
  migrationsDir?: string | undefined;
  /** job-worker.ts from source, or the bundled job-worker.js. */
  jobWorkerUrl: string;
  /** connection-worker.ts from source, or the bundled connection-worker.js. */
  connectionWorkerUrl: string;
  /** The workspace to open at start (`--db`); else the last one used, else the default. */
  dbPath?: string | undefined;
  /** Read connections in the pool. */
  readers?: number | undefined;
  /** Keep answers of heavy reads while the data is unchanged (result-cache.ts); on unless false. */
  resultCache?: boolean | undefined;
}

/** Dialogs and "show in folder": only the host can show them. */
export type PlatformMethod =
  | 'pickNewWorkspacePath'
  | 'pickExistingWorkspacePath'
  | 'pickOpenFile'
  | 'pickSaveFile'
  | 'revealInFolder'
  | 'printPdf'
  | 'cancelPrint';

export type PlatformArgs = [string] | [FilePickRequest] | [FilePickRequest & { defaultName: string }];

export type HostToCore =
  | { t: 'init'; config: CoreConfig }
  | { t: 'call'; id: number; channel: string; arg: unknown; callId?: string | undefined }
  | { t: 'platform-reply'; id: number; value: unknown }
  | { t: 'shutdown' };

export type CoreToHost =
  | { t: 'ready' }
  | { t: 'result'; id: number; json: string }
  | { t: 'platform'; id: number; method: PlatformMethod; args: unknown[] }
  | { t: 'closed' };

/** What a connection worker may ask of the session thread (dialogs, jobs). */
export type ContextMethod =
  'pickOpenFile' | 'pickSaveFile' | 'revealInFolder' | 'printPdf' | 'startJob' | 'jobStatus' | 'jobsRunning';

export interface WorkspaceRef {
  /** Increases with each switch, so a worker knows its connection is stale. */
  generation: number;
  path: string;
  schemaVersion: number;
  /** Set when the workspace failed its integrity check: the writer refuses every call with it. */
  damaged?: string | null;
}

export type CoreToWorker =
  | { t: 'workspace'; workspace: WorkspaceRef | null }
  | { t: 'call'; id: number; channel: string; arg: unknown }
  | { t: 'context-reply'; id: number; ok: true; value: unknown }
  | { t: 'context-reply'; id: number; ok: false; code: string; message: string };

export type WorkerToCore =
  | { t: 'result'; id: number; json: string }
  | { t: 'context'; id: number; method: ContextMethod; args: unknown[] }
  /** The worker has closed its old connection and opened the new one (or none). */
  | { t: 'workspace-set' };
