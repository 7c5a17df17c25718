// The deals table's SQL on a hand-built workspace: pages, sorts, every filter, totals with the win
// rate, and the query plans that keep a page fast on a million deals.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DealFilter, DealSort } from '#shared/domain/deals.ts';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { dealOptions } from '#core/deals/deal-options.ts';
import { dealsSummary, listDeals, pageSql } from '#core/deals/deals-queries.ts';
import { insertDeals } from '../../support/insert.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

const byAmount: DealSort = { column: 'amount', direction: 'desc' };

describe('deals table queries', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let acme: number;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertDeals(ws.sqlite, [
      {
        name: 'Alpha renewal',
        outcome: 'won',
        amount: 1000,
        closeDate: '2025-01-15',
        segment: 'SMB',
        region: 'NA',
        competitors: ['Acme'],
      },
      {
        name: 'Beta',
        outcome: 'lost',
        amount: 2000,
        closeDate: '2025-02-10',
        segment: 'SMB',
        region: 'EMEA',
        competitors: ['Acme', 'Brightline'],
      },
      {
        name: 'Gamma',
        outcome: 'won',
        amount: 3000,
        closeDate: '2025-04-05',
        segment: 'Mid',
        region: 'NA',
        competitors: ['Brightline'],
      },
      { name: 'Delta', outcome: 'no_decision', amount: 500, closeDate: '2025-03-01', segment: 'Mid', region: 'EMEA' },
      { name: 'Epsilon', outcome: 'open', amount: 4000, segment: 'SMB', region: 'NA', competitors: ['Acme'] },
      {
        name: 'Zeta',
        outcome: 'lost',
        amount: null,
        closeDate: '2025-03-20',
        segment: 'Ent',
        region: 'NA',
        competitors: ['Acme'],
      },
    ]);
    ws.sqlite.prepare("INSERT INTO accounts (id, name) VALUES (1, 'Northwind Traders')").run();
    ws.sqlite.prepare("UPDATE deals SET account_id = 1 WHERE name = 'Delta'").run();
    acme = ws.sqlite.prepare("SELECT id FROM competitors WHERE name = 'Acme'").pluck().get() as number;
  });
  afterEach(() => cleanup());

  const names = (filter: DealFilter, sort = byAmount, offset = 0, limit = 100) =>
    listDeals(ws.sqlite, filter, sort, offset, limit).rows.map((r) => r.name);

  it('sorts in SQL (nulls last when descending) and pages without overlap', () => {
    expect(names({})).toEqual(['Epsilon', 'Gamma', 'Beta', 'Alpha renewal', 'Delta', 'Zeta']);
    expect(names({}, { column: 'amount', direction: 'asc' })).toEqual([
      'Zeta',
      'Delta',
      'Alpha renewal',
      'Beta',
      'Gamma',
      'Epsilon',
    ]);
    expect(names({}, byAmount, 2, 2)).toEqual(['Beta', 'Alpha renewal']);
    expect(names({}, { column: 'closeDate', direction: 'desc' })).toEqual([
      'Gamma',
      'Zeta',
      'Delta',
      'Beta',
      'Alpha renewal',
      'Epsilon',
    ]);
    expect(names({}, { column: 'account', direction: 'desc' })[0]).toBe('Delta');
  });

  it('returns each row with its names, the primary competitor first', () => {
    const beta = listDeals(ws.sqlite, { search: 'beta' }, byAmount, 0, 10).rows[0]!;
    expect(beta).toMatchObject({
      name: 'Beta',
      amount: 2000,
      outcome: 'lost',
      competitors: ['Acme', 'Brightline'],
      primaryCompetitor: 'Acme',
      segment: 'SMB',
    });
  });

  it('filters by competitor and close period, outcome, segment, region, amount range and search', () => {
    expect(names({ competitorId: acme, closeFrom: '2025-01-01', closeTo: '2025-03-31' })).toEqual([
      'Beta',
      'Alpha renewal',
      'Zeta',
    ]);
    expect(names({ outcomes: ['won', 'no_decision'] })).toEqual(['Gamma', 'Alpha renewal', 'Delta']);
    expect(names({ segments: ['Mid'] })).toEqual(['Gamma', 'Delta']);
    expect(names({ regions: ['EMEA'], outcomes: ['lost'] })).toEqual(['Beta']);
    expect(names({ amountMin: 1000, amountMax: 3000 })).toEqual(['Gamma', 'Beta', 'Alpha renewal']);
    expect(names({ search: 'ETA' })).toEqual(['Beta', 'Zeta']);
    expect(names({ search: 'northwind' })).toEqual(['Delta']);
    expect(names({ search: '%' })).toEqual([]);
    expect(names({ dealTypes: ['renewal'] })).toEqual([]);
  });

  it('totals the filtered deals: count, amount, and the win rate with n under the setting in force', () => {
    const all = dealsSummary(ws.sqlite, {}, DEFAULT_SETTINGS);
    expect(all).toMatchObject({ deals: 6, amount: 10500, won: 2, closed: 5, wonAmount: 4000, closedAmount: 6500 });
    expect(all.winRate).toMatchObject({ hits: 2, n: 5, rate: 0.4, confidence: 'low' });
    const withoutNoDecision = dealsSummary(ws.sqlite, {}, { ...DEFAULT_SETTINGS, includeNoDecision: false });
    expect(withoutNoDecision.winRate).toMatchObject({ hits: 2, n: 4, rate: 0.5, confidence: 'hidden' });
    const acmeQ1 = dealsSummary(
      ws.sqlite,
      { competitorId: acme, closeFrom: '2025-01-01', closeTo: '2025-03-31' },
      DEFAULT_SETTINGS,
    );
    expect(acmeQ1).toMatchObject({ deals: 3, amount: 3000, won: 1, closed: 3 });
  });

  it('offers the values to filter by', () => {
    const o = dealOptions(ws.sqlite);
    expect(o.competitors.map((c) => c.name)).toEqual(['Acme', 'Brightline']);
    expect(o.segments).toEqual(['Ent', 'Mid', 'SMB']);
    expect(o.regions).toEqual(['EMEA', 'NA']);
    expect([o.firstCloseDate, o.lastCloseDate]).toEqual(['2025-01-15', '2025-04-05']);
  });

  it('remembers the choices until this or another connection writes', () => {
    const first = dealOptions(ws.sqlite);
    expect(dealOptions(ws.sqlite)).toBe(first);
    // This connection writes: the lists are read again.
    ws.sqlite.prepare("UPDATE deals SET region = 'APAC' WHERE id = (SELECT min(id) FROM deals)").run();
    const afterOwn = dealOptions(ws.sqlite);
    expect(afterOwn).not.toBe(first);
    expect(afterOwn.regions).toContain('APAC');
    // Another connection (as a job worker) commits: read again too.
    const other = new Database(ws.path);
    other.prepare("UPDATE deals SET segment = 'Public' WHERE id = (SELECT max(id) FROM deals)").run();
    other.close();
    expect(dealOptions(ws.sqlite).segments).toContain('Public');
  });

  // The page's ids come from walking one index in sort order, with the filters checked on the
  // way, and no sort of the table: that is what keeps 100 rows of a million deals at ~1 ms.
  it.each<[DealSort['column'], string, DealFilter]>([
    ['amount', 'deals_amount_close', { competitorId: 1, closeFrom: '2025-01-01', closeTo: '2025-03-31' }],
    ['closeDate', 'deals_close', { closeFrom: '2025-01-01' }],
    ['createdDate', 'deals_created', {}],
    ['name', 'deals_name', { outcomes: ['won'] }],
  ])('sorting by %s walks %s without sorting the table', (column, index, filter) => {
    const { sql, params } = pageSql(filter, { column, direction: 'desc' });
    const plan = ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 100, 0) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const materialize = plan.find((p) => p.detail.startsWith('MATERIALIZE'))!;
    const inPage = new Set([materialize.id]);
    for (const p of plan) if (inPage.has(p.parent)) inPage.add(p.id);
    const pageSteps = plan.filter((p) => inPage.has(p.id) && p.id !== materialize.id).map((p) => p.detail);
    expect(pageSteps.some((d) => d.includes(`INDEX ${index}`))).toBe(true);
    expect(pageSteps.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
  });

  it('filters by a rarely met competitor through the list of its deals, then sorts those', () => {
    const { sql, params } = pageSql({ competitorId: 1 }, { column: 'amount', direction: 'desc' }, 12);
    const plan = (ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 100, 0) as { detail: string }[]).map(
      (p) => p.detail,
    );
    expect(plan).toContain(
      'SEARCH deal_competitors USING COVERING INDEX deal_competitors_competitor (competitor_id=?)',
    );
    expect(names({ competitorId: acme })).toEqual(['Epsilon', 'Beta', 'Alpha renewal', 'Zeta']);
  });
});
