// The data core's session thread: owns the Session (which workspace is open, jobs, dialogs by
// message), routes every contract call by where its channel runs (shared/contract/define.ts:
// session calls here, reads to the read pool, writes to the write queue) and answers the host
// with JSON text. It never runs a query itself, so it always has time to route, cancel and relay.
import { availableParallelism } from 'node:os';
import { callIdSchema } from '#shared/contract/calls.ts';
import { contract } from '#shared/contract/index.ts';
import { fail } from '#shared/contract/result.ts';
import type { Workspace } from '../db/open-workspace.ts';
import { AppError } from '../errors.ts';
import type { JobKind } from '../jobs/job-kinds.ts';
import { dispatch, isChannel } from '../rpc/dispatch.ts';
import { Session } from '../session/session.ts';
import { sessionHandlers } from '../session/session-handlers.ts';
import { ConnectionPool } from './connection-pool.ts';
import type { ContextMethod, CoreConfig, CoreToHost, HostToCore } from './messages.ts';
import { asWorkerUrl, RemotePlatform } from './remote-platform.ts';
import { SlowLog } from './slow-call-log.ts';

/** Read connections: one per core, at least two (a slow read must not hold up the next), at most four. */
export function defaultReaders(): number {
  return Math.min(4, Math.max(2, availableParallelism() - 1));
}

export class CoreService {
  readonly session: Session;
  readonly pool: ConnectionPool;
  private readonly platform: RemotePlatform;
  private readonly slow: SlowLog;
  private generation = 0;
  private readonly config: CoreConfig;
  private readonly send: (m: CoreToHost) => void;

  constructor(config: CoreConfig, send: (m: CoreToHost) => void) {
    this.config = config;
    this.send = send;
    this.platform = new RemotePlatform(config, send);
    this.session = new Session(this.platform);
    this.slow = new SlowLog(config.userDataDir);
    this.pool = new ConnectionPool({
      workerUrl: asWorkerUrl(config.connectionWorkerUrl),
      readers: config.readers ?? defaultReaders(),
      facts: { host: config.host, version: config.version, userDataDir: config.userDataDir },
      answer: (method, args) => this.answer(method, args),
      onDone: (channel, waited, ran) => this.slow.call(channel, waited, ran),
    });
    this.session.cancelCall = (callId) => this.pool.cancel(callId);
    this.session.onWorkspaceChange = (ws) => this.follow(ws);
  }

  /** Opens the workspace to start with; the pool follows the session (onWorkspaceChange). */
  async start(): Promise<void> {
    await this.session.start(this.config.dbPath);
  }

  handle(m: HostToCore): void {
    if (m.t === 'call') {
      void this.call(m.channel, m.arg, m.callId).then((json) => this.send({ t: 'result', id: m.id, json }));
    } else if (m.t === 'platform-reply') {
      this.platform.settle(m.id, m.value);
    }
  }

  /** One contract call, answered as the JSON text of its Result. */
  async call(channel: string, arg: unknown, callId?: string): Promise<string> {
    if (!isChannel(channel)) {
      return JSON.stringify(fail('unknown_channel', `Unknown request "${String(channel).slice(0, 80)}".`));
    }
    const access = contract[channel].access;
    // The call id comes from the page beside the argument: used only as a key, and only if it is one.
    const id = callIdSchema.safeParse(callId).success ? callId : undefined;
    if (access !== 'session') return this.pool.run(access, { channel, arg, callId: id });
    const started = performance.now();
    const result = await dispatch(sessionHandlers, channel, arg, this.session, (message, error) =>
      console.error(message, error),
    );
    this.slow.call(channel, 0, performance.now() - started);
    return JSON.stringify(result);
  }

  async close(): Promise<void> {
    await this.session.close();
    await this.pool.close();
  }

  /** The pool's connections follow the session to the workspace it has open. */
  private follow(ws: Workspace | null): void {
    this.generation++;
    this.pool.setWorkspace(ws ? { generation: this.generation, path: ws.path, schemaVersion: ws.schemaVersion } : null);
  }

  /** A connection worker's question: a dialog or a job. */
  private async answer(method: ContextMethod, args: unknown[]): Promise<unknown> {
    const s = this.session;
    switch (method) {
      case 'pickOpenFile':
        return s.platform.pickOpenFile(args[0] as Parameters<RemotePlatform['pickOpenFile']>[0]);
      case 'pickSaveFile':
        return s.platform.pickSaveFile(args[0] as Parameters<RemotePlatform['pickSaveFile']>[0]);
      case 'revealInFolder':
        return s.platform.revealInFolder(String(args[0]));
      case 'printPdf':
        return s.platform.printPdf(args[0] as Parameters<RemotePlatform['printPdf']>[0]);
      case 'startJob':
        return s.startJob(args[0] as JobKind, args[1] as never);
      case 'jobStatus':
        return s.jobStatus(String(args[0]));
      case 'jobsRunning':
        return s.jobsRunning();
      default:
        throw new AppError('invalid_argument', `Unknown question from a data connection: ${String(method)}`);
    }
  }
}
