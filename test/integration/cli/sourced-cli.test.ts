// winnow sourced, in process, on the hand-computed file of test/integration/funnel/sourced.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcedReport } from '#shared/domain/sourced.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { main } from '../../../electron/cli/main.ts';
import { importSourcedFixture } from '../../support/sourced-fixture.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

let db: string;
let cleanup: () => void;

beforeAll(async () => {
  const t = await tempWorkspace();
  cleanup = t.cleanup;
  db = t.ws.path;
  importSourcedFixture(t.ws.sqlite);
});
afterAll(() => cleanup());

describe('winnow sourced', () => {
  it('prints the split with thousands separators and the campaigns under the chosen model', async () => {
    const io = captureIO();
    expect(await main(['sourced', '--db', db, '--model', 'w'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/ {2}Marketing +4 deals +29,999\.99 +36\.6% of amount {2}deals 40\.0% \[16\.8%–68\.7%\] n=10/);
    expect(text).toContain('influenced by marketing: 23,000.01 (74.2% of amount), deals 2/3');
    expect(text).toMatch(/ {2}All +10 deals +82,000\.00 +100\.0% of amount/);
    expect(text).toContain('influenced by marketing: 63,000.00 (76.8% of amount), deals 70.0% [39.7%–89.2%] n=10');
    expect(text).toContain('Won revenue attributed to campaigns, W-shaped (30/30/30/10)');
    expect(text).toContain(
      '4 of 6 won deals touched on or before close: 43,000.00 of 55,000.00; unattributed 2 deals, 12,000.00',
    );
    expect(text).toContain('3 touches, opportunity T1: 60% / 10% / 30%');
    expect(text).toMatch(/Spring webinar +Webinar +24,300\.01 +56\.5% {2}4 won deals/);
    expect(text).toMatch(/Summer webinar +Webinar +6,900\.00 +16\.0% {2}3 won deals/);
  });

  it('answers --json with the report, limited to the period', async () => {
    const io = captureIO();
    expect(
      await main(['sourced', '--db', db, '--model', 'u', '--from', '2025-03-01', '--to', '2025-04-30', '--json'], io),
    ).toBe(0);
    const r = JSON.parse(io.stdout.join('')) as SourcedReport;
    expect(r.attribution.model).toBe('u');
    expect(r.pipeline.lines.at(-1)!.total.n).toBe(3);
    expect(r.won.lines.at(-1)!.total.amount).toBeCloseTo(39_999.99, 6);
    // S1, S2, S9 under U: Spring 400000 + 1000000 + 400000 + 66666 cents.
    expect(r.attribution.campaigns.find((c) => c.campaign === 'Spring webinar')!.amount).toBeCloseTo(18_666.66, 6);
  });

  it('explains itself and refuses an unknown model or a bad date', async () => {
    const help = captureIO();
    expect(await main(['sourced', '--help'], help)).toBe(0);
    expect(help.stdout.join('\n')).toContain('u (40/40/20), w (30/30/30/10)');
    const bad = captureIO();
    expect(await main(['sourced', '--db', db, '--model', 'z'], bad)).toBe(2);
    expect(bad.stderr.join('')).toBe('winnow sourced: --model must be first, last, linear, u, w; got "z"');
    const date = captureIO();
    expect(await main(['sourced', '--db', db, '--from', '2025-02-30'], date)).toBe(2);
    expect(date.stderr.join('')).toContain('--from takes a date like 2025-03-31; got "2025-02-30"');
  });
});
