// Issue 13 parts 1, 2 and 4 in the data core process as the app runs it: a damaged workspace is
// found by the quick_check after start and every writer stops (the pool's writer, jobs) with a
// plain message while reads go on; restoring the newest good backup (the current file backed up
// first, its -wal/-shm moved aside) brings a sound, writable workspace back. Two imports in two
// processes at once both land; deals created in the app during a CLI import all succeed.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '#shared/contract/result.ts';
import type { BackupInfo, WorkspaceHealth } from '#shared/domain/backups.ts';
import { listBackups } from '#core/backup/backup-files.ts';
import { backupFile, checkDatabaseFile } from '#core/backup/backup-write.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { CoreClient } from '#core/process/core-client.ts';
import { forkCore } from '#core/process/node-child.ts';
import { writeBenchCsv } from '../../bench/import-csv.ts';
import { formDeal } from '../../support/deal-input.ts';
import { suggested } from '../../support/import.ts';
import { damageIndex, sha } from '../../support/safety.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testCoreConfig } from '../../support/test-session.ts';

const CHILD = fileURLToPath(new URL('../../support/import-child.ts', import.meta.url));

function startCore(dir: string, dbPath: string): Promise<CoreClient> {
  const dialogs = {
    pickNewWorkspacePath: async () => null,
    pickExistingWorkspacePath: async () => null,
    pickOpenFile: async () => null,
    pickSaveFile: async () => null,
    revealInFolder: async () => true,
    printPdf: async () => ({ ok: false as const, code: 'no_printer' as const, message: 'No printing in this test.' }),
    cancelPrint: async () => false,
  };
  const core = new CoreClient(() => forkCore(), testCoreConfig(dir, dbPath), dialogs);
  return core.start().then(() => core);
}

async function call<T>(core: CoreClient, channel: string, arg?: unknown): Promise<Result<T>> {
  return JSON.parse(await core.call(channel, arg)) as Result<T>;
}

function importChild(db: string, version: number, csv: string) {
  const child = spawn(process.execPath, [CHILD, db, String(version), csv, JSON.stringify(suggested('deals', csv))]);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, err })),
  );
  return { child, done, progressed: () => /progress [1-9]/.test(out) };
}

describe('the data core keeps the workspace safe', () => {
  let cleanup = () => {};
  let core: CoreClient | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
    cleanup();
  });

  it('a damaged workspace: found after start, writes and jobs refused, reads go on; restore makes it sound and writable', async () => {
    const t = tempDir('winnow-safety-');
    cleanup = t.cleanup;
    const path = join(t.dir, 'w.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    ws.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run();
    ws.close();
    const good = backupFile(path, 'manual');
    damageIndex(path, 'deals');
    const hash = sha(path);

    core = await startCore(t.dir, path);
    await expect
      .poll(
        async () => ((await call<WorkspaceHealth>(core!, 'backup:health')) as { value: WorkspaceHealth }).value.state,
        {
          timeout: 20_000,
        },
      )
      .toBe('damaged');
    const health = (await call<WorkspaceHealth>(core, 'backup:health')) as { value: WorkspaceHealth };
    expect(health.value.newestBackup?.name).toBe(good.name);
    expect(health.value.message).toMatch(/./);

    const create = await call(core, 'deals:create', { ...formDeal, name: 'x', externalId: '' });
    expect(create).toMatchObject({ ok: false, error: { code: 'corrupt', message: /will not write to it/ } });
    expect(await call(core, 'demo:load', {})).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(await call(core, 'settings:get')).toMatchObject({ ok: true });
    expect(sha(path)).toBe(hash);

    const restored = await call<{ restored: string; undoBackup: string | null }>(core, 'backup:restore', {
      name: good.name,
    });
    expect(restored).toMatchObject({ ok: true });
    expect(checkDatabaseFile(path)).toBe('ok');
    expect(await call(core, 'deals:create', { ...formDeal, name: 'after', externalId: '' })).toMatchObject({
      ok: true,
    });
    await expect
      .poll(
        async () => ((await call<WorkspaceHealth>(core!, 'backup:health')) as { value: WorkspaceHealth }).value.state,
        {
          timeout: 20_000,
        },
      )
      .toBe('ok');
    const list = (await call<BackupInfo[]>(core, 'backup:list')) as { value: BackupInfo[] };
    expect(list.value.map((b) => b.reason)).toEqual(expect.arrayContaining(['manual', 'start']));
    await core.close();
    core = null;
    const after = await openWorkspace(path, { mode: 'open' });
    expect(after.sqlite.prepare("SELECT count(*) FROM accounts WHERE name = 'Acme'").pluck().get()).toBe(1);
    expect(after.sqlite.prepare("SELECT count(*) FROM deals WHERE name = 'after'").pluck().get()).toBe(1);
    after.close();
    // The damaged file as it was is kept (raw, since it could not be copied cleanly), never deleted.
    expect(listBackups(path).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('two imports of different files in two processes at once both land; app writes during a CLI import all succeed', async () => {
    const t = tempDir('winnow-safety-');
    cleanup = t.cleanup;
    const path = join(t.dir, 'w.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    const version = ws.schemaVersion;
    ws.close();
    const a = join(t.dir, 'a.csv');
    const b = join(t.dir, 'b.csv');
    writeBenchCsv(a, 20_000, 1);
    writeBenchCsv(b, 20_000, 2);
    writeFileSync(b, readFileSync(b, 'utf8').replace(/^OPP/gm, 'OPQ'));

    core = await startCore(t.dir, path);
    const first = importChild(path, version, a);
    const second = importChild(path, version, b);
    await expect.poll(() => first.progressed() || second.progressed(), { timeout: 20_000 }).toBe(true);
    const creates = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(core!, 'deals:create', { ...formDeal, name: `App ${i}`, externalId: '' }),
      ),
    );
    const [ra, rb] = await Promise.all([first.done, second.done]);
    expect(ra).toMatchObject({ code: 0 });
    expect(rb).toMatchObject({ code: 0 });
    expect(creates.every((r) => r.ok)).toBe(true);
    await core.close();
    core = null;
    const after = await openWorkspace(path, { mode: 'open' });
    const count = (like: string) =>
      after.sqlite.prepare('SELECT count(*) FROM deals WHERE external_id LIKE ?').pluck().get(like);
    expect(count('OPP%')).toBe(20_000);
    expect(count('OPQ%')).toBe(20_000);
    expect(after.sqlite.prepare("SELECT count(*) FROM deals WHERE name LIKE 'App %'").pluck().get()).toBe(10);
    expect(after.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  }, 90_000);
});
