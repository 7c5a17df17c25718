// Three customers from won deals, every figure worked out by hand; data up to 2025-06-20:
//   A  new business 2024-01-15..2025-01-14, 12,000 a year      -> 1,000 a month Jan-Dec 2024
//      expansion    2024-04-10..2025-01-14,  6,000 a year      ->   500 a month Apr-Dec 2024
//      renewal      2025-01-15..2026-01-14,  9,600 a year      ->   800 a month from Jan 2025
//      (expansion, then contraction)
//   B  new business 2024-01-03..2024-06-30,  2,400 a year      ->   200 a month Jan-Jun 2024
//      new business 2024-10-01..2025-09-30,  3,600 a year      ->   300 a month from Oct 2024
//      (churns in July 2024 and returns in October: months with no revenue)
//   C  new business closed 2024-03-20, no contract dates, 6,000 -> 500 a month Mar 2024-Feb 2025
//      (a cohort of one; churns in March 2025)
// Not customers: a won deal without an account, a lost deal, a won deal starting after the data.
import type { Workspace } from '#core/db/open-workspace.ts';
import { insertAccounts, insertContracts } from './insert-revenue.ts';

export function seedAbc(ws: Workspace): void {
  insertAccounts(ws.sqlite, [
    { id: 1, name: 'Acorn', segment: 'SMB' },
    { id: 2, name: 'Birch', segment: 'SMB' },
    { id: 3, name: 'Cedar', segment: 'Enterprise' },
    { id: 4 },
    { id: 5 },
  ]);
  insertContracts(ws.sqlite, [
    { accountId: 1, amount: 12_000, contractStart: '2024-01-15', contractEnd: '2025-01-14' },
    { accountId: 1, amount: 6_000, dealType: 'expansion', contractStart: '2024-04-10', contractEnd: '2025-01-14' },
    { accountId: 1, amount: 9_600, dealType: 'renewal', contractStart: '2025-01-15', contractEnd: '2026-01-14' },
    { accountId: 2, amount: 2_400, contractStart: '2024-01-03', contractEnd: '2024-06-30' },
    { accountId: 2, amount: 3_600, contractStart: '2024-10-01', contractEnd: '2025-09-30' },
    { accountId: 3, amount: 6_000, closeDate: '2024-03-20' },
    { accountId: null, amount: 5_000, contractStart: '2024-02-01', contractEnd: '2025-01-31' },
    { accountId: 4, amount: 9_000, outcome: 'lost', closeDate: '2025-06-20' },
    { accountId: 5, amount: 7_000, closeDate: '2025-05-30', contractStart: '2025-07-01', contractEnd: '2026-06-30' },
  ]);
}
