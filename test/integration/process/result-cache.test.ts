// The data core keeps answers of heavy reads while the data is unchanged (result-cache.ts). What
// matters to a user is that a kept answer is never stale: a change committed by any connection,
// through the contract or by another process such as a CLI import, is seen by the next read.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '#shared/contract/result.ts';
import type { DashboardSummary } from '#shared/domain/dashboard.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { CoreClient } from '#core/process/core-client.ts';
import type { HostDialogs } from '#core/process/core-client.ts';
import { forkCore } from '#core/process/node-child.ts';
import { CoreService } from '#core/process/core-service.ts';
import { RecentViews, recentViewsPath } from '#core/process/recent-views.ts';
import { formDeal } from '../../support/deal-input.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testCoreConfig } from '../../support/test-session.ts';

const noDialogs: HostDialogs = {
  pickNewWorkspacePath: async () => null,
  pickExistingWorkspacePath: async () => null,
  pickOpenFile: async () => null,
  pickSaveFile: async () => null,
  printPdf: async () => ({ ok: false, code: 'no_printer', message: 'not in this test' }),
  cancelPrint: async () => false,
  revealInFolder: async () => false,
};

describe('answers kept by the data core', () => {
  let dir: string;
  let cleanup: () => void;
  let dbPath: string;
  let core: CoreClient;

  async function value<T>(channel: string, arg?: unknown): Promise<T> {
    const r = JSON.parse(await core.call(channel, arg)) as Result<T>;
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  }
  const summary = () => value<DashboardSummary>('dashboard:summary');
  const won = (s: DashboardSummary) => s.outcomes.find((o) => o.outcome === 'won')!.deals;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('winnow-cache-'));
    dbPath = join(dir, 'demo.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 3_000, seed: 11 });
    ws.close();
    core = new CoreClient(forkCore, testCoreConfig(dir, dbPath), noDialogs);
    await core.start();
  }, 60_000);

  afterAll(async () => {
    await core.close();
    cleanup();
  });

  it('sees a write made through the contract at the next read', async () => {
    const before = await summary();
    expect(await summary()).toEqual(before);
    await value('deals:create', { ...formDeal, name: 'Kept answers must not hide me', externalId: '' });
    expect((await summary()).dealsTotal).toBe(before.dealsTotal + 1);
  });

  it('sees a commit made by another process (a CLI import) at the next read', async () => {
    const before = await summary();
    const other = new Database(dbPath);
    other.pragma('busy_timeout = 10000');
    const changed = other
      .prepare(
        `UPDATE deals SET outcome = 'won' WHERE id = (SELECT min(id) FROM deals WHERE outcome = 'lost' AND deal_type = 'new_business')`,
      )
      .run().changes;
    other.close();
    expect(changed).toBe(1);
    const after = await summary();
    expect(won(after)).toBe(won(before) + 1);
    expect(after.dealsTotal).toBe(before.dealsTotal);
  });

  it('remembers which questions were asked (not their answers) for warming at the next start', async () => {
    await summary();
    const path = recentViewsPath(join(dir, 'user'));
    type Stored = Record<string, { channel: string; uses: number }[]>;
    const first = () =>
      existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Stored)[dbPath]?.[0] : undefined;
    // Saved once a second: six summaries were asked in this file by now.
    await expect.poll(() => first()?.uses, { timeout: 5_000 }).toBe(6);
    expect(first()?.channel).toBe('dashboard:summary');
    expect(readFileSync(path, 'utf8')).not.toContain('Kept answers must not hide me');
  });
});

describe('the warmer', () => {
  it('answers the remembered questions of a workspace ahead of time, on spare connections', async () => {
    const { dir, cleanup } = tempDir('winnow-warm-');
    const dbPath = join(dir, 'demo.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 2_000, seed: 5 });
    ws.close();
    const config = { ...testCoreConfig(dir, dbPath), readers: 3 };
    // What a previous session asked most; one question of another workspace is not warmed here.
    const views = new RecentViews(recentViewsPath(config.userDataDir));
    views.note(dbPath, 'dashboard:summary', undefined);
    views.note(dbPath, 'overview:summary', {});
    views.note(dbPath, 'backup:list', undefined); // not cacheable: never replayed
    views.note('/elsewhere.winnow', 'matrix:dimensions', undefined);
    views.save();
    const service = new CoreService(config, () => {});
    try {
      await service.start();
      await service.warm();
      expect(service.cache.size).toBe(2);
      // The kept answer is the one a call gets, without running it again.
      const misses = service.cache.misses;
      const answer = JSON.parse(await service.call('dashboard:summary', undefined)) as Result<DashboardSummary>;
      expect(answer.ok && answer.value.dealsTotal).toBe(2_000);
      expect(service.cache.misses).toBe(misses);
    } finally {
      await service.close();
      cleanup();
    }
  }, 180_000);
});
