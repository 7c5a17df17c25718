// The data core's connections: a pool of read-only workers and one writer, each a worker thread
// answering one call at a time. Calls wait here, on the session thread, not in a worker's queue,
// so a call nobody needs any more (calls:cancel) can still be dropped before it starts.
import { Worker } from 'node:worker_threads';
import type { Access } from '#shared/contract/define.ts';
import { fail } from '#shared/contract/result.ts';
import type { ConnectionWorkerData } from './connection-worker.ts';
import type { ContextMethod, CoreToWorker, WorkerToCore, WorkspaceRef } from './messages.ts';

export interface PoolCall {
  channel: string;
  arg: unknown;
  callId?: string | undefined;
}

/** Answers a worker's question to the session thread (dialogs, jobs). */
export type ContextAnswer = (method: ContextMethod, args: unknown[]) => Promise<unknown>;

export interface PoolOptions {
  workerUrl: URL | string;
  readers: number;
  facts: ConnectionWorkerData['facts'];
  answer: ContextAnswer;
  /** Called once per finished call: its channel, milliseconds waiting and running. */
  onDone?: (channel: string, waitedMs: number, ranMs: number) => void;
}

interface Pending extends PoolCall {
  id: number;
  queuedAt: number;
  startedAt: number;
  resolve: (json: string) => void;
}

type Role = 'read' | 'write';

interface Slot {
  role: Role;
  worker: Worker;
  busy: Pending | null;
  /** Waiting for the worker to confirm a workspace switch, in order. */
  switched: (() => void)[];
}

export const CANCELLED_JSON = JSON.stringify(fail('cancelled', 'Cancelled: the screen no longer needed this answer.'));

export class ConnectionPool {
  private readonly slots: Slot[] = [];
  private readonly queues: Record<Role, Pending[]> = { read: [], write: [] };
  private workspace: WorkspaceRef | null = null;
  private nextId = 0;
  private closing = false;

  private readonly options: PoolOptions;

  constructor(options: PoolOptions) {
    this.options = options;
    for (let i = 0; i < Math.max(1, options.readers); i++) this.slots.push(this.spawn('read'));
    this.slots.push(this.spawn('write'));
  }

  /**
   * Every connection moves to this workspace (or closes, for null) before its next call; resolves
   * when all have (a restore swaps the file only after that).
   */
  setWorkspace(workspace: WorkspaceRef | null): Promise<void> {
    this.workspace = workspace;
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            slot.switched.push(resolve);
            slot.worker.postMessage({ t: 'workspace', workspace } satisfies CoreToWorker);
          }),
      ),
    ).then(() => undefined);
  }

  /** Runs a read on any free read connection, a write on the writer, in arrival order. */
  run(access: Exclude<Access, 'session'>, call: PoolCall): Promise<string> {
    return new Promise<string>((resolve) => {
      const role: Role = access === 'read' ? 'read' : 'write';
      this.queues[role].push({ ...call, id: ++this.nextId, queuedAt: performance.now(), startedAt: 0, resolve });
      this.pump(role);
    });
  }

  /** Drops a call that has not started; true if it was waiting. A running call finishes, unseen. */
  cancel(callId: string): boolean {
    for (const queue of Object.values(this.queues)) {
      const i = queue.findIndex((p) => p.callId === callId);
      if (i >= 0) {
        const [dropped] = queue.splice(i, 1);
        dropped!.resolve(CANCELLED_JSON);
        return true;
      }
    }
    return false;
  }

  /** Calls waiting and running, per role (tests and the slow-call log). */
  load(): Record<Role, { waiting: number; running: number }> {
    const running = (role: Role) => this.slots.filter((s) => s.role === role && s.busy).length;
    return {
      read: { waiting: this.queues.read.length, running: running('read') },
      write: { waiting: this.queues.write.length, running: running('write') },
    };
  }

  /** Read connections with nothing to do and no read waiting (the warmer only uses spare ones). */
  spareReaders(): number {
    if (this.queues.read.length > 0) return 0;
    return this.slots.filter((s) => s.role === 'read' && !s.busy).length;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const queue of Object.values(this.queues)) {
      for (const p of queue.splice(0)) p.resolve(JSON.stringify(fail('cancelled', 'Winnow is closing.')));
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(role: Role): void {
    const queue = this.queues[role];
    for (const slot of this.slots) {
      if (queue.length === 0) return;
      if (slot.role !== role || slot.busy) continue;
      const next = queue.shift()!;
      next.startedAt = performance.now();
      slot.busy = next;
      slot.worker.postMessage({ t: 'call', id: next.id, channel: next.channel, arg: next.arg } satisfies CoreToWorker);
    }
  }

  private spawn(role: Role): Slot {
    const data: ConnectionWorkerData = { role, facts: this.options.facts };
    // A small young generation: loading the query modules leaves a burst of parse garbage that a
    // default-sized one keeps as resident memory (about 190 MB a worker instead of 60).
    const worker = new Worker(this.options.workerUrl, {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    const slot: Slot = { role, worker, busy: null, switched: [] };
    worker.on('message', (m: WorkerToCore) => {
      if (m.t === 'workspace-set') {
        slot.switched.shift()?.();
      } else if (m.t === 'result') {
        const done = slot.busy;
        if (!done || done.id !== m.id) return;
        slot.busy = null;
        const now = performance.now();
        this.options.onDone?.(done.channel, done.startedAt - done.queuedAt, now - done.startedAt);
        done.resolve(m.json);
        this.pump(role);
      } else {
        this.options.answer(m.method, m.args).then(
          (value) => worker.postMessage({ t: 'context-reply', id: m.id, ok: true, value } satisfies CoreToWorker),
          (e: unknown) => {
            const code = typeof e === 'object' && e && 'code' in e ? String(e.code) : 'internal';
            const message = e instanceof Error ? e.message : String(e);
            worker.postMessage({ t: 'context-reply', id: m.id, ok: false, code, message } satisfies CoreToWorker);
          },
        );
      }
    });
    // A worker that dies (out of memory, a native crash) fails its call and is replaced.
    worker.on('exit', (code) => {
      if (this.closing) return;
      const lost = slot.busy;
      slot.busy = null;
      for (const done of slot.switched.splice(0)) done(); // a dead worker holds no connection
      lost?.resolve(
        JSON.stringify(fail('internal', `A data connection stopped (exit ${code}) while answering ${lost.channel}.`)),
      );
      const i = this.slots.indexOf(slot);
      const fresh = this.spawn(role);
      this.slots[i] = fresh;
      if (this.workspace)
        fresh.worker.postMessage({ t: 'workspace', workspace: this.workspace } satisfies CoreToWorker);
      this.pump(role);
    });
    worker.on('error', (e) => console.error(`Data connection (${role}) failed:`, e));
    return slot;
  }
}
