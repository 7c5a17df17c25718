// The open pipeline and the size of what we win, for `winnow stats`: open deals per CRM stage and
// the average won new-business deal. Two GROUP BY queries; no per-deal rows leave SQLite.
import type Database from 'better-sqlite3';

export interface OpenStage {
  /** The CRM's stage name; null for open deals without one. */
  stage: string | null;
  deals: number;
  /** Sum of the amounts given (deals without an amount add nothing). */
  amount: number;
}

export interface PipelineFigures {
  /** Open deals of every type per stage, most deals first (then by name). */
  openByStage: OpenStage[];
  /** Mean amount of won new-business deals with an amount (the funnel's "average won deal size"). */
  averageWon: { amount: number | null; deals: number };
}

export function pipelineFigures(sqlite: Database.Database): PipelineFigures {
  const openByStage = sqlite
    .prepare(
      `SELECT stage, count(*) AS deals, total(amount) AS amount FROM deals WHERE outcome = 'open'
        GROUP BY stage ORDER BY deals DESC, stage IS NULL, stage`,
    )
    .all() as OpenStage[];
  // The (deal_type, outcome, close_date, amount) index covers this: no table read.
  const won = sqlite
    .prepare(
      `SELECT avg(amount) AS amount, count(amount) AS deals FROM deals
        WHERE deal_type = 'new_business' AND outcome = 'won'`,
    )
    .get() as { amount: number | null; deals: number };
  return { openByStage, averageWon: won };
}
