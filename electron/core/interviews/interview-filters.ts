// The WHERE clauses of the interview list, the quote library and the exports. Each filter maps
// to a fixed SQL fragment with a named parameter; no user text is ever part of the SQL. Search
// text goes through ftsQuery() and is bound as the MATCH argument.
import type { InterviewFilters, QuoteFilters } from '#shared/domain/interviews.ts';
import { ftsQuery } from '#shared/text/fts-query.ts';

export interface SqlWhere {
  /** Conditions joined with AND (never empty: '1' when nothing filters). */
  where: string;
  /**
   * The quotes to start from: `quotes q`, or, when searching, the FTS matches first (CROSS JOIN
   * keeps SQLite from probing the match list once per interview).
   */
  quotesFrom: string;
  params: Record<string, string | number>;
  /** The FTS5 MATCH argument when searching, else null. */
  match: string | null;
  /** The conditions read the deal (d.*): the deals join is needed to filter. */
  usesDeal: boolean;
}

/**
 * Interviews that match a search, best first: bm25 over the interview's own text (the buyer's
 * statement weighs double) and over its quotes, taking each interview's best score.
 * Needs the @match parameter.
 */
export const SEARCH_HITS_CTE = `hits AS (
  SELECT interview_id, min(score) AS score FROM (
    SELECT rowid AS interview_id, bm25(interview_fts, 2.0, 1.0, 1.0) AS score
      FROM interview_fts WHERE interview_fts MATCH @match
    UNION ALL
    SELECT q.interview_id, bm25(quote_fts) AS score
      FROM quote_fts JOIN quotes q ON q.id = quote_fts.rowid WHERE quote_fts MATCH @match
  ) GROUP BY interview_id
)`;

/** Conditions over interviews i joined to deals d. */
export function interviewWhere(f: InterviewFilters): SqlWhere {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.outcome) {
    where.push('d.outcome = @outcome');
    params.outcome = f.outcome;
  }
  if (f.competitorId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM deal_competitors dc WHERE dc.deal_id = i.deal_id AND dc.competitor_id = @competitorId)',
    );
    params.competitorId = f.competitorId;
  }
  if (f.reasonId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM interview_reasons ir WHERE ir.interview_id = i.id AND ir.reason_id = @reasonId)');
    params.reasonId = f.reasonId;
  }
  if (f.themeId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM quotes tq JOIN quote_themes qt ON qt.quote_id = tq.id WHERE tq.interview_id = i.id AND qt.theme_id = @themeId)',
    );
    params.themeId = f.themeId;
  }
  if (f.role) {
    where.push('i.interviewee_role = @role');
    params.role = f.role;
  }
  if (f.status) {
    where.push('i.status = @status');
    params.status = f.status;
  }
  if (f.from) {
    where.push('i.interview_date >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('i.interview_date <= @to');
    params.to = f.to;
  }
  const match = f.search ? ftsQuery(f.search).match : null;
  if (match) params.match = match;
  else if (f.search?.trim()) where.push('0'); // only punctuation typed: nothing can match
  return {
    where: where.length ? where.join(' AND ') : '1',
    params,
    match,
    quotesFrom: 'quotes q',
    usesDeal: f.outcome !== undefined,
  };
}

/** Conditions over quotes q joined to interviews i and deals d. */
export function quoteWhere(f: QuoteFilters): SqlWhere {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (!f.includeDrafts && f.interviewId === undefined) where.push("i.status = 'complete'");
  if (f.themeId !== undefined) {
    // EXISTS, not "q.id IN (list)": SQLite would probe the whole list once per interview.
    where.push('EXISTS (SELECT 1 FROM quote_themes qt WHERE qt.quote_id = q.id AND qt.theme_id = @themeId)');
    params.themeId = f.themeId;
  }
  if (f.competitorId !== undefined) {
    // About a competitor: the quote names it, or it comes from a deal where it was involved.
    where.push(
      '(q.competitor_id = @competitorId OR EXISTS (SELECT 1 FROM deal_competitors dc WHERE dc.deal_id = i.deal_id AND dc.competitor_id = @competitorId))',
    );
    params.competitorId = f.competitorId;
  }
  if (f.reasonId !== undefined) {
    where.push('q.reason_id = @reasonId');
    params.reasonId = f.reasonId;
  }
  if (f.sentiment) {
    where.push('q.sentiment = @sentiment');
    params.sentiment = f.sentiment;
  }
  if (f.outcome) {
    where.push('d.outcome = @outcome');
    params.outcome = f.outcome;
  }
  if (f.shareableOnly) where.push('q.shareable = 1 AND i.consent_to_quote = 1');
  if (f.interviewId !== undefined) {
    where.push('q.interview_id = @interviewId');
    params.interviewId = f.interviewId;
  }
  const match = f.search ? ftsQuery(f.search).match : null;
  if (match) params.match = match;
  else if (f.search?.trim()) where.push('0');
  return {
    where: where.length ? where.join(' AND ') : '1',
    params,
    match,
    quotesFrom: match
      ? '(SELECT rowid AS id FROM quote_fts WHERE quote_fts MATCH @match) qh CROSS JOIN quotes q ON q.id = qh.id'
      : 'quotes q',
    usesDeal: f.outcome !== undefined,
  };
}
