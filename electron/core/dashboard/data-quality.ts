// Deals that quietly distort the figures: lost deals recorded with no amount (0 or blank) pull
// the win rate by amount up, because they add nothing to the closed amount; deals imported
// without a deal type were counted as new business. One pass over deals, counted in SQLite.
import type Database from 'better-sqlite3';
import type { DataQuality } from '#shared/domain/dashboard.ts';

export function dataQuality(sqlite: Database.Database): DataQuality {
  return sqlite
    .prepare(
      `SELECT count(*) FILTER (WHERE outcome = 'lost') AS lostDeals,
              count(*) FILTER (WHERE outcome = 'lost' AND (amount IS NULL OR amount = 0)) AS lostZeroAmount,
              count(*) FILTER (WHERE deal_type_assumed = 1) AS noDealType
         FROM deals`,
    )
    .get() as DataQuality;
}
