// How revenue per customer per month is derived, as SQL over a chunk of accounts (TEMP table
// retention_chunk). The rules (also printed in the UI, RETENTION_DEFINITIONS.revenue/contracts):
//
// - An account with imported MRR lines uses them; else, with imported invoice lines, those (in the
//   month they are dated, as they are); else its won deals. Billing data is the system of record
//   where it exists, and adding deal-derived revenue to it would count the same money twice.
// - A won deal's amount is its annual contract value: amount / 12 in each month its contract
//   covers, from the month of contract_start (else close_date) up to, not including, the month of
//   the day after contract_end (else a 12-month term), and at least one month. That is the month-end
//   convention: a contract 2024-03-15..2025-03-14 covers March 2024 to February 2025, twelve months,
//   and a renewal from 2025-03-15 picks up in March. Whole months, so a customer's first month is
//   not a partial one that would read as expansion in its second.
// - Overlapping deals add up: an expansion adds its value beside the contract it expands; a renewal
//   carries its own value for the new term.
// - Months after the data's last month are not revenue yet (contracts run into the future).
// - A month counts when the customer's total for it is above zero (credit notes can cancel it).

/** SQL for the month index (year * 12 + month - 1) of an ISO date column. `col` is ours, never user text. */
export const monthIndexSql = (col: string) =>
  `(CAST(substr(${col}, 1, 4) AS INTEGER) * 12 + CAST(substr(${col}, 6, 2) AS INTEGER) - 1)`;

const ISO_DATE_GLOB = `'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'`;

/** Per chunk account, where its revenue comes from. */
export const CHUNK_SOURCE_SQL = `
  INSERT INTO temp.retention_chunk_source (account_id, source)
  SELECT c.account_id,
         CASE
           WHEN EXISTS (SELECT 1 FROM revenue_lines r WHERE r.account_id = c.account_id AND r.kind = 'mrr') THEN 'mrr'
           WHEN EXISTS (SELECT 1 FROM revenue_lines r WHERE r.account_id = c.account_id) THEN 'invoice'
           ELSE 'deals'
         END
    FROM temp.retention_chunk c`;

/**
 * Monthly revenue of chunk accounts from their imported lines of the chosen kind. Params: asOfMonth.
 * anyPurchase (the retentionActivity setting): a month with any line counts as active, its revenue
 * never below zero; else only months whose total is above zero (docs/METRICS.md#activity).
 */
export const linesMonthsSql = (anyPurchase: boolean) => `
  INSERT INTO temp.retention_months (account_id, month, revenue)
  SELECT r.account_id, ${monthIndexSql('r.period')} AS month, ${anyPurchase ? 'max(total(r.amount), 0)' : 'total(r.amount)'} AS revenue
    FROM temp.retention_chunk_source s
    -- CROSS JOIN keeps the chunk as the outer loop: without statistics SQLite would rather scan
    -- every revenue line and probe the chunk.
    CROSS JOIN revenue_lines r ON r.account_id = s.account_id AND r.kind = s.source
   WHERE s.source IN ('mrr', 'invoice') AND ${monthIndexSql('r.period')} <= ?
   GROUP BY r.account_id, r.period
  ${anyPurchase ? '' : 'HAVING total(r.amount) > 0'}`;

/**
 * Accounts with imported purchase lines that are not customers: every line of theirs was zero (or
 * credits cancelled it), so no month counted. Said on the Retention screen beside the choice to
 * count any purchase as activity.
 */
export const ZERO_ONLY_SQL = `
  SELECT count(*) AS n FROM (SELECT DISTINCT account_id FROM revenue_lines WHERE account_id IS NOT NULL) r
   WHERE NOT EXISTS (SELECT 1 FROM retention_customers c WHERE c.account_id = r.account_id)`;

/**
 * Monthly revenue of chunk accounts without imported lines, from their won deals. Uses
 * temp.retention_offsets (0, 1, 2 ...). Params: asOfMonth, asOfMonth.
 */
export const DEAL_MONTHS_SQL = `
  WITH terms AS (
    SELECT d.account_id, d.amount / 12.0 AS monthly, d.s,
           coalesce(d.contract_end, date(d.s, '+12 months', '-1 day')) AS e
      FROM (SELECT account_id, amount, contract_end, coalesce(contract_start, close_date) AS s
              FROM deals
             WHERE outcome = 'won' AND amount > 0
               AND account_id IN (SELECT account_id FROM temp.retention_chunk_source WHERE source = 'deals')) d
     WHERE d.s GLOB ${ISO_DATE_GLOB} AND date(d.s) IS NOT NULL
  ),
  spans AS (
    SELECT account_id, monthly, ${monthIndexSql('s')} AS first_month,
           max(1, ${monthIndexSql("date(e, '+1 day')")} - ${monthIndexSql('s')}) AS months
      FROM terms
     WHERE e GLOB ${ISO_DATE_GLOB} AND date(e) IS NOT NULL
  )
  INSERT INTO temp.retention_months (account_id, month, revenue)
  SELECT s.account_id, s.first_month + o.n AS month, total(s.monthly)
    FROM spans s
    JOIN temp.retention_offsets o ON o.n < s.months AND o.n <= ? - s.first_month
   WHERE s.first_month <= ?
   GROUP BY s.account_id, month
  HAVING total(s.monthly) > 0`;

/** Per chunk account living on its deals: its won deals that make no revenue, and why. */
export const LEFT_OUT_SQL = `
  INSERT INTO retention_left_out (account_id, no_amount, bad_dates)
  SELECT account_id,
         count(*) FILTER (WHERE amount IS NULL OR amount <= 0),
         count(*) FILTER (WHERE amount > 0 AND NOT (
             coalesce(contract_start, close_date, '') GLOB ${ISO_DATE_GLOB}
             AND date(coalesce(contract_start, close_date)) IS NOT NULL
             AND (contract_end IS NULL OR (contract_end GLOB ${ISO_DATE_GLOB} AND date(contract_end) IS NOT NULL))))
    FROM deals
   WHERE outcome = 'won' AND account_id IN (SELECT account_id FROM temp.retention_chunk_source WHERE source = 'deals')
   GROUP BY account_id
  HAVING count(*) FILTER (WHERE amount IS NULL OR amount <= 0) > 0
      OR count(*) FILTER (WHERE amount > 0 AND NOT (
             coalesce(contract_start, close_date, '') GLOB ${ISO_DATE_GLOB}
             AND date(coalesce(contract_start, close_date)) IS NOT NULL
             AND (contract_end IS NULL OR (contract_end GLOB ${ISO_DATE_GLOB} AND date(contract_end) IS NOT NULL)))) > 0`;

/**
 * The deal that won a customer: its earliest won new-business deal, else its earliest won deal of
 * any type (imported revenue can start before the CRM's history does).
 */
export const WINNING_DEAL_SQL = (account: string) => `(
  SELECT w.id FROM deals w
   WHERE w.account_id = ${account} AND w.outcome = 'won'
   ORDER BY w.deal_type <> 'new_business', coalesce(w.contract_start, w.close_date), w.id
   LIMIT 1)`;
