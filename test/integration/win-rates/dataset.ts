// A literal dataset for the win-rate tests: nine deals whose every cell, total and interval is
// worked out by hand in the tests (see the table below). Ids are fixed so tests can name deals.
//
//  id outcome      segment     region  close       amount competitors (primary first) type
//   1 won          SMB         EMEA    2025-01-10     100 Acme                        new_business
//   2 lost         SMB         EMEA    2025-02-10     200 Acme, Bolt                  new_business
//   3 no_decision  SMB         NA      2025-04-05      50 Bolt                        new_business
//   4 won          Mid-market  NA      2025-04-20       0 Acme, Bolt                  new_business
//   5 won          Mid-market  NA      2025-05-01     300 (none)                      renewal
//   6 lost         Enterprise  EMEA    2025-07-01    1000 Bolt                        new_business
//   7 open         SMB         NA      -              500 Crux                        new_business
//   8 won          (not set)   EMEA    2025-08-15  (null) Acme                        new_business
//   9 lost         Mid-market  NA      2025-09-30     400 (none)                      new_business
import type Database from 'better-sqlite3';

export const COMPETITOR = { Acme: 1, Bolt: 2, Crux: 3 } as const;

interface Row {
  id: number;
  outcome: 'open' | 'won' | 'lost' | 'no_decision';
  segment: string | null;
  region: string;
  close: string | null;
  amount: number | null;
  competitors: (keyof typeof COMPETITOR)[];
  type: 'new_business' | 'renewal';
}

export const DEALS: Row[] = [
  {
    id: 1,
    outcome: 'won',
    segment: 'SMB',
    region: 'EMEA',
    close: '2025-01-10',
    amount: 100,
    competitors: ['Acme'],
    type: 'new_business',
  },
  {
    id: 2,
    outcome: 'lost',
    segment: 'SMB',
    region: 'EMEA',
    close: '2025-02-10',
    amount: 200,
    competitors: ['Acme', 'Bolt'],
    type: 'new_business',
  },
  {
    id: 3,
    outcome: 'no_decision',
    segment: 'SMB',
    region: 'NA',
    close: '2025-04-05',
    amount: 50,
    competitors: ['Bolt'],
    type: 'new_business',
  },
  {
    id: 4,
    outcome: 'won',
    segment: 'Mid-market',
    region: 'NA',
    close: '2025-04-20',
    amount: 0,
    competitors: ['Acme', 'Bolt'],
    type: 'new_business',
  },
  {
    id: 5,
    outcome: 'won',
    segment: 'Mid-market',
    region: 'NA',
    close: '2025-05-01',
    amount: 300,
    competitors: [],
    type: 'renewal',
  },
  {
    id: 6,
    outcome: 'lost',
    segment: 'Enterprise',
    region: 'EMEA',
    close: '2025-07-01',
    amount: 1000,
    competitors: ['Bolt'],
    type: 'new_business',
  },
  {
    id: 7,
    outcome: 'open',
    segment: 'SMB',
    region: 'NA',
    close: null,
    amount: 500,
    competitors: ['Crux'],
    type: 'new_business',
  },
  {
    id: 8,
    outcome: 'won',
    segment: null,
    region: 'EMEA',
    close: '2025-08-15',
    amount: null,
    competitors: ['Acme'],
    type: 'new_business',
  },
  {
    id: 9,
    outcome: 'lost',
    segment: 'Mid-market',
    region: 'NA',
    close: '2025-09-30',
    amount: 400,
    competitors: [],
    type: 'new_business',
  },
];

export function insertDataset(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const [name, id] of Object.entries(COMPETITOR))
      sqlite.prepare('INSERT INTO competitors (id, name) VALUES (?, ?)').run(id, name);
    sqlite.prepare("INSERT INTO owners (id, name) VALUES (1, 'Ana'), (2, 'Ben')").run();
    sqlite
      .prepare(
        "INSERT INTO accounts (id, name, sector, country) VALUES (1, 'Globex', 'Retail', 'UK'), (2, 'Initech', 'Software', 'US')",
      )
      .run();
    const deal = sqlite.prepare(
      `INSERT INTO deals (id, external_id, name, outcome, segment, region, close_date, amount, deal_type, owner_id, account_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = sqlite.prepare('INSERT INTO deal_competitors (deal_id, competitor_id, is_primary) VALUES (?, ?, ?)');
    for (const d of DEALS) {
      deal.run(
        d.id,
        `OPP-${d.id}`,
        `Deal ${d.id}`,
        d.outcome,
        d.segment,
        d.region,
        d.close,
        d.amount,
        d.type,
        d.id % 2 === 0 ? 2 : 1,
        d.region === 'EMEA' ? 1 : 2,
      );
      d.competitors.forEach((c, k) => link.run(d.id, COMPETITOR[c], k === 0 ? 1 : 0));
    }
  })();
}
