// The funnel on a small hand-computed file (test/fixtures/funnel/): real migrations, real importer.
// Leads (cohort from lead, all history), by hand:
//   L1 → D1 won · L2 → D2 lost (SQL skipped) · L3 → D3 open · L4 SQL, open · L5 MQL, disqualified
//   L6 lead, open · L7 → D4 won (SQL before MQL, deal created before the lead: dates disagree)
//   L8, L9 → D5 won: L9 has the earlier MQL date, so D5 counts under L9 and L8 stops at SQL (merged)
//   L10 opportunity date without a deal (SQL skipped), open · L11 SQL, open · L12 Unqualified (out at lead)
//   D6: a deal no lead converted into (no decision): enters at opportunity, never in a lead cohort.
//   Lead 12, MQL 10, SQL 9, opportunity 6, won 3, lost 1; open: lead 1, SQL 2, opportunity 2;
//   out: lead 1 (L12), MQL 1 (L5), SQL 1 (L8).
// Period 2025-02-01..2025-03-31, each stage by its own (or next) date:
//   lead 4 (L7 L8 L9 L10), MQL 5 (L5 L7 L8 L9 L10), SQL 6 (L2 L3 L8 L9 L10 D6), opportunity 5 (D1 D2 D3 L10 D6), won 0.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { dataAsOf, funnelItems, funnelReport, maturityDays, trapReport } from '#core/funnel/funnel-queries.ts';
import type { FunnelQuery } from '#core/funnel/funnel-queries.ts';
import { velocityReport } from '#core/funnel/velocity-queries.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { importFiles } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

const file = (name: string) => fileURLToPath(new URL(`../../fixtures/funnel/${name}`, import.meta.url));

describe('funnel on a hand-computed file', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let leadBatch = 0;
  const maturity = () => ({ asOf: dataAsOf(ws.sqlite), days: maturityDays(ws.sqlite) });
  const report = (q: Partial<FunnelQuery>) =>
    funnelReport(
      ws.sqlite,
      { mode: 'cohort', start: 'lead', from: null, to: null, by: null, ...q },
      DEFAULT_SETTINGS,
      maturity(),
    );
  const counts = (q: Partial<FunnelQuery>) => report(q).total.steps.map((s) => s.count);

  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    expect(importFiles(ws.sqlite, [{ kind: 'deals', file: file('deals.csv') }]).committed).toBe(true);
    expect(importFiles(ws.sqlite, [{ kind: 'stage_history', file: file('stage-history.csv') }]).committed).toBe(true);
    const r = importFiles(ws.sqlite, [
      { kind: 'leads', file: file('leads.csv') },
      { kind: 'touches', file: file('touches.csv') },
    ]);
    expect(r.committed).toBe(true);
    leadBatch = r.batchId!;
  });
  afterAll(() => cleanup());

  it('imports leads with their criteria (yes / no / unknown) and touches', () => {
    const q = ws.sqlite
      .prepare(
        `SELECT l.external_id AS lead, c.key, q.met FROM lead_qualifications q JOIN leads l ON l.id = q.lead_id
         JOIN qualification_criteria c ON c.id = q.criterion_id WHERE l.external_id IN ('L2', 'L9') ORDER BY 1, 2`,
      )
      .all();
    expect(q).toEqual([
      { lead: 'L2', key: 'budget', met: 0 },
      { lead: 'L9', key: 'budget', met: 1 },
    ]);
    expect(ws.sqlite.prepare('SELECT disqualified FROM leads ORDER BY id').pluck().all()).toEqual([
      0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1,
    ]);
    expect(ws.sqlite.prepare('SELECT COUNT(*) FROM lead_touches').pluck().get()).toBe(4);
    expect(ws.sqlite.prepare('SELECT COUNT(*) FROM deal_touches').pluck().get()).toBe(1);
  });

  it('counts a cohort: skipped stages passed, one deal under its earliest lead, open shown as open', () => {
    const r = report({});
    expect(r.total.steps.map((s) => [s.stage, s.count, s.open, s.out])).toEqual([
      ['lead', 12, 1, 1],
      ['mql', 10, 0, 1],
      ['sql', 9, 2, 1],
      ['opportunity', 6, 2, 0],
      ['won', 3, 0, 0],
    ]);
    expect([r.total.lost, r.total.noDecision]).toEqual([1, 0]);
    const won = r.total.steps[4]!;
    expect(won.step).toMatchObject({ hits: 3, n: 6, rate: 0.5, confidence: 'low' });
    expect(won.cumulative).toMatchObject({ hits: 3, n: 12, rate: 0.25, confidence: 'ok' });
    expect(won.cumulative!.low).toBeCloseTo(0.0889, 3);
    expect(won.cumulative!.high).toBeCloseTo(0.5323, 3);
    // P90 of MQL-to-won days (90, 116, 151) = 144; the data ends 2025-07-15, so all history is immature.
    expect(r.maturityDays).toBe(144);
    expect(r.asOf).toBe('2025-07-15');
    expect(r.mature).toBe(false);
  });

  it('counts the same file by period: each stage by its own date, ratios without intervals', () => {
    const r = report({ mode: 'period', from: '2025-02-01', to: '2025-03-31' });
    expect(r.total.steps.map((s) => s.count)).toEqual([4, 5, 6, 5, 0]);
    expect(r.total.steps[2]!.step).toMatchObject({ hits: 6, n: 5, rate: 1.2, low: null, high: null });
    expect(counts({ start: 'mql', from: '2025-01-01', to: '2025-01-31' })).toEqual([4, 4, 3, 1]);
  });

  it('breaks down by the first touch’s channel and drills to the items behind a count', () => {
    const r = report({ by: 'channel' });
    expect(r.groups.map((g) => [g.label, g.steps[0]!.count, g.steps[4]!.count])).toEqual([
      ['Not set', 9, 1],
      ['Event', 1, 1],
      ['Paid search', 1, 1],
      ['Webinar', 1, 0],
    ]);
    const base = {
      mode: 'cohort',
      start: 'lead',
      from: null,
      to: null,
      by: null,
      group: null,
      offset: 0,
      limit: 100,
    } as const;
    const out = funnelItems(ws.sqlite, { ...base, stage: 'sql', kind: 'out' });
    expect(out.items.map((i) => [i.leadExternalId, i.status])).toEqual([['L8', 'merged']]);
    const open = funnelItems(ws.sqlite, { ...base, stage: 'opportunity', kind: 'open' });
    expect(open.items.map((i) => i.leadExternalId)).toEqual(['L3', 'L10']);
    const won = funnelItems(ws.sqlite, { ...base, stage: 'won', kind: 'reached' });
    expect(won.total).toBe(3);
    expect(won.items.map((i) => [i.leadExternalId, i.dealExternalId])).toEqual([
      ['L1', 'D1'],
      ['L7', 'D4'],
      ['L9', 'D5'],
    ]);
    const paid = funnelItems(ws.sqlite, {
      ...base,
      by: 'channel',
      group: 'Paid search',
      stage: 'lead',
      kind: 'reached',
    });
    expect(paid.items.map((i) => i.leadExternalId)).toEqual(['L1']);
  });

  it('measures velocity: medians and quartiles, dates out of order, days in stages from unordered history', () => {
    const v = velocityReport(ws.sqlite, { from: null, to: null, stuckDays: null }, dataAsOf(ws.sqlite));
    const step = (k: string) => [...v.steps, ...v.byOutcome, ...v.dealStages].find((s) => s.key === k)!;
    // MQL → SQL: 10, 17, 5, 5, 4, 5 (L7 runs backwards: left out, counted).
    expect(step('mql_sql').current).toEqual({ n: 6, median: 5, q1: 5, q3: 8.75 });
    expect(step('mql_sql').outOfOrder).toBe(1);
    expect(step('mql_won').current).toEqual({ n: 3, median: 116, q1: 103, q3: 133.5 });
    expect(step('created_lost').current).toEqual({ n: 1, median: 135, q1: 135, q3: 135 });
    // Qualification: D1 19, D2 28, D3 14, D4 31 days; Proposal (left): D1 40, D2 61, D4 116.
    expect(step('Qualification').current).toEqual({ n: 4, median: 23.5, q1: 17.75, q3: 28.75 });
    expect(step('Proposal').current).toEqual({ n: 3, median: 61, q1: 50.5, q3: 88.5 });
    // D3 has sat in Proposal 122 days, past its P90 (105).
    expect(v.stuckDeals.items.map((d) => [d.externalId, d.stage, d.days, d.p90])).toEqual([
      ['D3', 'Proposal', 122, 105],
    ]);
    // Stuck MQLs: default N = ceil(P75 of MQL → SQL days) = 9; none (L5 disqualified, L10 has an opportunity).
    expect(v.stuckDaysDefault).toBe(9);
    expect(v.stuckMqls.total).toBe(0);
    expect(v.histogram.map((b) => b.count)).toEqual([0, 0, 0, 2, 0, 1]);
  });

  it('has no mature quarter to judge yet, and undo removes the leads and touches', () => {
    const t = trapReport(ws.sqlite, DEFAULT_SETTINGS, maturity());
    expect(t.quarters.map((q) => [q.quarter, q.mqls, q.mature])).toEqual([
      ['2025-Q1', 9, false],
      ['2025-Q2', 1, false],
      ['2025-Q3', 0, false],
    ]);
    undoImport(ws.sqlite, leadBatch, { force: false });
    expect(
      ws.sqlite
        .prepare(
          'SELECT (SELECT COUNT(*) FROM leads) + (SELECT COUNT(*) FROM lead_touches) + (SELECT COUNT(*) FROM deal_touches) + (SELECT COUNT(*) FROM campaigns)',
        )
        .pluck()
        .get(),
    ).toBe(0);
  });
});
