// winnow criteria on the hand-made workspace of test/integration/funnel/criteria.test.ts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { insertCriteriaFixture } from '../../support/criteria-fixture.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

describe('winnow criteria', () => {
  let db: string;
  let cleanup: () => void;
  beforeAll(async () => {
    const t = await tempWorkspace();
    insertCriteriaFixture(t.ws.sqlite);
    t.ws.close();
    db = join(t.dir, 'test.winnow');
    cleanup = () => t.cleanup();
  });
  afterAll(() => cleanup());

  it('prints the ranked criteria with lifts, corrected intervals, q and revenue per MQL', async () => {
    const io = captureIO();
    expect(await main(['criteria', '--db', db], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('9 mature MQLs (cohorts to 2025-03-31, data until 2025-09-01)');
    expect(text).toContain(
      '0 of 3 criteria predict conversion (BH q ≤ 0.05); corrected intervals at 98.3% (z = 2.39).',
    );
    expect(text).toContain('   1. Has budget');
    expect(text).toContain('lift +75.0 pts  95% CI +8.5 to +95.4  corrected CI −3.0 to +96.6  p 0.028  q 0.085');
    expect(text).toContain('revenue per MQL  met 15,000 USD   not met 0 USD');
    expect(text).toContain('! Too few MQLs to trust this lift (met 4, not met 4; fewer than 10).');
    expect(text).toContain('  2  2/4\n  3  1/1');
    expect(text).toContain('! No answers recorded: import leads with this criterion to test it.');
    // Static fit comes first, apart from the dynamic criteria.
    expect(text.indexOf('Static fit')).toBeLessThan(text.indexOf('Company size and revenue'));
    expect(text.indexOf('Dynamic criteria')).toBeLessThan(text.indexOf('Has budget'));
  });

  it('prints JSON and narrows by MQL date', async () => {
    const io = captureIO();
    expect(await main(['criteria', '--db', db, '--from', '2025-01-15', '--to', '2025-02-28', '--json'], io)).toBe(0);
    const r = JSON.parse(io.stdout.join('\n'));
    expect(r.mqls).toBe(5);
    const budget = r.criteria.find((c: { key: string }) => c.key === 'budget');
    expect([budget.met.mqls, budget.met.won, budget.notMet.mqls]).toEqual([1, 1, 4]);
  });

  it('explains itself with --help and refuses a bad date', async () => {
    const help = captureIO();
    expect(await main(['criteria', '--help'], help)).toBe(0);
    expect(help.stdout[0]).toMatch(/^winnow criteria \[--from D --to D\]/);
    const bad = captureIO();
    expect(await main(['criteria', '--db', db, '--from', '31.03.2025'], bad)).toBe(2);
    expect(bad.stderr).toEqual(['winnow criteria: --from takes a date like 2025-03-31; got "31.03.2025"']);
  });
});
