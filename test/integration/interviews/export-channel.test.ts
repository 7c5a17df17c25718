// The export channel end to end: validated argument, the save dialog (scripted), the file written,
// and a cancelled dialog writing nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import { insertDeals } from '../../support/insert.ts';
import { insertInterviews } from '../../support/insert-interviews.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testSession } from '../../support/test-session.ts';

describe('interviews:export', () => {
  let dir: string;
  let cleanup: () => void;
  let session: Session;
  const picks: (string | null)[] = [];
  const asked: { title: string; defaultName: string }[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    const path = join(dir, 'w.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    const [deal] = insertDeals(ws.sqlite, [{ outcome: 'won', name: '=SUM(A1:A9)' }]);
    insertInterviews(ws.sqlite, [
      { dealId: deal!, name: 'Ann Lee', anonymous: true, quotes: [{ text: '@admin said yes', shareable: true }] },
    ]);
    ws.close();
    session = testSession(dir, {
      pickSaveFile: async (r) => {
        asked.push({ title: r.title, defaultName: r.defaultName });
        return picks.shift() ?? null;
      },
    });
    await session.start(path);
  });
  afterEach(async () => {
    await session.close();
    cleanup();
  });

  it('asks where, writes the CSV and says how many rows', async () => {
    const out = join(dir, 'quotes.csv');
    picks.push(out);
    const r = await dispatch(handlers, 'interviews:export', { kind: 'quotes' }, session);
    expect(r).toEqual({ ok: true, value: { path: out, rows: 1 } });
    expect(asked.at(-1)).toMatchObject({
      title: 'Export quotes as CSV',
      defaultName: expect.stringMatching(/^winnow-quotes-\d{4}-\d{2}-\d{2}\.csv$/),
    });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`'@admin said yes`);
    expect(text).toContain(`'=SUM(A1:A9)`);
    expect(text).not.toContain('Ann Lee');
  });

  it('writes nothing when the dialog is cancelled, and refuses a bad request', async () => {
    expect(await dispatch(handlers, 'interviews:export', { kind: 'interviews' }, session)).toEqual({
      ok: true,
      value: null,
    });
    const bad = await dispatch(handlers, 'interviews:export', { kind: 'deals' }, session);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(existsSync(join(dir, 'interviews.csv'))).toBe(false);
  });
});
