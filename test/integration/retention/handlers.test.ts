// Retention through the contract's door, as the renderer calls it: arguments validated, the status
// the screen decides on (empty, rebuild, ready), the rebuild job, and reads that only read (they run
// on read-only connections; writes and jobs keep the tables up to date).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import { INLINE_REFRESH_LIMIT } from '#core/retention/retention-refresh.ts';
import type { Session } from '#core/session/session.ts';
import type { CohortReport, DrillReport, RetentionStatus } from '#shared/domain/retention.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { caller, testSession } from '../../support/test-session.ts';
import { seedAbc } from './abc-customers.ts';
import { m } from './insert-revenue.ts';

describe('retention channels', () => {
  let dir: string;
  let cleanup: () => void;
  let session: Session;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    session = testSession(dir);
    await session.start(join(dir, 'w.winnow'));
  });
  afterEach(async () => {
    await session.close();
    cleanup();
  });

  const call = caller(() => session);
  /** What the screen does when the data changed outside the app's writes: the rebuild job. */
  const rebuild = async (full = false) => {
    const { jobId } = await call<{ jobId: string }>('retention:rebuild', { full });
    return session.jobs.wait(jobId);
  };

  it('is empty without revenue; deals won outside the app ask for the rebuild, which makes it ready', async () => {
    expect(await call<RetentionStatus>('retention:status')).toMatchObject({ state: 'empty', customers: 0 });
    seedAbc(session.require());
    expect(session.require().sqlite.prepare('SELECT count(*) AS n FROM retention_dirty').get()).toEqual({ n: 4 }); // won deals of accounts 1, 2, 3 and 5
    expect(await call<RetentionStatus>('retention:status')).toMatchObject({ state: 'rebuild', busy: false });
    expect(await dispatch(handlers, 'retention:cohorts', { grain: 'month' }, session)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await rebuild();
    expect(await call<RetentionStatus>('retention:status')).toMatchObject({ state: 'ready', busy: false });
    const report = await call<CohortReport>('retention:cohorts', { grain: 'month' });
    expect(report).toMatchObject({ asOf: '2025-06-20', customers: 3, by: null, groups: null, filters: [] });
    expect(report.matrix.rows.map((r) => r.size)).toEqual([2, 1]);
    const status = await call<RetentionStatus>('retention:status');
    expect(status).toMatchObject({ state: 'ready', customers: 3, sources: { deals: 3, mrr: 0, invoice: 0 } });
    expect(status.leftOut).toEqual({ noAccount: 1, noAmount: 0, badDates: 0 });
  });

  it('validates arguments before anything runs', async () => {
    const bad = await dispatch(handlers, 'retention:cohorts', { grain: 'week', by: 'colour' }, session);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('invalid_argument');
    expect(bad.error.issues?.map((i) => i.path).sort()).toEqual(['by', 'grain']);
    const twice = await dispatch(
      handlers,
      'retention:cohorts',
      {
        grain: 'month',
        filters: [
          { field: 'segment', values: ['SMB'] },
          { field: 'segment', values: ['x'] },
        ],
      },
      session,
    );
    expect(twice.ok ? '' : twice.error.message).toMatch(/Each field may be filtered once/);
    const page = await dispatch(
      handlers,
      'retention:customers',
      { grain: 'month', cohort: 1, k: 0, limit: 5000 },
      session,
    );
    expect(page.ok ? '' : page.error.message).toMatch(/limit/);
  });

  it('asks for the rebuild job when much changed, and the job makes it ready', async () => {
    seedAbc(session.require());
    session.require().sqlite.transaction(() => {
      const st = session.require().sqlite.prepare('INSERT INTO retention_dirty (account_id) VALUES (?)');
      for (let i = 0; i <= INLINE_REFRESH_LIMIT; i++) st.run(10_000 + i);
    })();
    // A full rebuild is due (never built): the job does it.
    expect((await call<RetentionStatus>('retention:status')).state).toBe('rebuild');
    await rebuild();
    expect((await call<RetentionStatus>('retention:status')).state).toBe('ready');
    session.require().sqlite.transaction(() => {
      const st = session.require().sqlite.prepare('INSERT INTO retention_dirty (account_id) VALUES (?)');
      for (let i = 0; i <= INLINE_REFRESH_LIMIT; i++) st.run(10_000 + i);
    })();
    expect(await call<RetentionStatus>('retention:status')).toMatchObject({
      state: 'rebuild',
      pendingAccounts: INLINE_REFRESH_LIMIT + 1,
    });
    const refused = await dispatch(handlers, 'retention:cohorts', { grain: 'month' }, session);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const { jobId } = await call<{ jobId: string }>('retention:rebuild', { full: true });
    const done = await session.jobs.wait(jobId);
    expect(done).toMatchObject({ state: 'done', unit: 'accounts', result: { full: true, customers: 3 } });
    expect((await call<RetentionStatus>('retention:status')).state).toBe('ready');
  });

  it('drills, lists dimension values and movements through the same door', async () => {
    seedAbc(session.require());
    await rebuild();
    const drill = await call<DrillReport>('retention:customers', {
      grain: 'month',
      cohort: m('2024-01'),
      k: 6,
      status: 'inactive',
    });
    expect(drill).toMatchObject({ total: 1, counts: { all: 2, active: 1, inactive: 1 }, currency: 'USD' });
    expect(drill.rows.map((r) => r.name)).toEqual(['Birch']);
    const dims = await call<Record<string, { label: string; customers: number }[]>>('retention:dimensions');
    expect(dims.segment!.map((d) => [d.label, d.customers])).toEqual([
      ['SMB', 2],
      ['Enterprise', 1],
    ]);
    const moves = await call<{ periods: { label: string }[] }>('retention:movements', {
      grain: 'quarter',
      filters: [{ field: 'segment', values: ['SMB'] }],
    });
    expect(moves.periods.map((p) => p.label)).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
  });
});
