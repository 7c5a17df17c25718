// deal_competitors' copies of the deal fields, first_for_deal and deals.competitor_count are kept
// by triggers on every write and filled in by the migration; the matrix queries read them through
// their covering indexes (checked with EXPLAIN QUERY PLAN), never by a table scan.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '#core/db/migrations.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { copiesSql, joinSql } from '#core/win-rates/matrix-queries.ts';
import type { MatrixQuery } from '#shared/domain/win-rates.ts';
import { tempDir, tempWorkspace } from '../../support/temp-workspace.ts';

type Copy = {
  deal_id: number;
  competitor_id: number;
  deal_outcome: string;
  deal_close_date: string | null;
  deal_created_date: string | null;
  deal_amount: number | null;
  deal_segment: string | null;
  deal_region: string | null;
  deal_product_id: number | null;
  deal_type: string | null;
  first_for_deal: number;
};

function copies(ws: Workspace): Copy[] {
  return ws.sqlite
    .prepare(
      `SELECT deal_id, competitor_id, deal_outcome, deal_close_date, deal_created_date, deal_amount, deal_segment, deal_region, deal_product_id,
              deal_type, first_for_deal FROM deal_competitors ORDER BY deal_id, competitor_id`,
    )
    .all() as Copy[];
}
const counts = (ws: Workspace) =>
  (
    ws.sqlite.prepare('SELECT id, competitor_count AS n FROM deals ORDER BY id').all() as { id: number; n: number }[]
  ).map((r) => [r.id, r.n]);

describe('win-rate copies on deal_competitors', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    ws.sqlite.exec(`
      INSERT INTO competitors (id, name) VALUES (1, 'Acme'), (2, 'Bolt'), (3, 'Crux');
      INSERT INTO products (id, name) VALUES (7, 'Core');
      INSERT INTO deals (id, name, outcome, close_date, created_date, amount, segment, region, product_id, deal_type)
        VALUES (10, 'A', 'won', '2025-03-01', '2025-01-15', 500, 'SMB', 'EMEA', 7, 'new_business'),
               (11, 'B', 'open', NULL, NULL, 90, 'Mid-market', 'APAC', NULL, 'renewal');`);
  });
  afterEach(() => cleanup());

  it('copies the deal fields and marks the lowest competitor of each deal on insert', () => {
    ws.sqlite.exec(
      `INSERT INTO deal_competitors (deal_id, competitor_id, is_primary) VALUES (10, 2, 1), (10, 1, 0), (11, 3, 1);`,
    );
    expect(copies(ws)).toEqual([
      {
        deal_id: 10,
        competitor_id: 1,
        deal_outcome: 'won',
        deal_close_date: '2025-03-01',
        deal_created_date: '2025-01-15',
        deal_amount: 500,
        deal_segment: 'SMB',
        deal_region: 'EMEA',
        deal_product_id: 7,
        deal_type: 'new_business',
        first_for_deal: 1,
      },
      {
        deal_id: 10,
        competitor_id: 2,
        deal_outcome: 'won',
        deal_close_date: '2025-03-01',
        deal_created_date: '2025-01-15',
        deal_amount: 500,
        deal_segment: 'SMB',
        deal_region: 'EMEA',
        deal_product_id: 7,
        deal_type: 'new_business',
        first_for_deal: 0,
      },
      {
        deal_id: 11,
        competitor_id: 3,
        deal_outcome: 'open',
        deal_close_date: null,
        deal_created_date: null,
        deal_amount: 90,
        deal_segment: 'Mid-market',
        deal_region: 'APAC',
        deal_product_id: null,
        deal_type: 'renewal',
        first_for_deal: 1,
      },
    ]);
    expect(counts(ws)).toEqual([
      [10, 2],
      [11, 1],
    ]);
  });

  it('follows edits of the deal, deletes, merges (competitor id changes) and deleted deals', () => {
    ws.sqlite.exec(
      `INSERT INTO deal_competitors (deal_id, competitor_id, is_primary) VALUES (10, 1, 1), (10, 2, 0), (11, 3, 1);`,
    );
    ws.sqlite.exec(
      `UPDATE deals SET outcome = 'lost', close_date = '2025-04-02', created_date = '2025-02-01', amount = 0, segment = NULL, region = 'NA', deal_type = 'expansion' WHERE id = 11`,
    );
    expect(copies(ws).find((c) => c.deal_id === 11)).toMatchObject({
      deal_outcome: 'lost',
      deal_close_date: '2025-04-02',
      deal_created_date: '2025-02-01',
      deal_amount: 0,
      deal_segment: null,
      deal_region: 'NA',
      deal_type: 'expansion',
    });
    // Removing the first competitor promotes the next one.
    ws.sqlite.exec('DELETE FROM deal_competitors WHERE deal_id = 10 AND competitor_id = 1');
    expect(
      copies(ws)
        .filter((c) => c.deal_id === 10)
        .map((c) => [c.competitor_id, c.first_for_deal]),
    ).toEqual([[2, 1]]);
    // A merge moves deal 11's Crux to Acme (id 1) and deal 10's Bolt to deal 11.
    ws.sqlite.exec('UPDATE deal_competitors SET competitor_id = 1 WHERE deal_id = 11 AND competitor_id = 3');
    ws.sqlite.exec('UPDATE deal_competitors SET deal_id = 11 WHERE deal_id = 10 AND competitor_id = 2');
    expect(copies(ws).map((c) => [c.deal_id, c.competitor_id, c.first_for_deal, c.deal_outcome])).toEqual([
      [11, 1, 1, 'lost'],
      [11, 2, 0, 'lost'],
    ]);
    expect(counts(ws)).toEqual([
      [10, 0],
      [11, 2],
    ]);
    ws.sqlite.exec('DELETE FROM deals WHERE id = 11');
    expect(copies(ws)).toEqual([]);
    expect(counts(ws)).toEqual([[10, 0]]);
  });
});

describe('the win-rate migrations on a workspace that already holds deals', () => {
  it('fill the copies, first marks and competitor counts of existing rows', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'old.winnow');
      const all = readMigrations(defaultMigrationsDir());
      // The workspace as it was before the migration that adds the copies (a prefix: migrations
      // apply in order).
      const first = all.findIndex((m) => m.statements.some((st) => st.includes('ADD `deal_outcome`')));
      const foundation = all.slice(0, first);
      const old = await openWorkspace(path, { mode: 'create', migrations: foundation });
      old.sqlite.exec(`
        INSERT INTO competitors (id, name) VALUES (1, 'Acme'), (2, 'Bolt');
        INSERT INTO deals (id, name, outcome, close_date, amount, segment) VALUES (1, 'A', 'lost', '2025-01-01', 10, 'SMB'), (2, 'B', 'won', '2025-02-01', 20, NULL), (3, 'C', 'won', '2025-02-02', 5, 'SMB');
        INSERT INTO deal_competitors (deal_id, competitor_id, is_primary) VALUES (1, 2, 1), (1, 1, 0), (2, 2, 1);`);
      old.close();
      if (foundation.length === all.length) throw new Error('win-rate migrations not found');
      const ws = await openWorkspace(path, { mode: 'open', migrations: all });
      try {
        expect(
          copies(ws).map((c) => [
            c.deal_id,
            c.competitor_id,
            c.deal_outcome,
            c.deal_amount,
            c.deal_segment,
            c.first_for_deal,
          ]),
        ).toEqual([
          [1, 1, 'lost', 10, 'SMB', 1],
          [1, 2, 'lost', 10, 'SMB', 0],
          [2, 2, 'won', 20, null, 1],
        ]);
        expect(counts(ws)).toEqual([
          [1, 2],
          [2, 1],
          [3, 0],
        ]);
        expect(ws.backupPath).not.toBeNull();
      } finally {
        ws.close();
      }
    } finally {
      cleanup();
    }
  });
});

describe('matrix query plans', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  const plan = (part: { sql: string; params: (string | number)[] }) =>
    (ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${part.sql}`).all(...part.params) as { detail: string }[]).map(
      (r) => r.detail,
    );
  const base: MatrixQuery = { rows: 'competitor', cols: 'segment', measure: 'count', period: {}, filters: [] };

  it.each([
    ['competitor x segment', base],
    ['with a close period', { ...base, period: { from: '2025-01-01', to: '2025-12-31' } }],
    ['by amount, filtered on segment', { ...base, measure: 'amount', filters: [{ dim: 'segment', values: ['SMB'] }] }],
    ['segment x competitor', { ...base, rows: 'segment', cols: 'competitor' }],
    [
      'competitor x region, new business',
      { ...base, cols: 'region', filters: [{ dim: 'dealType', values: ['new_business'] }] },
    ],
    [
      'competitor x close quarter, product filter',
      { ...base, cols: 'closeQuarter', filters: [{ dim: 'product', values: ['1'] }] },
    ],
  ] as [string, MatrixQuery][])('%s reads only the covering indexes', (_, q) => {
    const [competitors, uncontested] = copiesSql(q, true);
    const only = (index: string) =>
      new RegExp(`^((SCAN|SEARCH) dc? USING COVERING INDEX ${index}( \\(.*\\))?|USE TEMP B-TREE FOR GROUP BY)$`);
    expect(plan(competitors!)[0]).toMatch(/USING COVERING INDEX deal_competitors_matrix/);
    for (const line of plan(competitors!)) expect(line).toMatch(only('deal_competitors_matrix'));
    expect(plan(uncontested!)[0]).toMatch(/USING COVERING INDEX deals_without_competitor/);
    for (const line of plan(uncontested!)) expect(line).toMatch(only('deals_without_competitor'));
  });

  it.each([
    [
      'win rate by close quarter, new business',
      'closeQuarter',
      'none',
      [{ dim: 'dealType', values: ['new_business'] }],
      {},
    ],
    ['region in a close period', 'region', 'none', [], { from: '2025-01-01', to: '2025-12-31' }],
    [
      'product x deal type, new business in a period',
      'product',
      'dealType',
      [{ dim: 'dealType', values: ['new_business'] }],
      { from: '2025-01-01' },
    ],
  ] as [string, MatrixQuery['rows'], MatrixQuery['cols'], MatrixQuery['filters'], MatrixQuery['period']][])(
    '%s reads a covering index of deals, not the table',
    (_, rows, cols, filters, period) => {
      const lines = plan(joinSql({ ...base, rows, cols, filters, period }, rows, cols, true));
      expect(lines[0]).toMatch(
        /^(SCAN|SEARCH) d USING COVERING INDEX deals_(close_matrix|segment_matrix|type_outcome_close)/,
      );
    },
  );

  it('segment x close quarter reads the deals segment index, not the table', () => {
    const lines = plan(joinSql({ ...base, rows: 'segment', cols: 'closeQuarter' }, 'segment', 'closeQuarter', true));
    expect(lines[0]).toBe('SCAN d USING COVERING INDEX deals_segment_matrix');
    expect(lines.join(' ')).not.toMatch(/SCAN (d|deals)( |$)(?!USING)/);
  });
});
