// The maintained tables follow the data: triggers list changed accounts, a refresh recomputes just
// those (or everything when the data's last month moves), and a cancelled refresh changes nothing.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '#core/db/migrations.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { JobRunner } from '#core/jobs/job-runner.ts';
import { AppError } from '#core/errors.ts';
import { ensureFresh, INLINE_REFRESH_LIMIT, planRefresh, refreshRetention } from '#core/retention/retention-refresh.ts';
import { MEASURES_SQL, readCells } from '#core/retention/cell-measures.ts';
import { periodOfMonth, periodsPerYear } from '#shared/analytics/cohort-periods.ts';
import { GRAIN_MONTHS, GRAINS } from '#shared/domain/retention.ts';
import { tempDir, tempWorkspace } from '../../support/temp-workspace.ts';
import { insertAccounts, insertContracts, insertRevenueLines, m, monthsOf } from './insert-revenue.ts';

/** retention_cells against the same measures summed now over retention_periods, every grain. */
function expectCellsMatchRows(ws: Workspace): void {
  const asOfMonth = planRefresh(ws.sqlite).asOfMonth!;
  for (const grain of GRAINS) {
    const g = GRAIN_MONTHS[grain];
    const asOf = periodOfMonth(asOfMonth, grain);
    const live = ws.sqlite
      .prepare(
        `SELECT rp.cohort, rp.period, ${MEASURES_SQL} FROM retention_periods rp
          WHERE rp.grain = @g GROUP BY rp.cohort, rp.period ORDER BY rp.cohort, rp.period`,
      )
      .all({ g, asOf, lag: periodsPerYear(grain) });
    expect(readCells(ws.sqlite, g, asOf)).toEqual(live);
    expect(live.length).toBeGreaterThan(0);
  }
}

const dirty = (ws: Workspace) =>
  (ws.sqlite.prepare('SELECT account_id FROM retention_dirty ORDER BY 1').all() as { account_id: number }[]).map(
    (r) => r.account_id,
  );

describe('retention refresh', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertAccounts(ws.sqlite, [{ id: 1 }, { id: 2 }, { id: 3 }]);
    insertContracts(ws.sqlite, [
      { id: 10, accountId: 1, amount: 1200, contractStart: '2024-01-01', contractEnd: '2024-12-31' },
      { id: 11, accountId: 2, amount: 2400, contractStart: '2024-02-01', contractEnd: '2025-01-31' },
      { id: 12, accountId: 3, amount: 600, outcome: 'lost', closeDate: '2024-06-15' },
    ]);
  });
  afterEach(() => cleanup());

  it('is a table and triggers of its own migration', () => {
    const tags = readMigrations(defaultMigrationsDir()).map((x) => x.tag);
    expect(tags.some((t) => t.endsWith('_retention'))).toBe(true);
    expect(tags.some((t) => t.endsWith('_retention_periods'))).toBe(true);
    const sql = (
      ws.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'retention_periods'").get() as { sql: string }
    ).sql;
    expect(sql).toMatch(/WITHOUT ROWID/);
  });

  it('builds everything the first time, then nothing until the data changes', () => {
    expect(dirty(ws)).toEqual([1, 2]); // won deals only
    const first = planRefresh(ws.sqlite);
    expect(first).toMatchObject({ upToDate: false, full: true, asOf: '2024-06-15', asOfMonth: m('2024-06') });
    expect(refreshRetention(ws.sqlite)).toMatchObject({ full: true, accounts: 2, customers: 2, asOf: '2024-06-15' });
    expect(dirty(ws)).toEqual([]);
    expect(planRefresh(ws.sqlite)).toMatchObject({ upToDate: true, full: false, accounts: 0 });
    expect(refreshRetention(ws.sqlite)).toMatchObject({ accounts: 0, customers: 2 });
  });

  it('recomputes only the accounts whose deals or revenue lines changed', () => {
    refreshRetention(ws.sqlite);
    ws.sqlite.prepare('UPDATE deals SET amount = 2400 WHERE id = 10').run();
    ws.sqlite.prepare("UPDATE deals SET name = 'renamed' WHERE id = 11").run(); // not a revenue column
    ws.sqlite.prepare("UPDATE deals SET stage = 'Closed Lost' WHERE id = 12").run();
    expect(dirty(ws)).toEqual([1]);
    expect(planRefresh(ws.sqlite)).toMatchObject({ upToDate: false, full: false, accounts: 1 });
    expect(refreshRetention(ws.sqlite)).toMatchObject({ full: false, accounts: 1, customers: 2 });
    expect(monthsOf(ws.sqlite, 1)['2024-03']).toBeCloseTo(200, 9);
    expect(monthsOf(ws.sqlite, 2)['2024-03']).toBeCloseTo(200, 9);

    // A lost deal turning won makes its account a customer.
    ws.sqlite
      .prepare(
        "UPDATE deals SET outcome = 'won', contract_start = '2024-05-01', contract_end = '2025-04-30' WHERE id = 12",
      )
      .run();
    expect(dirty(ws)).toEqual([3]);
    refreshRetention(ws.sqlite);
    expect(monthsOf(ws.sqlite, 3)).toEqual({ '2024-05': 50, '2024-06': 50 });

    // Revenue lines take over an account from its deals.
    insertRevenueLines(ws.sqlite, [{ accountId: 2, period: '2024-03-01', amount: 75 }]);
    expect(dirty(ws)).toEqual([2]);
    refreshRetention(ws.sqlite);
    expect(monthsOf(ws.sqlite, 2)).toEqual({ '2024-03': 75 });

    // Deleting an account removes its revenue lines (cascade), marks it, and the refresh drops it.
    ws.sqlite.prepare('DELETE FROM accounts WHERE id = 2').run();
    expect(dirty(ws)).toEqual([2]);
    refreshRetention(ws.sqlite);
    expect(monthsOf(ws.sqlite, 2)).toEqual({});
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM retention_customers WHERE account_id = 2').get()).toEqual({
      n: 0,
    });

    // After all these partial refreshes, the kept sums equal the rows summed afresh.
    expectCellsMatchRows(ws);
  });

  it('rebuilds everything when the data reaches a new month', () => {
    refreshRetention(ws.sqlite);
    insertContracts(ws.sqlite, [{ accountId: 3, amount: 100, outcome: 'lost', closeDate: '2024-06-30' }]);
    expect(planRefresh(ws.sqlite)).toMatchObject({ upToDate: true }); // same month
    insertContracts(ws.sqlite, [{ accountId: 3, amount: 100, outcome: 'lost', closeDate: '2024-08-02' }]);
    const plan = planRefresh(ws.sqlite);
    expect(plan).toMatchObject({ upToDate: false, full: true, asOfMonth: m('2024-08') });
    refreshRetention(ws.sqlite);
    expect(Object.keys(monthsOf(ws.sqlite, 1)).at(-1)).toBe('2024-08');
  });

  it('a cancelled refresh rolls back; a read refreshes inline only when little changed', () => {
    refreshRetention(ws.sqlite);
    ws.sqlite.prepare('UPDATE deals SET amount = 6000 WHERE id = 10').run();
    const error = (() => {
      try {
        refreshRetention(ws.sqlite, {}, { cancelled: () => true });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cancelled');
    expect(dirty(ws)).toEqual([1]);
    expect(monthsOf(ws.sqlite, 1)['2024-03']).toBeCloseTo(100, 9);

    expect(ensureFresh(ws.sqlite).upToDate).toBe(true);
    expect(monthsOf(ws.sqlite, 1)['2024-03']).toBeCloseTo(500, 9);

    const many = INLINE_REFRESH_LIMIT + 1;
    ws.sqlite.transaction(() => {
      const st = ws.sqlite.prepare('INSERT INTO retention_dirty (account_id) VALUES (?)');
      for (let i = 0; i < many; i++) st.run(1000 + i);
    })();
    expect(() => ensureFresh(ws.sqlite)).toThrow(/Revenue data changed for 3,001 accounts; rebuild/);
    expect(ensureFresh(ws.sqlite, { inlineAnyway: true }).upToDate).toBe(true);
  });
});

describe('retention rebuild job', () => {
  it('runs in a worker with progress in accounts, and the app connection sees the result', async () => {
    const { ws, cleanup } = await tempWorkspace();
    try {
      insertAccounts(
        ws.sqlite,
        Array.from({ length: 30 }, (_, i) => ({ id: i + 1 })),
      );
      insertContracts(
        ws.sqlite,
        Array.from({ length: 30 }, (_, i) => ({ accountId: i + 1, amount: 1200, contractStart: '2024-01-10' })),
      );
      const runner = new JobRunner(new URL('../../../electron/core/jobs/job-worker.ts', import.meta.url));
      const { id } = runner.start('retention', {}, ws.path, ws.schemaVersion);
      const end = await runner.wait(id);
      expect(end).toMatchObject({ state: 'done', unit: 'accounts', processed: 30, total: 30 });
      expect(end.result).toMatchObject({ full: true, customers: 30 });
      expect(planRefresh(ws.sqlite).upToDate).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('upgrading a workspace from before retention adds empty tables and builds them on first read', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const all = readMigrations(defaultMigrationsDir());
      // Migrations apply in order: the workspace as it was just before the first retention migration.
      const before = all.slice(
        0,
        all.findIndex((x) => x.tag.includes('retention')),
      );
      const path = join(dir, 'old.winnow');
      const old = await openWorkspace(path, { mode: 'create', migrations: before });
      insertAccounts(old.sqlite, [{ id: 1 }]);
      insertContracts(old.sqlite, [{ accountId: 1, amount: 1200, contractStart: '2024-01-10' }]);
      old.close();
      const ws = await openWorkspace(path, { mode: 'open' });
      try {
        expect(ws.schemaVersion).toBe(all.length);
        expect(ws.backupPath).not.toBeNull();
        expect(planRefresh(ws.sqlite)).toMatchObject({ upToDate: false, full: true, asOf: '2024-01-10' });
        expect(refreshRetention(ws.sqlite)).toMatchObject({ full: true, customers: 1 });
        expect(monthsOf(ws.sqlite, 1)).toEqual({ '2024-01': 100 });
      } finally {
        ws.close();
      }
    } finally {
      cleanup();
    }
  });
});
