// The winnow command as a user meets it, run as a real child process: help for every command and
// subcommand, --version, unknown options and commands, a folder as --db, and the text layouts
// (matrix grid, cohort triangle, stats, competitor) with hand-worked figures and separators.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { updateSettings } from '#core/settings/settings-store.ts';
import { main } from '../../../electron/cli/main.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { seedAbc } from '../retention/abc-customers.ts';
import { insertDataset } from '../win-rates/dataset.ts';

const BIN = fileURLToPath(new URL('../../../electron/cli/winnow.js', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const run = promisify(execFile);

interface Ran {
  code: number;
  out: string;
  err: string;
}

async function winnow(...args: string[]): Promise<Ran> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/**
 * The same command in process: main() is what the bin runs after its Node check, so loops over
 * every command use it (a Node start-up per case takes seconds on a loaded machine); the bin
 * itself is exercised once per behaviour above and below.
 */
async function inProcess(...args: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`), interactive: false });
  return { code, out: out.join(''), err: err.join('') };
}

/** A child process can take tens of seconds to start while other test runs load the machine. */
const SLOW = 180_000;

const squash = (line: string | undefined) => (line ?? '').trim().split(/\s{2,}/);

describe('winnow as a command-line tool', { timeout: SLOW }, () => {
  let dir: string;
  let cleanup: () => void;
  let deals: string;
  let abc: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    // The nine hand-worked deals of the win-rate tests, thresholds lowered so every rate shows
    // (low confidence below n = 3), deal 7 (open, 500) in stage Proposal.
    deals = join(dir, 'deals.winnow');
    const ws = await openWorkspace(deals, { mode: 'create' });
    insertDataset(ws.sqlite);
    updateSettings(ws.sqlite, { hideRateBelowN: 0, lowConfidenceBelowN: 3 });
    ws.sqlite.exec("UPDATE deals SET stage = 'Proposal' WHERE id = 7");
    ws.close();
    // The three hand-worked customers of the retention tests.
    abc = join(dir, 'abc.winnow');
    const ws2 = await openWorkspace(abc, { mode: 'create' });
    seedAbc(ws2);
    updateSettings(ws2.sqlite, { hideRateBelowN: 0, lowConfidenceBelowN: 1 });
    ws2.close();
  }, SLOW);
  afterAll(() => cleanup());

  it('--version prints the version of package.json; -v and "version" too', async () => {
    expect(await winnow('--version')).toEqual({ code: 0, out: `winnow ${PACKAGE.version}\n`, err: '' });
    for (const flag of ['-v', 'version'])
      expect(await inProcess(flag)).toEqual({ code: 0, out: `winnow ${PACKAGE.version}\n`, err: '' });
  });

  it('--help and -h work for every command and subcommand, exit 0, naming its usage and options', async () => {
    const cases: [string[], string, string][] = [
      [['stats'], 'Usage: winnow stats [--db FILE] [--json]', '--json'],
      [['matrix'], 'Usage: winnow matrix --rows FIELD', '--where F=V'],
      [['competitor'], 'Usage: winnow competitor NAME', '--from DATE'],
      [['cohorts'], 'Usage: winnow cohorts [--grain month|quarter|year]', '--cells'],
      [['demo'], 'Usage: winnow demo [--db FILE] [--deals N] [--seed S]', '100 to 2,000,000'],
      [['interviews'], 'Usage: winnow interviews search "TEXT"', '--include-anonymous-names'],
      [['interviews', 'search'], 'Usage: winnow interviews search "TEXT"', '--limit N'],
      [['interviews', 'export'], 'Usage: winnow interviews export interviews|quotes', '--include-drafts'],
      [['reasons'], 'Usage: winnow reasons [--all]', '--all'],
      [['import'], 'Usage: winnow import <kind> FILE [options]', '--valid-rows'],
      [['import', 'deals'], 'Usage: winnow import deals FILE [options]', 'Amount'],
      [['import', 'revenue'], 'Usage: winnow import revenue FILE [options]', '--option lines=invoice|mrr'],
      [['import', 'log'], 'Usage: winnow import log [--db FILE] [--json]', '--json'],
      [['import', 'undo'], 'Usage: winnow import undo ID [--force]', '--force'],
      [['export'], 'Usage: winnow export deals|competitors|accounts --out FILE', '--out FILE'],
      [['init'], 'Usage: winnow init [--db FILE]', '--db FILE'],
      [['backup'], 'Usage: winnow backup [--db FILE]', '--db FILE'],
      [['backups'], 'Usage: winnow backups [--db FILE] [--json]', '--json'],
      [['restore'], 'Usage: winnow restore BACKUP [--db FILE]', '--db FILE'],
      [['check'], 'Usage: winnow check [--db FILE]', '--db FILE'],
      [['funnel'], 'Usage: winnow funnel [--mode cohort|period]', '--by FIELD'],
      [['velocity'], 'Usage: winnow velocity', '--stuck-days N'],
      [['report'], 'Usage: winnow report --template NAME', '--list'],
    ];
    for (const [words, usage, option] of cases) {
      const flag = words.length === 1 ? '--help' : '-h';
      const r = await inProcess(...words, flag);
      expect([words, r.code, r.err]).toEqual([words, 0, '']);
      expect(r.out.split('\n')[0]).toContain(usage);
      expect(r.out).toContain(option);
      expect(r.out).toContain('-h, --help');
    }
    // Through the bin: a subcommand's help, then the top level, which lists every command.
    const kindHelp = await winnow('import', 'deals', '--help');
    expect([kindHelp.code, kindHelp.err]).toEqual([0, '']);
    expect(kindHelp.out).toMatch(/^Usage: winnow import deals FILE \[options\]\n/);
    expect(kindHelp.out).toContain('Fields (key for a mapping file');
    expect(kindHelp.out).toContain('  externalId: Deal id (CRM) (required) [id, opportunityid, dealid]. ');
    const top = await inProcess('--help');
    expect(top.code).toBe(0);
    for (const name of ['stats', 'matrix', 'cohorts', 'import <kind>', 'report', '--version'])
      expect(top.out).toContain(`winnow ${name}`);
  });

  it("README's copy of `winnow import --help` is what the command prints", async () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /<!-- import-help:[^>]*-->\n+```text\n([\s\S]*?)```\n/.exec(readme);
    expect(block).not.toBeNull();
    const r = await inProcess('import', '--help');
    expect(r.code).toBe(0);
    expect(block![1]).toBe(r.out);
  });

  it('an unknown option or command is one line, exit 2, echoing the value with the likely meaning', async () => {
    expect(await winnow('matrix', '--rows', 'segment', '--form', '2025-01-01', '--db', deals)).toEqual({
      code: 2,
      out: '',
      err: 'winnow matrix: unknown option --form (did you mean --from?)\n',
    });
    expect(await inProcess('stats', '--colour')).toEqual({
      code: 2,
      out: '',
      err: 'winnow stats: unknown option --colour\n',
    });
    expect(await inProcess('stat')).toEqual({
      code: 2,
      out: '',
      err: 'winnow: unknown command "stat" (did you mean stats?). Run "winnow --help" for the list.\n',
    });
    expect(await inProcess('import', 'deal', 'x.csv')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^winnow import: unknown kind "deal" \(did you mean deals\?\); kinds are deals, /),
    });
    expect(await inProcess('stats', '--db')).toEqual({ code: 2, out: '', err: 'winnow stats: --db needs a value\n' });
  });

  it('errors about a value echo the value: dates, numbers, fields, files', async () => {
    const cases: [string[], string][] = [
      [['matrix', '--db', deals, '--rows', 'segment', '--to', '2025-13-01'], '--to: Not a real date; got "2025-13-01"'],
      [['matrix', '--db', deals, '--rows', 'colour'], 'got "colour"'],
      [['cohorts', '--db', abc, '--by', 'colour'], 'got "colour"'],
      [['demo', '--db', join(dir, 'n.winnow'), '--deals', '12x'], '--deals must be a whole number, got "12x"'],
      [
        ['velocity', '--db', deals, '--stuck-days', '0'],
        '--stuck-days takes a whole number of days from 1 to 9,999; got "0"',
      ],
      [['competitor', 'Acme', '--db', deals, '--from', '2025-02-30'], '--from: Not a real date; got "2025-02-30"'],
      [['import', 'deals', join(dir, 'missing.csv'), '--db', deals], `no file at ${join(dir, 'missing.csv')}`],
    ];
    for (const [args, text] of cases) {
      const r = await inProcess(...args);
      expect([args, r.code, r.out]).toEqual([args, 2, '']);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain(text);
    }
  });

  it('a directory as --db: one line, non-zero exit, nothing created in it', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const line = (command: string) =>
      `winnow ${command}: ${folder} is a directory, not a workspace file (name a file in it, e.g. ${join(folder, 'sales.winnow')})\n`;
    expect(await winnow('stats', '--db', folder)).toEqual({ code: 1, out: '', err: line('stats') });
    for (const args of [['demo'], ['init'], ['import', 'log'], ['cohorts'], ['backup']]) {
      expect([args, await inProcess(...args, '--db', folder)]).toEqual([
        args,
        { code: 1, out: '', err: line(args[0]!) },
      ]);
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('matrix of two fields prints a grid: rows by columns, rate and n in each cell, totals last', async () => {
    const r = await winnow('matrix', '--db', deals, '--rows', 'competitor', '--cols', 'segment');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Win rates by Competitor (involved) and Segment (8 closed deals, all close dates)');
    const head = lines.findIndex((l) => l.startsWith('Competitor (involved)'));
    expect(squash(lines[head])).toEqual([
      'Competitor (involved)',
      'Enterprise',
      'Mid-market',
      'SMB',
      'Not set',
      'Total',
    ]);
    expect(lines[head + 1]).toMatch(/^-+ {2}-+ {2}-+/);
    // Acme: SMB deals 1 won, 2 lost; Mid-market 4 won; not set 8 won: 3 of 4. Bolt: 2 lost and
    // 3 no decision (SMB), 4 won (Mid-market), 6 lost (Enterprise): 1 of 4. No competitor: 5 won,
    // 9 lost (Mid-market). Columns count each deal once: SMB 1 of 3, Mid-market 2 of 3. Below
    // n = 3 the rate is flagged low (*). Cells without closed deals show "·".
    expect(squash(lines[head + 2])).toEqual(['Acme', '·', '100.0%* n=1', '50.0%* n=2', '100.0%* n=1', '75.0% n=4']);
    expect(squash(lines[head + 3])).toEqual(['Bolt', '0.0%* n=1', '100.0%* n=1', '0.0%* n=2', '·', '25.0% n=4']);
    expect(squash(lines[head + 4])).toEqual(['No competitor recorded', '·', '50.0%* n=2', '·', '·', '50.0%* n=2']);
    expect(squash(lines[head + 5])).toEqual([
      'Total',
      '0.0%* n=1',
      '66.7% n=3',
      '33.3% n=3',
      '100.0%* n=1',
      '50.0% n=8',
    ]);
    // The rates of one column line up on their "%".
    const column = lines.slice(head + 2, head + 6).map((l) => l.indexOf('% n=', l.indexOf('Total') < 0 ? 60 : 60));
    expect(new Set(column.filter((i) => i >= 0)).size).toBe(1);
  });

  it('matrix filters and the period are in the title', async () => {
    const r = await inProcess(
      'matrix',
      '--db',
      deals,
      '--rows',
      'region',
      '--cols',
      'segment',
      '--where',
      'competitor=Acme',
      '--from',
      '2025-01-01',
      '--to',
      '2025-06-30',
    );
    expect(r.out.split('\n')[0]).toBe(
      'Win rates by Region and Segment (3 closed deals, closed 2025-01-01 to 2025-06-30; Competitor (involved) = Acme)',
    );
  });

  it('cohorts print a triangle by default: cohorts down, periods across, the average last', async () => {
    const r = await winnow('cohorts', '--db', abc, '--grain', 'quarter');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Cohorts by quarter: Logo retention, 2024-Q1 to 2025-Q2; all customers');
    const head = lines.findIndex((l) => /^Cohort +Size/.test(l));
    expect(squash(lines[head])).toEqual(['Cohort', 'Size', '+0', '+1', '+2', '+3', '+4', '+5']);
    // A, B and C all start in 2024-Q1. B has no revenue in Q3 2024 (2 of 3); C churns in March
    // 2025, so Q2 2025 has A and B (2 of 3), an incomplete quarter (data through 2025-06-20: "~").
    expect(squash(lines[head + 2])).toEqual(['2024-Q1', '3', '100%', '100%', '67%', '100%', '100%', '67% ~']);
    // The average pools complete cells only: the incomplete +5 has none.
    expect(squash(lines[head + 3])).toEqual(['Average', '100%', '100%', '67%', '100%', '100%', '·']);
    expect(lines).toHaveLength(head + 5);

    const nrr = await inProcess(
      'cohorts',
      '--db',
      abc,
      '--grain',
      'quarter',
      '--metric',
      'nrr',
      '--where',
      'segment=SMB,Enterprise',
    );
    const nrrLines = nrr.out.split('\n');
    expect(nrrLines[0]).toBe(
      'Cohorts by quarter: Net revenue retention (NRR), 2024-Q1 to 2025-Q2; Segment = SMB or Enterprise',
    );
    // Revenue of each quarter's last month: March 2024 A 1,000 + B 200 + C 500 = 1,700; June 2,200
    // (A 1,500 with the expansion); September 2,000 (B gone); December 2,300 (B back at 300).
    const row = squash(nrrLines[nrrLines.findIndex((l) => /^Cohort +Size/.test(l)) + 2]);
    expect(row.slice(0, 6)).toEqual(['2024-Q1', '3', '100%', '129%', '118%', '135%']);
  });

  it('stats shows open deals by stage and the average won deal size', async () => {
    const r = await winnow('stats', '--db', deals);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toContain('Open deals by stage:');
    // Deal 7 is the one open deal: stage Proposal, 500.
    expect(squash(lines[lines.indexOf('Open deals by stage:') + 1])).toEqual(['Proposal', '1 deal', '500 USD']);
    // Won new business with an amount: deal 1 (100) and deal 4 (0); deal 8 has none, 5 is a renewal.
    expect(lines).toContain('Won deal     50 USD on average (new business, 2 won deals with an amount)');
  });

  it('competitor prints its period, ratings, quotes and recent deals', async () => {
    const r = await inProcess('competitor', 'Acme', '--db', deals, '--to', '2025-06-30');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Acme: deals closed from the start to 2025-06-30, every deal type');
    expect(lines).toContain('Ratings, us vs them (mean of complete interviews on their deals; n = ratings):');
    expect(lines).toContain('Quotes (latest 0 of 0):');
    const recent = lines.indexOf('Recent deals:');
    expect(squash(lines[recent + 1])).toEqual(['Deal', 'Account', 'Outcome', 'Closed', 'Amount USD']);
    // Acme's deals closed by 2025-06-30, latest first: 4 (won, 0), 2 (lost, 200), 1 (won, 100).
    expect(lines.slice(recent + 3, recent + 6).map(squash)).toEqual([
      ['Deal 4', 'Initech', 'Won', '2025-04-20', '0'],
      ['Deal 2', 'Globex', 'Lost', '2025-02-10', '200'],
      ['Deal 1', 'Globex', 'Won', '2025-01-10', '100'],
    ]);
  });

  it('numbers of a thousand and more carry separators in text; --json keeps plain numbers', async () => {
    const db = join(dir, 'demo.winnow');
    const demo = await inProcess('demo', '--db', db, '--deals', '1200', '--seed', '5');
    expect(demo.out).toMatch(/: 1,200 deals, /);
    const json = JSON.parse(
      (await inProcess('matrix', '--db', db, '--rows', 'deal-type', '--cols', 'segment', '--json')).out,
    );
    const text = (await winnow('matrix', '--db', db, '--rows', 'deal-type', '--cols', 'segment')).out.split('\n');
    expect(json.overall.closed).toBeGreaterThan(1000);
    const total = squash(text.find((l) => l.startsWith('Total')));
    const closed = json.overall.closed as number;
    expect(total.at(-1)).toBe(
      `${((json.overall.won / closed) * 100).toFixed(1)}% n=${Math.floor(closed / 1000)},${String(closed % 1000).padStart(3, '0')}`,
    );
    expect(typeof json.overall.closed).toBe('number');
  });
});
