// The data core as its own process (electron/core/process), started exactly as the test host and
// Electron start it: calls are routed to the session, the read pool or the write queue; a waiting
// call can be cancelled; dialogs are asked of the host; a writer waits for another process's lock
// instead of failing; a crashed core restarts on the same workspace.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/contract/result.ts';
import type { AppInfo } from '#shared/domain/workspace.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { CoreClient } from '#core/process/core-client.ts';
import type { CoreChild, HostDialogs } from '#core/process/core-client.ts';
import { forkCore } from '#core/process/node-child.ts';
import { slowLogPath } from '#core/process/slow-call-log.ts';
import { formDeal } from '../../support/deal-input.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testCoreConfig } from '../../support/test-session.ts';

// CRM ids are unique: these deals have none.
const newDeal = (name: string) => ({ ...formDeal, name, externalId: '' });

describe('the data core process', () => {
  let dir: string;
  let cleanup: () => void;
  let dbPath: string;
  let otherPath: string;
  let core: CoreClient;
  let child: CoreChild | undefined;
  const asked: string[] = [];
  const crashes: (number | null)[] = [];

  async function value<T>(channel: string, arg?: unknown, callId?: string): Promise<T> {
    const r = JSON.parse(await core.call(channel, arg, callId)) as Result<T>;
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  }

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('winnow-core-'));
    dbPath = join(dir, 'demo.winnow');
    otherPath = join(dir, 'other.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 20_000, seed: 7 });
    ws.close();
    (await openWorkspace(otherPath, { mode: 'create' })).close();
    const dialogs: HostDialogs = {
      pickNewWorkspacePath: async () => null,
      pickExistingWorkspacePath: async () => {
        asked.push('open');
        return otherPath;
      },
      pickOpenFile: async () => null,
      pickSaveFile: async () => null,
      printPdf: async () => ({ ok: false, code: 'no_printer', message: 'not in this test' }),
      cancelPrint: async () => false,
      revealInFolder: async (path) => {
        asked.push(`reveal ${path}`);
        return true;
      },
    };
    core = new CoreClient(() => (child = forkCore()), testCoreConfig(dir, dbPath), dialogs);
    core.onCrash = (code) => crashes.push(code);
    await core.start();
  }, 60_000);

  afterAll(async () => {
    await core.close();
    cleanup();
  });

  it('answers session calls, reads and writes, and a write is seen by the next read', async () => {
    const info = await value<AppInfo>('app:info');
    expect(info.version).toBe('9.9.9');
    expect(info.workspace?.path).toBe(dbPath);
    const before = await value<{ deals: number }>('deals:summary', { filter: {} });
    expect(before.deals).toBe(20_000);
    await value('deals:create', newDeal('Made through the write queue'));
    const after = await value<{ deals: number }>('deals:summary', { filter: {} });
    expect(after.deals).toBe(20_001);
  });

  it('refuses what is not a channel, and a read-only connection never writes', async () => {
    const unknown = JSON.parse(await core.call('deals:drop', {})) as Result<unknown>;
    expect(unknown.ok).toBe(false);
    // Every read runs on a connection opened read-only: even a handler bug could not write there.
    const reads = await Promise.all([1, 2, 3].map(() => value<{ deals: number }>('deals:summary', { filter: {} })));
    expect(reads.map((r) => r.deals)).toEqual([20_001, 20_001, 20_001]);
  });

  it('drops calls still waiting when they are cancelled, and runs the rest', async () => {
    // One read connection: the first call runs, the next five wait behind it.
    const calls = [0, 1, 2, 3, 4, 5].map((i) => core.call('overview:summary', {}, `test-${i}`));
    const cancelled = await Promise.all(
      [2, 3, 4].map(async (i) => (await value<{ dropped: boolean }>('calls:cancel', { callId: `test-${i}` })).dropped),
    );
    const answers = (await Promise.all(calls)).map((json) => JSON.parse(json) as Result<unknown>);
    expect(cancelled).toEqual([true, true, true]);
    expect(answers.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'ok',
      'cancelled',
      'cancelled',
      'cancelled',
      'ok',
    ]);
    // A finished call cannot be cancelled any more.
    expect(await value<{ dropped: boolean }>('calls:cancel', { callId: 'test-0' })).toEqual({ dropped: false });
  });

  it('logs calls over 100 ms with their channel and times in the user-data folder', async () => {
    // Overviews queued on one connection: the last ones wait well over 100 ms for those before.
    await Promise.all(Array.from({ length: 12 }, () => core.call('overview:summary', {})));
    const log = slowLogPath(join(dir, 'user'));
    expect(existsSync(log)).toBe(true);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.some((l) => /\toverview:summary\t\d+ ms\t\(waited \d+ ms, ran \d+ ms\)$/.test(l))).toBe(true);
  });

  it('a write waits for another process holding the lock instead of failing', async () => {
    const other = new Database(dbPath);
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    const started = performance.now();
    const pending = value<{ deal: { id: number } }>('deals:create', newDeal('Waited for the lock'));
    await new Promise((r) => setTimeout(r, 800));
    other.prepare('COMMIT').run();
    other.close();
    const created = await pending;
    expect(created.deal.id).toBeGreaterThan(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(750);
  });

  it('asks the host for dialogs, and the pool follows the session to the workspace picked', async () => {
    await value('workspace:reveal');
    expect(asked).toEqual([`reveal ${dbPath}`]);
    const opened = await value<{ path: string }>('workspace:open', {});
    expect(asked[1]).toBe('open');
    expect(opened.path).toBe(otherPath);
    expect((await value<{ deals: number }>('deals:summary', { filter: {} })).deals).toBe(0);
    await value('workspace:open', { path: dbPath });
    expect((await value<{ deals: number }>('deals:summary', { filter: {} })).deals).toBe(20_002);
  });

  it('restarts after a crash, on the workspace last used, and says so to calls in flight', async () => {
    const pending = core.call('overview:summary', {});
    process.kill(child!.pid!, 'SIGKILL');
    const lost = JSON.parse(await pending) as Result<unknown>;
    expect(lost.ok ? 'ok' : lost.error.message).toMatch(/stopped unexpectedly/);
    expect(crashes).toHaveLength(1);
    const info = await value<AppInfo>('app:info');
    expect(info.workspace?.path).toBe(dbPath);
    expect((await value<{ deals: number }>('deals:summary', { filter: {} })).deals).toBe(20_002);
  });
});
