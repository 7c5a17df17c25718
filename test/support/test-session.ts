// A Session on a test host platform: dialogs answered by the test (null = cancelled), jobs run in
// the real worker from source. Integration tests of handlers start from this.
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ChromiumPrinter } from '#core/reports/chromium-printer.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import { Session } from '#core/session/session.ts';
import type { HostPlatform } from '#core/session/host-platform.ts';
import { tempDir } from './temp-workspace.ts';

/** Tests print with the same Chromium printer as the CLI. */
const printer = new ChromiumPrinter();

export const JOB_WORKER = new URL('../../electron/core/jobs/job-worker.ts', import.meta.url);

export function testPlatform(dir: string, overrides: Partial<HostPlatform> = {}): HostPlatform {
  return {
    host: 'testhost',
    version: '1.2.3',
    userDataDir: join(dir, 'user'),
    jobWorkerUrl: JOB_WORKER,
    pickNewWorkspacePath: async () => null,
    pickExistingWorkspacePath: async () => null,
    pickOpenFile: async () => null,
    pickSaveFile: async () => null,
    revealInFolder: async () => true,
    printPdf: (job) => printer.print(job),
    cancelPrint: async (id) => printer.cancel(id),
    ...overrides,
  };
}

export function testSession(dir: string, overrides: Partial<HostPlatform> = {}): Session {
  return new Session(testPlatform(dir, overrides));
}

/**
 * A fresh session on a new workspace file for each test of the enclosing describe:
 * `const t = sessionPerTest();` then `t.session`, `t.dir` inside the tests.
 */
export function sessionPerTest(): { readonly session: Session; readonly dir: string } {
  const state = { session: null as unknown as Session, dir: '', cleanup: () => {} };
  beforeEach(async () => {
    const t = tempDir();
    state.dir = t.dir;
    state.cleanup = t.cleanup;
    state.session = testSession(t.dir);
    await state.session.start(join(t.dir, 'w.winnow'));
  });
  afterEach(async () => {
    await state.session.close();
    state.cleanup();
  });
  return {
    get session() {
      return state.session;
    },
    get dir() {
      return state.dir;
    },
  };
}

/** The data core's start options as the test host gives them (one reader keeps tests light). */
export function testCoreConfig(dir: string, dbPath: string) {
  return {
    host: 'testhost' as const,
    version: '9.9.9',
    userDataDir: join(dir, 'user'),
    jobWorkerUrl: JOB_WORKER.href,
    connectionWorkerUrl: new URL('../../electron/core/process/connection-worker.ts', import.meta.url).href,
    dbPath,
    readers: 1,
  };
}

/** Calls a channel as the renderer does (validated, dispatched) and unwraps the answer; an error throws with its code. */
export function caller(session: () => Session) {
  return async <T>(channel: string, arg?: unknown): Promise<T> => {
    const r = await dispatch(handlers, channel, arg, session());
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
}
