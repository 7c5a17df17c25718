// Terse inserts for hand-built test datasets: literal deals whose every figure can be computed by
// hand. Only the columns a test cares about need to be given.
import type Database from 'better-sqlite3';

export interface TestDeal {
  id?: number;
  name?: string;
  outcome: 'open' | 'won' | 'lost' | 'no_decision';
  amount?: number | null;
  closeDate?: string | null;
  dealType?: 'new_business' | 'expansion' | 'cross_sell' | 'renewal';
  segment?: string | null;
  region?: string | null;
  /** Competitor names; the first is primary. Competitors are created on first use. */
  competitors?: string[];
}

export function insertDeals(sqlite: Database.Database, deals: TestDeal[]): number[] {
  const competitorId = new Map<string, number>();
  const getCompetitor = (name: string): number => {
    const known = competitorId.get(name);
    if (known) return known;
    const row = sqlite.prepare('SELECT id FROM competitors WHERE name = ?').get(name) as { id: number } | undefined;
    const id = row?.id ?? Number(sqlite.prepare('INSERT INTO competitors (name) VALUES (?)').run(name).lastInsertRowid);
    competitorId.set(name, id);
    return id;
  };
  const insert = sqlite.prepare(
    `INSERT INTO deals (id, name, outcome, amount, close_date, deal_type, segment, region)
     VALUES (@id, @name, @outcome, @amount, @closeDate, @dealType, @segment, @region)`,
  );
  const link = sqlite.prepare('INSERT INTO deal_competitors (deal_id, competitor_id, is_primary) VALUES (?, ?, ?)');
  const ids: number[] = [];
  sqlite.transaction(() => {
    deals.forEach((d, i) => {
      const id = Number(
        insert.run({
          id: d.id ?? null,
          name: d.name ?? `Deal ${i + 1}`,
          outcome: d.outcome,
          amount: d.amount ?? null,
          closeDate: d.closeDate === undefined ? (d.outcome === 'open' ? null : '2025-06-30') : d.closeDate,
          dealType: d.dealType ?? 'new_business',
          segment: d.segment ?? null,
          region: d.region ?? null,
        }).lastInsertRowid,
      );
      ids.push(id);
      (d.competitors ?? []).forEach((c, k) => link.run(id, getCompetitor(c), k === 0 ? 1 : 0));
    });
  })();
  return ids;
}
