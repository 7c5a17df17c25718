// What a handler may use, wherever it runs: in the data core's read pool or write queue (each a
// worker thread with its own connection), on the core's session thread, or in-process (the CLI and
// the integration tests, where the Session itself is the context). Dialogs and jobs belong to the
// session thread; from a worker they are messages to it, so every method that needs them is async.
import type { JobStatus } from '#shared/domain/jobs.ts';
import type { Workspace } from '../db/open-workspace.ts';
import type { JobKind, JobParams } from '../jobs/job-kinds.ts';
import type { FilePickRequest, HostPlatform } from '../session/host-platform.ts';

/** The host's dialogs and facts, as handlers see them. */
export type PlatformCalls = Pick<HostPlatform, 'host' | 'version' | 'userDataDir' | 'printPdf'> & {
  pickOpenFile(request: FilePickRequest): Promise<string | null>;
  pickSaveFile(request: FilePickRequest & { defaultName: string }): Promise<string | null>;
  revealInFolder(path: string): Promise<boolean>;
};

export interface CoreContext {
  /** The open workspace on this thread's connection (read-only in the read pool); else a clear error. */
  require(): Workspace;
  readonly platform: PlatformCalls;
  /** Start long work on the open workspace (one job at a time). */
  startJob<K extends JobKind>(kind: K, params: JobParams<K>): Promise<JobStatus>;
  jobStatus(id: string): Promise<JobStatus>;
  jobsRunning(): Promise<boolean>;
}
