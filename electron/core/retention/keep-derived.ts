// Where retention's derived tables are brought up to date: in the writes and jobs that change the
// data, never in a read (reads run on read-only connections). A write call refreshes the few
// accounts it touched before it answers (as reads used to); a job that changes much (demo data,
// an import, its undo) ends by refreshing everything it changed, group cells included, with its
// progress bar; the retention rebuild job does the same on demand.
import type Database from 'better-sqlite3';
import type { RefreshResult } from '#shared/domain/retention.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { groupsFresh, writeGroupCells } from './group-cells.ts';
import type { RefreshHooks } from './retention-refresh.ts';
import { INLINE_REFRESH_LIMIT, planRefresh, refreshRetention } from './retention-refresh.ts';

/** Everything derived, up to date: the revenue tables (a full rebuild with `full`), then the group cells. */
export function refreshDerived(
  sqlite: Database.Database,
  opts: { full?: boolean } = {},
  hooks: RefreshHooks = {},
): RefreshResult {
  const result = refreshRetention(sqlite, opts, hooks);
  if (!groupsFresh(sqlite)) {
    // The job's counts stay those of the accounts derived; only the message says what runs now.
    const progress = (message: string) => hooks.progress?.(result.accounts, result.accounts, message);
    writeTransaction(sqlite, () => writeGroupCells(sqlite, planRefresh(sqlite).asOfMonth, progress));
  }
  return result;
}

/**
 * After a write call: refresh the accounts it changed when they are few (a deal edit, an interview
 * saved), and the group cells when the workspace has few customers. A larger change is left to the
 * rebuild job, which the Retention screen starts with its progress bar; group cells emptied by a
 * write in a large workspace are summed live by the reads until the next job fills them.
 */
export function refreshAfterWrite(sqlite: Database.Database): void {
  const plan = planRefresh(sqlite);
  if (!plan.upToDate) {
    if (plan.accounts > INLINE_REFRESH_LIMIT) return;
    refreshRetention(sqlite);
  }
  if (groupsFresh(sqlite)) return;
  const customers = (sqlite.prepare('SELECT count(*) AS n FROM retention_customers').get() as { n: number }).n;
  if (customers <= INLINE_REFRESH_LIMIT) {
    writeTransaction(sqlite, () => writeGroupCells(sqlite, planRefresh(sqlite).asOfMonth));
  }
}
