// winnow matrix and winnow competitor on the literal dataset, and the matrix channels' argument
// checks through the real dispatch.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { insertDataset } from './dataset.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

describe('winnow matrix and winnow competitor', () => {
  let db: string;
  let cleanup: () => void;
  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    db = join(t.dir, 'w.winnow');
    const ws = await openWorkspace(db, { mode: 'create' });
    insertDataset(ws.sqlite);
    ws.sqlite.exec("INSERT INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (1, 'ACME Corp.', 'acme')");
    ws.close();
  });
  afterAll(() => cleanup());

  const run = async (...args: string[]) => {
    const io = captureIO();
    const code = await main(args, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  it('prints a grid of rate and n per cell, and a list with won, closed, rate and interval for one field', async () => {
    const r = await run('matrix', '--db', db, '--rows', 'competitor', '--cols', 'segment');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Win rates by Competitor (involved) and Segment (8 closed deals, all close dates)');
    const squash = (line: string | undefined) => (line ?? '').trim().split(/\s{2,}/);
    const head = lines.findIndex((l) => l.startsWith('Competitor (involved)'));
    // Acme x SMB: 1 of 2 (rate hidden below n = 5: "–"); overall 4 of 8, low confidence (*).
    expect(squash(lines[head + 2])).toEqual(['Acme', '·', '– n=1', '– n=2', '– n=1', '– n=4']);
    expect(squash(lines[head + 5])).toEqual(['Total', '– n=1', '– n=3', '– n=3', '– n=1', '50.0%* n=8']);
    expect(r.out).toContain('closed = won + lost + no decision');
    const list = (await run('matrix', '--db', db, '--rows', 'competitor')).out.split('\n');
    expect(squash(list.find((l) => l.startsWith('Acme')))).toEqual(['Acme', '3', '4', 'n too small']);
    expect(list.find((l) => l.startsWith('Total'))).toMatch(/4\s+8\s+50\.0%\*\s+21\.5%–78\.5%$/);
  });

  it('filters with --where (names or aliases, repeated for "or") and a close period, as JSON', async () => {
    const r = await run(
      'matrix',
      '--db',
      db,
      '--rows',
      'segment',
      '--where',
      'competitor=ACME Corp.',
      '--where',
      'region=emea',
      '--from',
      '2025-01-01',
      '--to',
      '2025-06-30',
      '--json',
    );
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out);
    // Acme's deals in EMEA closed in the first half: 1 (won) and 2 (lost).
    expect(m.overall).toMatchObject({ won: 1, closed: 2 });
    expect(m.query.filters).toEqual([
      { dim: 'competitor', values: ['1'] },
      { dim: 'region', values: ['EMEA'] },
    ]);
    const amount = JSON.parse(
      (await run('matrix', '--db', db, '--rows', 'deal-type', '--measure', 'amount', '--json')).out,
    );
    expect(amount.overall).toMatchObject({ wonAmount: 400, closedAmount: 2050 });
  });

  it('explains usage mistakes in one line with exit 2', async () => {
    expect(await run('matrix', '--db', db)).toMatchObject({
      code: 2,
      err: 'winnow matrix: --rows is required (for example --rows competitor --cols segment)',
    });
    expect((await run('matrix', '--db', db, '--rows', 'colour')).err).toMatch(
      /^winnow matrix: --rows must be one of competitor, /,
    );
    expect(await run('matrix', '--db', db, '--rows', 'segment', '--from', '2025-02-30')).toMatchObject({
      code: 2,
      err: 'winnow matrix: --from: Not a real date; got "2025-02-30"',
    });
    expect(await run('matrix', '--db', db, '--rows', 'segment', '--where', 'region=Mars')).toMatchObject({
      code: 2,
      err: 'winnow matrix: no Region called "Mars" among closed deals (for example: EMEA, NA)',
    });
    expect((await run('matrix', '--db', db, '--rows', 'segment', '--cols', 'segment')).code).toBe(1);
  });

  it('prints a competitor profile, found by alias, as JSON', async () => {
    const r = await run('competitor', 'acme corp', '--db', db, '--json');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.name).toBe('Acme');
    expect(p.involved).toMatchObject({ hits: 3, n: 4 });
    const text = await run('competitor', 'Bolt', '--db', db);
    expect(text.out).toContain('Win rate          involved: 1 of 4 (n too small to show a rate)');
    expect(await run('competitor', 'Nobody', '--db', db)).toMatchObject({
      code: 1,
      err: 'winnow competitor: No competitor called "Nobody" (by name or alias) in this workspace.',
    });
  });
});

describe('matrix channels refuse bad arguments before any SQL runs', () => {
  const session = {
    require: () => {
      throw new Error('must not be reached');
    },
  } as unknown as Session;
  it.each([
    ['a dimension not in the allowlist', { rows: 'deals.name; DROP TABLE deals', cols: 'segment' }],
    ['an unknown field', { rows: 'segment', cols: 'none', sql: 'x' }],
    [
      'a period that ends before it starts',
      { rows: 'segment', cols: 'none', period: { from: '2025-05-01', to: '2025-01-01' } },
    ],
    ['a filter without values', { rows: 'segment', cols: 'none', filters: [{ dim: 'region', values: [] }] }],
  ])('%s', async (_, arg) => {
    const r = await dispatch(handlers, 'matrix:compute', arg, session);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
  it.each([
    ['an HTML page as a PNG', { kind: 'png', defaultName: 'x.png', content: 'data:text/html;base64,PGI+' }],
    ['bytes that are not a PNG', { kind: 'png', defaultName: 'x.png', content: 'data:image/png;base64,PGI+' }],
    ['a script as an SVG', { kind: 'svg', defaultName: 'x.svg', content: '<script>alert(1)</script>' }],
    ['a name that does not match the kind', { kind: 'csv', defaultName: 'x.png', content: 'a,b' }],
    ['a path as the name', { kind: 'csv', defaultName: '../x.csv', content: 'a,b' }],
  ])('refuses to save %s', async (_, arg) => {
    const r = await dispatch(handlers, 'export:saveFigure', arg, session);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
