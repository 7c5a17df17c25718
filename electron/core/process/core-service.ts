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
import { RecentViews, recentViewsPath } from './recent-views.ts';
import { CACHEABLE, ResultCache } from './result-cache.ts';
import type { ContextMethod, CoreConfig, CoreToHost, HostToCore } from './messages.ts';
import { asWorkerUrl, RemotePlatform } from './remote-platform.ts';
import { SlowLog } from './slow-call-log.ts';

/**
 * Read connections: one per core, at least three (a slow read must not hold up the next, and the
 * start-up check and the warmer each take one while the first screen needs another), at most four.
 */
export function defaultReaders(): number {
  return Math.min(4, Math.max(3, availableParallelism() - 1));
}

/** How often the data version is looked at, and how long after a change the warmer waits. */
export const VERSION_POLL_MS = 1_000;
export const WARM_AFTER_CHANGE_MS = 1_500;

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
  /** Answers of heavy reads while the data is unchanged, and the questions worth asking ahead. */
  readonly cache = new ResultCache();
  private readonly views: RecentViews;
  private readonly warming = new Map<string, Promise<string>>();
  private versionTimer: NodeJS.Timeout | null = null;
  private warmTimer: NodeJS.Timeout | null = null;
  private seenVersion: number | null = null;

  constructor(config: CoreConfig, send: (m: CoreToHost) => void) {
    this.config = config;
    this.send = send;
    this.platform = new RemotePlatform(config, send);
    this.session = new Session(this.platform);
    this.slow = new SlowLog(config.userDataDir);
    this.views = new RecentViews(recentViewsPath(config.userDataDir));
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
    this.versionTimer = setInterval(() => this.watchVersion(), VERSION_POLL_MS);
    this.versionTimer.unref();
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
    if (access === 'read' && CACHEABLE.has(channel) && this.config.resultCache !== false) {
      return this.cachedRead(channel, arg, id);
    }
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

  /**
   * A heavy read: from the cache when the data has not changed since it was answered, else from
   * the warmer if it is computing the same question right now, else from a read connection.
   */
  private async cachedRead(channel: string, arg: unknown, callId: string | undefined): Promise<string> {
    const path = this.session.workspace?.path;
    const version = this.dataVersion();
    if (!path || version === null) return this.pool.run('read', { channel, arg, callId });
    this.views.note(path, channel, arg);
    const key = ResultCache.key(this.generation, channel, arg);
    const kept = this.cache.get(key, version);
    if (kept !== undefined) return kept;
    const warming = this.warming.get(key);
    if (warming) return warming;
    const json = await this.pool.run('read', { channel, arg, callId });
    this.cache.set(key, version, json);
    return json;
  }

  /**
   * SQLite's data version on the session's connection: it changes when any other connection
   * commits (this core's writer, a job, a CLI in another process). Null when nothing is open.
   */
  private dataVersion(): number | null {
    try {
      return (this.session.workspace?.sqlite.pragma('data_version', { simple: true }) as number | undefined) ?? null;
    } catch {
      return null;
    }
  }

  /** Once a second: has the data changed? Then the kept answers go, and the warmer is due. */
  private watchVersion(): void {
    this.views.save();
    const version = this.dataVersion();
    if (version === this.seenVersion) return;
    const first = this.seenVersion === null;
    this.seenVersion = version;
    if (!first) this.cache.clear();
    if (version !== null) this.scheduleWarm(first ? 0 : WARM_AFTER_CHANGE_MS);
  }

  private scheduleWarm(delayMs: number): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => void this.warm(), delayMs);
    this.warmTimer.unref();
  }

  /**
   * Answers the user's most used questions ahead of time, one at a time and only on a read
   * connection no one else wants (at least one stays free for the screen being opened). Stops
   * when the workspace or its data changes under it; the next change schedules it again.
   */
  async warm(): Promise<void> {
    this.warmTimer = null;
    if (this.config.resultCache === false) return;
    const path = this.session.workspace?.path;
    const generation = this.generation;
    const version = this.dataVersion();
    if (!path || version === null) return;
    for (const view of this.views.toWarm(path)) {
      if (!CACHEABLE.has(view.channel as never)) continue;
      const key = ResultCache.key(generation, view.channel, view.arg);
      if (this.cache.has(key, version)) continue;
      while (this.pool.spareReaders() < 2) {
        await new Promise((r) => setTimeout(r, 100));
        if (generation !== this.generation || this.dataVersion() !== version) return;
      }
      if (generation !== this.generation || this.dataVersion() !== version) return;
      const running = this.pool.run('read', { channel: view.channel, arg: view.arg });
      this.warming.set(key, running);
      try {
        this.cache.set(key, version, await running);
      } finally {
        this.warming.delete(key);
      }
    }
  }

  async close(): Promise<void> {
    if (this.versionTimer) clearInterval(this.versionTimer);
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.views.save();
    if (this.backupTimer) clearInterval(this.backupTimer);
    await this.session.close();
    await this.pool.close();
  }

  /** The pool's connections follow the session to the workspace it has open. */
  private follow(ws: Workspace | null, damaged: string | null): Promise<void> {
    this.generation++;
    this.cache.clear();
    this.seenVersion = null;
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
