// Interviews and quotes as CSV for spreadsheets. Rows stream from SQLite to the file in chunks,
// so a workspace of 100,000 interviews exports without holding it in memory. Every text cell goes
// through csvCell(): a cell starting with = + - @ tab or CR is written as text, not a formula.
// Names of anonymous interviewees are left out unless the user asks for them (the deal and
// account stay: the file is for internal analysis and for matching rows back to deals).
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { CsvValue } from '#shared/export/csv.ts';
import { CSV_BOM, csvLine } from '#shared/export/csv.ts';
import type { InterviewFilters, QuoteFilters } from '#shared/domain/interviews.ts';
import { attribution, isCleared } from '#shared/domain/quote-attribution.ts';
import { exportedId } from '#shared/domain/winnow-ids.ts';
import { listCell } from '#shared/export/list-cell.ts';
import { AppError } from '../errors.ts';
import { interviewWhere, quoteWhere, SEARCH_HITS_CTE } from './interview-filters.ts';
import { listCriteria } from './interview-lookups.ts';
import type { RawQuote } from './quote-queries.ts';
import { attributionInput, quoteSelect } from './quote-queries.ts';

/** A JSON array of names from SQL as one list cell (names holding ";" quoted, so they read back whole). */
function listOf(json: string | number | null | undefined): string {
  return listCell(JSON.parse(String(json ?? '[]')) as string[]);
}

export interface ExportOptions {
  includeAnonymousNames: boolean;
}

/** Writes lines to a file in ~1 MB chunks; closes it on finish or failure. */
class CsvFile {
  private readonly fd: number;
  private buffer = '';
  private readonly path: string;
  rows = 0;

  constructor(path: string) {
    this.path = path;
    try {
      this.fd = openSync(path, 'w');
    } catch (e) {
      throw new AppError('internal', `Could not write ${basename(path)}: ${(e as Error).message}`);
    }
    this.buffer = CSV_BOM;
  }

  line(values: readonly CsvValue[], isRow = true): void {
    this.buffer += csvLine(values);
    if (isRow) this.rows++;
    if (this.buffer.length > 1_000_000) this.flush();
  }

  private flush(): void {
    try {
      writeSync(this.fd, this.buffer);
    } catch (e) {
      throw new AppError('internal', `Could not write ${basename(this.path)}: ${(e as Error).message}`);
    }
    this.buffer = '';
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

function withFile(path: string, write: (file: CsvFile) => void): number {
  const file = new CsvFile(path);
  try {
    write(file);
  } finally {
    file.close();
  }
  return file.rows;
}

export function exportInterviewsCsv(
  sqlite: Database.Database,
  filters: InterviewFilters,
  path: string,
  options: ExportOptions,
): number {
  const { where, params, match } = interviewWhere(filters);
  const criteria = listCriteria(sqlite);
  const criterionParams: Record<string, number> = {};
  const ratingColumns = criteria
    .map((c, k) => {
      criterionParams[`c${k}`] = c.id;
      return `(SELECT rating FROM interview_ratings ur WHERE ur.interview_id = i.id AND ur.criterion_id = @c${k} AND ur.competitor_id IS NULL) AS r${k}`;
    })
    .join(',\n');
  const sql = `${match ? `WITH ${SEARCH_HITS_CTE}` : ''}
    SELECT i.id, i.external_id AS externalId, d.id AS dealId, d.external_id AS dealExternalId, d.name AS dealName, a.name AS account,
           coalesce(d.segment, a.segment) AS segment, d.outcome, d.close_date AS closeDate, i.status,
           i.interview_date AS interviewDate, i.interviewee_name AS name, i.interviewee_title AS title,
           i.interviewee_role AS role, i.interviewer_type AS interviewer, i.channel,
           i.consent_to_quote AS consent, i.anonymous, g.name AS guide, i.buyer_statement AS statement,
           pr_r.name AS primaryReason, pr_c.name AS primaryCategory, pr.driver AS primaryDriver,
           (SELECT json_group_array(sr.name || ' (' || si.driver || ')')
              FROM interview_reasons si JOIN reasons sr ON sr.id = si.reason_id
             WHERE si.interview_id = i.id AND si.is_primary = 0) AS secondary,
           ${ratingColumns ? `${ratingColumns},` : ''}
           (SELECT json_group_array(cc.name || ' ' || rc.key || '=' || cr.rating)
              FROM interview_ratings cr JOIN competitors cc ON cc.id = cr.competitor_id
              JOIN rating_criteria rc ON rc.id = cr.criterion_id
             WHERE cr.interview_id = i.id) AS competitorRatings,
           (SELECT count(*) FROM quotes cq WHERE cq.interview_id = i.id) AS quotes,
           i.notes, i.answers_json AS answers, i.completed_at AS completedAt, i.updated_at AS updatedAt
      FROM interviews i
      JOIN deals d ON d.id = i.deal_id
      ${match ? 'JOIN hits h ON h.interview_id = i.id' : ''}
      LEFT JOIN accounts a ON a.id = d.account_id
      LEFT JOIN interview_guides g ON g.id = i.guide_id
      LEFT JOIN interview_reasons pr ON pr.interview_id = i.id AND pr.is_primary = 1
      LEFT JOIN reasons pr_r ON pr_r.id = pr.reason_id
      LEFT JOIN reason_categories pr_c ON pr_c.id = pr_r.category_id
     WHERE ${where}
     ORDER BY i.interview_date, i.id`;
  return withFile(path, (file) => {
    file.line(
      [
        'interview_id',
        'interview_external_id',
        'deal_external_id',
        'deal_name',
        'account',
        'segment',
        'deal_outcome',
        'close_date',
        'status',
        'interview_date',
        'interviewee_name',
        'interviewee_title',
        'interviewee_role',
        'interviewer',
        'channel',
        'consent_to_quote',
        'anonymous',
        'guide',
        'buyer_statement',
        'primary_reason',
        'primary_reason_category',
        'primary_driver',
        'secondary_reasons',
        ...criteria.map((c) => `rating_${c.key}`),
        'competitor_ratings',
        'quotes',
        'notes',
        'answers_json',
        'completed_at',
        'updated_at',
      ],
      false,
    );
    for (const raw of sqlite.prepare(sql).iterate({ ...params, ...criterionParams })) {
      const r = raw as Record<string, string | number | null>;
      const hideName = r.anonymous === 1 && !options.includeAnonymousNames;
      file.line([
        r.id,
        exportedId(r.externalId as string | null, r.id as number),
        exportedId(r.dealExternalId as string | null, r.dealId as number),
        r.dealName,
        r.account,
        r.segment,
        r.outcome,
        r.closeDate,
        r.status,
        r.interviewDate,
        hideName ? null : r.name,
        r.title,
        r.role,
        r.interviewer,
        r.channel,
        r.consent === 1,
        r.anonymous === 1,
        r.guide,
        r.statement,
        r.primaryReason,
        r.primaryCategory,
        r.primaryDriver,
        listOf(r.secondary),
        ...criteria.map((_, k) => r[`r${k}`] ?? null),
        listOf(r.competitorRatings),
        r.quotes,
        r.notes,
        r.answers,
        r.completedAt,
        r.updatedAt,
      ]);
    }
  });
}

export function exportQuotesCsv(
  sqlite: Database.Database,
  filters: QuoteFilters,
  path: string,
  options: ExportOptions,
): number {
  const { where, params, quotesFrom } = quoteWhere(filters);
  const themesOf = sqlite.prepare(
    `SELECT json_group_array(t.name) AS names FROM (SELECT t.name FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id
      WHERE qt.quote_id = ? ORDER BY t.name COLLATE NOCASE) t`,
  );
  return withFile(path, (file) => {
    file.line(
      [
        'quote_id',
        'quote_external_id',
        'interview_id',
        'interview_external_id',
        'deal_external_id',
        'deal_name',
        'deal_outcome',
        'interview_date',
        'interview_status',
        'quote',
        'sentiment',
        'shareable',
        'consent_to_quote',
        'cleared_for_sharing',
        'anonymous',
        'attribution',
        'interviewee_name',
        'themes',
        'competitor',
        'reason',
      ],
      false,
    );
    const rows = sqlite
      .prepare(`${quoteSelect(quotesFrom)} WHERE ${where} ORDER BY i.interview_date, q.interview_id, q.sort, q.id`)
      .iterate(params) as IterableIterator<RawQuote>;
    for (const q of rows) {
      const a = attributionInput(q);
      file.line([
        q.id,
        exportedId(q.externalId, q.id),
        q.interviewId,
        exportedId(q.interviewExternalId, q.interviewId),
        exportedId(q.dealExternalId, q.dealId),
        q.dealName,
        q.outcome,
        q.interviewDate,
        q.status,
        q.text,
        q.sentiment,
        a.shareable,
        a.consentToQuote,
        isCleared(a),
        a.anonymous,
        attribution(a),
        a.anonymous && !options.includeAnonymousNames ? null : q.intervieweeName,
        listOf((themesOf.get(q.id) as { names: string }).names),
        q.competitorName,
        q.reasonName,
      ]);
    }
  });
}
