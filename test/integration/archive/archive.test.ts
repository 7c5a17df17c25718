// Whole-workspace archive: export → import gives the same content in every table (per-table SHA-256
// of the canonical rows), derived tables are rebuilt, and an altered, newer or misdirected archive
// is refused with nothing written.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive } from '#core/archive/archive-export.ts';
import { importArchive } from '#core/archive/archive-import.ts';
import { tableChecksums } from '#core/archive/archive-tables.ts';
import { defaultMigrationsDir, readMigrations } from '#core/db/migrations.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { refreshDerived } from '#core/retention/keep-derived.ts';
import { main } from '../../../electron/cli/main.ts';
import { tempDir } from '../../support/temp-workspace.ts';

const migrations = readMigrations(defaultMigrationsDir());
const quiet = { progress: () => {}, cancelled: () => false };
const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** The zip with one entry's text changed, re-zipped (valid zip, valid CRCs): only our checksums can tell. */
function tampered(zipPath: string, out: string, entry: string, change: (text: string) => string): void {
  const files = unzipSync(readFileSync(zipPath));
  files[entry] = strToU8(change(strFromU8(files[entry]!)));
  writeFileSync(out, zipSync(files));
}

function io() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t: string) => stdout.push(t), err: (t: string) => stderr.push(t), interactive: false };
}

describe('whole-workspace archive', () => {
  let dir: string;
  let cleanup: () => void;
  let source: string;
  let zip: string;
  let before: Map<string, { rows: number; sha256: string }>;
  let retentionBefore: number;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    source = join(dir, 'source.winnow');
    zip = join(dir, 'source.zip');
    const ws = await openWorkspace(source, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 2000, seed: 7 });
    // Revenue lines (the demo has none): three hand-written lines on the first two won customers.
    const won = ws.sqlite
      .prepare("SELECT DISTINCT account_id AS id FROM deals WHERE outcome = 'won' ORDER BY account_id LIMIT 2")
      .all() as { id: number }[];
    const line = ws.sqlite.prepare(
      'INSERT INTO revenue_lines (account_id, period, amount, kind, external_id, last_date) VALUES (?, ?, ?, ?, ?, ?)',
    );
    line.run(won[0]!.id, '2026-01-01', 1250.5, 'mrr', 'L-1', '2026-01-31');
    line.run(won[0]!.id, '2026-02-01', 1300.25, 'mrr', 'L-2', null);
    line.run(won[1]!.id, '2026-02-01', 99.99, 'invoice', 'L-3', '2026-02-14');
    refreshDerived(ws.sqlite, { full: true });
    before = tableChecksums(ws.sqlite);
    retentionBefore = count(ws.sqlite, 'SELECT count(*) AS n FROM retention_customers');
    exportArchive(ws.sqlite, { path: zip, appVersion: '9.8.7' }, quiet);
    ws.close();
  }, 120_000);
  afterAll(() => cleanup());

  it('writes a manifest with the schema, row counts and the same checksums as the source', () => {
    const manifest = JSON.parse(
      strFromU8(unzipSync(readFileSync(zip), { filter: (f) => f.name === 'manifest.json' })['manifest.json']!),
    );
    expect(manifest).toMatchObject({ format: 'winnow-workspace-archive', formatVersion: 1, appVersion: '9.8.7' });
    expect(manifest.schema).toMatchObject({ version: migrations.length, migration: migrations.at(-1)!.tag });
    const byName = new Map(manifest.tables.map((t: { name: string }) => [t.name, t]));
    expect(byName.get('revenue_lines')).toMatchObject({ rows: 3, sha256: before.get('revenue_lines')!.sha256 });
    expect(byName.get('deals')).toMatchObject({ rows: 2000 });
    // Derived tables are rebuilt, not archived; the migrations record is the manifest's schema.
    expect(manifest.derived).toEqual(
      expect.arrayContaining(['retention_customers', 'interview_fts', 'quote_fts_data']),
    );
    expect(byName.has('retention_customers')).toBe(false);
    expect(byName.has('__winnow_migrations')).toBe(false);
    for (const [name, sum] of before) expect(byName.get(name), name).toMatchObject(sum);
  });

  it(
    'imports into a new file with identical content in every table, derived tables rebuilt',
    { timeout: 60_000 },
    () => {
      const target = join(dir, 'copy.winnow');
      const r = importArchive({ zipPath: zip, target }, migrations, quiet);
      expect(r).toMatchObject({
        tables: before.size,
        archiveSchema: migrations.length,
        schemaVersion: migrations.length,
      });
      const db = new Database(target, { readonly: true });
      try {
        const after = tableChecksums(db);
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [name, sum] of before) expect(after.get(name), name).toEqual(sum);
        expect(db.prepare('SELECT external_id, amount, last_date FROM revenue_lines ORDER BY id').all()).toEqual([
          { external_id: 'L-1', amount: 1250.5, last_date: '2026-01-31' },
          { external_id: 'L-2', amount: 1300.25, last_date: null },
          { external_id: 'L-3', amount: 99.99, last_date: '2026-02-14' },
        ]);
        // Paused triggers did not count links twice: every deal's count is its links.
        expect(
          count(
            db,
            'SELECT count(*) AS n FROM deals d WHERE competitor_count != (SELECT count(*) FROM deal_competitors c WHERE c.deal_id = d.id)',
          ),
        ).toBe(0);
        // The search index was rebuilt from the rows: one entry per interview and per quote.
        expect(count(db, 'SELECT count(*) AS n FROM interview_fts')).toBe(before.get('interviews')!.rows);
        expect(count(db, 'SELECT count(*) AS n FROM quote_fts')).toBe(before.get('quotes')!.rows);
        expect(count(db, 'SELECT count(*) AS n FROM retention_customers')).toBe(retentionBefore);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      // No temporary file is left beside it.
      expect(readdirSync(dir).filter((f) => f.includes('importing'))).toEqual([]);
    },
  );

  it(
    'refuses an archive whose table content was altered, naming the table, and writes nothing',
    { timeout: 60_000 },
    () => {
      const bad = join(dir, 'altered.zip');
      tampered(zip, bad, 'data/revenue_lines.jsonl', (t) => t.replace('1250.5', '9250.5'));
      const target = join(dir, 'altered.winnow');
      expect(() => importArchive({ zipPath: bad, target }, migrations, quiet)).toThrow(
        /altered\.zip cannot be imported: table revenue_lines does not match its checksum in the manifest .*Nothing was written\./,
      );
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    },
  );

  it(
    'refuses an altered CSV copy, a newer schema and an existing target, each with nothing written',
    { timeout: 60_000 },
    () => {
      const csv = join(dir, 'csv.zip');
      tampered(zip, csv, 'csv/settings.csv', (t) => `${t}x`);
      expect(() => importArchive({ zipPath: csv, target: join(dir, 'csv.winnow') }, migrations, quiet)).toThrow(
        /the CSV copy of table settings does not match its checksum/,
      );
      const newer = join(dir, 'newer.zip');
      tampered(zip, newer, 'manifest.json', (t) => t.replace(/"version": \d+/, '"version": 99'));
      expect(() => importArchive({ zipPath: newer, target: join(dir, 'newer.winnow') }, migrations, quiet)).toThrow(
        /newer version of Winnow \(9\.8\.7, schema 99; this version knows \d+\)/,
      );
      const existing = join(dir, 'source.winnow');
      const size = statSync(existing).size;
      expect(() => importArchive({ zipPath: zip, target: existing }, migrations, quiet)).toThrow(
        /source\.winnow already exists/,
      );
      expect(statSync(existing).size).toBe(size);
      for (const name of ['csv.winnow', 'newer.winnow']) expect(existsSync(join(dir, name))).toBe(false);
    },
  );

  it('stops when cancelled, leaving no file', () => {
    const target = join(dir, 'cancelled.winnow');
    expect(() =>
      importArchive({ zipPath: zip, target }, migrations, { progress: () => {}, cancelled: () => true }),
    ).toThrow(/Import cancelled/);
    expect(existsSync(target)).toBe(false);
  });

  it('export stops when cancelled, leaving neither the zip nor its partial file', async () => {
    const ws = await openWorkspace(source, { mode: 'open' });
    const out = join(dir, 'cancelled.zip');
    try {
      expect(() =>
        exportArchive(ws.sqlite, { path: out, appVersion: '1' }, { progress: () => {}, cancelled: () => true }),
      ).toThrow('Export cancelled; no archive was written.');
    } finally {
      ws.close();
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('upgrades an archive written at an older schema to this version after loading', async () => {
    const older = join(dir, 'older.winnow');
    const ws = await openWorkspace(older, { mode: 'create', migrations: migrations.slice(0, -1) });
    ws.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Old Customer Ltd')").run();
    const olderZip = join(dir, 'older.zip');
    exportArchive(ws.sqlite, { path: olderZip, appVersion: '0.0.9' }, quiet);
    ws.close();
    const target = join(dir, 'upgraded.winnow');
    const r = importArchive({ zipPath: olderZip, target }, migrations, quiet);
    expect(r).toMatchObject({ archiveSchema: migrations.length - 1, schemaVersion: migrations.length });
    const db = new Database(target, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Old Customer Ltd']);
    } finally {
      db.close();
    }
  });

  it(
    'CLI: export and import exit 0; a refused archive exits 1; a missing --db exits 2',
    { timeout: 120_000 },
    async () => {
      const out = join(dir, 'cli.zip');
      const a = io();
      expect(await main(['archive', 'export', '--db', source, '--out', out], a)).toBe(0);
      expect(a.stdout[0]).toMatch(new RegExp(`^Archived \\d+ rows of ${before.size} tables to .*cli\\.zip`));
      const b = io();
      expect(await main(['archive', 'import', out, '--db', join(dir, 'cli.winnow')], b)).toBe(0);
      expect(b.stdout[0]).toMatch(/into the new workspace .*cli\.winnow/);
      const c = io();
      expect(await main(['archive', 'import', out, '--db', join(dir, 'cli.winnow')], c)).toBe(1);
      expect(c.stderr[0]).toBe(
        'winnow archive: cli.winnow already exists; choose a new name for the imported workspace.',
      );
      const d = io();
      expect(await main(['archive', 'import', join(dir, 'altered.zip'), '--db', join(dir, 'x.winnow')], d)).toBe(1);
      expect(d.stderr[0]).toMatch(/table revenue_lines does not match its checksum/);
      expect(await main(['archive', 'import', out], io())).toBe(2);
      expect(await main(['archive', 'export', '--db', source], io())).toBe(2);
    },
  );
});
