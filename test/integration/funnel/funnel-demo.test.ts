// The demo plants what the Funnel area should find (docs/DEMO.md): the MQL trap (MQL volume rises
// over the last four mature quarters while MQL-to-won conversion falls, flagged where the fall is
// significant) and MQLs that stall (no SQL, never disqualified).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { dataAsOf, maturityDays, trapReport } from '#core/funnel/funnel-queries.ts';
import { velocityReport } from '#core/funnel/velocity-queries.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('funnel findings planted in the demo', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    loadDemo(ws.sqlite, { seed: 42 });
  });
  afterAll(() => cleanup());

  it('shows the MQL trap: volume up, conversion down over the last four mature quarters, flagged', () => {
    const t = trapReport(ws.sqlite, DEFAULT_SETTINGS, { asOf: dataAsOf(ws.sqlite), days: maturityDays(ws.sqlite) });
    const mature = t.quarters.filter((q) => q.mature);
    const last4 = mature.slice(-4);
    const before4 = mature.slice(-8, -4);
    const sum = (qs: typeof mature, f: (q: (typeof mature)[number]) => number) => qs.reduce((a, q) => a + f(q), 0);
    // Volume rises quarter by quarter.
    for (let i = 1; i < last4.length; i++) expect(last4[i]!.mqls).toBeGreaterThan(last4[i - 1]!.mqls);
    expect(sum(last4, (q) => q.mqls)).toBeGreaterThan(2 * sum(before4, (q) => q.mqls));
    // Pooled conversion falls by more than half.
    const rate = (qs: typeof mature) => sum(qs, (q) => q.conversion!.hits) / sum(qs, (q) => q.conversion!.n);
    expect(rate(last4)).toBeLessThan(rate(before4) / 2);
    // The screen flags at least one quarter there: volume up, Newcombe interval of the fall below 0.
    const flagged = t.quarters.filter((q) => q.flagged);
    expect(flagged.length).toBeGreaterThan(0);
    for (const q of flagged) expect(q.change!.high).toBeLessThan(0);
  });

  it('lists stalled MQLs past the default N (P75 of MQL → SQL days)', () => {
    const v = velocityReport(ws.sqlite, { from: null, to: null, stuckDays: null }, dataAsOf(ws.sqlite));
    expect(v.stuckDaysDefault).toBeGreaterThan(0);
    expect(v.stuckMqls.total).toBeGreaterThan(100);
    const stalled = ws.sqlite
      .prepare("SELECT COUNT(*) FROM leads WHERE status = 'Working' AND disqualified = 0 AND sql_date IS NULL")
      .pluck()
      .get() as number;
    expect(v.stuckMqls.total).toBeLessThanOrEqual(stalled + 500);
    expect(v.stuckMqls.items.every((m) => m.days > v.stuckDays)).toBe(true);
  });
});
