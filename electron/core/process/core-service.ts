// The data core's session thread: owns the Session (which workspace is open, jobs, dialogs by
// message), routes every contract call by where its channel runs (shared/contract/define.ts:
// session calls here, reads to the read pool, writes to the write queue) and answers the host
// with JSON text. It never runs a query itself, so it always has time to route, cancel and relay.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { callIdSchema } from '#shared/contract/calls.ts';
import { contract } from '#shared/contract/index.ts';
import { fail } from '#shared/contract/result.ts';
import type { Result } from '#shared/contract/result.ts';
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

/** Rolling backups while the workspace changes (issue 13). */
export const BACKUP_EVERY_MS = 15 * 60_000;

export class CoreService {
  readonly session: Session;
  readonly pool: ConnectionPool;
  private readonly platform: RemotePlatform;
  private readonly slow: SlowLog;
  private generation = 0;
  private readonly config: CoreConfig;
  private readonly send: (m: CoreToHost) => void;
  private backupTimer: NodeJS.Timeout | null = null;
  private lastBackupStamp = '';

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
    this.session.onWorkspaceChange = (ws, damaged) => this.follow(ws, damaged);
  }

  /**
   * Opens the workspace to start with; the pool follows the session (onWorkspaceChange). The
   * quick_check and the start backup run afterwards on a read connection, off the path to the
   * first screen; then a backup every 15 minutes while the file changes.
   */
  async start(): Promise<void> {
    await this.session.start(this.config.dbPath);
    void this.checkThenBackup('start');
    this.backupTimer = setInterval(() => void this.periodicBackup(), BACKUP_EVERY_MS);
    this.backupTimer.unref();
  }

  /** quick_check, then (when sound) a backup; a damaged workspace stops every writer. */
  async checkThenBackup(reason: 'start' | 'periodic'): Promise<void> {
    if (!this.session.workspace) return;
    const check = JSON.parse(await this.pool.run('read', { channel: 'backup:check', arg: { full: false } })) as Result<{
      ok: boolean;
      message: string | null;
      full: boolean;
    }>;
    if (!check.ok) return;
    await this.session.recordCheck(check.value);
    if (!check.value.ok) return;
    const written = JSON.parse(
      await this.pool.run('read', { channel: 'backup:create', arg: { reason } }),
    ) as Result<unknown>;
    if (!written.ok) console.error(`Backup (${reason}) failed: ${written.error.message}`);
    this.lastBackupStamp = this.changeStamp();
  }

  /** What changes when the workspace is written (its -wal grows, or the file after a checkpoint). */
  private changeStamp(): string {
    const path = this.session.workspace?.path;
    if (!path) return '';
    const at = (p: string) => {
      try {
        const st = statSync(p);
        return `${st.mtimeMs}:${st.size}`;
      } catch {
        return '-';
      }
    };
    return `${path}|${at(path)}|${at(`${path}-wal`)}`;
  }

  private async periodicBackup(): Promise<void> {
    if (this.session.health().state === 'damaged') return;
    if (this.changeStamp() === this.lastBackupStamp) return;
    await this.checkThenBackup('periodic');
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
    if (access !== 'session') {
      const json = await this.pool.run(access, { channel, arg, callId: id });
      // An integrity check asked for from the page (Settings) counts like the one at start.
      if (channel === 'backup:check') {
        const r = JSON.parse(json) as Result<{ ok: boolean; message: string | null; full: boolean }>;
        if (r.ok) await this.session.recordCheck(r.value);
      }
      return json;
    }
    const started = performance.now();
    const result = await dispatch(sessionHandlers, channel, arg, this.session, (message, error) =>
      console.error(message, error),
    );
    this.slow.call(channel, 0, performance.now() - started);
    // Another file (or a restored one) is checked and backed up like the one at start.
    if (result.ok && (channel === 'workspace:open' || channel === 'workspace:create' || channel === 'backup:restore')) {
      void this.checkThenBackup('start');
    }
    return JSON.stringify(result);
  }

  async close(): Promise<void> {
    if (this.backupTimer) clearInterval(this.backupTimer);
    await this.session.close();
    await this.pool.close();
  }

  /** The pool's connections follow the session to the workspace it has open. */
  private follow(ws: Workspace | null, damaged: string | null): Promise<void> {
    this.generation++;
    return this.pool.setWorkspace(
      ws ? { generation: this.generation, path: ws.path, schemaVersion: ws.schemaVersion, damaged } : null,
    );
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
