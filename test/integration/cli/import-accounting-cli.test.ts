// Import accounting on the command line (issue 14 part 2): a repeated identical row is unchanged,
// `--check` exits 1 when the import would fail, a failed import into a --db path that did not
// exist leaves nothing behind, confirmed near matches become aliases, and owners carry office,
// region and manager, which the win-rate matrix groups by.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli as run } from '../../support/cli-run.ts';
import { tempDir } from '../../support/temp-workspace.ts';

const HEADER = 'Deal ID,Deal Name,Amount,Stage,Close Date,Competitors,Product,Owner';

describe('winnow import: accounting, --check, new workspaces, aliases, offices', () => {
  let dir: string;
  let db: string;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, 'w.winnow');
    expect((await run('init', '--db', db)).code).toBe(0);
  });
  afterEach(() => cleanup());

  const csv = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const query = (sql: string, path = db) => {
    const s = new Database(path, { readonly: true });
    try {
      return s.prepare(sql).raw().all();
    } finally {
      s.close();
    }
  };

  it('counts an identical repeated row as unchanged; a repeat with other values is a problem', async () => {
    const same = csv('same.csv', [
      HEADER,
      'D-1,First,100,Closed Won,2024-01-05,Acme,Core,Ann Lee',
      'D-2,Second,200,Closed Lost,2024-01-06,Acme,Core,Ann Lee',
      'D-1,First,100,Closed Won,2024-01-05,Acme,Core,Ann Lee',
    ]);
    const r = await run('import', 'deals', same, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'Imported same.csv as import #1: 3 rows read = 2 added + 0 updated + 1 unchanged + 0 rejected.',
    );
    expect(query('SELECT external_id, name, amount FROM deals ORDER BY id')).toEqual([
      ['D-1', 'First', 100],
      ['D-2', 'Second', 200],
    ]);

    const different = csv('different.csv', [
      HEADER,
      'D-3,Third,300,Closed Won,2024-01-07,Acme,Core,Ann Lee',
      'D-3,Third,350,Closed Won,2024-01-07,Acme,Core,Ann Lee',
    ]);
    const bad = await run('import', 'deals', different, '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(
      '  different.csv: Deal id (CRM): appears more than once in the file, with different values — 1 rows',
    );
    expect(query("SELECT count(*) FROM deals WHERE external_id = 'D-3'")).toEqual([[0]]);
  });

  it('--check exits 1 when the import would fail and 0 when it would go in; it writes nothing', async () => {
    const failing = csv('failing.csv', [
      HEADER,
      'C-1,Good,100,Closed Won,2024-01-05,,,',
      'C-2,Bad amount,-5,Closed Won,2024-01-05,,,',
    ]);
    const check = await run('import', 'deals', failing, '--db', db, '--check');
    expect(check.code).toBe(1);
    expect(check.out.split('\n')[0]).toBe(
      'Check of failing.csv (nothing written): 2 rows read = 1 added + 0 updated + 0 unchanged + 1 rejected.',
    );
    expect(check.err).toBe(
      'winnow import: the import would fail: 1 of 2 rows have problems, and without --valid-rows it is all or nothing.',
    );
    expect((await run('import', 'deals', failing, '--db', db, '--check', '--json')).code).toBe(1);
    // With --valid-rows the good row would go in: the check passes.
    expect((await run('import', 'deals', failing, '--db', db, '--check', '--valid-rows')).code).toBe(0);
    const fine = csv('fine.csv', [HEADER, 'C-1,Good,100,Closed Won,2024-01-05,,,']);
    expect((await run('import', 'deals', fine, '--db', db, '--check')).code).toBe(0);
    expect(query('SELECT count(*) FROM deals')).toEqual([[0]]);
  });

  it('an import into a --db path with no workspace is refused and leaves no file, -wal, -shm or folder', async () => {
    // Only `winnow init`, `winnow demo` and the app's New make a workspace (issue 13): a mistyped
    // path must not become a new, empty-looking workspace.
    const failing = csv('failing.csv', [HEADER, 'C-2,Bad amount,-5,Closed Won,2024-01-05,,,']);
    const fresh = join(dir, 'new', 'deeper', 'fresh.winnow');
    const r = await run('import', 'deals', failing, '--db', fresh);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`no workspace at ${fresh}: create it first with "winnow init --db ${fresh}"`);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['failing.csv', 'w.winnow']);

    const good = csv('ok.csv', [HEADER, 'C-1,Good,100,Closed Won,2024-01-05,,,']);
    expect((await run('import', 'deals', good, '--db', fresh, '--check')).code).toBe(1);
    expect(existsSync(join(dir, 'new'))).toBe(false);

    mkdirSync(join(dir, 'new', 'deeper'), { recursive: true });
    expect((await run('init', '--db', fresh)).code).toBe(0);
    const ok = await run('import', 'deals', good, '--db', fresh);
    expect(ok.code).toBe(0);
    expect(query('SELECT external_id, name, amount, outcome FROM deals', fresh)).toEqual([['C-1', 'Good', 100, 'won']]);
  });

  it('near matches the user accepts become aliases: the next file maps them silently', async () => {
    const first = csv('first.csv', [HEADER, 'N-1,One,100,Closed Won,2024-01-05,Acme Analytics,Insight Pro,Ann Lee']);
    expect((await run('import', 'deals', first, '--db', db)).code).toBe(0);
    const near = csv('near.csv', [HEADER, 'N-2,Two,100,Closed Lost,2024-01-06,Acme Analytic,Insight Pros,Ann Lee']);
    const refused = await run('import', 'deals', near, '--db', db, '--check');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Product "Insight Pros" (1 rows) looks like "Insight Pro"');
    expect((await run('import', 'deals', near, '--db', db, '--accept-near-matches')).code).toBe(0);
    expect(query('SELECT alias, alias_key FROM product_aliases')).toEqual([['Insight Pros', 'insightpros']]);
    expect(query("SELECT alias FROM competitor_aliases WHERE alias = 'Acme Analytic'")).toEqual([['Acme Analytic']]);

    const later = csv('later.csv', [HEADER, 'N-3,Three,100,Closed Won,2024-01-07,Acme Analytic,Insight Pros,Ann Lee']);
    const silent = await run('import', 'deals', later, '--db', db);
    expect(silent.code).toBe(0);
    expect(silent.out.split('\n')[0]).toBe(
      'Imported later.csv as import #3: 1 rows read = 1 added + 0 updated + 0 unchanged + 0 rejected.',
    );
    expect(
      query(
        `SELECT d.external_id, p.name, c.name FROM deals d JOIN products p ON p.id = d.product_id
           JOIN deal_competitors dc ON dc.deal_id = d.id JOIN competitors c ON c.id = dc.competitor_id ORDER BY d.id`,
      ),
    ).toEqual([
      ['N-1', 'Insight Pro', 'Acme Analytics'],
      ['N-2', 'Insight Pro', 'Acme Analytics'],
      ['N-3', 'Insight Pro', 'Acme Analytics'],
    ]);
    expect(query('SELECT count(*) FROM products')).toEqual([[1]]);
    // Undo of the import that learnt them takes the aliases away again.
    expect((await run('import', 'undo', '3', '--db', db)).code).toBe(0);
    expect((await run('import', 'undo', '2', '--db', db)).code).toBe(0);
    expect(query('SELECT count(*) FROM product_aliases')).toEqual([[0]]);
  });

  it('owners carry office, region and manager; the matrix groups win rates by office', async () => {
    const deals = csv('deals.csv', [
      HEADER,
      'O-1,a,100,Closed Won,2024-01-05,,,Ann Lee',
      'O-2,b,100,Closed Lost,2024-01-05,,,Ann Lee',
      'O-3,c,100,Closed Won,2024-01-05,,,Bo Chen',
      'O-4,d,100,Closed Won,2024-01-05,,,Cy Diaz',
      'O-5,e,100,Closed Lost,2024-01-05,,,Cy Diaz',
      'O-6,f,100,Closed Lost,2024-01-05,,,Cy Diaz',
      'O-7,g,100,Closed Won,2024-01-05,,,',
    ]);
    expect((await run('import', 'deals', deals, '--db', db)).code).toBe(0);
    const owners = csv('owners.csv', [
      'Name,Office,Region,Manager',
      'Ann Lee,London,EMEA,Mia Lopez',
      'Bo Chen,London,EMEA,Mia Lopez',
      'Cy Diaz,Austin,North America,Sam Reed',
      'Cy Diaz,Austin,North America,Sam Reed',
    ]);
    const r = await run('import', 'owners', owners, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'Imported owners.csv as import #2: 4 rows read = 0 added + 3 updated + 1 unchanged + 0 rejected.',
    );
    expect(query('SELECT name, office, region, manager FROM owners ORDER BY name')).toEqual([
      ['Ann Lee', 'London', 'EMEA', 'Mia Lopez'],
      ['Bo Chen', 'London', 'EMEA', 'Mia Lopez'],
      ['Cy Diaz', 'Austin', 'North America', 'Sam Reed'],
    ]);

    const m = await run('matrix', '--rows', 'office', '--db', db, '--json');
    expect(m.code).toBe(0);
    const matrix = JSON.parse(m.out) as {
      rows: { key: string | null; label: string }[];
      cells: { row: string | null; won: number; closed: number }[];
    };
    // London: Ann 1 of 2 + Bo 1 of 1 = 2 of 3; Austin: Cy 1 of 3; no owner: 1 of 1.
    expect(matrix.cells.map((c) => [c.row, c.won, c.closed])).toEqual([
      ['Austin', 1, 3],
      ['London', 2, 3],
      [null, 1, 1],
    ]);
    const text = await run('matrix', '--rows', 'office', '--db', db);
    expect(text.out.split('\n').slice(0, 3)).toEqual([
      'Win rates by Owner’s office (7 closed deals, all close dates)',
      expect.stringMatching(/^Owner’s office\s+Won\s+Closed/),
      expect.stringMatching(/^-+/),
    ]);
  });
});
