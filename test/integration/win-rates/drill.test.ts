// Drill-down returns exactly the deals a cell or total counts: for every cell and total of several
// matrices on the literal dataset, the list's total equals the figure's n, and the ids are right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { drillDeals } from '#core/win-rates/drill-queries.ts';
import { computeMatrix } from '#core/win-rates/matrix-queries.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { CellRef, MatrixQuery } from '#shared/domain/win-rates.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { insertDataset } from './dataset.ts';

const page = { offset: 0, limit: 500, sort: 'closeDate' as const, descending: false };

describe('drill-down', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let settings: Settings;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertDataset(ws.sqlite);
    settings = readSettings(ws.sqlite);
  });
  afterAll(() => cleanup());

  const ids = (q: MatrixQuery, cell: CellRef) => drillDeals(ws.sqlite, q, cell, settings, page).deals.map((d) => d.id);

  it.each<[string, Partial<MatrixQuery>]>([
    ['competitor x segment', {}],
    ['head-to-head x region', { rows: 'primaryCompetitor', cols: 'region' }],
    ['segment x close month, by amount', { rows: 'segment', cols: 'closeMonth', measure: 'amount' }],
    [
      'size band x owner, in a period',
      { rows: 'sizeBand', cols: 'owner', period: { from: '2025-02-01', to: '2025-08-31' } },
    ],
    ['competitor alone, filtered on sector', { cols: 'none', filters: [{ dim: 'sector', values: ['Retail'] }] }],
  ])('%s: every cell and total lists exactly its n deals', (_, over) => {
    const q: MatrixQuery = { rows: 'competitor', cols: 'segment', measure: 'count', period: {}, filters: [], ...over };
    const m = computeMatrix(ws.sqlite, q, settings);
    const check = (cell: CellRef, n: number) => expect(drillDeals(ws.sqlite, q, cell, settings, page).total).toBe(n);
    for (const c of m.cells) check({ row: c.row, col: c.col }, c.closed);
    for (const t of m.rowTotals) check({ row: t.row }, t.closed);
    if (q.cols !== 'none') for (const t of m.colTotals) check({ col: t.col }, t.closed);
    check({}, m.overall.closed);
  });

  it('lists the right deals, once each, for cells, totals and "not set" values', () => {
    const q: MatrixQuery = { rows: 'competitor', cols: 'segment', measure: 'count', period: {}, filters: [] };
    expect(ids(q, { row: '1', col: 'SMB' })).toEqual([1, 2]);
    expect(ids(q, { col: 'SMB' })).toEqual([1, 2, 3]); // deal 2 once, though it has two competitors
    expect(ids(q, { row: '2' })).toEqual([2, 3, 4, 6]);
    expect(ids(q, { row: null, col: 'Mid-market' })).toEqual([5, 9]);
    expect(ids(q, { row: '1', col: null })).toEqual([8]);
    expect(ids(q, {})).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
    expect(ids({ ...q, rows: 'primaryCompetitor' }, { row: '2' })).toEqual([3, 6]);
  });

  it('pages and sorts in SQL, and describes each deal', () => {
    const q: MatrixQuery = { rows: 'segment', cols: 'none', measure: 'count', period: {}, filters: [] };
    const first = drillDeals(ws.sqlite, q, {}, settings, { offset: 0, limit: 3, sort: 'amount', descending: true });
    expect(first.total).toBe(8);
    // Amounts: 6 = 1000, 9 = 400, 5 = 300 ... deal 8 has none and sorts last either way.
    expect(first.deals.map((d) => d.id)).toEqual([6, 9, 5]);
    const last = drillDeals(ws.sqlite, q, {}, settings, { offset: 6, limit: 3, sort: 'amount', descending: true });
    expect(last.deals.map((d) => d.id)).toEqual([4, 8]);
    const byName = drillDeals(ws.sqlite, q, { row: 'SMB' }, settings, {
      offset: 0,
      limit: 10,
      sort: 'name',
      descending: false,
    });
    expect(byName.deals[1]).toEqual({
      id: 2,
      externalId: 'OPP-2',
      name: 'Deal 2',
      account: 'Globex',
      amount: 200,
      closeDate: '2025-02-10',
      outcome: 'lost',
      segment: 'SMB',
      owner: 'Ben',
      competitors: 'Acme, Bolt',
    });
  });
});
