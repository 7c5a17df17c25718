// The interview list: a page of interviews for the filters, sorted in SQL, with the search
// matches of the page's rows marked; and the drafts waiting to be finished.
import type Database from 'better-sqlite3';
import type { Driver } from '#shared/domain/enums.ts';
import type {
  DraftSummary,
  InterviewFilters,
  InterviewListRow,
  InterviewPage,
  InterviewSort,
  SearchMatch,
} from '#shared/domain/interviews.ts';
import { segmentsOf } from '#shared/text/highlight.ts';
import { interviewWhere, SEARCH_HITS_CTE } from './interview-filters.ts';

/** Sort keys the UI may ask for, mapped to SQL; the id breaks ties so paging is stable. */
const SORT_SQL: Record<Exclude<InterviewSort, 'relevance'>, string> = {
  date: 'i.interview_date',
  deal: 'd.name COLLATE NOCASE',
  outcome: 'd.outcome',
  status: 'i.status',
  role: 'i.interviewee_role',
  updated: 'i.updated_at',
};

/** A row as SQLite returns it: flags as 0/1, the primary reason flat, no search matches yet. */
type RawRow = Omit<InterviewListRow, 'anonymous' | 'primaryReason' | 'matches'> & {
  anonymous: number;
  reasonId: number | null;
  reasonName: string | null;
  driver: Driver | null;
};

export interface ListRequest {
  filters: InterviewFilters;
  sort: InterviewSort;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function listInterviews(sqlite: Database.Database, req: ListRequest): InterviewPage {
  const { where, params, match, usesDeal } = interviewWhere(req.filters);
  const withHits = match ? `WITH ${SEARCH_HITS_CTE},` : 'WITH';
  const joinHits = match ? 'JOIN hits h ON h.interview_id = i.id' : '';
  const dir = req.dir === 'asc' ? 'ASC' : 'DESC';
  const sort = req.sort === 'relevance' && !match ? 'date' : req.sort;
  const key = sort === 'relevance' ? 'h.score' : SORT_SQL[sort];
  const keyDir = sort === 'relevance' ? 'ASC' : dir;
  // Deals are joined only when a filter or the sort reads them: on large workspaces the join to
  // a million deals costs more than everything else here.
  const joinDeal = usesDeal || sort === 'deal' || sort === 'outcome' ? 'JOIN deals d ON d.id = i.deal_id' : '';

  const totals = sqlite
    .prepare(
      `${match ? `WITH ${SEARCH_HITS_CTE}` : ''} SELECT count(*) AS total, count(DISTINCT i.deal_id) AS deals
         FROM interviews i ${joinDeal} ${joinHits} WHERE ${where}`,
    )
    .get(params) as { total: number; deals: number };

  // Two steps: the page's ids (sorted and limited with as little as possible joined), then the
  // details of those rows only.
  const raw = sqlite
    .prepare(
      `${withHits} page AS (
         SELECT i.id, row_number() OVER (ORDER BY ${key} ${keyDir}, i.id ${dir}) AS n
           FROM interviews i ${joinDeal} ${joinHits}
          WHERE ${where}
          ORDER BY ${key} ${keyDir}, i.id ${dir}
          LIMIT @limit OFFSET @offset)
       SELECT i.id, i.deal_id AS dealId, d.name AS dealName, a.name AS accountName, d.outcome, d.close_date AS closeDate,
              i.status, i.interview_date AS interviewDate,
              -- An anonymous interviewee's name never leaves the core in a list (only the form shows it).
              CASE WHEN i.anonymous = 1 THEN NULL ELSE i.interviewee_name END AS intervieweeName,
              i.interviewee_title AS intervieweeTitle, i.interviewee_role AS intervieweeRole,
              i.interviewer_type AS interviewerType, i.channel, i.anonymous,
              pr.reason_id AS reasonId, r.name AS reasonName, pr.driver,
              (SELECT count(*) FROM quotes cq WHERE cq.interview_id = i.id) AS quotes, i.updated_at AS updatedAt
         FROM page p
         JOIN interviews i ON i.id = p.id
         JOIN deals d ON d.id = i.deal_id
         LEFT JOIN accounts a ON a.id = d.account_id
         LEFT JOIN interview_reasons pr ON pr.interview_id = i.id AND pr.is_primary = 1
         LEFT JOIN reasons r ON r.id = pr.reason_id
        ORDER BY p.n`,
    )
    .all({ ...params, limit: req.limit, offset: req.offset }) as RawRow[];

  const matches = match
    ? matchesFor(
        sqlite,
        match,
        raw.map((r) => r.id),
      )
    : new Map<number, SearchMatch[]>();
  const rows: InterviewListRow[] = raw.map(({ anonymous, reasonId, reasonName, driver, ...r }) => ({
    ...r,
    anonymous: anonymous === 1,
    primaryReason: reasonId !== null && driver ? { id: reasonId, name: reasonName ?? '', driver } : null,
    matches: matches.get(r.id) ?? [],
  }));
  return { rows, total: totals.total, deals: totals.deals, offset: req.offset };
}

const FIELDS = ['statement', 'notes', 'answers'] as const;
/** Quote matches shown per interview (the rest are counted in the interview's quotes). */
const QUOTE_MATCHES_PER_INTERVIEW = 3;

/** Where each interview matched: a snippet per matching field and per matching quote. */
export function matchesFor(sqlite: Database.Database, match: string, ids: number[]): Map<number, SearchMatch[]> {
  const out = new Map<number, SearchMatch[]>();
  if (ids.length === 0) return out;
  const idsJson = JSON.stringify(ids);
  const own = sqlite
    .prepare(
      `SELECT rowid AS id,
              snippet(interview_fts, 0, char(1), char(2), '…', 20) AS statement,
              snippet(interview_fts, 1, char(1), char(2), '…', 20) AS notes,
              snippet(interview_fts, 2, char(1), char(2), '…', 20) AS answers
         FROM interview_fts
        WHERE interview_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ match, ids: idsJson }) as { id: number; statement: string; notes: string; answers: string }[];
  for (const r of own) {
    const list: SearchMatch[] = [];
    for (const field of FIELDS) {
      // snippet() returns the column's opening words when the match was elsewhere: keep only
      // fields that hold a marked match.
      if (r[field].includes('\u0001')) list.push({ field, quoteId: null, segments: segmentsOf(r[field]) });
    }
    out.set(r.id, list);
  }
  const quotes = sqlite
    .prepare(
      `SELECT q.id, q.interview_id AS interviewId, snippet(quote_fts, 0, char(1), char(2), '…', 24) AS text
         FROM quote_fts JOIN quotes q ON q.id = quote_fts.rowid
        WHERE quote_fts MATCH @match AND q.interview_id IN (SELECT value FROM json_each(@ids))
        ORDER BY q.interview_id, bm25(quote_fts)`,
    )
    .all({ match, ids: idsJson }) as { id: number; interviewId: number; text: string }[];
  for (const q of quotes) {
    const list = out.get(q.interviewId) ?? [];
    if (list.filter((m) => m.field === 'quote').length < QUOTE_MATCHES_PER_INTERVIEW) {
      list.push({ field: 'quote', quoteId: q.id, segments: segmentsOf(q.text) });
    }
    out.set(q.interviewId, list);
  }
  return out;
}

export function listDrafts(sqlite: Database.Database, limit: number): { total: number; drafts: DraftSummary[] } {
  const total = (sqlite.prepare("SELECT count(*) AS n FROM interviews WHERE status = 'draft'").get() as { n: number })
    .n;
  const drafts = sqlite
    .prepare(
      `SELECT i.id, d.name AS dealName, a.name AS accountName, d.outcome,
              CASE WHEN i.anonymous = 1 THEN NULL ELSE i.interviewee_name END AS intervieweeName,
              i.interviewee_title AS intervieweeTitle, i.interview_date AS interviewDate, i.updated_at AS updatedAt
         FROM interviews i JOIN deals d ON d.id = i.deal_id LEFT JOIN accounts a ON a.id = d.account_id
        WHERE i.status = 'draft'
        ORDER BY i.updated_at DESC, i.id DESC
        LIMIT ?`,
    )
    .all(limit) as DraftSummary[];
  return { total, drafts };
}
