// Changing the reporting currency: amounts are converted with the rate the user enters, or the
// user states they were already in the new currency; never relabelled silently. Settings
// messages in plain words.
import { describe, expect, it } from 'vitest';
import type { CurrencyChange } from '#shared/domain/settings.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import { insertDeals } from '../../support/insert.ts';
import { insertRevenueLines } from '../retention/insert-revenue.ts';
import { sessionPerTest } from '../../support/test-session.ts';

describe('reporting currency', () => {
  const t = sessionPerTest();
  const run = (channel: string, arg?: unknown) => dispatch(handlers, channel, arg, t.session);

  function seed() {
    const db = t.session.require().sqlite;
    const [a, b, eur] = insertDeals(db, [
      { outcome: 'won', amount: 1000, closeDate: '2025-01-10', competitors: ['Acme'] },
      { outcome: 'lost', amount: 250.5, closeDate: '2025-02-10' },
      { outcome: 'won', amount: 700, closeDate: '2025-03-10' },
    ]);
    db.prepare("UPDATE deals SET currency = 'EUR' WHERE id = ?").run(eur);
    db.prepare("INSERT INTO accounts (id, name) VALUES (1, 'Globex')").run();
    insertRevenueLines(db, [{ accountId: 1, period: '2025-01-01', amount: 400 }]);
    db.prepare(
      "INSERT INTO stage_history (deal_id, stage, entered_at, amount) VALUES (?, 'Proposal', '2024-12-01', 900)",
    ).run(a);
    return { db, a: a!, b: b!, eur: eur! };
  }

  it('converts every amount in the old currency at the rate, leaving deals in other currencies alone', async () => {
    const { db, a, b, eur } = seed();
    const use = await run('settings:currencies');
    expect(use).toEqual({
      ok: true,
      value: [
        { currency: 'USD', deals: 2 },
        { currency: 'EUR', deals: 1 },
      ],
    });
    const r = await run('settings:currency', { currency: 'GBP', mode: 'convert', rate: 0.8 });
    expect(r.ok).toBe(true);
    const change = (r as { value: CurrencyChange }).value;
    expect(change).toMatchObject({
      from: 'USD',
      mode: 'convert',
      rate: 0.8,
      converted: { deals: 2, stageHistory: 1, revenueLines: 1, products: 0 },
      relabelled: 2,
    });
    expect(change.settings.currency).toBe('GBP');
    const deal = (id: number) => db.prepare('SELECT amount, currency FROM deals WHERE id = ?').get(id);
    expect(deal(a)).toEqual({ amount: 800, currency: 'GBP' });
    expect(deal(b)).toEqual({ amount: 200.4, currency: 'GBP' });
    expect(deal(eur)).toEqual({ amount: 700, currency: 'EUR' });
    // The win-rate copies follow the deal (trigger), revenue and stage amounts are converted too.
    expect(db.prepare('SELECT deal_amount FROM deal_competitors WHERE deal_id = ?').pluck().get(a)).toBe(800);
    expect(db.prepare('SELECT amount FROM revenue_lines').pluck().get()).toBe(320);
    expect(db.prepare('SELECT amount FROM stage_history').pluck().get()).toBe(720);
  });

  it('relabels only when the user says the amounts were already in the new currency', async () => {
    const { db, a } = seed();
    const r = await run('settings:currency', { currency: 'EUR', mode: 'relabel' });
    expect(r.ok && (r.value as CurrencyChange).converted).toEqual({
      deals: 0,
      stageHistory: 0,
      revenueLines: 0,
      products: 0,
    });
    expect(db.prepare('SELECT amount, currency FROM deals WHERE id = ?').get(a)).toEqual({
      amount: 1000,
      currency: 'EUR',
    });
    expect(db.prepare('SELECT amount FROM revenue_lines').pluck().get()).toBe(400);
  });

  it('refuses a silent relabel, an unknown code and a missing rate, in plain words', async () => {
    seed();
    const relabel = await run('settings:update', { currency: 'EUR' });
    expect(relabel.ok).toBe(false);
    const unknown = await run('settings:currency', { currency: 'XYZ', mode: 'relabel' });
    expect(unknown.ok ? null : unknown.error.issues).toEqual([
      { path: 'currency', message: 'Choose a currency from the list' },
    ]);
    const noRate = await run('settings:currency', { currency: 'EUR', mode: 'convert' });
    expect(noRate.ok ? null : noRate.error.issues).toEqual([
      { path: 'rate', message: 'Enter the exchange rate to convert with' },
    ]);
    const zero = await run('settings:currency', { currency: 'EUR', mode: 'convert', rate: 0 });
    expect(zero.ok ? null : zero.error.issues).toEqual([{ path: 'rate', message: 'The rate must be more than 0' }]);
    const low = await run('settings:update', { lowConfidenceBelowN: 0 });
    expect(low.ok ? null : low.error.issues).toEqual([{ path: 'lowConfidenceBelowN', message: 'At least 1' }]);
    const frac = await run('settings:update', { hideRateBelowN: 2.5 });
    expect(frac.ok ? null : frac.error.issues).toEqual([{ path: 'hideRateBelowN', message: 'Use a whole number' }]);
    const order = await run('settings:update', { hideRateBelowN: 50 });
    expect(order.ok ? null : order.error.issues).toEqual([
      { path: 'hideRateBelowN', message: 'Must not be more than the low-confidence threshold' },
    ]);
  });
});
