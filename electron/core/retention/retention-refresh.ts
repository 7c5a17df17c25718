// Keeps retention's maintained tables (retention_customers, retention_periods, retention_left_out)
// in step with the deals and revenue lines they are derived from.
//
// Why a maintained table rather than a CTE per query: deriving monthly revenue per customer from
// 1.8 million revenue lines and grouping it into a cohort matrix takes about 10 s in one query;
// reading the maintained rows in key order takes about a quarter of a second
// (test/bench/suites/retention.ts). Triggers (migration retention_periods) list the accounts whose
// deals or lines changed in retention_dirty; a refresh recomputes just those accounts, or everything
// when the data's last month moved (every customer's months up to it change) or the rules changed.
import type Database from 'better-sqlite3';
import type { LeftOutDeals, RefreshResult, RevenueSource } from '#shared/domain/retention.ts';
import { GRAIN_MONTHS, GRAINS } from '#shared/domain/retention.ts';
import { AppError } from '../errors.ts';
import { monthIndex, periodOfMonth, periodsPerYear } from '#shared/analytics/cohort-periods.ts';
import { writeCells } from './cell-measures.ts';
import { readSettings } from '../settings/settings-store.ts';
import {
  CHUNK_SOURCE_SQL,
  DEAL_MONTHS_SQL,
  LEFT_OUT_SQL,
  linesMonthsSql,
  WINNING_DEAL_SQL,
  ZERO_ONLY_SQL,
} from './revenue-sql.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/** Bump when the derivation rules change: every workspace then rebuilds once. */
export const RETENTION_RULES_VERSION = '1';

/**
 * The rules the maintained tables were built under: the version, plus the activity setting (a
 * change of it rebuilds everything, as a new rules version would).
 */
export function rulesVersion(sqlite: Database.Database): string {
  return readSettings(sqlite).retentionActivity === 'anyPurchase'
    ? `${RETENTION_RULES_VERSION}+any-purchase`
    : RETENTION_RULES_VERSION;
}

/** Accounts with purchase lines whose every month was zero, as counted at the last refresh. */
export function zeroOnlyAccounts(sqlite: Database.Database): number {
  return Number(readStateMap(sqlite).get('zero_only') ?? 0) || 0;
}

/** Accounts per chunk: progress and cancel are checked between chunks. */
const CHUNK = 5_000;

/** A contract covers at most this many months (a hundred years) before the data's last month. */
const MAX_CONTRACT_MONTHS = 1_200;

/** Up to this many accounts, a read refreshes inline; beyond, the UI runs a job. */
export const INLINE_REFRESH_LIMIT = 3_000;

export interface RefreshHooks {
  progress?(done: number, total: number, message: string): void;
  cancelled?(): boolean;
}

export interface RefreshPlan {
  upToDate: boolean;
  full: boolean;
  /** Accounts a refresh would process (an upper bound for a full rebuild). */
  accounts: number;
  /** The data's last date: latest close date of a closed deal, or the last day of imported revenue. */
  asOf: string | null;
  asOfMonth: number | null;
  builtAt: string | null;
}

function readStateMap(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite.prepare('SELECT key, value FROM retention_state').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Won deals that make no revenue: per-account counts kept by the refresh, plus those with no account. */
export function leftOutDeals(sqlite: Database.Database): LeftOutDeals {
  const kept = sqlite
    .prepare('SELECT total(no_amount) AS noAmount, total(bad_dates) AS badDates FROM retention_left_out')
    .get() as { noAmount: number; badDates: number };
  // Read through the deals' account index (the NULL end of it), not the whole table.
  const noAccount = (
    sqlite
      .prepare("SELECT count(*) AS n FROM deals INDEXED BY deals_account WHERE account_id IS NULL AND outcome = 'won'")
      .get() as { n: number }
  ).n;
  return { noAccount, noAmount: kept.noAmount, badDates: kept.badDates };
}

/** Customers by where their revenue comes from, as counted at the last refresh. */
export function customerSources(sqlite: Database.Database): Record<RevenueSource, number> {
  const sources: Record<RevenueSource, number> = { mrr: 0, invoice: 0, deals: 0 };
  const json = readStateMap(sqlite).get('sources');
  if (json) {
    try {
      Object.assign(sources, JSON.parse(json) as Partial<Record<RevenueSource, number>>);
    } catch {
      // a hand-edited value: counts fall back to zero until the next refresh
    }
  }
  return sources;
}

/**
 * The data's last date: the latest close date of a closed deal, or the last day of revenue the
 * imports recorded (a line keeps the latest day of the rows it sums; a month given without a day
 * counts as its first day, so the month stays incomplete). Each read is the end of an index.
 */
function dataEnd(sqlite: Database.Database): string | null {
  const deal = (
    sqlite
      .prepare("SELECT max(close_date) AS d FROM deals WHERE close_date IS NOT NULL AND outcome <> 'open'")
      .get() as { d: string | null }
  ).d;
  const lastMonth = (sqlite.prepare('SELECT max(period) AS d FROM revenue_lines').get() as { d: string | null }).d;
  const lastDay =
    lastMonth === null
      ? null
      : (
          sqlite.prepare('SELECT max(last_date) AS d FROM revenue_lines WHERE period = ?').get(lastMonth) as {
            d: string | null;
          }
        ).d;
  const line = lastDay ?? lastMonth;
  if (deal === null) return line;
  if (line === null) return deal;
  return deal > line ? deal : line;
}

/** What a refresh would do now, without doing it. */
export function planRefresh(sqlite: Database.Database): RefreshPlan {
  const state = readStateMap(sqlite);
  const dirty = (sqlite.prepare('SELECT count(*) AS n FROM retention_dirty').get() as { n: number }).n;
  const built = state.get('version') === rulesVersion(sqlite) && state.has('built_at');
  const asOf = dataEnd(sqlite);
  const asOfMonth = asOf === null ? null : monthIndex(asOf);
  const storedMonth = state.get('as_of_month');
  const full = !built || String(asOfMonth ?? '') !== storedMonth;
  const accounts = full ? (sqlite.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n : dirty;
  return { upToDate: !full && dirty === 0, full, accounts, asOf, asOfMonth, builtAt: state.get('built_at') ?? null };
}

class Cancelled extends Error {}

/**
 * Drop the maintained table's secondary index for a full rebuild and return the statements that
 * recreate it: building it once at the end is faster than keeping it up to date row by row.
 */
function suspendIndexes(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'retention_periods' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const r of rows) sqlite.exec(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.sql);
}

const SCRATCH = [
  'retention_todo',
  'retention_chunk',
  'retention_chunk_source',
  'retention_months',
  'retention_grain',
  'retention_affected',
];

function createScratch(sqlite: Database.Database): void {
  sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS retention_todo (account_id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS retention_chunk (account_id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS retention_chunk_source (account_id INTEGER PRIMARY KEY, source TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS retention_months (
      account_id INTEGER NOT NULL, month INTEGER NOT NULL, revenue REAL NOT NULL,
      PRIMARY KEY (account_id, month)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS retention_grain (
      account_id INTEGER NOT NULL, period INTEGER NOT NULL, revenue REAL NOT NULL,
      PRIMARY KEY (account_id, period)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS retention_offsets (n INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS retention_affected (
      grain INTEGER NOT NULL, cohort INTEGER NOT NULL, PRIMARY KEY (grain, cohort)) WITHOUT ROWID;
  `);
  clearScratch(sqlite);
  const have = (sqlite.prepare('SELECT count(*) AS n FROM temp.retention_offsets').get() as { n: number }).n;
  if (have < MAX_CONTRACT_MONTHS) {
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO temp.retention_offsets (n)
         WITH RECURSIVE o(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM o WHERE n < ?) SELECT n FROM o`,
      )
      .run(MAX_CONTRACT_MONTHS - 1);
  }
}

function clearScratch(sqlite: Database.Database): void {
  sqlite.exec(SCRATCH.map((t) => `DELETE FROM temp.${t};`).join(' '));
}

/** The statements that derive one chunk of accounts (prepared once per refresh). */
function chunkStatements(sqlite: Database.Database) {
  return {
    next: sqlite.prepare(
      `INSERT INTO temp.retention_chunk (account_id)
       SELECT account_id FROM temp.retention_todo WHERE account_id > ? ORDER BY account_id LIMIT ${CHUNK}`,
    ),
    last: sqlite.prepare('SELECT max(account_id) AS id, count(*) AS n FROM temp.retention_chunk'),
    lines: sqlite.prepare(linesMonthsSql(readSettings(sqlite).retentionActivity === 'anyPurchase')),
    deals: sqlite.prepare(DEAL_MONTHS_SQL),
    leftOut: sqlite.prepare(LEFT_OUT_SQL),
    customers: sqlite.prepare(`
      INSERT INTO retention_customers (account_id, first_month, source, winning_deal_id)
      SELECT m.account_id, min(m.month), s.source, ${WINNING_DEAL_SQL('m.account_id')}
        FROM temp.retention_months m JOIN temp.retention_chunk_source s ON s.account_id = m.account_id
       GROUP BY m.account_id`),
    // A period's revenue is the customer's average monthly revenue over the months of it the
    // customer could have paid for (from its first month; up to the data's last month), so a
    // first quarter that began in its third month is not read as a third of a quarter.
    grain: sqlite.prepare(`
      INSERT INTO temp.retention_grain (account_id, period, revenue)
      SELECT p.account_id, p.period,
             p.total / (min((p.period + 1) * @g - 1, @asOf) - max(p.period * @g, c.first_month) + 1)
        FROM (SELECT account_id, month / CAST(@g AS INTEGER) AS period, total(revenue) AS total
                FROM temp.retention_months GROUP BY account_id, period) p
        JOIN retention_customers c ON c.account_id = p.account_id`),
    // Months are already periods at month grain; coarser grains read the averages above.
    monthPeriods: sqlite.prepare(periodsSql('temp.retention_months', 'month')),
    grainPeriods: sqlite.prepare(periodsSql('temp.retention_grain', 'period')),
  };
}

/**
 * Each customer's rows at one grain (@g), from a per-account table of (account_id, period,
 * revenue): its cohort, revenue capped at its first period's, and the neighbours' revenue.
 */
function periodsSql(table: string, period: string): string {
  return `
    INSERT INTO retention_periods (grain, cohort, period, account_id, revenue, capped, prev, next, ahead)
    SELECT @g, c.first_month / CAST(@g AS INTEGER), g.${period}, g.account_id, g.revenue, min(g.revenue, b.revenue),
           pv.revenue, nx.revenue, ah.revenue
      FROM ${table} g
      JOIN retention_customers c ON c.account_id = g.account_id
      JOIN ${table} b ON b.account_id = g.account_id AND b.${period} = c.first_month / CAST(@g AS INTEGER)
      LEFT JOIN ${table} pv ON pv.account_id = g.account_id AND pv.${period} = g.${period} - 1
      LEFT JOIN ${table} nx ON nx.account_id = g.account_id AND nx.${period} = g.${period} + 1
      LEFT JOIN ${table} ah ON ah.account_id = g.account_id AND ah.${period} = g.${period} + 12 / CAST(@g AS INTEGER)
     ORDER BY 1, 2, 3, 4`;
}

/**
 * Bring the maintained tables up to date (or rebuild them with `full`). One transaction: a
 * cancel or an error leaves them as they were.
 */
export function refreshRetention(
  sqlite: Database.Database,
  opts: { full?: boolean } = {},
  hooks: RefreshHooks = {},
): RefreshResult {
  const started = performance.now();
  try {
    return writeTransaction(sqlite, () => {
      const plan = planRefresh(sqlite);
      const full = plan.full || opts.full === true;
      if (plan.upToDate && !full) {
        return {
          full: false,
          accounts: 0,
          customers: countCustomers(sqlite),
          periodRows: 0,
          asOf: plan.asOf,
          seconds: 0,
        };
      }
      const asOfMonth = plan.asOfMonth;
      createScratch(sqlite);

      // The cohorts whose cells a change touches: where the changed accounts were, and are now.
      const noteAffected = () =>
        sqlite.exec(`
          INSERT OR IGNORE INTO temp.retention_affected (grain, cohort)
          SELECT DISTINCT grain, cohort FROM retention_periods
           WHERE account_id IN (SELECT account_id FROM temp.retention_todo)`);
      let recreate: string[] = [];
      if (full) {
        sqlite.exec('DELETE FROM retention_customers; DELETE FROM retention_left_out; DELETE FROM retention_cells');
        recreate = suspendIndexes(sqlite);
        sqlite.exec('DELETE FROM retention_periods');
        sqlite.exec(`
          INSERT INTO temp.retention_todo (account_id)
          SELECT DISTINCT account_id FROM revenue_lines
          UNION
          SELECT account_id FROM deals WHERE outcome = 'won' AND account_id IS NOT NULL`);
      } else {
        sqlite.exec('INSERT INTO temp.retention_todo (account_id) SELECT account_id FROM retention_dirty');
        noteAffected();
        sqlite.exec(`
          DELETE FROM retention_periods WHERE account_id IN (SELECT account_id FROM temp.retention_todo);
          DELETE FROM retention_customers WHERE account_id IN (SELECT account_id FROM temp.retention_todo);
          DELETE FROM retention_left_out WHERE account_id IN (SELECT account_id FROM temp.retention_todo);`);
      }
      sqlite.exec('DELETE FROM retention_dirty');
      // Accounts deleted since they were marked have nothing left to derive.
      sqlite.exec('DELETE FROM temp.retention_todo WHERE account_id NOT IN (SELECT id FROM accounts)');

      const total = (sqlite.prepare('SELECT count(*) AS n FROM temp.retention_todo').get() as { n: number }).n;
      let done = 0;
      let periodRows = 0;
      const message = 'Deriving monthly revenue per customer';
      hooks.progress?.(0, total, message);

      if (asOfMonth !== null && total > 0) {
        const st = chunkStatements(sqlite);
        let after = -1;
        while (done < total) {
          if (hooks.cancelled?.()) throw new Cancelled();
          sqlite.exec(
            'DELETE FROM temp.retention_chunk; DELETE FROM temp.retention_chunk_source; DELETE FROM temp.retention_months',
          );
          st.next.run(after);
          const chunk = st.last.get() as { id: number | null; n: number };
          if (chunk.n === 0 || chunk.id === null) break;
          after = chunk.id;
          sqlite.exec(CHUNK_SOURCE_SQL);
          st.lines.run(asOfMonth);
          st.deals.run(asOfMonth, asOfMonth);
          st.leftOut.run();
          st.customers.run();
          for (const grain of GRAINS) {
            const g = GRAIN_MONTHS[grain];
            if (g === 1) {
              periodRows += st.monthPeriods.run({ g }).changes;
              continue;
            }
            sqlite.exec('DELETE FROM temp.retention_grain');
            st.grain.run({ g, asOf: asOfMonth });
            periodRows += st.grainPeriods.run({ g }).changes;
          }
          done += chunk.n;
          hooks.progress?.(done, total, message);
        }
      }

      if (recreate.length > 0) {
        hooks.progress?.(done, total, 'Indexing');
        for (const statement of recreate) sqlite.exec(statement);
      }
      hooks.progress?.(done, total, 'Summing cohorts');
      // Splits are summed again on demand from the new rows.
      sqlite.exec('DELETE FROM retention_group_cells');
      if (asOfMonth !== null) {
        if (full) {
          for (const grain of GRAINS) {
            const g = GRAIN_MONTHS[grain];
            writeCells(sqlite, { g, asOf: periodOfMonth(asOfMonth, grain), lag: periodsPerYear(grain) });
          }
        } else {
          noteAffected();
          const affected = sqlite.prepare('SELECT grain, cohort FROM temp.retention_affected').all() as {
            grain: number;
            cohort: number;
          }[];
          const drop = sqlite.prepare('DELETE FROM retention_cells WHERE grain = ? AND cohort = ?');
          for (const a of affected) {
            const grain = GRAINS.find((x) => GRAIN_MONTHS[x] === a.grain)!;
            drop.run(a.grain, a.cohort);
            writeCells(sqlite, {
              g: a.grain,
              asOf: periodOfMonth(asOfMonth, grain),
              lag: periodsPerYear(grain),
              cohort: a.cohort,
            });
          }
        }
      }
      const put = sqlite.prepare(
        'INSERT INTO retention_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      put.run('version', rulesVersion(sqlite));
      put.run('zero_only', String((sqlite.prepare(ZERO_ONLY_SQL).get() as { n: number }).n));
      put.run('as_of_month', String(asOfMonth ?? ''));
      put.run('built_at', new Date().toISOString());
      const counts = sqlite.prepare('SELECT source, count(*) AS n FROM retention_customers GROUP BY source').all() as {
        source: RevenueSource;
        n: number;
      }[];
      put.run('sources', JSON.stringify(Object.fromEntries(counts.map((c) => [c.source, c.n]))));
      clearScratch(sqlite);
      return {
        full,
        accounts: done,
        customers: countCustomers(sqlite),
        periodRows,
        asOf: plan.asOf,
        seconds: (performance.now() - started) / 1000,
      };
    });
  } catch (e) {
    if (e instanceof Cancelled) {
      throw new AppError('cancelled', 'Rebuild cancelled; the retention figures are as they were.');
    }
    throw e;
  }
}

function countCustomers(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM retention_customers').get() as { n: number }).n;
}

/**
 * Make sure the maintained tables match the data before a read: refresh inline when little
 * changed; otherwise ask for the rebuild job (the UI shows its progress) unless `inlineAnyway`
 * (the CLI, which may take its time).
 */
export function ensureFresh(
  sqlite: Database.Database,
  opts: { inlineAnyway?: boolean; hooks?: RefreshHooks } = {},
): RefreshPlan {
  const plan = planRefresh(sqlite);
  if (plan.upToDate) return plan;
  if (!opts.inlineAnyway && plan.accounts > INLINE_REFRESH_LIMIT) {
    throw new AppError(
      'conflict',
      `Revenue data changed for ${plan.accounts.toLocaleString('en-US')} accounts; rebuild the retention figures first (Retention, "Rebuild").`,
    );
  }
  refreshRetention(sqlite, {}, opts.hooks);
  return planRefresh(sqlite);
}
