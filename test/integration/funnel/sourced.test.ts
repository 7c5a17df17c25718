// Sourced vs influenced and attribution on a hand-computed file (test/fixtures/sourced/), through
// the real importer and migrations. By hand:
//   deal  type        sourced by              amount    created  outcome  close  influenced
//   S1    new         marketing               10,000    01-10    won      03-01  yes
//   S2    new         sales                   20,000    02-01    won      04-01  yes (lead L2's touches)
//   S3    expansion   sales                    3,000.01 03-01    won      05-01  yes
//   S4    renewal     sales                    8,000    03-15    won      06-01  no (no touch)
//   S5    new         partner                 12,000    04-01    lost     06-15  yes
//   S6    new         marketing                6,000    05-01    open            yes
//   S7    new         marketing (lead L7)      4,000    05-10    won      07-01  no (its touch 07-05 is after close)
//   S8    new         not recorded             2,000    06-01    lost     07-01  yes
//   S9    new         marketing                9,999.99 02-15    won      03-20  yes
//   S10   new         partner (lead source)    7,000    06-10    open            no
// Campaigns: 1 Spring webinar (Webinar), 2 Search Q1 (Paid search), 3 Summer webinar (Webinar).
// Counted touches of won deals, in order (ties by campaign id), and the opportunity touch (last on
// or before created):
//   S1 1 01-05, 2 02-01, 3 02-20 (3 on 03-15 is after close): k 3, opportunity T1
//   S2 1 01-20, 2 03-01 (lead touches): k 2, opportunity T1
//   S3 1 04-01, 2 04-01, 3 04-15: k 3, none before created so T1
//   S9 1 01-01 (deal and lead: once), 2 01-15, 3 02-10, 1 03-01, 2 03-20 (on close: counts): k 5, opportunity T3
// Credits in cents (leftover cents to the largest remainders, earlier touch on ties):
//   linear  S1 333334/333333/333333  S2 1e6/1e6  S3 100001/100000/100000  S9 200000×4, 199999
//   U       S1 400000/200000/400000  S2 1e6/1e6  S3 120001/60000/120000   S9 400000/66667/66667/66666/399999
//   W       S1 600000/100000/300000  S2 1.3e6/0.7e6  S3 180001/30000/90000 S9 300000/50000/300000/50000/299999
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import type { AttributionModel, SourcedMeasure } from '#shared/domain/sourced.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { sourcedReport } from '#core/funnel/sourced-report.ts';
import { wilson } from '#shared/analytics/wilson.ts';
import { importSourcedFixture } from '../../support/sourced-fixture.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

const cents = (x: number) => Math.round(x * 100);

describe('sourced vs influenced and attribution on a hand-computed file', () => {
  let ws: Workspace;
  let cleanup: () => void;
  const report = (model: AttributionModel = 'linear', from: string | null = null, to: string | null = null) =>
    sourcedReport(ws.sqlite, { model, from, to }, DEFAULT_SETTINGS);
  const lines = (m: SourcedMeasure) =>
    m.lines.map((l) => [
      l.sourcedBy,
      l.total.n,
      cents(l.total.amount),
      l.total.influencedN,
      cents(l.total.influencedAmount),
    ]);

  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    importSourcedFixture(ws.sqlite);
  });
  afterAll(() => cleanup());

  it('splits pipeline created by who sourced it, with what marketing influenced', () => {
    const p = report().pipeline;
    expect(lines(p)).toEqual([
      ['marketing', 4, 2_999_999, 3, 2_599_999],
      ['sales', 3, 3_100_001, 2, 2_300_001],
      ['partner', 2, 1_900_000, 1, 1_200_000],
      ['none', 1, 200_000, 1, 200_000],
      ['all', 10, 8_200_000, 7, 6_300_000],
    ]);
    const all = p.lines.at(-1)!;
    expect([all.byType.new_business.n, cents(all.byType.new_business.amount)]).toEqual([8, 7_099_999]);
    expect([all.byType.expansion.n, cents(all.byType.expansion.amount)]).toEqual([1, 300_001]);
    expect([all.byType.renewal.n, cents(all.byType.renewal.amount)]).toEqual([1, 800_000]);
    expect(all.byType.cross_sell.n).toBe(0);
    // Marketing sourced 4 of 10 deals (Wilson interval), 29,999.99 of 82,000.00.
    const mkt = p.lines[0]!;
    expect(mkt.share.hits).toBe(4);
    expect(mkt.share.n).toBe(10);
    expect(mkt.share.low).toBeCloseTo(wilson(4, 10)!.low, 12);
    expect(mkt.share.low).toBeCloseTo(0.1682, 4);
    expect(mkt.share.high).toBeCloseTo(0.6873, 4);
    expect(mkt.amountShare).toBeCloseTo(29_999.99 / 82_000, 12);
    // Sales sourced it, marketing still influenced 2 of 3 (23,000.01 of 31,000.01).
    const sales = p.lines[1]!;
    expect([sales.influenced.hits, sales.influenced.n]).toEqual([2, 3]);
    expect(sales.influencedAmountShare).toBeCloseTo(23_000.01 / 31_000.01, 12);
    expect([all.influenced.hits, all.influenced.n]).toEqual([7, 10]);
    expect(all.influenced.rate).toBe(0.7);
    expect(all.influencedAmountShare).toBeCloseTo(63_000 / 82_000, 12);
  });

  it('splits revenue won the same way; a touch after close does not make S7 influenced', () => {
    const w = report().won;
    expect(lines(w)).toEqual([
      ['marketing', 3, 2_399_999, 2, 1_999_999],
      ['sales', 3, 3_100_001, 2, 2_300_001],
      ['all', 6, 5_500_000, 4, 4_300_000],
    ]);
    expect(w.lines[0]!.byType.new_business.n).toBe(3);
    expect(w.lines[1]!.byType.renewal.influencedN).toBe(0);
  });

  it('limits pipeline to deals created and revenue to deals won in the period', () => {
    const r = report('linear', '2025-03-01', '2025-04-30');
    expect(lines(r.pipeline).at(-1)).toEqual(['all', 3, 2_300_001, 2, 1_500_001]);
    expect(lines(r.won).at(-1)).toEqual(['all', 3, 3_999_999, 3, 3_999_999]);
    expect(r.attribution.attributedDeals).toBe(3);
  });

  const credits = (model: AttributionModel) => {
    const a = report(model).attribution;
    return {
      campaigns: a.campaigns.map((c) => [c.campaign, c.deals, cents(c.amount)]),
      channels: a.channels.map((c) => [c.channel, c.deals, cents(c.amount)]),
      total: cents(a.campaigns.reduce((s, c) => s + c.amount, 0)),
    };
  };

  it('attributes won revenue under each model, summing to the attributed deals’ amount to the cent', () => {
    const a = report('first').attribution;
    expect([a.wonDeals, cents(a.wonAmount), a.attributedDeals, cents(a.attributedAmount)]).toEqual([
      6, 5_500_000, 4, 4_300_000,
    ]);
    // S4 (no touch) and S7 (touch after close) are unattributed.
    expect([a.unattributedDeals, cents(a.unattributedAmount)]).toEqual([2, 1_200_000]);

    expect(credits('first').campaigns).toEqual([
      ['Spring webinar', 4, 4_300_000],
      ['Search Q1', 4, 0],
      ['Summer webinar', 3, 0],
    ]);
    expect(credits('last').campaigns).toEqual([
      ['Search Q1', 4, 2_999_999],
      ['Summer webinar', 3, 1_300_001],
      ['Spring webinar', 4, 0],
    ]);
    expect(credits('linear').campaigns).toEqual([
      ['Spring webinar', 4, 1_833_335],
      ['Search Q1', 4, 1_833_332],
      ['Summer webinar', 3, 633_333],
    ]);
    expect(credits('u').campaigns).toEqual([
      ['Spring webinar', 4, 1_986_667],
      ['Search Q1', 4, 1_726_666],
      ['Summer webinar', 3, 586_667],
    ]);
    expect(credits('w').campaigns).toEqual([
      ['Spring webinar', 4, 2_430_001],
      ['Search Q1', 4, 1_179_999],
      ['Summer webinar', 3, 690_000],
    ]);
    for (const m of ['first', 'last', 'linear', 'u', 'w'] as const) expect(credits(m).total).toBe(4_300_000);
  });

  it('sums campaigns into channels, counting each deal once per channel', () => {
    expect(credits('w').channels).toEqual([
      ['Webinar', 4, 2_430_001 + 690_000],
      ['Paid search', 4, 1_179_999],
    ]);
  });

  it('credits every won deal exactly its amount, deal by deal', () => {
    // One deal at a time: a period holding only S9 (closed 03-20), then only S3 (05-01).
    for (const m of ['first', 'last', 'linear', 'u', 'w'] as const) {
      const s9 = report(m, '2025-03-20', '2025-03-20').attribution;
      expect(cents(s9.campaigns.reduce((s, c) => s + c.amount, 0))).toBe(999_999);
      const s3 = report(m, '2025-05-01', '2025-05-01').attribution;
      expect(cents(s3.campaigns.reduce((s, c) => s + c.amount, 0))).toBe(300_001);
    }
    expect(
      report('w', '2025-03-20', '2025-03-20').attribution.campaigns.map((c) => [c.campaign, cents(c.amount)]),
    ).toEqual([
      ['Spring webinar', 350_000],
      ['Search Q1', 349_999],
      ['Summer webinar', 300_000],
    ]);
  });
});
