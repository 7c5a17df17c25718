// Customers tied back to the deal that won them: competitor displaced, primary win reason (the
// buyer's over the rep's), segment, region, product, lead source; filters and splits on them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { cohortReport } from '#core/retention/cohort-queries.ts';
import { dimensionValues } from '#core/retention/group-cells.ts';
import { drillReport } from '#core/retention/drill-queries.ts';
import { movementsReport } from '#core/retention/movement-queries.ts';
import { refreshDerived } from '#core/retention/keep-derived.ts';
import { planRefresh, refreshRetention } from '#core/retention/retention-refresh.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import type { CohortFilter } from '#shared/domain/retention.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { insertAccounts, insertContracts, insertRevenueLines, m } from './insert-revenue.ts';

interface Ids {
  price: number;
  fit: number;
  responsiveness: number;
  speed: number;
  acme: number;
  brightline: number;
  cobalt: number;
  core: number;
  webinar: number;
}

function seed(ws: Workspace): Ids {
  const db = ws.sqlite;
  const reason = (name: string) => (db.prepare('SELECT id FROM reasons WHERE name = ?').get(name) as { id: number }).id;
  const insert = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const responsiveness = reason('Responsiveness');
  const ids: Ids = {
    price: reason('Price'),
    fit: reason('Product fit'),
    responsiveness,
    // A reason merged into Responsiveness: deals coded with it follow the merge.
    speed: insert(
      "INSERT INTO reasons (category_id, name, merged_into_id) SELECT category_id, 'Speed', id FROM reasons WHERE id = ?",
      responsiveness,
    ),
    acme: insert("INSERT INTO competitors (name) VALUES ('Acme')"),
    brightline: insert("INSERT INTO competitors (name) VALUES ('Brightline')"),
    cobalt: insert("INSERT INTO competitors (name) VALUES ('Cobalt')"),
    core: insert("INSERT INTO products (name) VALUES ('Core')"),
    webinar: insert("INSERT INTO lead_sources (name, sourced_by) VALUES ('Webinar', 'marketing')"),
  };
  insertAccounts(db, [
    { id: 1, name: 'One', segment: 'Enterprise', region: 'EMEA', sector: 'Retail' },
    { id: 2, name: 'Two', segment: 'SMB', region: 'EMEA' },
    { id: 3, name: 'Three', segment: 'SMB', region: 'APAC' },
    { id: 4, name: 'Four', segment: 'Mid-market' },
    { id: 5, name: 'Five', segment: 'SMB', region: 'LATAM', sector: 'Media' },
    { id: 6, name: 'Six', region: 'EMEA' },
  ]);
  const year = (start: string, end: string) => ({ contractStart: start, contractEnd: end });
  insertContracts(db, [
    // 1: the winning deal says SMB (as sold) though the account is Enterprise now; churns after a year.
    {
      id: 101,
      accountId: 1,
      amount: 1200,
      ...year('2024-01-10', '2025-01-09'),
      segment: 'SMB',
      productId: ids.core,
      leadSourceId: ids.webinar,
      repReasonId: ids.price,
    },
    {
      id: 102,
      accountId: 1,
      amount: 600,
      dealType: 'cross_sell',
      ...year('2024-03-01', '2025-01-09'),
      repReasonId: ids.fit,
    },
    // 2: the buyer said product fit in a complete interview; the rep said price. Renews.
    { id: 201, accountId: 2, amount: 2400, ...year('2024-01-05', '2025-01-04'), repReasonId: ids.price },
    { id: 202, accountId: 2, amount: 2400, dealType: 'renewal', ...year('2025-01-05', '2026-01-04') },
    // 3: rep reason merged into Responsiveness; one competitor, not flagged primary. Renews.
    { id: 301, accountId: 3, amount: 1200, ...year('2024-01-20', '2025-01-19'), repReasonId: ids.speed },
    { id: 302, accountId: 3, amount: 1200, dealType: 'renewal', ...year('2025-01-20', '2026-01-19') },
    // 4: only an expansion deal, which then wins the customer; lost_to names the competitor.
    {
      id: 401,
      accountId: 4,
      amount: 1200,
      dealType: 'expansion',
      ...year('2024-01-02', '2025-01-01'),
      lostToCompetitorId: ids.brightline,
    },
    // 6: won on price, churns after a year.
    { id: 601, accountId: 6, amount: 1200, ...year('2024-01-15', '2025-01-14'), repReasonId: ids.price },
    // The data runs to 2025-03-31.
    { accountId: 5, amount: 100, outcome: 'lost', closeDate: '2025-03-31' },
  ]);
  const link = db.prepare('INSERT INTO deal_competitors (deal_id, competitor_id, is_primary) VALUES (?, ?, ?)');
  link.run(101, ids.acme, 1);
  link.run(101, ids.cobalt, 0);
  link.run(201, ids.brightline, 0);
  link.run(201, ids.cobalt, 0);
  link.run(301, ids.cobalt, 0);
  const interview = (dealId: number, status: string, date: string, reasonId: number) => {
    const iid = insert(
      'INSERT INTO interviews (deal_id, status, interview_date) VALUES (?, ?, ?)',
      dealId,
      status,
      date,
    );
    db.prepare(
      "INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver) VALUES (?, ?, 1, 'win')",
    ).run(iid, reasonId);
  };
  interview(201, 'complete', '2024-02-01', ids.fit);
  interview(201, 'draft', '2024-03-01', ids.responsiveness); // drafts do not count
  // 5: billing data only, no deals.
  insertRevenueLines(db, [
    { accountId: 5, period: '2024-01-01', amount: 100 },
    { accountId: 5, period: '2025-01-01', amount: 100 },
  ]);
  refreshRetention(db);
  return ids;
}

describe('why we won, per customer', () => {
  let ws: Workspace;
  let ids: Ids;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    ids = seed(ws);
  });
  afterEach(() => cleanup());

  const settings = () => readSettings(ws.sqlite);
  const cohorts = (filters: CohortFilter[], by: 'reason' | 'competitor' | null = null, group: string | null = null) =>
    cohortReport(ws.sqlite, planRefresh(ws.sqlite), { grain: 'month', filters, by, group }, settings());

  it('resolves each customer to its winning deal and the reasons and competitor behind it', () => {
    const drill = drillReport(
      ws.sqlite,
      planRefresh(ws.sqlite),
      {
        grain: 'month',
        filters: [],
        by: null,
        group: null,
        cohort: m('2024-01'),
        k: 12,
        status: 'all',
        sort: 'name',
        desc: false,
        offset: 0,
        limit: 100,
      },
      settings(),
    );
    const byName = Object.fromEntries(drill.rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['Five', 'Four', 'One', 'Six', 'Three', 'Two']);
    expect(byName.One).toMatchObject({
      segment: 'SMB',
      region: 'EMEA',
      sector: 'Retail',
      product: 'Core',
      competitor: 'Acme',
      reason: 'Price',
      reasonSource: 'rep',
      leadSource: 'Webinar',
      winningDeal: 'Deal 1',
      trend: 'inactive',
    });
    expect(byName.Two).toMatchObject({
      segment: 'SMB',
      competitor: null,
      reason: 'Product fit',
      reasonSource: 'buyer',
      trend: 'flat',
    });
    expect(byName.Three).toMatchObject({
      region: 'APAC',
      competitor: 'Cobalt',
      reason: 'Responsiveness',
      reasonSource: 'rep',
    });
    expect(byName.Four).toMatchObject({
      segment: 'Mid-market',
      competitor: 'Brightline',
      reason: null,
      reasonSource: null,
      trend: 'inactive',
    });
    expect(byName.Five).toMatchObject({
      source: 'mrr',
      segment: 'SMB',
      region: 'LATAM',
      sector: 'Media',
      competitor: null,
      reason: null,
      winningDeal: null,
      trend: 'flat',
    });
    expect(byName.Six).toMatchObject({ segment: null, region: 'EMEA', reason: 'Price' });
  });

  it('splits the cohorts by primary win reason: customers won on price churn at the renewal', () => {
    const r = cohorts([], 'reason');
    const groups = Object.fromEntries(r.groups!.map((g) => [g.label, g]));
    expect(r.groups!.map((g) => [g.label, g.customers])).toEqual([
      ['Price', 2],
      ['Product fit', 1],
      ['Responsiveness', 1],
      ['No reason recorded', 2],
    ]);
    expect(groups.Price!.average[11]!.logo.rate).toBe(1);
    expect(groups.Price!.average[12]).toMatchObject({ cohorts: 1, size: 2, active: 0 });
    expect(groups.Price!.average[12]!.logo.rate).toBe(0);
    expect(groups['Product fit']!.average[12]!.logo.rate).toBe(1);
    expect(groups.Responsiveness!.average[12]!.logo.rate).toBe(1);
    // Without a group chosen, the matrix is everyone in the filter.
    expect(r.matrix.customers).toBe(6);
    const price = cohorts([], 'reason', String(ids.price));
    expect(price).toMatchObject({ group: String(ids.price), groupLabel: 'Price' });
    expect(price.matrix.rows.map((x) => [x.label, x.size])).toEqual([['2024-01', 2]]);
    const none = cohorts([], 'reason', '');
    expect(none.groupLabel).toBe('No reason recorded');
    expect(none.matrix.customers).toBe(2);
  });

  it('keeps splits and values with the tables, equal to summing live, until what they depend on changes', () => {
    const cached = () =>
      (
        ws.sqlite.prepare("SELECT count(*) AS n FROM retention_group_cells WHERE field = 'reason'").get() as {
          n: number;
        }
      ).n;
    const priceCustomers = () => cohorts([], 'reason').groups!.find((g) => g.label === 'Price')?.customers ?? 0;
    // Nothing kept yet: summed live, and reads never fill anything (they run read-only).
    expect(cached()).toBe(0);
    const live = {
      reason: cohorts([], 'reason'),
      competitor: cohorts([], 'competitor'),
      dims: dimensionValues(ws.sqlite),
    };
    const livePrice = cohorts([], 'reason', String(ids.price));
    expect(cached()).toBe(0);
    expect(priceCustomers()).toBe(2);
    // The jobs that change data keep them: the same reports, read from the kept rows.
    refreshDerived(ws.sqlite);
    expect(cached()).toBeGreaterThan(0);
    expect(cohorts([], 'reason')).toEqual(live.reason);
    expect(cohorts([], 'competitor')).toEqual(live.competitor);
    expect(cohorts([], 'reason', String(ids.price))).toEqual(livePrice);
    expect(dimensionValues(ws.sqlite)).toEqual(live.dims);
    // A filter that keeps everyone is summed live: the same groups.
    const everyone = [{ field: 'segment' as const, values: ['SMB', 'Mid-market', ''] }];
    const strip = (r: ReturnType<typeof cohorts>) =>
      r.groups!.map((g) => [g.key, g.customers, g.average.map((a) => a.active)]);
    expect(strip(cohorts([], 'reason'))).toEqual(strip(cohorts(everyone, 'reason')));

    // Six's buyer says product fit in a complete interview: Six leaves the Price group.
    const iid = Number(
      ws.sqlite
        .prepare("INSERT INTO interviews (deal_id, status, interview_date) VALUES (601, 'complete', '2024-02-10')")
        .run().lastInsertRowid,
    );
    expect(cached()).toBe(0);
    ws.sqlite
      .prepare("INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver) VALUES (?, ?, 1, 'win')")
      .run(iid, ids.fit);
    expect(priceCustomers()).toBe(1);

    // A deal field that names the group, and a revenue change, empty them too.
    refreshDerived(ws.sqlite);
    expect(cohorts([], 'competitor').groups!.find((g) => g.label === 'Acme')?.customers).toBe(1);
    ws.sqlite.prepare('UPDATE deals SET lost_to_competitor_id = ? WHERE id = 601').run(ids.acme);
    expect(cached()).toBe(0);
    expect(cohorts([], 'competitor').groups!.find((g) => g.label === 'Acme')?.customers).toBe(2);
    refreshDerived(ws.sqlite);
    ws.sqlite.prepare('UPDATE deals SET amount = 2400 WHERE id = 601').run();
    refreshRetention(ws.sqlite);
    expect(cached()).toBe(0);
    expect(cohorts([], 'reason').groups!.find((g) => g.label === 'Product fit')!.startRevenue).toBeCloseTo(
      200 + 200,
      9,
    );
  });

  it('filters by any field, several values within one, all fields together', () => {
    expect(cohorts([{ field: 'competitor', values: [String(ids.acme)] }]).matrix.customers).toBe(1);
    expect(cohorts([{ field: 'competitor', values: [String(ids.cobalt), ''] }]).matrix.customers).toBe(4);
    expect(cohorts([{ field: 'segment', values: ['SMB'] }]).matrix.customers).toBe(4);
    expect(
      cohorts([
        { field: 'segment', values: ['SMB'] },
        { field: 'region', values: ['EMEA'] },
      ]).matrix.customers,
    ).toBe(2);
    expect(cohorts([{ field: 'product', values: [String(ids.core)] }]).matrix.customers).toBe(1);
    expect(cohorts([{ field: 'leadSource', values: [''] }]).matrix.customers).toBe(5);
    expect(cohorts([{ field: 'sector', values: ['Media', 'Retail'] }]).matrix.customers).toBe(2);
    // A value written as an attempt at SQL is just a value that matches nothing.
    expect(cohorts([{ field: 'segment', values: ["SMB') OR 1=1 --"] }]).matrix.customers).toBe(0);
    const f = cohorts([{ field: 'reason', values: [String(ids.price)] }], 'competitor');
    expect(f.groups!.map((g) => [g.label, g.customers])).toEqual([
      ['Acme', 1],
      ['No competitor recorded', 1],
    ]);
  });

  it('movements follow the filter', () => {
    const price = movementsReport(
      ws.sqlite,
      planRefresh(ws.sqlite),
      { grain: 'month', filters: [{ field: 'reason', values: [String(ids.price)] }], by: null, group: null },
      settings(),
    );
    const jan25 = price.periods.find((p) => p.label === '2025-01')!;
    expect(jan25).toMatchObject({ churnCustomers: 2, customers: 0 });
    expect(jan25.churn).toBeCloseTo(-(150 + 100), 9); // One had 100 + 50 (cross-sell), Six 100
    expect(jan25.ttm!.nrr.value).toBe(0);
  });

  it('lists every value of every field with its customers', () => {
    const d = dimensionValues(ws.sqlite);
    expect(d.reason).toEqual([
      { key: String(ids.price), label: 'Price', customers: 2 },
      { key: String(ids.fit), label: 'Product fit', customers: 1 },
      { key: String(ids.responsiveness), label: 'Responsiveness', customers: 1 },
      { key: '', label: 'No reason recorded', customers: 2 },
    ]);
    expect(d.segment.map((v) => [v.label, v.customers])).toEqual([
      ['SMB', 4],
      ['Mid-market', 1],
      ['No segment', 1],
    ]);
    expect(d.competitor.find((v) => v.key === '')!.customers).toBe(3); // Two, Five, Six
  });
});
