// Home's velocity figure asks funnel:velocity for its steps only: the same MQL → won days as the full
// report, without reading stage history or listing stuck items. On the criteria fixture (data until
// 2025-09-01) the MQL → won days are L1 60, L2 90, D9 60: median 60, quartiles 60 and 75.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { dataAsOf } from '#core/funnel/funnel-queries.ts';
import { velocityReport } from '#core/funnel/velocity-queries.ts';
import { insertCriteriaFixture } from '../../support/criteria-fixture.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('velocity, steps only', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertCriteriaFixture(ws.sqlite);
  });
  afterAll(() => cleanup());

  it('gives the same steps as the full report and skips stays and stuck items', () => {
    const q = { from: null, to: null, stuckDays: null };
    const asOf = dataAsOf(ws.sqlite);
    const full = velocityReport(ws.sqlite, q, asOf);
    const steps = velocityReport(ws.sqlite, { ...q, stepsOnly: true }, asOf);
    expect(steps.steps).toEqual(full.steps);
    expect(steps.steps.find((s) => s.key === 'mql_won')!.current).toEqual({ n: 3, median: 60, q1: 60, q3: 75 });
    expect(full.stuckMqls.total).toBeGreaterThan(0);
    expect([steps.dealStages, steps.stuckMqls.total, steps.stuckDeals.total]).toEqual([[], 0, 0]);
  });
});
