// winnow plan on the planner's hand-made history (test/support/planner-fixture.ts): readable text
// with thousands separators, --json, --help and the exit codes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { insertPlannerHistory } from '../../support/planner-fixture.ts';
import { tempDir } from '../../support/temp-workspace.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

describe('winnow plan', () => {
  let cleanup: () => void;
  let db: string;
  let empty: string;
  const run = async (args: string[], file = db) => {
    const io = captureIO();
    const code = await main(['plan', '--db', file, ...args], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    db = join(dir, 'w.winnow');
    empty = join(dir, 'empty.winnow');
    expect(await main(['init', '--db', db], captureIO())).toBe(0);
    expect(await main(['init', '--db', empty], captureIO())).toBe(0);
    const ws = await openWorkspace(db, { mode: 'open' });
    insertPlannerHistory(ws.sqlite);
    ws.close();
  });
  afterAll(() => cleanup());

  it('prints the plan from history with its formulas and thousands separators', async () => {
    const r = await run(['--target', '750,000']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Needed-MQL plan for 2025-Q3 (2025-07-01 to 2025-09-30), data until 2025-06-30');
    expect(r.out).toMatch(/Target \(new-name revenue\)\s+750,000/);
    expect(r.out).toMatch(/Average won deal size\s+37,500 {2}\[6,429 – 218,726\] n=4/);
    expect(r.out).toMatch(/MQL-to-won conversion\s+30\.0% {2}\[10\.8% – 60\.3%\] 3 won of 10 MQLs/);
    expect(r.out).toMatch(/Needed MQLs\s+67 {2}\(range 6 – 1,083\)/);
    expect(r.out).toContain('(750,000 / 37,500) / 30.0% = 67, rounded up');
    expect(r.out).toContain(
      '2025-Q3 (2025-07-01 to 2025-09-30) − median MQL-to-won 50 days = 2025-05-12 to 2025-08-11',
    );
    expect(r.out).toContain('needed − run-rate = 67 − 4 = 63 MQLs short');
  });

  it('takes overrides: with both fixed the odds are the binomial tail’s', async () => {
    const r = await run(['--target', '50k', '--deal-size', '10000', '--rate', '10%', '--period', '2026', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.plan.needed).toBe(50); // 5 deals / 10%
    expect(j.plan.range).toEqual({ low: 50, high: 50 });
    // Exact: smallest M with P(Bin(M, 0.1) ≥ 5) ≥ 50%, 80%, 90% is 47, 66, 78; 10,000 draws land within one.
    const odds = j.plan.odds.map((o: { mqls: number }) => o.mqls);
    [47, 66, 78].forEach((exact, i) => expect(Math.abs(odds[i] - exact)).toBeLessThanOrEqual(1));
    expect(j.history.period).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31', months: 12 });
    // Same inputs, same answer.
    const again = JSON.parse(
      (await run(['--target', '50000', '--deal-size', '10,000', '--rate', '0.1', '--period', '2026', '--json'])).out,
    );
    expect(again.plan.odds).toEqual(j.plan.odds);
  });

  it('warns when the market is smaller than the plan', async () => {
    const r = await run(['--target', '750000', '--market', '50']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The plan needs 67 MQLs but the market holds 50 accounts');
    expect(r.out).toContain('Warning: the plan needs more MQLs than the market holds.');
  });

  it('shows --help, and exits 2 on usage mistakes and 1 when history cannot fill an input', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--deal-size X');
    expect(help.out).toContain('Exit codes');
    expect((await run([])).err).toContain('--target is required');
    expect((await run([])).code).toBe(2);
    const bad = await run(['--target', 'lots']);
    expect([bad.code, bad.err]).toEqual([
      2,
      'winnow plan: --target takes an amount above 0 such as 750000, 750,000 or 750k; got "lots"',
    ]);
    expect((await run(['--target', '1000', '--rate', '150%'])).code).toBe(2);
    expect((await run(['--target', '1000', '--period', 'soon'])).code).toBe(2);
    const none = await run(['--target', '1000'], empty);
    expect(none.code).toBe(1);
    expect(none.err).toContain('give --rate');
    expect(none.err).toContain('give --deal-size');
  });
});
