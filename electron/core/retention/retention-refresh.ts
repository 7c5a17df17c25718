// Keeps retention's maintained tables (retention_customers, retention_periods) in step with the
// deals and revenue lines they are derived from.
//
// Why a maintained table rather than a CTE per query: deriving monthly revenue per customer from
// 2.3 million revenue lines and grouping it into a cohort matrix takes about 4.5 s in one query;
// reading the maintained rows in key order takes under 0.3 s (test/bench/suites/retention.ts).
// Triggers (migration retention_periods) list the accounts whose deals or lines changed in
// retention_dirty; a refresh recomputes just those accounts, or everything when the data's last
// month moved (every customer's months up to it change) or the rules' version changed.
import type Database from 'better-sqlite3';
import { monthIndex } from '#shared/analytics/cohort-periods.ts';
import type { LeftOutDeals, RefreshResult } from '#shared/domain/retention.ts';
import { GRAIN_MONTHS, GRAINS } from '#shared/domain/retention.ts';
import { AppError } from '../errors.ts';
import {
  CHUNK_SOURCE_SQL,
  DEAL_MONTHS_SQL,
  LINES_MONTHS_SQL,
  LEFT_OUT_DEALS_SQL,
  WINNING_DEAL_SQL,
} from './revenue-sql.ts';

/** Bump when the derivation rules change: every workspace then rebuilds once. */
export const RETENTION_RULES_VERSION = '1';

/** Accounts per chunk: progress and cancel are checked between chunks. */
const CHUNK = 5_000;

/** Up to this many accounts, a read refreshes inline; beyond, the UI runs a job. */
export const INLINE_REFRESH_LIMIT = 3_000;

export interface RefreshHooks {
  progress?(done: number, total: number, message: string): void;
  cancelled?(): boolean;
}

interface StoredState {
  version: string | null;
  asOfMonth: number | null;
  revenueEnd: string | null;
  builtAt: string | null;
  leftOut: LeftOutDeals;
}

export interface RefreshPlan {
  upToDate: boolean;
  full: boolean;
  /** Accounts a refresh would process (an upper bound for a full rebuild). */
  accounts: number;
  asOf: string | null;
  asOfMonth: number | null;
  revenueEnd: string | null;
  builtAt: string | null;
}

function parseLeftOut(json: string | null): LeftOutDeals {
  const none = { noAccount: 0, noAmount: 0, badDates: 0 };
  if (!json) return none;
  try {
    return { ...none, ...(JSON.parse(json) as Partial<LeftOutDeals>) };
  } catch {
    return none;
  }
}

export function readState(sqlite: Database.Database): StoredState {
  const rows = sqlite.prepare('SELECT key, value FROM retention_state').all() as { key: string; value: string }[];
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? null;
  const month = get('as_of_month');
  return {
    version: get('version'),
    asOfMonth: month === null || month === '' ? null : Number(month),
    revenueEnd: get('revenue_end') || null,
    builtAt: get('built_at'),
    leftOut: parseLeftOut(get('left_out')),
  };
}

/** Latest close date of a closed deal (an open deal's date is only expected). Reads the index's end. */
function dealEnd(sqlite: Database.Database): string | null {
  return (
    sqlite
      .prepare("SELECT max(close_date) AS d FROM deals WHERE close_date IS NOT NULL AND outcome <> 'open'")
      .get() as { d: string | null }
  ).d;
}

function revenueEnd(sqlite: Database.Database): string | null {
  return (sqlite.prepare('SELECT max(period) AS d FROM revenue_lines').get() as { d: string | null }).d;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** What a refresh would do now, without doing it. Cheap unless revenue lines changed. */
export function planRefresh(sqlite: Database.Database): RefreshPlan {
  const state = readState(sqlite);
  const dirty = (sqlite.prepare('SELECT count(*) AS n FROM retention_dirty').get() as { n: number }).n;
  const built = state.version === RETENTION_RULES_VERSION && state.builtAt !== null;
  // Revenue lines only change through rows that mark their account dirty, so the stored end
  // holds while nothing is dirty.
  const revEnd = built && dirty === 0 ? state.revenueEnd : revenueEnd(sqlite);
  const asOf = later(dealEnd(sqlite), revEnd);
  const asOfMonth = asOf === null ? null : monthIndex(asOf);
  const full = !built || asOfMonth !== state.asOfMonth;
  const upToDate = !full && dirty === 0;
  const accounts = full ? (sqlite.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n : dirty;
  return { upToDate, full, accounts, asOf, asOfMonth, revenueEnd: revEnd, builtAt: state.builtAt };
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

function createScratch(sqlite: Database.Database, maxOffset: number): void {
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
    DELETE FROM temp.retention_todo;
  `);
  const have = (sqlite.prepare('SELECT count(*) AS n FROM temp.retention_offsets').get() as { n: number }).n;
  if (have < maxOffset + 1) {
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO temp.retention_offsets (n)
         WITH RECURSIVE o(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM o WHERE n < ?) SELECT n FROM o`,
      )
      .run(maxOffset);
  }
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
    return sqlite.transaction(() => {
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
      // The longest span a contract can cover up to the data's last month; bounded so a deal
      // dated in year 1 cannot make a table of millions of offsets.
      const earliest = (
        sqlite
          .prepare("SELECT min(coalesce(contract_start, close_date)) AS d FROM deals WHERE outcome = 'won'")
          .get() as { d: string | null }
      ).d;
      let maxOffset = 0;
      if (asOfMonth !== null && earliest && /^\d{4}-\d{2}/.test(earliest)) {
        maxOffset = Math.min(1200, Math.max(0, asOfMonth - monthIndex(earliest)));
      }
      createScratch(sqlite, maxOffset);

      let recreate: string[] = [];
      if (full) {
        sqlite.exec('DELETE FROM retention_customers');
        recreate = suspendIndexes(sqlite);
        sqlite.exec('DELETE FROM retention_periods');
        sqlite.exec(`
          INSERT INTO temp.retention_todo (account_id)
          SELECT DISTINCT account_id FROM revenue_lines
          UNION
          SELECT account_id FROM deals WHERE outcome = 'won' AND account_id IS NOT NULL`);
      } else {
        sqlite.exec('INSERT INTO temp.retention_todo (account_id) SELECT account_id FROM retention_dirty');
        sqlite.exec('DELETE FROM retention_periods WHERE account_id IN (SELECT account_id FROM temp.retention_todo)');
        sqlite.exec('DELETE FROM retention_customers WHERE account_id IN (SELECT account_id FROM temp.retention_todo)');
      }
      sqlite.exec('DELETE FROM retention_dirty');
      // Accounts deleted since they were marked have nothing left to derive.
      sqlite.exec('DELETE FROM temp.retention_todo WHERE account_id NOT IN (SELECT id FROM accounts)');

      const total = (sqlite.prepare('SELECT count(*) AS n FROM temp.retention_todo').get() as { n: number }).n;
      let done = 0;
      let periodRows = 0;
      hooks.progress?.(0, total, 'Deriving monthly revenue per customer');

      if (asOfMonth !== null && total > 0) {
        const nextChunk = sqlite.prepare(
          `INSERT INTO temp.retention_chunk (account_id)
           SELECT account_id FROM temp.retention_todo WHERE account_id > ? ORDER BY account_id LIMIT ${CHUNK}`,
        );
        const lastOfChunk = sqlite.prepare('SELECT max(account_id) AS id, count(*) AS n FROM temp.retention_chunk');
        const lines = sqlite.prepare(LINES_MONTHS_SQL);
        const dealsMonths = sqlite.prepare(DEAL_MONTHS_SQL);
        const customers = sqlite.prepare(`
          INSERT INTO retention_customers (account_id, first_month, source, winning_deal_id)
          SELECT m.account_id, min(m.month), s.source, ${WINNING_DEAL_SQL('m.account_id')}
            FROM temp.retention_months m JOIN temp.retention_chunk_source s ON s.account_id = m.account_id
           GROUP BY m.account_id`);
        // A period's revenue is the customer's average monthly revenue over the months of it the
        // customer could have paid for (from its first month; up to the data's last month), so a
        // first quarter that began in its third month is not read as a third of a quarter.
        const grainRows = sqlite.prepare(`
          INSERT INTO temp.retention_grain (account_id, period, revenue)
          SELECT p.account_id, p.period,
                 p.total / (min((p.period + 1) * @g - 1, @asOf) - max(p.period * @g, c.first_month) + 1)
            FROM (SELECT account_id, month / CAST(@g AS INTEGER) AS period, total(revenue) AS total
                    FROM temp.retention_months GROUP BY account_id, period) p
            JOIN retention_customers c ON c.account_id = p.account_id`);
        const periods = sqlite.prepare(`
          INSERT INTO retention_periods (grain, cohort, period, account_id, revenue, base)
          SELECT @g, c.first_month / CAST(@g AS INTEGER), g.period, g.account_id, g.revenue, b.revenue
            FROM temp.retention_grain g
            JOIN retention_customers c ON c.account_id = g.account_id
            JOIN temp.retention_grain b ON b.account_id = g.account_id AND b.period = c.first_month / CAST(@g AS INTEGER)
           ORDER BY 1, 2, 3, 4`);

        let after = -1;
        while (done < total) {
          if (hooks.cancelled?.()) throw new Cancelled();
          sqlite.exec(
            'DELETE FROM temp.retention_chunk; DELETE FROM temp.retention_chunk_source; DELETE FROM temp.retention_months',
          );
          nextChunk.run(after);
          const chunk = lastOfChunk.get() as { id: number | null; n: number };
          if (chunk.n === 0 || chunk.id === null) break;
          after = chunk.id;
          sqlite.exec(CHUNK_SOURCE_SQL);
          lines.run(asOfMonth);
          dealsMonths.run(asOfMonth, asOfMonth);
          customers.run();
          for (const grain of GRAINS) {
            const g = GRAIN_MONTHS[grain];
            sqlite.exec('DELETE FROM temp.retention_grain');
            grainRows.run({ g, asOf: asOfMonth });
            periodRows += periods.run({ g }).changes;
          }
          done += chunk.n;
          hooks.progress?.(done, total, 'Deriving monthly revenue per customer');
        }
      }

      if (recreate.length > 0) {
        hooks.progress?.(done, total, 'Indexing');
        for (const statement of recreate) sqlite.exec(statement);
      }
      const put = sqlite.prepare(
        'INSERT INTO retention_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      put.run('version', RETENTION_RULES_VERSION);
      put.run('as_of_month', asOfMonth === null ? '' : String(asOfMonth));
      put.run('revenue_end', plan.revenueEnd ?? '');
      put.run('built_at', new Date().toISOString());
      put.run('left_out', JSON.stringify(sqlite.prepare(LEFT_OUT_DEALS_SQL).get()));
      sqlite.exec(
        'DELETE FROM temp.retention_todo; DELETE FROM temp.retention_chunk; DELETE FROM temp.retention_chunk_source; DELETE FROM temp.retention_months; DELETE FROM temp.retention_grain',
      );
      return {
        full,
        accounts: done,
        customers: countCustomers(sqlite),
        periodRows,
        asOf: plan.asOf,
        seconds: (performance.now() - started) / 1000,
      };
    })();
  } catch (e) {
    if (e instanceof Cancelled) {
      throw new AppError('cancelled', 'Refresh cancelled; the retention figures are as they were.');
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
