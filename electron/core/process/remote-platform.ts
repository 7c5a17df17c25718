// The HostPlatform of the data core process: facts from the host's start message, and every dialog
// a question to the host (only the window's process can show one), answered by message.
import type { PrintJob, PrintOutcome } from '../reports/printer.ts';
import type { HostPlatform } from '../session/host-platform.ts';
import type { CoreConfig, CoreToHost, PlatformMethod } from './messages.ts';

export class RemotePlatform implements HostPlatform {
  readonly host: CoreConfig['host'];
  readonly version: string;
  readonly userDataDir: string;
  readonly migrationsDir: string | undefined;
  readonly jobWorkerUrl: URL | string;
  private nextId = 0;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  private readonly send: (m: CoreToHost) => void;

  constructor(config: CoreConfig, send: (m: CoreToHost) => void) {
    this.send = send;
    this.host = config.host;
    this.version = config.version;
    this.userDataDir = config.userDataDir;
    this.migrationsDir = config.migrationsDir;
    this.jobWorkerUrl = asWorkerUrl(config.jobWorkerUrl);
  }

  pickNewWorkspacePath = (defaultDir: string) => this.ask<string | null>('pickNewWorkspacePath', [defaultDir]);
  pickExistingWorkspacePath = (defaultDir: string) =>
    this.ask<string | null>('pickExistingWorkspacePath', [defaultDir]);
  pickOpenFile = (request: Parameters<HostPlatform['pickOpenFile']>[0]) =>
    this.ask<string | null>('pickOpenFile', [request]);
  pickSaveFile = (request: Parameters<HostPlatform['pickSaveFile']>[0]) =>
    this.ask<string | null>('pickSaveFile', [request]);
  revealInFolder = (path: string) => this.ask<boolean>('revealInFolder', [path]);
  /** The host prints (Electron in a hidden window, the test host with Chromium); a dropped answer is a failure. */
  printPdf = async (job: PrintJob): Promise<PrintOutcome> =>
    (await this.ask<PrintOutcome | null>('printPdf', [job])) ?? {
      ok: false,
      code: 'failed',
      message: 'The host could not print the PDF.',
    };
  cancelPrint = async (printId: string) => (await this.ask<boolean | null>('cancelPrint', [printId])) ?? false;

  /** The host's answer to one of our questions. */
  settle(id: number, value: unknown): void {
    this.waiting.get(id)?.(value);
    this.waiting.delete(id);
  }

  private ask<T>(method: PlatformMethod, args: unknown[]): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve) => {
      this.waiting.set(id, resolve as (value: unknown) => void);
      this.send({ t: 'platform', id, method, args });
    });
  }
}

/** Worker threads take a path or a URL object, not a URL string. */
export function asWorkerUrl(location: string): URL | string {
  return location.startsWith('file:') ? new URL(location) : location;
}
