// Change over time and trends on the literal dataset (dataset.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { compareMatrix, matrixTrend } from '#core/win-rates/change-queries.ts';
import { newcombe } from '#shared/analytics/newcombe.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { MatrixQuery } from '#shared/domain/win-rates.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { insertDataset } from './dataset.ts';

describe('change over time', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let settings: Settings;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertDataset(ws.sqlite);
    settings = readSettings(ws.sqlite);
  });
  afterAll(() => cleanup());
  const q: MatrixQuery = { rows: 'competitor', cols: 'none', measure: 'count', period: {}, filters: [] };

  it('pairs each cell over two periods with its Newcombe interval (B - A)', () => {
    // A = first half of 2025: deals 1-5; B = second half: 6, 8, 9.
    const ch = compareMatrix(
      ws.sqlite,
      q,
      { from: '2025-01-01', to: '2025-06-30' },
      { from: '2025-07-01', to: '2025-12-31' },
      settings,
    );
    const row = (key: string | null) => ch.rowTotals.find((c) => c.row === key)!;
    // Acme: A = 1, 2, 4 (2 of 3); B = 8 (1 of 1). Change 1 - 2/3 with newcombe(1, 1, 2, 3).
    const acme = row('1');
    const expected = newcombe(1, 1, 2, 3)!;
    expect([acme.a?.won, acme.a?.closed, acme.b?.won, acme.b?.closed]).toEqual([2, 3, 1, 1]);
    expect(acme.difference).toBeCloseTo(1 / 3, 12);
    expect(acme.low).toBeCloseTo(expected.low, 12);
    expect(acme.high).toBeCloseTo(expected.high, 12);
    expect(acme.significant).toBe(false);
    // Bolt: A = 2, 3, 4 (1 of 3); B = 6 (0 of 1).
    expect(row('2').difference).toBeCloseTo(-1 / 3, 12);
    // No competitor: A = 5 (1 of 1), B = 9 (0 of 1).
    expect(row(null).difference).toBe(-1);
    // Overall: A 3 of 5 (deals 2 and 4 once), B 1 of 3.
    expect([ch.overall.a?.won, ch.overall.a?.closed, ch.overall.b?.won, ch.overall.b?.closed]).toEqual([3, 5, 1, 3]);
    expect(ch.rows.map((r) => r.label)).toEqual(['Acme', 'Bolt', 'No competitor recorded']);
  });

  it('reports no change where one period has no closed deals', () => {
    const ch = compareMatrix(
      ws.sqlite,
      { ...q, cols: 'segment' },
      { from: '2025-01-01', to: '2025-03-31' },
      { from: '2025-04-01', to: '2025-06-30' },
      settings,
    );
    // Acme x SMB: deals 1, 2 in A, nothing in B.
    const c = ch.cells.find((x) => x.row === '1' && x.col === 'SMB')!;
    expect(c).toMatchObject({ difference: null, low: null, significant: false, b: null });
    expect(c.a?.closed).toBe(2);
  });

  it('gives each row its quarterly trend, gaps filled', () => {
    const t = matrixTrend(ws.sqlite, q, 'closeQuarter', settings);
    expect(t.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    const acme = t.rows.find((r) => r.row === '1')!;
    expect(acme.points.map((p) => [p.period, p.won, p.closed])).toEqual([
      ['2025-Q1', 1, 2],
      ['2025-Q2', 1, 1],
      ['2025-Q3', 1, 1],
    ]);
    const none = t.rows.find((r) => r.row === null)!;
    expect(none.points.map((p) => p.closed)).toEqual([0, 1, 1]);
    expect(t.overall.map((p) => [p.won, p.closed])).toEqual([
      [1, 2],
      [2, 3],
      [1, 3],
    ]);
    expect(matrixTrend(ws.sqlite, { ...q, rows: 'closeYear' }, 'closeQuarter', settings).rows).toEqual([]);
  });
});
