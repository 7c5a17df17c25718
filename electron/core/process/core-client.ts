// The host's side of the process split: starts the data core process, relays each contract call
// to it and its answer (JSON text, never parsed here) back, and shows the dialogs the core asks
// for. Electron's main process uses it with a utility process, the test host with a forked child,
// so end-to-end tests run the production path. No Electron imports: the spawn is passed in.
import { fail } from '#shared/contract/result.ts';
import type { HostPlatform } from '../session/host-platform.ts';
import type { CoreConfig, CoreToHost, HostToCore, PlatformMethod } from './messages.ts';

/** A started data core process, whatever started it. */
export interface CoreChild {
  postMessage(message: HostToCore): void;
  onMessage(listener: (message: CoreToHost) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
  /** The process id, where the host knows it (tests kill the core to try a crash). */
  pid?: number | undefined;
}

/** The dialogs only the host can show. */
export type HostDialogs = Pick<HostPlatform, PlatformMethod>;

const RESTARTS_PER_MINUTE = 3;

export class CoreClient {
  private child: CoreChild | null = null;
  private readonly inFlight = new Map<number, (json: string) => void>();
  private nextId = 0;
  private ready: Promise<void> = Promise.resolve();
  private closing = false;
  private restarts: number[] = [];
  private readonly spawn: () => CoreChild;
  private readonly config: CoreConfig;
  private readonly dialogs: HostDialogs;
  /** Told when the core stopped unexpectedly (the app shows it; the test host fails loudly). */
  onCrash: (code: number | null) => void = () => {};

  constructor(spawn: () => CoreChild, config: CoreConfig, dialogs: HostDialogs) {
    this.spawn = spawn;
    this.config = config;
    this.dialogs = dialogs;
  }

  /** Starts the core and resolves once it has opened its workspace and can answer. */
  start(): Promise<void> {
    this.ready = this.launch(this.config);
    return this.ready;
  }

  /** One contract call; resolves with the JSON text of its Result, whatever happens. */
  async call(channel: string, arg: unknown, callId?: string): Promise<string> {
    await this.ready;
    const child = this.child;
    if (!child) return JSON.stringify(fail('internal', 'The data core is not running.'));
    const id = ++this.nextId;
    return new Promise<string>((resolve) => {
      this.inFlight.set(id, resolve);
      child.postMessage({ t: 'call', id, channel, arg, callId });
    });
  }

  /** Asks the core to finish (jobs stop and roll back, connections close), then stops it. */
  async close(): Promise<void> {
    this.closing = true;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 10_000);
      child.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      child.postMessage({ t: 'shutdown' });
    });
    this.child = null;
  }

  private launch(config: CoreConfig): Promise<void> {
    const child = this.spawn();
    this.child = child;
    return new Promise<void>((resolve) => {
      child.onMessage((m) => {
        if (m.t === 'ready') resolve();
        else if (m.t === 'result') this.answer(m.id, m.json);
        else if (m.t === 'platform') void this.showDialog(child, m.id, m.method, m.args);
      });
      child.onExit((code) => {
        resolve();
        if (this.child === child) this.child = null;
        if (!this.closing) this.crashed(code);
      });
      child.postMessage({ t: 'init', config });
    });
  }

  private answer(id: number, json: string): void {
    this.inFlight.get(id)?.(json);
    this.inFlight.delete(id);
  }

  private async showDialog(child: CoreChild, id: number, method: PlatformMethod, args: unknown[]): Promise<void> {
    let value: unknown = null;
    try {
      value = await (this.dialogs[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (e) {
      console.error(`Dialog ${method} failed:`, e);
    }
    child.postMessage({ t: 'platform-reply', id, value });
  }

  /** Calls in flight fail with a clear message; the core starts again, on the last workspace used. */
  private crashed(code: number | null): void {
    const message = `The data core stopped unexpectedly (exit ${code}); it has been restarted. Try again.`;
    for (const [id] of this.inFlight) this.answer(id, JSON.stringify(fail('internal', message)));
    this.onCrash(code);
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
    if (this.restarts.length > RESTARTS_PER_MINUTE) return;
    this.ready = this.launch({ ...this.config, dbPath: undefined });
  }
}
