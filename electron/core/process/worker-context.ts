// The CoreContext of a connection worker: its own connection to the open workspace, and the
// session thread (dialogs, jobs) reached by message. Handlers cannot tell it from the Session.
import type { JobStatus } from '#shared/domain/jobs.ts';
import type { ErrorCode } from '#shared/contract/result.ts';
import type { Workspace } from '../db/open-workspace.ts';
import { AppError } from '../errors.ts';
import type { JobKind, JobParams } from '../jobs/job-kinds.ts';
import type { CoreContext, PlatformCalls } from '../rpc/context.ts';
import type { PrintJob, PrintOutcome } from '../reports/printer.ts';
import type { FilePickRequest } from '../session/host-platform.ts';
import type { ContextMethod, CoreConfig, CoreToWorker, WorkerToCore } from './messages.ts';

type Reply = Extract<CoreToWorker, { t: 'context-reply' }>;

export class WorkerContext implements CoreContext {
  readonly platform: PlatformCalls;
  private workspace: Workspace | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private readonly post: (m: WorkerToCore) => void;

  constructor(post: (m: WorkerToCore) => void, facts: Pick<CoreConfig, 'host' | 'version' | 'userDataDir'>) {
    this.post = post;
    this.platform = {
      host: facts.host,
      version: facts.version,
      userDataDir: facts.userDataDir,
      pickOpenFile: (request: FilePickRequest) => this.ask<string | null>('pickOpenFile', [request]),
      pickSaveFile: (request: FilePickRequest & { defaultName: string }) =>
        this.ask<string | null>('pickSaveFile', [request]),
      revealInFolder: (path: string) => this.ask<boolean>('revealInFolder', [path]),
      printPdf: (job: PrintJob) => this.ask<PrintOutcome>('printPdf', [job]),
    };
  }

  setWorkspace(workspace: Workspace | null): void {
    this.workspace?.close();
    this.workspace = workspace;
  }

  require(): Workspace {
    if (!this.workspace) {
      throw new AppError('no_workspace', 'No workspace is open. Create or open one from the Workspace menu.');
    }
    return this.workspace;
  }

  startJob<K extends JobKind>(kind: K, params: JobParams<K>): Promise<JobStatus> {
    return this.ask<JobStatus>('startJob', [kind, params]);
  }

  jobStatus(id: string): Promise<JobStatus> {
    return this.ask<JobStatus>('jobStatus', [id]);
  }

  jobsRunning(): Promise<boolean> {
    return this.ask<boolean>('jobsRunning', []);
  }

  /** The session thread's answer to one of our questions. */
  settle(reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new AppError(reply.code as ErrorCode, reply.message));
  }

  private ask<T>(method: ContextMethod, args: unknown[]): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ t: 'context', id, method, args });
    });
  }
}
