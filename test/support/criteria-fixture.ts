// The hand-made qualification-criteria workspace of test/integration/funnel/criteria.test.ts (its header
// lists every lead, deal and answer with the figures worked by hand); the CLI and e2e tests reuse it.
import type Database from 'better-sqlite3';

type Answer = 1 | 0 | null;

export function insertCriteriaFixture(db: Database.Database): void {
  const cid = (key: string) =>
    db.prepare('SELECT id FROM qualification_criteria WHERE key = ?').pluck().get(key) as number;
  const deal = db.prepare(
    `INSERT INTO deals (id, name, outcome, amount, created_date, mql_date, close_date, deal_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'new_business')`,
  );
  const lead = db.prepare(
    'INSERT INTO leads (id, external_id, created_date, mql_date, deal_id, disqualified) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const leadQ = db.prepare('INSERT INTO lead_qualifications (lead_id, criterion_id, met) VALUES (?, ?, ?)');
  const dealQ = db.prepare('INSERT INTO deal_qualifications (deal_id, criterion_id, met) VALUES (?, ?, ?)');
  const answers = (ins: typeof leadQ, id: number, b: Answer, t: Answer, e: Answer) => {
    for (const [key, met] of [
      ['budget', b],
      ['timeframe', t],
      ['engagement', e],
    ] as const)
      if (met !== null) ins.run(id, cid(key), met);
  };
  db.transaction(() => {
    deal.run(1, 'D1', 'won', 10_000, '2025-01-20', null, '2025-03-11');
    deal.run(2, 'D2', 'won', 20_000, '2025-01-25', null, '2025-04-12');
    deal.run(3, 'D3', 'lost', 5_000, '2025-02-01', null, '2025-04-01');
    deal.run(4, 'D4', 'lost', 7_000, '2025-02-01', null, '2025-04-15');
    deal.run(5, 'D5', 'no_decision', 9_000, '2025-02-10', null, '2025-05-01');
    deal.run(9, 'D9', 'won', 30_000, '2025-02-10', '2025-02-01', '2025-04-02');
    lead.run(1, 'L1', '2025-01-02', '2025-01-10', 1, 0);
    lead.run(2, 'L2', '2025-01-03', '2025-01-12', 2, 0);
    lead.run(3, 'L3', '2025-01-04', '2025-01-14', 3, 0);
    lead.run(4, 'L4', '2025-01-05', '2025-01-15', 4, 0);
    lead.run(5, 'L5', '2025-01-06', '2025-01-16', 5, 0);
    lead.run(6, 'L6', '2025-01-07', '2025-01-17', null, 1);
    lead.run(7, 'L7', '2025-01-08', '2025-01-18', null, 0);
    lead.run(8, 'L8', '2025-01-09', '2025-03-31', null, 0);
    lead.run(13, 'L13', '2025-08-25', '2025-09-01', null, 0);
    answers(leadQ, 1, 1, 1, 1);
    answers(leadQ, 2, 1, 0, null);
    answers(dealQ, 2, 0, null, 1);
    answers(leadQ, 3, 1, 1, 0);
    answers(leadQ, 4, 0, 1, 1);
    answers(leadQ, 5, 0, null, 1);
    answers(leadQ, 6, 0, 0, 1);
    answers(leadQ, 7, 0, 0, 0);
    answers(leadQ, 8, null, 0, 1);
    answers(dealQ, 9, 1, 1, 0);
    answers(leadQ, 13, 1, 1, 1);
  })();
}
