// "Why we win, why we lose" on a literal dataset where every figure is computed by hand.
//
// Deals (close date, segment, competitors) and their interviews:
//   D1 won  2025-02-10 Mid-market [Acme]        I1 economic buyer: Product fit* (win), Price (win)
//                                                 us fit 5, price 4; Acme fit 3; quotes: usability, pricing
//                                                I2 champion: Product fit* (win), Responsiveness (win)
//                                                 us fit 4; quote: pricing
//   D2 won  2025-05-20 Mid-market [Brightline]  I3 champion: Price* (win); us fit 3, price 5; Brightline fit 4
//   D3 lost 2025-05-25 Enterprise [Acme]        I4 economic buyer: Missing capability* (loss), Price (loss)
//                                                 us fit 2, price 3; Acme fit 5; quote: roadmap + security
//   D4 lost 2025-08-01 Enterprise [Acme, Bright] I5 technical evaluator: Missing capability* (loss)
//                                                 us fit 1; Acme fit 4; Brightline fit 3; quote: security
//                                                I6 our rep (rep form): Price* (loss)
//   D5 lost 2025-08-15 SMB                      I7 user: Responsiveness* (loss), Product fit (win); us fit 3;
//                                                 quote: pricing
//   D6 no decision 2025-09-01 SMB               I8 economic buyer: Budget* (loss)
//   D7 open                                      (no interview)
//   D8 won  2025-11-01 SMB                      I9 DRAFT: Product fit* (win)
// Rep-stated (CRM): D1 Product fit, D2 Price, D3 Price, D4 none, D5 Price, D6 Budget, D7 Price.
// (* = primary)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { agreementAnalysis } from '#core/winloss/agreement-analysis.ts';
import { ratingAnalysis } from '#core/winloss/rating-analysis.ts';
import { reasonAnalysis } from '#core/winloss/reason-analysis.ts';
import { themeTrend } from '#core/winloss/theme-analysis.ts';
import { studentTQuantile } from '#shared/analytics/student-t.ts';
import { wilson } from '#shared/analytics/wilson.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { insertDeals } from '../../support/insert.ts';
import { competitorId, insertInterviews, setDeal } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

let ws: Workspace;
let cleanup: () => void;
let settings: Settings;
let deal: number[];

beforeAll(async () => {
  ({ ws, cleanup } = await tempWorkspace());
  settings = readSettings(ws.sqlite);
  deal = [
    0,
    ...insertDeals(ws.sqlite, [
      { outcome: 'won', closeDate: '2025-02-10', segment: 'Mid-market', competitors: ['Acme'] },
      { outcome: 'won', closeDate: '2025-05-20', segment: 'Mid-market', competitors: ['Brightline'] },
      { outcome: 'lost', closeDate: '2025-05-25', segment: 'Enterprise', competitors: ['Acme'] },
      { outcome: 'lost', closeDate: '2025-08-01', segment: 'Enterprise', competitors: ['Acme', 'Brightline'] },
      { outcome: 'lost', closeDate: '2025-08-15', segment: 'SMB' },
      { outcome: 'no_decision', closeDate: '2025-09-01', segment: 'SMB' },
      { outcome: 'open', segment: 'SMB' },
      { outcome: 'won', closeDate: '2025-11-01', segment: 'SMB' },
    ]),
  ];
  const product = Number(ws.sqlite.prepare("INSERT INTO products (name) VALUES ('Insight Pro')").run().lastInsertRowid);
  setDeal(ws.sqlite, deal[3]!, { productId: product });
  setDeal(ws.sqlite, deal[4]!, { productId: product });
  const rep: [number, string | null][] = [
    [1, 'Product fit'],
    [2, 'Price'],
    [3, 'Price'],
    [4, null],
    [5, 'Price'],
    [6, 'Budget'],
    [7, 'Price'],
  ];
  for (const [d, r] of rep) setDeal(ws.sqlite, deal[d]!, { repReason: r });
  insertInterviews(ws.sqlite, [
    {
      dealId: deal[1]!,
      role: 'economic_buyer',
      date: '2025-02-20',
      reasons: ['Product fit', 'Price'],
      us: { product_fit: 5, price_value: 4 },
      them: { Acme: { product_fit: 3 } },
      quotes: [
        { text: 'It fit how we work.', themes: ['usability'] },
        { text: 'Fair price.', themes: ['pricing'] },
      ],
    },
    {
      dealId: deal[1]!,
      role: 'champion',
      date: '2025-02-25',
      reasons: ['Product fit', 'Responsiveness'],
      us: { product_fit: 4 },
      quotes: [{ text: 'Worth the money.', themes: ['pricing'] }],
    },
    {
      dealId: deal[2]!,
      role: 'champion',
      reasons: ['Price'],
      us: { product_fit: 3, price_value: 5 },
      them: { Brightline: { product_fit: 4 } },
    },
    {
      dealId: deal[3]!,
      role: 'economic_buyer',
      reasons: ['Missing capability', 'Price'],
      us: { product_fit: 2, price_value: 3 },
      them: { Acme: { product_fit: 5 } },
      quotes: [{ text: 'No row-level security yet.', themes: ['roadmap', 'security'] }],
    },
    {
      dealId: deal[4]!,
      role: 'technical_evaluator',
      reasons: ['Missing capability'],
      us: { product_fit: 1 },
      them: { Acme: { product_fit: 4 }, Brightline: { product_fit: 3 } },
      quotes: [{ text: 'SSO was missing.', themes: ['security'] }],
    },
    { dealId: deal[4]!, role: 'rep', reasons: ['Price'] },
    {
      dealId: deal[5]!,
      role: 'user',
      reasons: ['Responsiveness', { name: 'Product fit', driver: 'win' }],
      us: { product_fit: 3 },
      quotes: [{ text: 'Too expensive for us.', themes: ['pricing'] }],
    },
    { dealId: deal[6]!, role: 'economic_buyer', reasons: ['Budget'] },
    { dealId: deal[8]!, status: 'draft', reasons: ['Product fit'] },
  ]);
});
afterAll(() => cleanup());

const rows = (panel: { rows: { label: string; deals: number; interviews: number }[] }) =>
  panel.rows.map((r) => [r.label, r.deals, r.interviews]);

describe('top win and loss reasons', () => {
  it('counts each deal once per reason, over complete interviews', () => {
    const a = reasonAnalysis(ws.sqlite, {}, 'reason', false, settings);
    expect(a.scope).toEqual({
      interviews: 8,
      deals: 6,
      byOutcome: [
        { outcome: 'won', deals: 2, interviews: 3 },
        { outcome: 'lost', deals: 3, interviews: 4 },
        { outcome: 'no_decision', deals: 1, interviews: 1 },
      ],
      includeDrafts: false,
    });
    const [won, lost, none] = a.panels;
    expect(won).toMatchObject({ outcome: 'won', driver: 'win', n: 2, interviews: 3 });
    // D1 cites Product fit in two interviews: one deal, two interviews.
    expect(rows(won!)).toEqual([
      ['Price', 2, 2],
      ['Product fit', 1, 2],
      ['Responsiveness', 1, 1],
    ]);
    expect(won!.rows.map((r) => r.cumulative)).toEqual([2 / 4, 3 / 4, 1]);
    expect(won!.rows[0]!.share).toMatchObject({ hits: 2, n: 2, rate: 1, confidence: 'hidden' });
    expect(won!.rows[1]!.category).toBe('Product/Solution');
    // I7's Product fit is a win driver on a lost deal: not a loss reason.
    expect(lost).toMatchObject({ n: 3, interviews: 4 });
    expect(rows(lost!)).toEqual([
      ['Missing capability', 2, 2],
      ['Price', 2, 2],
      ['Responsiveness', 1, 1],
    ]);
    expect(lost!.rows[0]!.share.rate).toBeCloseTo(2 / 3, 12);
    expect(lost!.rows[0]!.share.low).toBeCloseTo(wilson(2, 3)!.low, 12);
    expect(rows(none!)).toEqual([['Budget', 1, 1]]);
  });

  it('primary reasons only, and by category', () => {
    const p = reasonAnalysis(ws.sqlite, {}, 'reason', true, settings);
    expect(rows(p.panels[0]!)).toEqual([
      ['Product fit', 1, 2],
      ['Price', 1, 1],
    ]);
    expect(rows(p.panels[1]!)).toEqual([
      ['Missing capability', 2, 2],
      ['Price', 1, 1],
      ['Responsiveness', 1, 1],
    ]);
    const c = reasonAnalysis(ws.sqlite, {}, 'category', false, settings);
    expect(rows(c.panels[0]!)).toEqual([
      ['Price/Commercials', 2, 2],
      ['Product/Solution', 1, 2],
      ['Sales experience', 1, 1],
    ]);
  });

  it('filters by competitor, segment, product and close period; drafts on request', () => {
    const acme = reasonAnalysis(
      ws.sqlite,
      { competitorId: competitorId(ws.sqlite, 'Acme') },
      'reason',
      false,
      settings,
    );
    expect(acme.scope.deals).toBe(3); // D1, D3, D4
    expect(rows(acme.panels[1]!)).toEqual([
      ['Missing capability', 2, 2],
      ['Price', 2, 2],
    ]);
    expect(reasonAnalysis(ws.sqlite, { segment: 'Enterprise' }, 'reason', false, settings).scope.deals).toBe(2);
    const product = (ws.sqlite.prepare("SELECT id FROM products WHERE name = 'Insight Pro'").get() as { id: number })
      .id;
    expect(reasonAnalysis(ws.sqlite, { productId: product }, 'reason', false, settings).scope.deals).toBe(2);
    const period = reasonAnalysis(ws.sqlite, { from: '2025-05-01', to: '2025-08-05' }, 'reason', false, settings);
    expect(period.scope.byOutcome.map((o) => o.deals)).toEqual([1, 2, 0]); // D2; D3, D4
    const drafts = reasonAnalysis(ws.sqlite, { includeDrafts: true }, 'reason', false, settings);
    expect(drafts.panels[0]!.n).toBe(3);
    expect(rows(drafts.panels[0]!)).toEqual([
      ['Product fit', 2, 3],
      ['Price', 2, 2],
      ['Responsiveness', 1, 1],
    ]);
  });
});

describe('rating gap', () => {
  it('won vs lost: ratings averaged per deal first, Welch interval for the gap', () => {
    const r = ratingAnalysis(ws.sqlite, {}, settings);
    const fit = r.criteria.find((c) => c.label === 'Product fit')!;
    // Won: D1 (5 + 4) / 2 = 4.5, D2 3 -> mean 3.75. Lost: D3 2, D4 1, D5 3 -> mean 2.
    expect(fit.won).toMatchObject({ n: 2, mean: 3.75 });
    expect(fit.lost).toMatchObject({ n: 3, mean: 2 });
    expect(fit.noDecision).toMatchObject({ n: 0, mean: null });
    // Won variance (0.75² + 0.75²) / 1 = 1.125; lost variance (0 + 1 + 1) / 2 = 1.
    expect(fit.won.sd).toBeCloseTo(Math.sqrt(1.125), 12);
    expect(fit.won.low).toBe(1); // 3.75 − 12.706 × 0.75 clamps at the scale's 1
    expect(fit.lost.low).toBe(1);
    expect(fit.lost.high).toBeCloseTo(2 + studentTQuantile(0.975, 2) * Math.sqrt(1 / 3), 10);
    const qa = 1.125 / 2;
    const qb = 1 / 3;
    const df = (qa + qb) ** 2 / (qa ** 2 / 1 + qb ** 2 / 2);
    expect(fit.gap.diff).toBeCloseTo(1.75, 12);
    expect(fit.gap.df).toBeCloseTo(df, 10);
    expect(fit.gap.low).toBeCloseTo(1.75 - studentTQuantile(0.975, df) * Math.sqrt(qa + qb), 10);
    const price = r.criteria.find((c) => c.label === 'Price / value')!;
    expect(price.won).toMatchObject({ n: 2, mean: 4.5 });
    expect(price.lost).toMatchObject({ n: 1, mean: 3, low: null });
    expect(price.gap).toMatchObject({ diff: 1.5, low: null, significant: false });
  });

  it('us vs each competitor: paired on the interviews that rated both', () => {
    const r = ratingAnalysis(ws.sqlite, {}, settings);
    expect(r.competitors.map((c) => [c.name, c.deals])).toEqual([
      ['Acme', 3],
      ['Brightline', 2],
    ]);
    const acmeFit = r.competitors[0]!.criteria.find((c) => c.label === 'Product fit')!;
    // Pairs: D1 (5, 3), D3 (2, 5), D4 (1, 4): differences 2, −3, −3.
    expect(acmeFit.us.mean).toBeCloseTo(8 / 3, 12);
    expect(acmeFit.them.mean).toBeCloseTo(4, 12);
    expect(acmeFit.gap.diff).toBeCloseTo(-4 / 3, 12);
    const sd = Math.sqrt(75 / 9);
    expect(acmeFit.gap.low).toBeCloseTo(-4 / 3 - studentTQuantile(0.975, 2) * (sd / Math.sqrt(3)), 10);
    expect(acmeFit.gap.significant).toBe(false);
    const brightFit = r.competitors[1]!.criteria.find((c) => c.label === 'Product fit')!;
    expect(brightFit.gap).toMatchObject({ diff: -1.5, nA: 2 });
    expect(r.competitors[0]!.criteria.find((c) => c.label === 'Support')!.us).toMatchObject({ n: 0, mean: null });
  });
});

describe('rep-stated vs buyer-stated', () => {
  it('one pair per deal: senior buyer interview vs CRM reason (or the rep form)', () => {
    const a = agreementAnalysis(ws.sqlite, {}, 'reason', settings);
    const m = a.result;
    expect(a.repSources).toEqual({ crm: 5, repInterview: 1 });
    expect(m.compared).toBe(6);
    expect(m.agree).toBe(3); // D1, D2, D6
    expect(m.differ).toMatchObject({ hits: 3, n: 6, rate: 0.5 });
    expect(m.byOutcome.map((o) => [o.outcome, o.differ.hits, o.differ.n])).toEqual([
      ['won', 0, 2],
      ['lost', 3, 3],
      ['no_decision', 0, 1],
    ]);
    expect(m.rows.map((r) => r.label)).toEqual(['Price', 'Budget', 'Product fit']);
    expect(m.columns.map((c) => c.label)).toEqual([
      'Missing capability',
      'Budget',
      'Price',
      'Product fit',
      'Responsiveness',
    ]);
    expect(m.cells[0]).toEqual([2, 0, 1, 0, 1]);
    expect(m.repMissing).toBe(0);
  });

  it('a rep reason the CRM did not code cannot be compared', () => {
    setDeal(ws.sqlite, deal[2]!, { repReason: null, repReasonText: 'pricing too high' });
    const m = agreementAnalysis(ws.sqlite, {}, 'category', settings).result;
    setDeal(ws.sqlite, deal[2]!, { repReason: 'Price', repReasonText: null });
    expect(m.repMissing).toBe(1);
    expect(m.compared).toBe(5);
    expect(m.agree).toBe(2); // D1, D6 (category level)
  });
});

describe('theme frequency over time', () => {
  it('share of interviewed deals per close quarter with a quote on the theme', () => {
    const t = themeTrend(ws.sqlite, {}, 'quarter', settings);
    expect(t.periods).toEqual([
      { period: '2025-Q1', deals: 1 },
      { period: '2025-Q2', deals: 2 },
      { period: '2025-Q3', deals: 3 },
    ]);
    const cells = t.themes.map((th) => [th.name, th.deals, th.cells.map((c) => `${c.hits}/${c.n}`)]);
    expect(cells).toEqual([
      ['pricing', 2, ['1/1', '0/2', '1/3']], // D1 twice in Q1 counts once
      ['security', 2, ['0/1', '1/2', '1/3']],
      ['roadmap', 1, ['0/1', '1/2', '0/3']],
      ['usability', 1, ['1/1', '0/2', '0/3']],
    ]);
    const y = themeTrend(ws.sqlite, {}, 'year', settings);
    expect(y.periods).toEqual([{ period: '2025', deals: 6 }]);
    expect(y.themes[0]!.cells[0]).toMatchObject({ hits: 2, n: 6 });
  });
});
