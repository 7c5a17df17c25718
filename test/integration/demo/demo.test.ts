// The demo workspace: deterministic, big enough, believable, and carrying the planted patterns
// the analyses are meant to find.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPETITORS } from '#core/demo/catalog.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

function fingerprint(ws: Workspace): string {
  const h = createHash('sha256');
  for (const table of [
    'deals',
    'deal_competitors',
    'stage_history',
    'interviews',
    'interview_reasons',
    'quotes',
    'leads',
    'accounts',
  ]) {
    const rows = ws.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all() as unknown[][];
    // created_at/updated_at are stamped at insert time; leave them out of the comparison.
    const cols = (ws.sqlite.prepare(`SELECT * FROM ${table} LIMIT 1`).columns() as { name: string }[]).map(
      (c) => c.name,
    );
    const keep = cols.map((c, i) => (c === 'created_at' || c === 'updated_at' ? -1 : i)).filter((i) => i >= 0);
    for (const r of rows) h.update(JSON.stringify(keep.map((i) => r[i])));
  }
  return h.digest('hex');
}

describe('demo workspace', () => {
  const spaces: { ws: Workspace; cleanup: () => void }[] = [];
  let a: Workspace;
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) spaces.push(await tempWorkspace());
    a = spaces[0]!.ws;
    loadDemo(a.sqlite, { seed: 42 });
    loadDemo(spaces[1]!.ws.sqlite, { seed: 42 });
    loadDemo(spaces[2]!.ws.sqlite, { seed: 7 });
    // Three demo loads: well over the 10 s default hook timeout on a loaded machine.
  }, 120_000);
  afterAll(() => spaces.forEach((s) => s.cleanup()));

  const one = <T>(sql: string, ...params: unknown[]) => a.sqlite.prepare(sql).get(...params) as T;

  it('is the same for the same seed and different for another', () => {
    const fa = fingerprint(a);
    expect(fingerprint(spaces[1]!.ws)).toBe(fa);
    expect(fingerprint(spaces[2]!.ws)).not.toBe(fa);
  });

  it('has 3,000 deals over more than three years, with ten competitors, segments, regions, products and owners', () => {
    const d = one<{
      n: number;
      first: string;
      last: string;
      segments: number;
      regions: number;
      products: number;
      owners: number;
      types: number;
    }>(
      `SELECT count(*) n, min(created_date) first, max(close_date) last, count(DISTINCT segment) segments, count(DISTINCT region) regions,
              count(DISTINCT product_id) products, count(DISTINCT owner_id) owners, count(DISTINCT deal_type) types FROM deals`,
    );
    expect(d.n).toBe(3000);
    expect((Date.parse(d.last) - Date.parse(d.first)) / (365 * 86_400_000)).toBeGreaterThan(3);
    expect(d).toMatchObject({ segments: 3, regions: 4, products: 5, types: 4 });
    expect(d.owners).toBeGreaterThanOrEqual(20);
    expect(one<{ n: number }>('SELECT count(*) n FROM competitors').n).toBe(10);
    expect(one<{ n: number }>('SELECT count(*) n FROM stage_history').n).toBeGreaterThan(9000);
    expect(
      one<{ n: number }>('SELECT count(*) n FROM deals WHERE mql_date IS NOT NULL AND sql_date IS NOT NULL').n,
    ).toBeGreaterThan(1000);
    expect(one<{ n: number }>('SELECT count(*) n FROM deal_touches').n).toBeGreaterThan(1000);
  });

  it('resolves every messy competitor spelling through its aliases', () => {
    const lookup = a.sqlite.prepare(
      'SELECT c.name FROM competitor_aliases a JOIN competitors c ON c.id = a.competitor_id WHERE a.alias_key = ?',
    );
    for (const spec of COMPETITORS) {
      for (const variant of spec.variants)
        expect((lookup.get(aliasKey(variant)) as { name: string }).name).toBe(spec.name);
    }
  });

  it('has about 200 interviews with reasons, ratings and quotes', () => {
    const i = one<{ n: number; deals: number }>('SELECT count(*) n, count(DISTINCT deal_id) deals FROM interviews');
    expect(i.n).toBeGreaterThanOrEqual(150);
    expect(i.n).toBeLessThanOrEqual(260);
    expect(i.deals).toBeLessThan(i.n); // some deals have two interviews
    expect(one<{ n: number }>('SELECT count(*) n FROM interview_reasons WHERE is_primary = 1').n).toBe(i.n);
    expect(one<{ n: number }>('SELECT count(DISTINCT interview_id) n FROM interview_ratings').n).toBeGreaterThan(
      i.n * 0.9,
    );
    expect(one<{ n: number }>('SELECT count(*) n FROM quotes').n).toBeGreaterThan(i.n);
  });

  it('plants: we lose to Brightline in enterprise but win back share over the last year', () => {
    const rate = (recent: boolean) =>
      one<{ won: number; n: number }>(
        `SELECT sum(d.outcome = 'won') won, count(*) n FROM deals d
           JOIN deal_competitors dc ON dc.deal_id = d.id AND dc.is_primary = 1
           JOIN competitors c ON c.id = dc.competitor_id
          WHERE c.name = 'Brightline' AND d.segment = 'Enterprise' AND d.outcome != 'open'
            AND (d.close_date >= '2025-11-01') = ?`,
        recent ? 1 : 0,
      );
    const before = rate(false);
    const after = rate(true);
    expect(before.won / before.n).toBeLessThan(0.22);
    expect(after.won / after.n).toBeGreaterThan(before.won / before.n + 0.1);
  });

  it('plants: customers won on price churn faster', () => {
    // Share of won new-business deals whose first contract has ended that were renewed.
    const renewed = (onPrice: boolean) =>
      one<{ renewed: number; n: number }>(
        `SELECT count(*) n,
                sum(EXISTS (SELECT 1 FROM deals r WHERE r.account_id = d.account_id AND r.deal_type = 'renewal'
                              AND r.contract_start = date(d.contract_end, '+1 day'))) renewed
           FROM deals d
          WHERE d.deal_type = 'new_business' AND d.outcome = 'won' AND d.contract_end < '2026-09-30'
            AND (d.rep_reason_text = 'Price') = ?`,
        onPrice ? 1 : 0,
      );
    const price = renewed(true);
    const other = renewed(false);
    expect(price.n).toBeGreaterThan(50);
    expect(price.renewed / price.n).toBeLessThan(other.renewed / other.n - 0.08);
  });

  it('plants: reps blame price more often than buyers do', () => {
    const r = one<{ rep: number; buyer: number }>(
      `SELECT avg(d.rep_reason_text = 'Price') rep, avg(r.name = 'Price') buyer
         FROM interviews i JOIN deals d ON d.id = i.deal_id
         JOIN interview_reasons ir ON ir.interview_id = i.id AND ir.is_primary = 1 JOIN reasons r ON r.id = ir.reason_id
        WHERE d.outcome = 'lost'`,
    );
    expect(r.rep).toBeGreaterThan(r.buyer + 0.15);
  });

  it('reads as different people: quotes vary, and every quarter with interviews has themed quotes', () => {
    const counts = a.sqlite.prepare('SELECT text, count(*) AS n FROM quotes GROUP BY text').all() as {
      text: string;
      n: number;
    }[];
    const total = counts.reduce((s, c) => s + c.n, 0);
    expect(total).toBeGreaterThan(250);
    expect(counts.length / total).toBeGreaterThan(0.9);
    expect(Math.max(...counts.map((c) => c.n))).toBeLessThanOrEqual(3);
    expect(counts.filter((c) => /\{[cn]\}/.test(c.text))).toEqual([]);
    const quarters = a.sqlite
      .prepare(
        `SELECT substr(i.interview_date, 1, 4) || '-Q' || ((CAST(substr(i.interview_date, 6, 2) AS INTEGER) + 2) / 3) AS q,
                count(DISTINCT qt.quote_id) AS themed
           FROM interviews i JOIN quotes qu ON qu.interview_id = i.id LEFT JOIN quote_themes qt ON qt.quote_id = qu.id
          GROUP BY q ORDER BY q`,
      )
      .all() as { q: string; themed: number }[];
    expect(quarters.length).toBeGreaterThan(12);
    expect(quarters.filter((r) => r.themed === 0)).toEqual([]);
  });
});
