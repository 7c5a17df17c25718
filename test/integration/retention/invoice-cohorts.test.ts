// Cohorts from imported revenue lines: a purchase log in the shape of CDNOW's (our own fixture,
// test/fixtures/retention/cdnow-shaped.csv) as invoice lines, and which source wins per account.
// Monthly revenue per customer in the fixture (data ends 1997-06-30):
//   00001 Jan 10, Feb 20, Apr 15          00006 Mar 40, Apr 60, May 20
//   00002 Jan 89 (two lines, one day)     00007 Mar 24.50, Jun 24.50
//   00003 Jan 30, Mar 40, Jun 25          00008 Mar 8.99
//   00004 Feb 50 (+ a $0 line), May 45    00009 Jan 0.00 (no revenue), Apr 12
//   00005 Feb 16.99
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { cohortReport } from '#core/retention/cohort-queries.ts';
import { movementsReport } from '#core/retention/movement-queries.ts';
import { planRefresh, refreshRetention, zeroOnlyAccounts } from '#core/retention/retention-refresh.ts';
import { readSettings, updateSettings } from '#core/settings/settings-store.ts';
import type { Grain } from '#shared/domain/retention.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { insertAccounts, insertContracts, insertRevenueLines, monthsOf } from './insert-revenue.ts';

const FIXTURE = new URL('../../fixtures/retention/cdnow-shaped.csv', import.meta.url);

/** What the revenue importer will do with such a file: one invoice line per purchase, by month. */
function loadPurchaseLog(ws: Workspace): void {
  const rows = readFileSync(FIXTURE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const ids = [...new Set(rows.map((r) => r[0]!))];
  insertAccounts(
    ws.sqlite,
    ids.map((id) => ({ id: Number(id), name: `CDNOW ${id}` })),
  );
  insertRevenueLines(
    ws.sqlite,
    rows.map(([id, date, , dollars]) => ({
      accountId: Number(id),
      period: `${date!.slice(0, 7)}-01`,
      amount: Number(dollars),
      kind: 'invoice',
    })),
  );
}

describe('retention from a purchase log (invoice lines)', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    loadPurchaseLog(ws);
    refreshRetention(ws.sqlite);
  });
  afterEach(() => cleanup());

  const report = (grain: Grain) =>
    cohortReport(
      ws.sqlite,
      planRefresh(ws.sqlite),
      { grain, filters: [], by: null, group: null },
      readSettings(ws.sqlite),
    );

  it('sums a month of invoices; a month whose total is not above zero is no revenue', () => {
    expect(monthsOf(ws.sqlite, 2)).toEqual({ '1997-01': 89 });
    expect(monthsOf(ws.sqlite, 4)).toEqual({ '1997-02': 50, '1997-05': 45 });
    expect(monthsOf(ws.sqlite, 9)).toEqual({ '1997-04': 12 });
  });

  it('counts accounts whose purchases were all zero, and can count any purchase as activity', () => {
    // An account whose two purchases were free: no month above zero, so not a customer.
    insertAccounts(ws.sqlite, [{ id: 99, name: 'Free samples only' }]);
    insertRevenueLines(ws.sqlite, [
      { accountId: 99, period: '1997-02-01', amount: 0, kind: 'invoice' },
      { accountId: 99, period: '1997-03-01', amount: 0, kind: 'invoice' },
    ]);
    refreshRetention(ws.sqlite);
    expect(zeroOnlyAccounts(ws.sqlite)).toBe(1);
    expect(report('month').matrix.rows.map((x) => [x.label, x.size])).toEqual([
      ['1997-01', 3],
      ['1997-02', 2],
      ['1997-03', 3],
      ['1997-04', 1],
    ]);

    // The setting changes the rules: everything is derived again.
    updateSettings(ws.sqlite, { retentionActivity: 'anyPurchase' });
    expect(planRefresh(ws.sqlite).full).toBe(true);
    refreshRetention(ws.sqlite);
    expect(planRefresh(ws.sqlite).upToDate).toBe(true);
    expect(zeroOnlyAccounts(ws.sqlite)).toBe(0);
    // 00009's $0 January purchase now starts it in January; account 99 joins February's cohort.
    expect(monthsOf(ws.sqlite, 9)).toEqual({ '1997-01': 0, '1997-04': 12 });
    expect(monthsOf(ws.sqlite, 99)).toEqual({ '1997-02': 0, '1997-03': 0 });
    const r = report('month');
    expect(r.matrix.rows.map((x) => [x.label, x.size, Math.round(x.startRevenue * 100) / 100])).toEqual([
      ['1997-01', 4, 129],
      ['1997-02', 3, 66.99],
      ['1997-03', 3, 73.49],
    ]);
    // January's cohort in April: 00001 (15) and 00009 (12) are active.
    expect(r.matrix.rows[0]!.cells[3]!.active).toBe(2);

    updateSettings(ws.sqlite, { retentionActivity: 'revenue' });
    expect(planRefresh(ws.sqlite).full).toBe(true);
  });

  it('monthly cohorts by first purchase, the last month marked incomplete', () => {
    const r = report('month');
    expect(r.asOf).toBe('1997-06-01');
    expect(r.sources).toEqual({ mrr: 0, invoice: 9, deals: 0 });
    expect(r.matrix.rows.map((x) => [x.label, x.size, Math.round(x.startRevenue * 100) / 100])).toEqual([
      ['1997-01', 3, 129],
      ['1997-02', 2, 66.99],
      ['1997-03', 3, 73.49],
      ['1997-04', 1, 12],
    ]);
    const cells = (i: number) =>
      r.matrix.rows[i]!.cells.map((c) => [
        c.active,
        Math.round(c.revenue * 100) / 100,
        Math.round(c.capped * 100) / 100,
      ]);
    expect(cells(0)).toEqual([
      [3, 129, 129],
      [1, 20, 10],
      [1, 40, 30],
      [1, 15, 10],
      [0, 0, 0],
      [1, 25, 25],
    ]);
    expect(cells(1)).toEqual([
      [2, 66.99, 66.99],
      [0, 0, 0],
      [0, 0, 0],
      [1, 45, 45],
      [0, 0, 0],
    ]);
    expect(cells(2)).toEqual([
      [3, 73.49, 73.49],
      [1, 60, 40],
      [1, 20, 20],
      [1, 24.5, 24.5],
    ]);
    expect(r.matrix.rows.map((x) => x.cells.at(-1)!.incomplete)).toEqual([true, true, true, true]);
    const jan = r.matrix.rows[0]!.cells;
    expect(jan[1]!.logo.rate).toBeCloseTo(1 / 3, 12);
    expect(jan[1]!.nrr.value).toBeCloseTo(20 / 129, 12);
    expect(jan[1]!.grr.value).toBeCloseTo(10 / 129, 12);
    // Weighted average at k = 1 (Feb, Mar, Apr, May all complete): 2 of 9 customers came back.
    const avg = r.matrix.average[1]!;
    expect(avg).toMatchObject({ cohorts: 4, size: 9, active: 2 });
    expect(avg.nrr.value).toBeCloseTo((20 + 0 + 60 + 0) / (129 + 66.99 + 73.49 + 12), 12);
  });

  it('quarterly cohort: each customer averaged over the months it could buy in', () => {
    const r = report('quarter');
    expect(r.matrix.rows.map((x) => [x.label, x.size])).toEqual([
      ['1997-Q1', 8],
      ['1997-Q2', 1],
    ]);
    const q1 = r.matrix.rows[0]!;
    // 00001 30/3, 00002 89/3, 00003 70/3, 00004 50/2, 00005 16.99/2, 00006 40/1, 00007 24.5/1, 00008 8.99/1
    expect(q1.startRevenue).toBeCloseTo(10 + 89 / 3 + 70 / 3 + 25 + 8.495 + 40 + 24.5 + 8.99, 9);
    const q2 = q1.cells[1]!;
    expect(q2).toMatchObject({ active: 5, incomplete: true });
    expect(q2.revenue).toBeCloseTo((15 + 25 + 45 + 80 + 24.5) / 3, 9);
    expect(q2.capped).toBeCloseTo(q2.revenue, 9);
    expect(r.matrix.rows[1]!.startRevenue).toBeCloseTo(4, 9); // 00009: 12 over April to June
  });

  it('movements in April 1997 against March', () => {
    const r = movementsReport(
      ws.sqlite,
      planRefresh(ws.sqlite),
      { grain: 'month', filters: [], by: null, group: null },
      readSettings(ws.sqlite),
    );
    const apr = r.periods.find((p) => p.label === '1997-04')!;
    expect(apr).toMatchObject({ newCustomers: 1, newRevenue: 12, reactivationCustomers: 1, reactivation: 15 });
    expect(apr).toMatchObject({ expansionCustomers: 1, expansion: 20, contractionCustomers: 0, churnCustomers: 3 });
    expect(apr.churn).toBeCloseTo(-(40 + 24.5 + 8.99), 9);
    expect(apr.revenue).toBeCloseTo(15 + 60 + 12, 9);
  });
});

describe('which revenue a customer gets', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  it('MRR lines over invoice lines over won deals, per account; credit notes net off', () => {
    insertAccounts(ws.sqlite, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
    insertRevenueLines(ws.sqlite, [
      { accountId: 1, period: '2024-01-01', amount: 100 },
      { accountId: 1, period: '2024-02-01', amount: 100 },
      { accountId: 1, period: '2024-02-01', amount: 25 }, // a second product line, same month
      { accountId: 1, period: '2024-01-01', amount: 999, kind: 'invoice' },
      { accountId: 2, period: '2024-02-01', amount: 80, kind: 'invoice' },
      { accountId: 2, period: '2024-03-01', amount: 50, kind: 'invoice' },
      { accountId: 2, period: '2024-03-01', amount: -50, kind: 'invoice' }, // credit note
      { accountId: 2, period: '2024-05-01', amount: 40, kind: 'invoice' },
      { accountId: 3, period: '2024-04-01', amount: 70 },
    ]);
    insertContracts(ws.sqlite, [
      { accountId: 3, amount: 12_000, contractStart: '2024-01-01', contractEnd: '2024-12-31' }, // ignored: has lines
      { accountId: 4, amount: 1_200, contractStart: '2024-03-01', contractEnd: '2025-02-28' },
    ]);
    refreshRetention(ws.sqlite);
    expect(monthsOf(ws.sqlite, 1)).toEqual({ '2024-01': 100, '2024-02': 125 });
    expect(monthsOf(ws.sqlite, 2)).toEqual({ '2024-02': 80, '2024-05': 40 });
    expect(monthsOf(ws.sqlite, 3)).toEqual({ '2024-04': 70 });
    // The data's last date is the latest close date (2024-03-01) or revenue period (2024-05-01).
    expect(monthsOf(ws.sqlite, 4)).toEqual({ '2024-03': 100, '2024-04': 100, '2024-05': 100 });
    expect(ws.sqlite.prepare('SELECT account_id, source FROM retention_customers ORDER BY 1').all()).toEqual([
      { account_id: 1, source: 'mrr' },
      { account_id: 2, source: 'invoice' },
      { account_id: 3, source: 'mrr' },
      { account_id: 4, source: 'deals' },
    ]);
  });
});
