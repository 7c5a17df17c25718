// Literal customers for retention tests: accounts, won deals with contract dates, and revenue
// lines, inserted as they are, so each figure can be worked out by hand.
import type Database from 'better-sqlite3';

export interface TestAccount {
  id: number;
  name?: string;
  segment?: string | null;
  region?: string | null;
  sector?: string | null;
}

export interface ContractDeal {
  id?: number;
  accountId: number | null;
  amount: number | null;
  outcome?: 'won' | 'lost' | 'open' | 'no_decision';
  dealType?: 'new_business' | 'expansion' | 'cross_sell' | 'renewal';
  closeDate?: string | null;
  contractStart?: string | null;
  contractEnd?: string | null;
  segment?: string | null;
  region?: string | null;
  productId?: number | null;
  leadSourceId?: number | null;
  lostToCompetitorId?: number | null;
  repReasonId?: number | null;
}

export function insertAccounts(sqlite: Database.Database, accounts: TestAccount[]): void {
  const st = sqlite.prepare('INSERT INTO accounts (id, name, segment, region, sector) VALUES (?, ?, ?, ?, ?)');
  for (const a of accounts)
    st.run(a.id, a.name ?? `Account ${a.id}`, a.segment ?? null, a.region ?? null, a.sector ?? null);
}

export function insertContracts(sqlite: Database.Database, deals: ContractDeal[]): number[] {
  const st = sqlite.prepare(
    `INSERT INTO deals (id, name, account_id, amount, outcome, deal_type, close_date, contract_start, contract_end,
                        segment, region, product_id, lead_source_id, lost_to_competitor_id, rep_reason_id)
     VALUES (@id, @name, @accountId, @amount, @outcome, @dealType, @closeDate, @contractStart, @contractEnd,
             @segment, @region, @productId, @leadSourceId, @lostTo, @repReasonId)`,
  );
  return deals.map((d, i) => {
    const outcome = d.outcome ?? 'won';
    const closeDate = d.closeDate === undefined ? (d.contractStart ?? null) : d.closeDate;
    return Number(
      st.run({
        id: d.id ?? null,
        name: `Deal ${i + 1}`,
        accountId: d.accountId,
        amount: d.amount,
        outcome,
        dealType: d.dealType ?? 'new_business',
        closeDate: outcome === 'open' ? (closeDate ?? null) : (closeDate ?? '2024-01-01'),
        contractStart: d.contractStart ?? null,
        contractEnd: d.contractEnd ?? null,
        segment: d.segment ?? null,
        region: d.region ?? null,
        productId: d.productId ?? null,
        leadSourceId: d.leadSourceId ?? null,
        lostTo: d.lostToCompetitorId ?? null,
        repReasonId: d.repReasonId ?? null,
      }).lastInsertRowid,
    );
  });
}

export function insertRevenueLines(
  sqlite: Database.Database,
  lines: { accountId: number; period: string; amount: number; kind?: 'mrr' | 'invoice' }[],
): void {
  const st = sqlite.prepare('INSERT INTO revenue_lines (account_id, period, amount, kind) VALUES (?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const l of lines) st.run(l.accountId, l.period, l.amount, l.kind ?? 'mrr');
  })();
}

/** Month index of 'YYYY-MM' (as the tables store periods at month grain). */
export const m = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
/** Quarter index of 'YYYY-Qn'. */
export const q = (yq: string) => Number(yq.slice(0, 4)) * 4 + Number(yq.slice(6, 7)) - 1;

/** Monthly revenue per account as the maintained table holds it: { 'YYYY-MM': amount }. */
export function monthsOf(sqlite: Database.Database, accountId: number): Record<string, number> {
  const rows = sqlite
    .prepare('SELECT period, revenue FROM retention_periods WHERE grain = 1 AND account_id = ? ORDER BY period')
    .all(accountId) as { period: number; revenue: number }[];
  return Object.fromEntries(
    rows.map((r) => [`${Math.floor(r.period / 12)}-${String((r.period % 12) + 1).padStart(2, '0')}`, r.revenue]),
  );
}
