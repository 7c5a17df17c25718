// Creating, editing and deleting deals through the contract, with field messages and undo, and
// saved views and the CSV export of a view.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DealDetail, DealInput, UndoToken } from '#shared/domain/deals.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { formDeal } from '../../support/deal-input.ts';
import { testSession } from '../../support/test-session.ts';

const base: DealInput = formDeal;

describe('deal form and views', () => {
  let dir: string;
  let cleanup: () => void;
  let session: Session;
  const saves: string[] = [];
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    session = testSession(dir, { pickSaveFile: async () => saves.shift() ?? null });
    await session.start(join(dir, 'w.winnow'));
  });
  afterEach(async () => {
    await session.close();
    cleanup();
  });

  const raw = (channel: string, arg?: unknown) => dispatch(handlers, channel, arg, session);
  async function call<T>(channel: string, arg?: unknown): Promise<T> {
    const r = await raw(channel, arg);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  }
  const count = (t: string) =>
    (session.require().sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

  it('puts field messages next to the fields: closed deals need a close date, amounts are not negative', async () => {
    const r = await raw('deals:create', { ...base, outcome: 'won', amount: -5, currency: 'dollars' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_argument');
    expect(r.error.issues).toEqual([
      { path: 'amount', message: 'An amount cannot be negative' },
      { path: 'currency', message: 'Use a three-letter code such as USD' },
      { path: 'closeDate', message: 'A closed deal needs a close date' },
    ]);
    const closed = await raw('deals:create', { ...base, outcome: 'won' });
    expect(closed.ok ? null : closed.error.issues).toEqual([
      { path: 'closeDate', message: 'A closed deal needs a close date' },
    ]);
    expect(count('deals')).toBe(0);
  });

  it('creates a deal, adding the names it mentions, and undoes it', async () => {
    const { deal, undo } = await call<{ deal: DealDetail; undo: UndoToken }>('deals:create', base);
    expect(deal).toMatchObject({
      name: 'Globex platform',
      externalId: 'GX-1',
      account: { name: 'Globex' },
      amount: 25000,
      currency: 'USD',
      product: 'Insight Pro',
      owner: 'Ava Chen',
      team: 'Enterprise',
      leadSource: 'Webinar',
      outcome: 'open',
      closeDate: null,
      stageHistory: [{ stage: 'Proposal', enteredAt: '2025-01-10', amount: 25000 }],
    });
    expect(undo.label).toBe('Added “Globex platform”');
    const dup = await raw('deals:create', { ...base, name: 'Other' });
    expect(dup.ok ? null : dup.error).toEqual({
      code: 'conflict',
      message: 'The deal “Globex platform” already has the CRM id GX-1.',
      issues: [{ path: 'externalId', message: 'Already used by “Globex platform”' }],
    });
    expect(await call('deals:undo', { token: undo.token })).toEqual({ label: 'Added “Globex platform”', dealId: null });
    expect(count('deals')).toBe(0);
    const again = await raw('deals:undo', { token: undo.token });
    expect(again.ok ? null : again.error.message).toBe('That change can no longer be undone.');
  });

  it('edits every field and its competitors, records the stage change, and undoes the edit exactly', async () => {
    const acme = await call<{ id: number }>('competitors:create', { name: 'Acme' });
    const bright = await call<{ id: number }>('competitors:create', { name: 'Brightline' });
    const { deal } = await call<{ deal: DealDetail }>('deals:create', base);
    const before = await call<DealDetail>('deals:get', { id: deal.id });
    const edited = await call<{ deal: DealDetail; undo: UndoToken }>('deals:update', {
      id: deal.id,
      deal: {
        ...base,
        amount: 30000,
        stage: 'Closed Lost',
        outcome: 'lost',
        closeDate: '2025-03-31',
        lostToCompetitorId: bright.id,
        repReason: 'price',
        competitors: [{ competitorId: acme.id, isPrimary: true, strengths: 'Cheaper', weaknesses: '' }],
      },
    });
    expect(edited.deal).toMatchObject({
      amount: 30000,
      outcome: 'lost',
      closeDate: '2025-03-31',
      lostTo: { id: bright.id, name: 'Brightline' },
      repReason: 'price',
      repReasonCode: 'Price',
      competitors: [
        { competitorId: acme.id, name: 'Acme', isPrimary: true, strengths: 'Cheaper', weaknesses: null },
        { competitorId: bright.id, name: 'Brightline', isPrimary: false, strengths: null, weaknesses: null },
      ],
    });
    expect(edited.deal.stageHistory.map((s) => s.stage)).toEqual(['Proposal', 'Closed Lost']);
    await call('deals:undo', { token: edited.undo.token });
    expect(await call<DealDetail>('deals:get', { id: deal.id })).toEqual(before);
  });

  it('deletes a deal with its history, links and interviews, and undo brings all of it back', async () => {
    const acme = await call<{ id: number }>('competitors:create', { name: 'Acme' });
    const { deal } = await call<{ deal: DealDetail }>('deals:create', {
      ...base,
      competitors: [{ competitorId: acme.id, isPrimary: true, strengths: 'Fast', weaknesses: null }],
    });
    const sqlite = session.require().sqlite;
    sqlite
      .prepare("INSERT INTO interviews (id, deal_id, status, interview_date) VALUES (77, ?, 'complete', '2025-04-02')")
      .run(deal.id);
    sqlite
      .prepare("INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver) VALUES (77, 1, 1, 'loss')")
      .run();
    sqlite.prepare("INSERT INTO leads (id, created_date, deal_id) VALUES (5, '2024-12-01', ?)").run(deal.id);
    const before = await call<DealDetail>('deals:get', { id: deal.id });
    const { undo } = await call<{ undo: UndoToken }>('deals:delete', { id: deal.id });
    expect(undo.label).toBe('Deleted “Globex platform”');
    expect([count('deals'), count('interviews'), count('interview_reasons'), count('deal_competitors')]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(sqlite.prepare('SELECT deal_id FROM leads WHERE id = 5').get()).toEqual({ deal_id: null });
    expect(await call('deals:undo', { token: undo.token })).toEqual({
      label: 'Deleted “Globex platform”',
      dealId: deal.id,
    });
    expect(await call<DealDetail>('deals:get', { id: deal.id })).toEqual(before);
    expect([count('interviews'), count('interview_reasons')]).toEqual([1, 1]);
    expect(sqlite.prepare('SELECT deal_id FROM leads WHERE id = 5').get()).toEqual({ deal_id: deal.id });
  });

  it('saves views by name, refuses a taken name unless replacing, and deletes them', async () => {
    const state = {
      filter: { outcomes: ['won'] },
      sort: { column: 'amount', direction: 'desc' },
      columns: ['name', 'amount'],
    };
    const v = await call<{ id: number; name: string }>('views:save', { name: 'Big wins', state });
    expect(await call('views:list')).toEqual([{ id: v.id, name: 'Big wins', state, createdAt: expect.any(String) }]);
    const taken = await raw('views:save', { name: 'Big wins', state });
    expect(taken.ok ? null : taken.error.message).toBe(
      'A view called "Big wins" already exists; replace it or choose another name.',
    );
    const replaced = await call<{ state: unknown }>('views:save', {
      name: 'Big wins',
      state: { ...state, columns: ['name'] },
      replace: true,
    });
    expect(replaced.state).toMatchObject({ columns: ['name'] });
    expect(await call('views:delete', { id: v.id })).toEqual({ deleted: true });
    expect(await call('views:list')).toEqual([]);
  });

  it('exports the current view: its columns and order, every matching row, formulas escaped', async () => {
    const acme = await call<{ id: number }>('competitors:create', { name: 'Acme' });
    await call('deals:create', {
      ...base,
      externalId: 'A',
      name: '=1+1',
      amount: 500,
      competitors: [{ competitorId: acme.id, isPrimary: true, strengths: null, weaknesses: null }],
    });
    await call('deals:create', { ...base, externalId: 'B', name: '@SUM(A1)', accountName: '-Minus Co', amount: 700 });
    await call('deals:create', {
      ...base,
      externalId: 'C',
      name: 'Lost one',
      amount: 900,
      outcome: 'lost',
      closeDate: '2025-02-01',
    });
    const path = join(dir, 'view.csv');
    saves.push(path);
    const r = await call<{ jobId: string; path: string }>('deals:exportView', {
      filter: { outcomes: ['open'] },
      sort: { column: 'amount', direction: 'desc' },
      columns: ['name', 'account', 'amount', 'competitors', 'outcome'],
    });
    expect(r.path).toBe(path);
    expect(await session.jobs.wait(r.jobId)).toMatchObject({ state: 'done', unit: 'rows', result: { path, rows: 2 } });
    expect(readFileSync(path, 'utf8')).toBe(
      '\ufeffDeal,Account,Amount,Competitors,Outcome,Currency\r\n' +
        "'@SUM(A1),'-Minus Co,700,,Open,USD\r\n" +
        "'=1+1,Globex,500,Acme (primary),Open,USD\r\n",
    );
    expect(
      await call('deals:exportView', { filter: {}, sort: { column: 'name', direction: 'asc' }, columns: ['name'] }),
    ).toBeNull();
  });
});
