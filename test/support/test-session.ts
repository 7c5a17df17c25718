// A Session on a test host platform: dialogs answered by the test (null = cancelled), jobs run in
// the real worker from source. Integration tests of handlers start from this.
import { join } from 'node:path';
import { Session } from '#core/session/session.ts';
import type { HostPlatform } from '#core/session/session.ts';

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
    ...overrides,
  };
}

export function testSession(dir: string, overrides: Partial<HostPlatform> = {}): Session {
  return new Session(testPlatform(dir, overrides));
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
