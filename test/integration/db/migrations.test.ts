// Every migration on real files: fresh databases, upgrades from each earlier version (with a
// backup), and the refusals that must leave a file byte-for-byte untouched.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '#core/db/migrations.ts';
import type { Migration } from '#core/db/migrations.ts';
import { APPLICATION_ID, MIGRATIONS_TABLE } from '#core/db/migrator.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { AppError } from '#core/errors.ts';
import { DEFAULT_TAXONOMY } from '#shared/domain/defaults.ts';
import { tempDir } from '../../support/temp-workspace.ts';

const all = readMigrations(defaultMigrationsDir());
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function expectAppError(p: Promise<unknown>, code: string, text?: RegExp) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (text) expect((error as AppError).message).toMatch(text);
}

describe('migrations', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('are read in journal order, numbered from 1, each with statements and a hash', () => {
    expect(all.length).toBeGreaterThanOrEqual(1);
    all.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.statements.length).toBeGreaterThan(0);
      expect(m.hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('create a fresh workspace: WAL, foreign keys, marked as Winnow, defaults seeded, no backup', async () => {
    const path = join(dir, 'fresh.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    expect(ws.schemaVersion).toBe(all.length);
    expect(ws.backupPath).toBeNull();
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(all.length);
    const count = (t: string) => (ws.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(count('reason_categories')).toBe(DEFAULT_TAXONOMY.length);
    expect(count('reasons')).toBe(DEFAULT_TAXONOMY.reduce((s, c) => s + c.reasons.length, 0));
    expect(count('rating_criteria')).toBe(7);
    expect(count('interview_guides')).toBe(3);
    // Foreign keys are enforced.
    expect(() =>
      ws.sqlite.prepare('INSERT INTO deal_competitors (deal_id, competitor_id) VALUES (999, 999)').run(),
    ).toThrow(/FOREIGN KEY/);
    ws.close();
    // Reopening applies nothing and makes no backup.
    const again = await openWorkspace(path, { mode: 'open' });
    expect(again.backupPath).toBeNull();
    again.close();
    expect(readdirSync(dir).filter((f) => f.includes('.bak'))).toEqual([]);
  });

  // One case per earlier version: a database left at version v upgrades to the latest, keeps its
  // data, and gets a backup (made with SQLite's backup API) that still opens at version v.
  it.each(
    all
      .map((m) => m.version)
      .filter((v) => v < all.length)
      .concat(all.length > 1 ? [] : [0]),
  )('upgrade from version %i keeps data and writes a backup first', async (from) => {
    const path = join(dir, `v${from}.winnow`);
    if (from === 0) {
      // Only one migration so far: upgrading "from 0" is the fresh case; check the backup path
      // logic with a synthetic second migration instead.
      const extra: Migration = {
        version: 2,
        tag: '9999_test_extra',
        hash: 'x'.repeat(64),
        statements: ['CREATE TABLE test_extra (id INTEGER PRIMARY KEY)'],
      };
      const first = await openWorkspace(path, { mode: 'create' });
      first.sqlite.prepare("INSERT INTO competitors (name) VALUES ('Acme')").run();
      first.close();
      const now = () => new Date('2026-01-02T03:04:05.000Z');
      const up = await openWorkspace(path, { mode: 'open', migrations: [...all, extra], now });
      expect(up.schemaVersion).toBe(2);
      expect(up.backupPath).toBe(`${path}.before-v2-from-v1-2026-01-02T03-04-05-000Z.bak`);
      expect(up.sqlite.prepare('SELECT name FROM competitors').all()).toEqual([{ name: 'Acme' }]);
      up.close();
      const backup = new Database(up.backupPath!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare('SELECT name FROM competitors').all()).toEqual([{ name: 'Acme' }]);
      backup.close();
      return;
    }
    const old = await openWorkspace(path, { mode: 'create', migrations: all.slice(0, from) });
    old.sqlite.prepare("INSERT INTO competitors (name) VALUES ('Acme')").run();
    old.close();
    const up = await openWorkspace(path, { mode: 'open' });
    expect(up.schemaVersion).toBe(all.length);
    expect(up.backupPath).not.toBeNull();
    expect(up.sqlite.prepare('SELECT name FROM competitors').all()).toEqual([{ name: 'Acme' }]);
    up.close();
  });

  it('refuse a database written by a newer Winnow, leaving the file untouched', async () => {
    const path = join(dir, 'newer.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    ws.sqlite
      .prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, tag, hash, applied_at) VALUES (?, 'future', 'f', 'now')`)
      .run(all.length + 1);
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    const before = sha(path);
    await expectAppError(
      openWorkspace(path, { mode: 'open' }),
      'schema_newer',
      /newer version of Winnow.*left untouched/,
    );
    expect(sha(path)).toBe(before);
    // A read-only look at a WAL database may leave an empty -wal beside it, never content.
    if (existsSync(`${path}-wal`)) expect(statSync(`${path}-wal`).size).toBe(0);
  });

  it('refuse a database whose applied migration differs from the shipped one', async () => {
    const path = join(dir, 'edited.winnow');
    (await openWorkspace(path, { mode: 'create' })).close();
    const edited = all.map((m, i) => (i === 0 ? { ...m, hash: '0'.repeat(64) } : m));
    await expectAppError(
      openWorkspace(path, { mode: 'open', migrations: edited }),
      'migration_failed',
      /does not match/,
    );
  });

  it('roll back a failing migration completely; the data and the version stay as they were', async () => {
    const path = join(dir, 'failing.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    ws.sqlite.prepare("INSERT INTO competitors (name) VALUES ('Acme')").run();
    ws.close();
    const broken: Migration = {
      version: all.length + 1,
      tag: '9999_broken',
      hash: 'b'.repeat(64),
      statements: ['CREATE TABLE half_done (id INTEGER)', 'DELETE FROM competitors', 'THIS IS NOT SQL'],
    };
    await expectAppError(
      openWorkspace(path, { mode: 'open', migrations: [...all, broken] }),
      'migration_failed',
      /Nothing was changed; a backup is at/,
    );
    const check = await openWorkspace(path, { mode: 'open' });
    expect(check.schemaVersion).toBe(all.length);
    expect(check.sqlite.prepare('SELECT name FROM competitors').all()).toEqual([{ name: 'Acme' }]);
    expect(check.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({
      n: 0,
    });
    check.close();
  });

  it('refuse files that are not Winnow workspaces, and never create a missing one in open mode', async () => {
    const text = join(dir, 'notes.winnow');
    writeFileSync(text, 'These are my meeting notes, not a database.\n'.repeat(10));
    const before = sha(text);
    await expectAppError(openWorkspace(text, { mode: 'open' }), 'not_a_workspace', /not a SQLite file/);
    expect(sha(text)).toBe(before);

    const foreign = join(dir, 'other-app.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)');
    other.close();
    const foreignBefore = sha(foreign);
    await expectAppError(openWorkspace(foreign, { mode: 'open' }), 'not_a_workspace', /not a Winnow workspace/);
    expect(sha(foreign)).toBe(foreignBefore);

    await expectAppError(
      openWorkspace(join(dir, 'no-such-folder', 'w.winnow'), { mode: 'create' }),
      'not_found',
      /Cannot open/,
    );

    const missing = join(dir, 'missing.winnow');
    await expectAppError(openWorkspace(missing, { mode: 'open' }), 'not_found');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the SQLite binding', () => {
  it('is an N-API module shipped in the package: the same file loads in Node and in Electron, no rebuild', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const pkgDir = join(require.resolve('better-sqlite3/package.json'), '..');
    const target = `${process.platform === 'linux' && existsSync('/etc/alpine-release') ? 'linuxmusl' : process.platform}-${process.arch}`;
    const binary = readFileSync(join(pkgDir, 'prebuilds', `${target}.node`));
    // N-API modules register through napi_register_module_v1 instead of a Node-ABI-specific entry.
    expect(binary.includes('napi_register_module_v1')).toBe(true);
    expect(existsSync(join(pkgDir, 'build'))).toBe(false); // nothing was compiled at install
    const version = new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string };
    expect(version.v).toMatch(/^3\.\d+\.\d+$/);
  });
});
