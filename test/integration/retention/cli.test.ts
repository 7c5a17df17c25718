// winnow cohorts on the hand-worked customers of abc-customers.ts: each cell's numerator,
// denominator and value, in text and JSON, split and filtered, and the usage errors.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { updateSettings } from '#core/settings/settings-store.ts';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { seedAbc } from './abc-customers.ts';

const BIN = fileURLToPath(new URL('../../../electron/cli/winnow.js', import.meta.url));

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(...t.split('\n')), err: (t) => stderr.push(t), interactive: false };
}

const squash = (line: string | undefined) => (line ?? '').trim().split(/\s{2,}/);

describe('winnow cohorts', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let db: string;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    seedAbc(ws);
    db = ws.path;
  });
  afterEach(() => cleanup());

  const run = async (...args: string[]) => {
    const io = captureIO();
    const code = await main(['cohorts', '--db', db, ...args], io);
    return { code, ...io };
  };

  it('prints every cell of the monthly logo matrix with numerator and denominator; small n hides the rate', async () => {
    const r = await run('--grain', 'month', '--metric', 'logo', '--cells');
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toBe('Cohorts by month: Logo retention, 2024-01 to 2025-06; all customers');
    expect(r.stdout[2]).toBe(
      'Data through 2025-06-20; 2025-06 and later are incomplete. 3 customers (3 from won deals, 0 from MRR lines, 0 from invoices).',
    );
    expect(r.stdout).toContain(
      'Logo retention(c, k) = customers of cohort c with revenue in period c+k ÷ customers in cohort c.',
    );
    const jul = r.stdout.find((l) => l.startsWith('2024-01') && / 6 {2}2024-07/.test(l));
    expect(squash(jul)).toEqual(['2024-01', '2', '6', '2024-07', '1', '2', 'n too small']);
    const last = r.stdout.find((l) => l.startsWith('2024-03') && l.includes('2025-06'));
    expect(squash(last)).toEqual(['2024-03', '1', '15', '2025-06', '0', '1', 'n too small', 'incomplete']);
    // 18 cells for January, 16 for March, 18 average rows, plus the header line.
    const cells = r.stdout.filter((l) => /^(2024-0[13]|average) /.test(l));
    expect(cells).toHaveLength(18 + 16 + 18);
  });

  it('with the thresholds lowered, prints NRR per quarter as amounts and percentages', async () => {
    updateSettings(ws.sqlite, { hideRateBelowN: 0, lowConfidenceBelowN: 1 });
    const r = await run('--grain', 'quarter', '--metric', 'nrr', '--cells');
    expect(r.code).toBe(0);
    const q2 = r.stdout.find((l) => l.startsWith('2024-Q1') && l.includes(' 1  2024-Q2'));
    expect(squash(q2)).toEqual(['2024-Q1', '3', '1', '2024-Q2', '2,200.00', '1,700.00', '129.4%']);
    const q3 = r.stdout.find((l) => l.startsWith('2024-Q1') && l.includes(' 2  2024-Q3'));
    expect(squash(q3)).toEqual(['2024-Q1', '3', '2', '2024-Q3', '2,000.00', '1,700.00', '117.6%']);
    const logo = await run('--grain', 'quarter', '--metric', 'logo', '--cells');
    const l3 = logo.stdout.find((l) => l.startsWith('2024-Q1') && l.includes(' 2  2024-Q3'));
    expect(squash(l3)).toEqual(['2024-Q1', '3', '2', '2024-Q3', '2', '3', '66.7%', '20.8%–93.9%']);
  });

  it('--json carries numerator, denominator, value and interval per cell, split --by a field', async () => {
    const r = await run('--grain', 'month', '--metric', 'grr', '--by', 'segment', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout.join('\n'));
    expect(json).toMatchObject({ grain: 'month', metric: 'grr', by: 'segment', asOf: '2025-06-20', customers: 3 });
    expect(json.definitions.grr).toMatch(/capped at its first-period revenue/);
    expect(json.groups.map((g: { label: string; customers: number }) => [g.label, g.customers])).toEqual([
      ['SMB', 2],
      ['Enterprise', 1],
    ]);
    const smb = json.groups[0];
    const cell = smb.cells.find((c: { cohort: string; k: number }) => c.cohort === '2024-01' && c.k === 6);
    expect(cell).toMatchObject({
      period: '2024-07',
      numerator: 1000,
      denominator: 1200,
      confidence: 'hidden',
      counts: false,
    });
    expect(cell.value).toBeCloseTo(1000 / 1200, 12);
  });

  it('--where filters by names, several values after one "="', async () => {
    const r = await run('--where', 'segment=enterprise', '--json');
    const json = JSON.parse(r.stdout.join('\n'));
    expect(json.groups[0].customers).toBe(1);
    expect(json.filters).toEqual([{ field: 'segment', values: ['Enterprise'] }]);
    const both = await run('--where', 'segment=SMB,Enterprise', '--json');
    expect(JSON.parse(both.stdout.join('\n')).groups[0].customers).toBe(3);
  });

  it('says what is wrong in one line, exit 2 for usage mistakes', async () => {
    const grain = await run('--grain', 'week');
    expect([grain.code, grain.stderr]).toEqual([
      2,
      ['winnow cohorts: --grain must be month, quarter, year; got "week"'],
    ]);
    const by = await run('--by', 'colour');
    expect(by.code).toBe(2);
    expect(by.stderr[0]).toMatch(
      /--by must be one of segment, sector, region, product, competitor, reason, lead-source/,
    );
    const where = await run('--where', 'segment=Galactic');
    expect(where.code).toBe(2);
    expect(where.stderr[0]).toBe(
      'winnow cohorts: --where segment: no customer has "Galactic"; known values: SMB, Enterprise',
    );
    const twice = await run('--where', 'segment=SMB', '--where', 'segment=Enterprise');
    expect(twice.stderr[0]).toMatch(/give each field once/);
  });

  it('runs through the real bin under plain Node', () => {
    ws.close();
    const r = spawnSync(process.execPath, [BIN, 'cohorts', '--db', db, '--grain', 'year', '--json'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.groups[0].cells.map((c: { period: string; numerator: number }) => [c.period, c.numerator])).toEqual([
      ['2024', 3],
      ['2025', 3],
    ]);
  });
});
