// The planner through the contract's door, as the renderer calls it: plans:history on the
// hand-made history, arguments validated with field messages, plans saved, listed and deleted.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import type { PlanHistory, SavedPlan } from '#shared/domain/plans.ts';
import { insertPlannerHistory } from '../../support/planner-fixture.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { caller, testSession } from '../../support/test-session.ts';

describe('plans channels', () => {
  let cleanup: () => void;
  let session: Session;
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    session = testSession(dir);
    await session.start(join(dir, 'w.winnow'));
    insertPlannerHistory(session.require().sqlite);
  });
  afterAll(async () => {
    await session.close();
    cleanup();
  });
  const call = caller(() => session);

  it('answers plans:history with the defaults filled in', async () => {
    const h = await call<PlanHistory>('plans:history', {});
    expect(h.period.label).toBe('2025-Q3');
    expect(h.rate).toMatchObject({ hits: 3, n: 10 });
    expect(h.dealSize).toMatchObject({ n: 4, mean: 37_500 });
  });

  it('refuses bad arguments with field messages, before anything runs', async () => {
    const period = await dispatch(handlers, 'plans:history', { period: 'someday' }, session);
    expect(period).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    if (!period.ok)
      expect(period.error.issues).toEqual([
        { path: 'period', message: 'Name a year (2026), a quarter (2026-Q3) or a month (2026-07)' },
      ]);
    const save = await dispatch(handlers, 'plans:save', { name: ' ', inputs: { target: -5, rate: 1.5 } }, session);
    expect(save.ok).toBe(false);
    if (!save.ok)
      expect(save.error.issues?.map((i) => i.path).sort()).toEqual(['inputs.rate', 'inputs.target', 'name']);
  });

  it('saves, lists and deletes plans', async () => {
    const saved = await call<SavedPlan>('plans:save', { name: 'Q3 new logos', inputs: { target: 750_000, rate: 0.3 } });
    expect(saved.inputs).toEqual({
      target: 750_000,
      period: null,
      dealSize: null,
      rate: 0.3,
      from: null,
      to: null,
      market: null,
    });
    expect((await call<SavedPlan[]>('plans:list')).map((p) => p.name)).toEqual(['Q3 new logos']);
    expect(await call('plans:delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await call('plans:delete', { id: saved.id })).toEqual({ deleted: false });
    expect(await call<SavedPlan[]>('plans:list')).toEqual([]);
  });
});
