// Issue 13 part 3: what is not a Winnow workspace is refused with one clear line and left
// byte-for-byte as it was, with nothing beside it; only an explicit create makes a workspace; a
// workspace newer by any sign is refused untouched. Part 2 on the command line: a damaged
// workspace is refused by every command but `check`, which points at the newest backup.
import { randomFillSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { listBackups } from '#core/backup/backup-files.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { fixture } from '../../support/import.ts';
import { besides, damageIndex, sha } from '../../support/safety.ts';
import { tempDir } from '../../support/temp-workspace.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('opening a file that is not a workspace', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  const foreignSqlite = (name: string, wal: boolean, withTable: boolean) => {
    const path = join(dir, name);
    const db = new Database(path);
    if (wal) db.pragma('journal_mode = WAL');
    db.pragma('application_id = 1234');
    if (withTable)
      db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes VALUES (1, 'x')");
    else db.pragma('user_version = 3'); // an otherwise empty database still has a header page
    db.close();
    return path;
  };

  const cases: [string, () => string, RegExp][] = [
    [
      'an empty file',
      () => (writeFileSync(join(dir, 'empty.winnow'), ''), join(dir, 'empty.winnow')),
      /the file is empty/,
    ],
    [
      'text',
      () => (writeFileSync(join(dir, 'notes.winnow'), 'meeting notes\n'.repeat(50)), join(dir, 'notes.winnow')),
      /not a SQLite file/,
    ],
    [
      'random bytes',
      () => (writeFileSync(join(dir, 'r.winnow'), randomFillSync(Buffer.alloc(8192))), join(dir, 'r.winnow')),
      /not a SQLite file/,
    ],
    [
      'another application’s SQLite with tables (WAL)',
      () => foreignSqlite('a.sqlite', true, true),
      /another application/,
    ],
    [
      'another application’s SQLite without tables',
      () => foreignSqlite('b.sqlite', false, false),
      /another application/,
    ],
    [
      'another application’s SQLite without tables (WAL)',
      () => foreignSqlite('c.sqlite', true, false),
      /another application/,
    ],
    [
      'a directory',
      () => (mkdirSync(join(dir, 'folder.winnow')), join(dir, 'folder.winnow')),
      // The core says "is a folder"; the CLI, which checks --db first, "is a directory, not a workspace file".
      /is a folder|is a directory, not a workspace file/,
    ],
  ];

  it.each(cases)(
    '%s: refused by open, create, workspace commands and restore; bytes and folder unchanged',
    async (_, make, why) => {
      const path = make();
      const isDir = why.source.includes('folder');
      const hash = isDir ? '' : sha(path);
      const around = besides(path);
      for (const mode of ['open', 'create'] as const) {
        await expect(openWorkspace(path, { mode })).rejects.toMatchObject({
          code: 'not_a_workspace',
          message: expect.stringMatching(why),
        });
      }
      for (const args of [
        ['stats'],
        ['import', 'deals', fixture('hubspot-deals.csv')],
        ['demo'],
        ['backup'],
        ['check'],
      ]) {
        const r = await cli(...args, '--db', path);
        expect(r.code).toBe(1);
        expect(r.err.split('\n')).toHaveLength(1);
        expect(r.err).toMatch(why);
      }
      expect((await cli('init', '--db', path)).code).toBe(1);
      if (!isDir) expect(sha(path)).toBe(hash);
      expect(besides(path)).toEqual(around);
    },
  );

  it('a truncated workspace is refused as damaged, untouched, with nothing left beside it', async () => {
    const path = join(dir, 'w.winnow');
    (await openWorkspace(path, { mode: 'create' })).close();
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2) + 100));
    const hash = sha(path);
    await expect(openWorkspace(path, { mode: 'open' })).rejects.toMatchObject({
      code: 'corrupt',
      message: /truncated/,
    });
    expect((await cli('stats', '--db', path)).err).toMatch(/damaged/);
    expect(sha(path)).toBe(hash);
    expect(besides(path)).toEqual(['w.winnow']);
  });

  it('a workspace newer by its user_version alone, or by its migration rows, is refused untouched', async () => {
    for (const how of ['user_version', 'rows'] as const) {
      const path = join(dir, `${how}.winnow`);
      (await openWorkspace(path, { mode: 'create' })).close();
      const db = new Database(path);
      if (how === 'user_version') db.pragma('user_version = 999');
      else db.prepare("INSERT INTO __winnow_migrations VALUES (999, '9999_future', 'x', 'now')").run();
      db.close();
      const hash = sha(path);
      await expect(openWorkspace(path, { mode: 'open' })).rejects.toMatchObject({ code: 'schema_newer' });
      const r = await cli('import', 'deals', fixture('hubspot-deals.csv'), '--db', path);
      expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/newer version of Winnow/) });
      expect(sha(path)).toBe(hash);
      expect(besides(path)).toEqual([`${how}.winnow`]);
    }
  });

  it('only an explicit create makes a workspace: import and stats on a missing path create nothing', async () => {
    const path = join(dir, 'new.winnow');
    expect((await cli('import', 'deals', fixture('hubspot-deals.csv'), '--db', path)).code).toBe(1);
    expect((await cli('stats', '--db', path)).code).toBe(1);
    expect(besides(path)).toEqual([]);
    expect(await cli('init', '--db', path)).toMatchObject({ code: 0, out: expect.stringMatching(/^Created /) });
    expect(besides(path)).toEqual(['new.winnow']); // built under a temporary name, nothing else left
    expect((await cli('init', '--db', path)).err).toMatch(/already exists/);
  });
});

describe('a damaged workspace on the command line', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('stats and import refuse it (nothing written), check fails and offers the newest backup, restore brings the data back', async () => {
    const path = join(dir, 'w.winnow');
    expect((await cli('init', '--db', path)).code).toBe(0);
    expect((await cli('import', 'deals', fixture('hubspot-deals.csv'), '--db', path)).code).toBe(0);
    expect((await cli('backup', '--db', path)).code).toBe(0);
    const goodDeals = await (async () => {
      const ws = await openWorkspace(path, { mode: 'open' });
      const n = ws.sqlite.prepare('SELECT count(*) FROM deals').pluck().get();
      ws.close();
      return n;
    })();
    damageIndex(path, 'deals');
    const hash = sha(path);

    const stats = await cli('stats', '--db', path);
    expect(stats).toMatchObject({
      code: 1,
      out: '',
      err: expect.stringMatching(/is damaged.*restore the newest good backup/),
    });
    const imp = await cli('import', 'deals', fixture('hubspot-deals.csv'), '--db', path);
    expect(imp.code).toBe(1);
    expect(sha(path)).toBe(hash);

    const check = await cli('check', '--db', path);
    const newest = listBackups(path)[0]!;
    expect(check.code).toBe(1);
    expect(check.err).toContain(`winnow restore ${newest.name}`);

    const restore = await cli('restore', newest.name, '--db', path);
    expect(restore).toMatchObject({ code: 0, out: expect.stringMatching(/^Restored /) });
    expect(restore.out).toMatch(/damaged file as it was is kept at|restore it to undo/);
    expect((await cli('check', '--db', path)).code).toBe(0);
    const ws = await openWorkspace(path, { mode: 'open' });
    expect(ws.sqlite.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(goodDeals);
    ws.close();
  });
});
