// The contract's door: arguments validated before any query, errors as { ok: false, error },
// and an invalid payload writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '#core/db/migrations.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testSession } from '../../support/test-session.ts';
import { join } from 'node:path';

describe('dispatch', () => {
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

  const settingsRows = () =>
    session.require().sqlite.prepare('SELECT key, value_json FROM settings ORDER BY key').all();

  it('answers a valid call with { ok: true, value }', async () => {
    const r = await dispatch(handlers, 'settings:update', { lowConfidenceBelowN: 20 }, session);
    expect(r).toMatchObject({ ok: true, value: { lowConfidenceBelowN: 20, hideRateBelowN: 5 } });
  });

  it('rejects an invalid payload with a clear message naming the field, and writes nothing', async () => {
    const before = settingsRows();
    const r = await dispatch(handlers, 'settings:update', { lowConfidenceBelowN: 'ten', colour: 'red' }, session);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_argument');
    expect(r.error.message).toMatch(/^Invalid request to settings:update: /);
    expect(r.error.issues?.map((i) => i.path)).toContain('lowConfidenceBelowN');
    expect(r.error.message).toMatch(/colour/);
    expect(settingsRows()).toEqual(before);
  });

  it('checks rules across fields after merging, and writes nothing when they fail', async () => {
    const before = settingsRows();
    const r = await dispatch(handlers, 'settings:update', { hideRateBelowN: 50 }, session);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument', issues: [{ path: 'hideRateBelowN' }] } });
    expect(settingsRows()).toEqual(before);
  });

  it('refuses unknown channels and prototype tricks', async () => {
    expect(await dispatch(handlers, 'deals:dropTable', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await dispatch(handlers, '__proto__', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await dispatch(handlers, 'toString', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('turns core errors into error answers, never exceptions', async () => {
    const r = await dispatch(handlers, 'jobs:get', { id: 'no-such-job' }, session);
    expect(r).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such job (it may have finished long ago).' },
    });
    const noWs = testSession(dir);
    expect(await dispatch(handlers, 'dashboard:summary', undefined, noWs)).toMatchObject({
      ok: false,
      error: { code: 'no_workspace' },
    });
  });

  it('reports what is open through app:info', async () => {
    const r = await dispatch(handlers, 'app:info', undefined, session);
    expect(r).toMatchObject({
      ok: true,
      value: {
        version: '1.2.3',
        host: 'testhost',
        workspace: { name: 'w.winnow', schemaVersion: readMigrations(defaultMigrationsDir()).length },
        recentWorkspaces: [join(dir, 'w.winnow')],
      },
    });
  });
});
