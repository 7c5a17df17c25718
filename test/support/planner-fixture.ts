// A hand-made history for the needed-MQL planner (docs/METRICS.md#needed-mqls), data until 2025-06-30.
// Won MQLs (lead → won new-business deal), MQL → close days 30, 40, 50, 60, 70:
//   W1 MQL 2024-08-01 won 2024-08-31 10,000 · W2 2024-10-01 → 2024-11-10 20,000 · W3 2025-01-10 → 2025-03-01 40,000
//   W4 2025-04-05 → 2025-06-04 80,000 (MQL in 2025-Q2: immature) · W5 2024-03-01 → 2024-05-10 1,000,000 (before the window)
// P90 of the lags = 66 days, so 2025-06-30 − 66 = 2025-04-25: 2025-Q1 is the last mature quarter.
// Default window: the last four complete quarters, 2024-07-01 to 2025-06-30; mature part to 2025-03-31:
//   MQLs W1 W2 W3 + 7 not won = 10, won 3 → 30%. Deal sizes (won new business closed in the window):
//   W1..W4 = 10k, 20k, 40k, 80k (mean 37,500); a won expansion (500,000) and a won deal without an
//   amount are left out. Run-rate: MQLs 2025-04-01..2025-06-30 = W4 + 3 = 4 (4/3 a month). Median lag 50 days.
import type Database from 'better-sqlite3';
import { insertDeals } from './insert.ts';

export function insertPlannerHistory(sqlite: Database.Database): void {
  const [w1, w2, w3, w4, w5] = insertDeals(sqlite, [
    { outcome: 'won', amount: 10_000, closeDate: '2024-08-31' },
    { outcome: 'won', amount: 20_000, closeDate: '2024-11-10' },
    { outcome: 'won', amount: 40_000, closeDate: '2025-03-01' },
    { outcome: 'won', amount: 80_000, closeDate: '2025-06-04' },
    { outcome: 'won', amount: 1_000_000, closeDate: '2024-05-10' },
    { outcome: 'won', amount: 500_000, closeDate: '2025-02-01', dealType: 'expansion' },
    { outcome: 'won', amount: null, closeDate: '2025-02-02' },
  ]);
  const lead = sqlite.prepare('INSERT INTO leads (external_id, created_date, mql_date, deal_id) VALUES (?, ?, ?, ?)');
  const leads: [string, string, string | null, number | null][] = [
    ['W1', '2024-08-01', '2024-08-01', w1!],
    ['W2', '2024-10-01', '2024-10-01', w2!],
    ['W3', '2025-01-10', '2025-01-10', w3!],
    ['W4', '2025-04-05', '2025-04-05', w4!],
    ['W5', '2024-03-01', '2024-03-01', w5!],
    ...['2024-07-15', '2024-08-20', '2024-09-30', '2024-11-11', '2024-12-24', '2025-02-14', '2025-03-31'].map(
      (d, i): [string, string, string, null] => [`M${i + 1}`, d, d, null],
    ),
    ['Q1', '2025-04-10', '2025-04-10', null],
    ['Q2', '2025-05-20', '2025-05-20', null],
    ['Q3', '2025-06-15', '2025-06-15', null],
    ['N1', '2025-06-30', null, null],
  ];
  sqlite.transaction(() => leads.forEach((l) => lead.run(...l)))();
}
