// The quote library: quotes by theme, competitor, reason, sentiment and outcome, each with its
// attribution and the text "Copy quote" gives (honouring anonymity, consent and shareable).
import type Database from 'better-sqlite3';
import type { IntervieweeRole, InterviewStatus, Outcome, Sentiment } from '#shared/domain/enums.ts';
import type { QuoteFilters, QuotePage, QuoteRow } from '#shared/domain/interviews.ts';
import { attribution, isCleared, quoteCopyText } from '#shared/domain/quote-attribution.ts';
import type { AttributionInput } from '#shared/domain/quote-attribution.ts';
import { segmentsOf } from '#shared/text/highlight.ts';
import { quoteWhere } from './interview-filters.ts';

export interface RawQuote {
  id: number;
  externalId: string | null;
  text: string;
  sentiment: Sentiment;
  shareable: number;
  competitorId: number | null;
  competitorName: string | null;
  reasonId: number | null;
  reasonName: string | null;
  interviewId: number;
  interviewExternalId: string | null;
  interviewDate: string | null;
  status: InterviewStatus;
  intervieweeName: string | null;
  intervieweeTitle: string | null;
  intervieweeRole: IntervieweeRole | null;
  anonymous: number;
  consentToQuote: number;
  dealId: number;
  dealExternalId: string | null;
  dealName: string;
  outcome: Outcome;
  accountName: string | null;
  sector: string | null;
  segment: string | null;
}

/** The quote library's row, from `from` (quoteWhere().quotesFrom). */
export const quoteSelect = (from: string) => `
  SELECT q.id, q.external_id AS externalId, q.text, q.sentiment, q.shareable, q.competitor_id AS competitorId, c.name AS competitorName,
         q.reason_id AS reasonId, r.name AS reasonName, i.id AS interviewId,
         i.external_id AS interviewExternalId, i.interview_date AS interviewDate, i.status,
         i.interviewee_name AS intervieweeName, i.interviewee_title AS intervieweeTitle,
         i.interviewee_role AS intervieweeRole, i.anonymous, i.consent_to_quote AS consentToQuote,
         d.id AS dealId, d.external_id AS dealExternalId, d.name AS dealName, d.outcome, a.name AS accountName, a.sector,
         coalesce(d.segment, a.segment) AS segment
    FROM ${from}
    JOIN interviews i ON i.id = q.interview_id
    JOIN deals d ON d.id = i.deal_id
    LEFT JOIN accounts a ON a.id = d.account_id
    LEFT JOIN competitors c ON c.id = q.competitor_id
    LEFT JOIN reasons r ON r.id = q.reason_id`;

export function attributionInput(q: RawQuote): AttributionInput {
  return {
    anonymous: q.anonymous === 1,
    consentToQuote: q.consentToQuote === 1,
    shareable: q.shareable === 1,
    intervieweeName: q.intervieweeName,
    intervieweeTitle: q.intervieweeTitle,
    intervieweeRole: q.intervieweeRole,
    accountName: q.accountName,
    sector: q.sector,
    segment: q.segment,
  };
}

export function listQuotes(sqlite: Database.Database, filters: QuoteFilters, offset: number, limit: number): QuotePage {
  const { where, params, match, quotesFrom, usesDeal } = quoteWhere(filters);
  const from = `FROM ${quotesFrom} JOIN interviews i ON i.id = q.interview_id ${usesDeal ? 'JOIN deals d ON d.id = i.deal_id' : ''}
    WHERE ${where}`;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  // The page's ids first (sorted and limited with little joined), then the details of those rows.
  const order = 'i.interview_date DESC, q.interview_id DESC, q.sort, q.id';
  const raw = sqlite
    .prepare(
      `WITH page AS (SELECT q.id, row_number() OVER (ORDER BY ${order}) AS n ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset)
       ${quoteSelect('page p JOIN quotes q ON q.id = p.id')}
       ORDER BY p.n`,
    )
    .all({ ...params, limit, offset }) as RawQuote[];
  const ids = raw.map((q) => q.id);
  const themes = ids.length
    ? (sqlite
        .prepare(
          `SELECT qt.quote_id AS quoteId, t.id, t.name FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id
            WHERE qt.quote_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
        )
        .all(JSON.stringify(ids)) as { quoteId: number; id: number; name: string }[])
    : [];
  const marked = new Map<number, string>();
  if (match && ids.length) {
    const rows = sqlite
      .prepare(
        `SELECT rowid AS id, highlight(quote_fts, 0, char(1), char(2)) AS text FROM quote_fts
          WHERE quote_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`,
      )
      .all({ match, ids: JSON.stringify(ids) }) as { id: number; text: string }[];
    for (const r of rows) marked.set(r.id, r.text);
  }
  const rows: QuoteRow[] = raw.map((q) => {
    const a = attributionInput(q);
    const m = marked.get(q.id);
    return {
      id: q.id,
      text: q.text,
      segments: m ? segmentsOf(m) : null,
      sentiment: q.sentiment,
      shareable: q.shareable === 1,
      cleared: isCleared(a),
      consentToQuote: a.consentToQuote,
      anonymous: a.anonymous,
      themes: themes.filter((t) => t.quoteId === q.id).map((t) => ({ id: t.id, name: t.name })),
      competitor: q.competitorId !== null ? { id: q.competitorId, name: q.competitorName ?? '' } : null,
      reason: q.reasonId !== null ? { id: q.reasonId, name: q.reasonName ?? '' } : null,
      interviewId: q.interviewId,
      interviewDate: q.interviewDate,
      status: q.status,
      dealId: q.dealId,
      dealName: q.dealName,
      outcome: q.outcome,
      attribution: attribution(a),
      copyText: quoteCopyText(q.text, a),
    };
  });
  return { rows, total, offset };
}
