// The win-rate matrix on the literal dataset of dataset.ts: every cell, total and interval below
// was worked out by hand from that table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { computeMatrix } from '#core/win-rates/matrix-queries.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { MatrixFigures, MatrixQuery, MatrixResult } from '#shared/domain/win-rates.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { insertDataset } from './dataset.ts';

const q = (over: Partial<MatrixQuery>): MatrixQuery => ({
  rows: 'competitor',
  cols: 'segment',
  measure: 'count',
  period: {},
  filters: [],
  ...over,
});

/** [won, closed, wilson low, wilson high] of a figure, to 4 places. */
const f = (x: MatrixFigures | undefined) =>
  x && [x.won, x.closed, Number((x.rate.low ?? NaN).toFixed(4)), Number((x.rate.high ?? NaN).toFixed(4))];
const cell = (m: MatrixResult, row: string | null, col: string | null) =>
  f(m.cells.find((c) => c.row === row && c.col === col));
const rowTotal = (m: MatrixResult, row: string | null) => f(m.rowTotals.find((t) => t.row === row));
const colTotal = (m: MatrixResult, col: string | null) => f(m.colTotals.find((t) => t.col === col));

describe('win-rate matrix', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let settings: Settings;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertDataset(ws.sqlite);
    settings = readSettings(ws.sqlite);
  });
  afterAll(() => cleanup());

  it('competitor x segment: every cell, total and interval (no-decision counted as closed)', () => {
    const m = computeMatrix(ws.sqlite, q({}), settings);
    expect(m.plan).toBe('copies');
    // Rows: Acme (1), Bolt (2), then the deals without a competitor; Crux has only an open deal.
    expect(m.rows).toEqual([
      { key: '1', label: 'Acme' },
      { key: '2', label: 'Bolt' },
      { key: null, label: 'No competitor recorded' },
    ]);
    expect(m.cols.map((c) => c.label)).toEqual(['Enterprise', 'Mid-market', 'SMB', 'Not set']);
    // Acme: deals 1 (won) and 2 (lost) in SMB; 4 (won) in Mid-market; 8 (won) with no segment.
    expect(cell(m, '1', 'SMB')).toEqual([1, 2, 0.0945, 0.9055]);
    expect(cell(m, '1', 'Mid-market')).toEqual([1, 1, 0.2065, 1]); // n = 1
    expect(cell(m, '1', null)).toEqual([1, 1, 0.2065, 1]);
    expect(cell(m, '1', 'Enterprise')).toBeUndefined(); // n = 0: an empty cell
    // Bolt: 2 (lost) and 3 (no decision) in SMB: all lost; 4 (won) in Mid-market: all won; 6 (lost).
    expect(cell(m, '2', 'SMB')).toEqual([0, 2, 0, 0.6576]);
    expect(cell(m, '2', 'Mid-market')).toEqual([1, 1, 0.2065, 1]);
    expect(cell(m, '2', 'Enterprise')).toEqual([0, 1, 0, 0.7935]);
    // No competitor: 5 (won) and 9 (lost), both Mid-market.
    expect(cell(m, null, 'Mid-market')).toEqual([1, 2, 0.0945, 0.9055]);
    expect(m.cells).toHaveLength(7);
    // Row totals: each deal once per competitor.
    expect(rowTotal(m, '1')).toEqual([3, 4, 0.3006, 0.9544]);
    expect(rowTotal(m, '2')).toEqual([1, 4, 0.0456, 0.6994]);
    expect(rowTotal(m, null)).toEqual([1, 2, 0.0945, 0.9055]);
    // Column totals count deals 2 and 4 (two competitors each) once: SMB = 1, 2, 3; Mid = 4, 5, 9.
    expect(colTotal(m, 'SMB')).toEqual([1, 3, 0.0615, 0.7923]);
    expect(colTotal(m, 'Mid-market')).toEqual([2, 3, 0.2077, 0.9385]);
    expect(colTotal(m, 'Enterprise')).toEqual([0, 1, 0, 0.7935]);
    expect(colTotal(m, null)).toEqual([1, 1, 0.2065, 1]);
    // Overall: 8 closed deals (1-6, 8, 9), 4 won; the rows add up to 10 because of deals 2 and 4.
    expect(f(m.overall)).toEqual([4, 8, 0.2152, 0.7848]);
    expect(m.rowTotals.reduce((s, t) => s + t.closed, 0)).toBe(10);
    // Low-n rules with the default thresholds (hide below 5, grey below 10).
    expect(m.overall.rate.confidence).toBe('low');
    expect(m.cells.every((c) => c.rate.confidence === 'hidden')).toBe(true);
    expect(m.notes[0]).toMatch(/counts once under each of them and once in the totals/);
    expect(m.definition).toMatch(/closed = won \+ lost \+ no decision/);
    // Count measure: amounts are not computed.
    expect(m.overall.closedAmount).toBeNull();
  });

  it('gives the same figures through the general join plan, and transposed', () => {
    const copies = computeMatrix(ws.sqlite, q({}), settings);
    // A filter the copies do not hold sends the query down the join plan; owner in (Ana, Ben) keeps every deal.
    const join = computeMatrix(ws.sqlite, q({ filters: [{ dim: 'owner', values: ['1', '2'] }] }), settings);
    expect(join.plan).toBe('join');
    const strip = (m: MatrixResult) => ({ ...m, query: null, plan: null, notes: null });
    expect(strip(join)).toEqual(strip(copies));
    // Region is copied too: both plans agree on competitor x region.
    const regionCopies = computeMatrix(ws.sqlite, q({ cols: 'region' }), settings);
    const regionJoin = computeMatrix(
      ws.sqlite,
      q({ cols: 'region', filters: [{ dim: 'owner', values: ['1', '2'] }] }),
      settings,
    );
    expect(regionCopies.plan).toBe('copies');
    expect(strip(regionJoin)).toEqual(strip(regionCopies));
    expect(cell(regionCopies, '2', 'EMEA')).toEqual([0, 2, 0, 0.6576]); // deals 2 and 6
    const t = computeMatrix(ws.sqlite, q({ rows: 'segment', cols: 'competitor' }), settings);
    expect(t.plan).toBe('copies');
    expect(cell(t, 'SMB', '1')).toEqual([1, 2, 0.0945, 0.9055]);
    expect(rowTotal(t, 'SMB')).toEqual([1, 3, 0.0615, 0.7923]);
    expect(colTotal(t, '2')).toEqual([1, 4, 0.0456, 0.6994]);
    expect(f(t.overall)).toEqual([4, 8, 0.2152, 0.7848]);
  });

  it('leaves no-decision deals out of closed when the setting says so', () => {
    const m = computeMatrix(ws.sqlite, q({}), { ...settings, includeNoDecision: false });
    expect(cell(m, '2', 'SMB')).toEqual([0, 1, 0, 0.7935]); // deal 3 is gone
    expect(colTotal(m, 'SMB')).toEqual([1, 2, 0.0945, 0.9055]);
    expect(f(m.overall)).toEqual([4, 7, 0.2505, 0.8418]);
    expect(m.definition).toMatch(/no-decision and open deals excluded/);
  });

  it('filters on the close period (inclusive) and on dimension values', () => {
    const m = computeMatrix(ws.sqlite, q({ period: { from: '2025-04-05', to: '2025-06-30' } }), settings);
    expect(m.plan).toBe('copies');
    // Deals 3, 4, 5.
    expect(cell(m, '1', 'Mid-market')).toEqual([1, 1, 0.2065, 1]);
    expect(cell(m, '2', 'SMB')).toEqual([0, 1, 0, 0.7935]);
    expect(cell(m, '2', 'Mid-market')).toEqual([1, 1, 0.2065, 1]);
    expect(cell(m, null, 'Mid-market')).toEqual([1, 1, 0.2065, 1]);
    expect(colTotal(m, 'Mid-market')).toEqual([2, 2, 0.3424, 1]);
    expect(f(m.overall)).toEqual([2, 3, 0.2077, 0.9385]);

    const smb = computeMatrix(ws.sqlite, q({ filters: [{ dim: 'segment', values: ['SMB', null] }] }), settings);
    expect(smb.plan).toBe('copies');
    expect(smb.cols.map((c) => c.key)).toEqual(['SMB', null]);
    expect(f(smb.overall)).toEqual([2, 4, 0.15, 0.85]); // deals 1, 2, 3, 8; won 1 and 8

    // Filtering on a competitor keeps the deals it was involved in: Bolt's 2, 3, 4, 6.
    const bolt = computeMatrix(
      ws.sqlite,
      q({ rows: 'segment', cols: 'none', filters: [{ dim: 'competitor', values: ['2'] }] }),
      settings,
    );
    expect(bolt.plan).toBe('join');
    expect(f(bolt.overall)).toEqual([1, 4, 0.0456, 0.6994]);
    const none = computeMatrix(
      ws.sqlite,
      q({ rows: 'segment', cols: 'none', filters: [{ dim: 'competitor', values: [null] }] }),
      settings,
    );
    expect(f(none.overall)).toEqual([1, 2, 0.0945, 0.9055]); // deals 5 and 9
  });

  it('measures by amount, with zero and missing amounts', () => {
    const m = computeMatrix(ws.sqlite, q({ measure: 'amount' }), settings);
    const amt = (x: MatrixFigures | undefined) => x && [x.wonAmount, x.closedAmount, x.amountRate];
    // Acme x SMB: won 100 of 100 + 200.
    expect(amt(m.cells.find((c) => c.row === '1' && c.col === 'SMB'))).toEqual([100, 300, 100 / 300]);
    // Acme x Mid-market: deal 4 has an amount of 0: no rate by amount, though 1 of 1 by count.
    expect(amt(m.cells.find((c) => c.row === '1' && c.col === 'Mid-market'))).toEqual([0, 0, null]);
    // Deal 8 has no amount at all.
    expect(amt(m.cells.find((c) => c.row === '1' && c.col === null))).toEqual([0, 0, null]);
    expect(amt(m.rowTotals.find((t) => t.row === '2'))).toEqual([0, 1250, 0]);
    expect(amt(m.colTotals.find((t) => t.col === 'Mid-market'))).toEqual([300, 700, 300 / 700]);
    // Overall: won 100 + 0 + 300 (+ null) of 100 + 200 + 50 + 0 + 300 + 1000 + 400.
    expect(amt(m.overall)).toEqual([400, 2050, 400 / 2050]);
    expect(m.notes.at(-1)).toMatch(/by amount/);
  });

  it('head-to-head counts a deal only under its primary competitor', () => {
    const m = computeMatrix(ws.sqlite, q({ rows: 'primaryCompetitor' }), settings);
    expect(m.plan).toBe('join');
    expect(rowTotal(m, '1')).toEqual([3, 4, 0.3006, 0.9544]); // 1, 2, 4, 8
    expect(rowTotal(m, '2')).toEqual([0, 2, 0, 0.6576]); // 3, 6
    expect(rowTotal(m, null)).toEqual([1, 2, 0.0945, 0.9055]); // 5, 9
    expect(colTotal(m, 'SMB')).toEqual([1, 3, 0.0615, 0.7923]);
    expect(f(m.overall)).toEqual([4, 8, 0.2152, 0.7848]);
    // Competitor (involved) against head-to-head: both sides multi-valued, totals counted directly.
    const both = computeMatrix(ws.sqlite, q({ rows: 'competitor', cols: 'primaryCompetitor' }), settings);
    expect(cell(both, '2', '1')).toEqual([1, 2, 0.0945, 0.9055]); // deals 2 and 4: Bolt involved, Acme primary
    expect(rowTotal(both, '2')).toEqual([1, 4, 0.0456, 0.6994]);
    expect(colTotal(both, '1')).toEqual([3, 4, 0.3006, 0.9544]);
    expect(f(both.overall)).toEqual([4, 8, 0.2152, 0.7848]);
  });

  it('groups by close period, size band, deal type, owner and account fields', () => {
    const byQuarter = computeMatrix(ws.sqlite, q({ rows: 'closeQuarter', cols: 'none' }), settings);
    expect(byQuarter.rows.map((r) => r.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(byQuarter.rowTotals.map((t) => [t.row, t.won, t.closed])).toEqual([
      ['2025-Q1', 1, 2],
      ['2025-Q2', 2, 3],
      ['2025-Q3', 1, 3],
    ]);
    const bands = computeMatrix(ws.sqlite, q({ rows: 'sizeBand', cols: 'competitor' }), settings);
    expect(bands.plan).toBe('copies');
    expect(bands.rows).toEqual([
      { key: '1', label: 'Under 10k' },
      { key: null, label: 'Not set' },
    ]);
    expect(rowTotal(bands, '1')).toEqual([3, 7, 0.1582, 0.7495]); // every deal but 8 (no amount)
    expect(bands.notes.some((n) => n.includes('Under 10k; 10k to 50k'))).toBe(true);
    const types = computeMatrix(ws.sqlite, q({ rows: 'dealType', cols: 'owner' }), settings);
    expect(types.rows.map((r) => r.label)).toEqual(['New business', 'Renewal']);
    expect(types.cols.map((c) => c.label)).toEqual(['Ana', 'Ben']);
    // Ana owns odd ids (1, 3, 5, 9), Ben even (2, 4, 6, 8).
    expect(cell(types, 'new_business', '1')).toEqual([1, 3, 0.0615, 0.7923]);
    expect(cell(types, 'renewal', '1')).toEqual([1, 1, 0.2065, 1]);
    expect(colTotal(types, '2')).toEqual([2, 4, 0.15, 0.85]);
    const sector = computeMatrix(ws.sqlite, q({ rows: 'sector', cols: 'closeYear' }), settings);
    expect(sector.rows.map((r) => r.label)).toEqual(['Retail', 'Software']);
    expect(rowTotal(sector, 'Retail')).toEqual([2, 4, 0.15, 0.85]); // EMEA accounts: deals 1, 2, 6, 8
  });

  it('refuses what it cannot show, with a message for the user', () => {
    expect(() => computeMatrix(ws.sqlite, q({ rows: 'segment', cols: 'segment' }), settings)).toThrow(
      'Choose different dimensions for rows and columns.',
    );
    expect(() => computeMatrix(ws.sqlite, q({ period: { from: '2025-05-01', to: '2025-01-01' } }), settings)).toThrow(
      /starts \(2025-05-01\) after it ends/,
    );
    expect(() =>
      computeMatrix(ws.sqlite, q({ filters: [{ dim: 'owner', values: ["1' OR 1=1 --"] }] }), settings),
    ).toThrow(/is not a value of Owner/);
  });

  it('is empty, not an error, with no closed deals', () => {
    const m = computeMatrix(ws.sqlite, q({ period: { from: '2030-01-01' } }), settings);
    expect(m.rows).toEqual([]);
    expect(m.cells).toEqual([]);
    expect(m.overall).toMatchObject({ won: 0, closed: 0, rate: { rate: null, low: null, confidence: 'hidden' } });
  });
});
