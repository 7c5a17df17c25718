// Reading and writing one interview: start a draft on a deal, autosave the form, complete,
// reopen, delete. A save stores the form exactly as it is (reasons and ratings replaced, quotes
// updated in place so their ids stay stable) in one short transaction.
import type Database from 'better-sqlite3';
import type { FieldIssue } from '#shared/contract/result.ts';
import type { Driver, InterviewStatus, Outcome, Sentiment } from '#shared/domain/enums.ts';
import { missingForCompletion } from '#shared/domain/interview-completeness.ts';
import type { DraftQuote, InterviewDraft } from '#shared/domain/interview-draft.ts';
import { emptyDraft, questionKey } from '#shared/domain/interview-draft.ts';
import type { DealContext, InterviewRecord, SaveResult, UnsavedInterview } from '#shared/domain/interviews.ts';
import { blankToNull, cleanLine, cleanText } from '#shared/text/clean-text.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface InterviewRow {
  id: number;
  externalId: string | null;
  dealId: number;
  status: InterviewStatus;
  intervieweeName: string | null;
  intervieweeTitle: string | null;
  intervieweeRole: InterviewDraft['intervieweeRole'];
  interviewerType: InterviewDraft['interviewerType'];
  channel: InterviewDraft['channel'];
  interviewDate: string | null;
  consentToQuote: number;
  anonymous: number;
  guideId: number | null;
  answersJson: string;
  buyerStatement: string | null;
  notes: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const now = () => new Date().toISOString();

/** Completion may not claim a date after tomorrow (UTC): a day of slack for time zones. */
function latestAllowedDate(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

function interviewRow(sqlite: Database.Database, id: number): InterviewRow {
  const row = sqlite
    .prepare(
      `SELECT id, external_id AS externalId, deal_id AS dealId, status, interviewee_name AS intervieweeName,
              interviewee_title AS intervieweeTitle, interviewee_role AS intervieweeRole,
              interviewer_type AS interviewerType, channel, interview_date AS interviewDate,
              consent_to_quote AS consentToQuote, anonymous, guide_id AS guideId, answers_json AS answersJson,
              buyer_statement AS buyerStatement, notes, completed_at AS completedAt, created_at AS createdAt,
              updated_at AS updatedAt
         FROM interviews WHERE id = ?`,
    )
    .get(id) as InterviewRow | undefined;
  if (!row) throw new AppError('not_found', `Interview ${id} does not exist (it may have been deleted).`);
  return row;
}

export function dealContext(sqlite: Database.Database, dealId: number): DealContext {
  const deal = sqlite
    .prepare(
      `SELECT d.id, d.external_id AS externalId, d.name, a.name AS accountName, a.sector, d.segment, d.outcome,
              d.close_date AS closeDate, d.amount, d.currency, p.name AS productName, o.name AS ownerName,
              d.rep_reason_text AS repReasonText, rr.name AS repReasonName
         FROM deals d
         LEFT JOIN accounts a ON a.id = d.account_id
         LEFT JOIN products p ON p.id = d.product_id
         LEFT JOIN owners o ON o.id = d.owner_id
         LEFT JOIN reasons rr ON rr.id = d.rep_reason_id
        WHERE d.id = ?`,
    )
    .get(dealId) as Omit<DealContext, 'competitors'> | undefined;
  if (!deal) throw new AppError('not_found', `Deal ${dealId} does not exist.`);
  const competitors = (
    sqlite
      .prepare(
        `SELECT c.id, c.name, dc.is_primary AS isPrimary FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id
          WHERE dc.deal_id = ? ORDER BY dc.is_primary DESC, c.name COLLATE NOCASE`,
      )
      .all(dealId) as { id: number; name: string; isPrimary: number }[]
  ).map((c) => ({ ...c, isPrimary: c.isPrimary === 1 }));
  return { ...deal, competitors };
}

/** Answers keyed by question; keys that are not valid question keys (a hand edit) are left out. */
function parseAnswers(json: string): Record<string, string> {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v === 'string' && questionKey.safeParse(k).success) out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export function readDraft(sqlite: Database.Database, row: InterviewRow): InterviewDraft {
  const reasons = (
    sqlite
      .prepare(
        `SELECT reason_id AS reasonId, is_primary AS isPrimary, driver FROM interview_reasons
          WHERE interview_id = ? ORDER BY is_primary DESC, rowid`,
      )
      .all(row.id) as { reasonId: number; isPrimary: number; driver: Driver }[]
  ).map((r) => ({ ...r, isPrimary: r.isPrimary === 1 }));
  const ratings = sqlite
    .prepare(
      `SELECT criterion_id AS criterionId, competitor_id AS competitorId, rating FROM interview_ratings
        WHERE interview_id = ? ORDER BY criterion_id, competitor_id`,
    )
    .all(row.id) as InterviewDraft['ratings'];
  const quoteRows = sqlite
    .prepare(
      `SELECT id, text, sentiment, shareable, competitor_id AS competitorId, reason_id AS reasonId
         FROM quotes WHERE interview_id = ? ORDER BY sort, id`,
    )
    .all(row.id) as {
    id: number;
    text: string;
    sentiment: Sentiment;
    shareable: number;
    competitorId: number | null;
    reasonId: number | null;
  }[];
  const themes = sqlite
    .prepare(
      `SELECT qt.quote_id AS quoteId, qt.theme_id AS themeId FROM quote_themes qt JOIN quotes q ON q.id = qt.quote_id
        WHERE q.interview_id = ? ORDER BY qt.rowid`,
    )
    .all(row.id) as { quoteId: number; themeId: number }[];
  const quotes: DraftQuote[] = quoteRows.map((q) => ({
    id: q.id,
    key: `q${q.id}`,
    text: q.text,
    sentiment: q.sentiment,
    shareable: q.shareable === 1,
    competitorId: q.competitorId,
    reasonId: q.reasonId,
    themeIds: themes.filter((t) => t.quoteId === q.id).map((t) => t.themeId),
  }));
  return {
    intervieweeName: row.intervieweeName ?? '',
    intervieweeTitle: row.intervieweeTitle ?? '',
    intervieweeRole: row.intervieweeRole,
    interviewerType: row.interviewerType,
    channel: row.channel,
    interviewDate: row.interviewDate,
    consentToQuote: row.consentToQuote === 1,
    anonymous: row.anonymous === 1,
    guideId: row.guideId,
    answers: parseAnswers(row.answersJson),
    buyerStatement: row.buyerStatement ?? '',
    notes: row.notes ?? '',
    reasons,
    ratings,
    quotes,
  };
}

export function getInterview(sqlite: Database.Database, id: number): InterviewRecord {
  const row = interviewRow(sqlite, id);
  const draft = readDraft(sqlite, row);
  return {
    id: row.id,
    externalId: row.externalId,
    status: row.status,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deal: dealContext(sqlite, row.dealId),
    draft,
    missing: missingForCompletion(draft, latestAllowedDate()),
  };
}

/** The guide a new interview on a deal with this outcome starts with (the outcome's default). */
function defaultGuideId(sqlite: Database.Database, outcome: Outcome): number | null {
  const guide = sqlite.prepare('SELECT id FROM interview_guides WHERE default_for = ?').get(outcome) as
    { id: number } | undefined;
  return guide?.id ?? null;
}

/**
 * What a new interview on a deal starts as, without storing anything: the form opens on it and
 * the draft is created by the first save, so choosing a deal and going back leaves no empty draft.
 */
export function blankInterview(sqlite: Database.Database, dealId: number, interviewDate?: string): UnsavedInterview {
  const deal = dealContext(sqlite, dealId);
  const draft: InterviewDraft = {
    ...emptyDraft(),
    interviewDate: interviewDate ?? null,
    guideId: defaultGuideId(sqlite, deal.outcome),
  };
  return { deal, draft, missing: missingForCompletion(draft, latestAllowedDate()) };
}

export function createInterview(sqlite: Database.Database, dealId: number, interviewDate?: string): InterviewRecord {
  const deal = sqlite.prepare('SELECT id, outcome FROM deals WHERE id = ?').get(dealId) as
    { id: number; outcome: Outcome } | undefined;
  if (!deal) throw new AppError('not_found', `Deal ${dealId} does not exist.`);
  const id = Number(
    sqlite
      .prepare("INSERT INTO interviews (deal_id, status, interview_date, guide_id) VALUES (?, 'draft', ?, ?)")
      .run(dealId, interviewDate ?? null, defaultGuideId(sqlite, deal.outcome)).lastInsertRowid,
  );
  return getInterview(sqlite, id);
}

/** Checks every id the form refers to, with a message for the user when one is not usable. */
function checkReferences(sqlite: Database.Database, row: InterviewRow, draft: InterviewDraft): void {
  const issues: FieldIssue[] = [];
  const reasonInfo = sqlite.prepare(
    `SELECT r.name, r.retired_at AS retiredAt, r.merged_into_id AS mergedInto, c.retired_at AS categoryRetired
       FROM reasons r JOIN reason_categories c ON c.id = r.category_id WHERE r.id = ?`,
  );
  const coded = new Set(
    (
      sqlite.prepare('SELECT reason_id AS id FROM interview_reasons WHERE interview_id = ?').all(row.id) as {
        id: number;
      }[]
    ).map((r) => r.id),
  );
  draft.reasons.forEach((r, i) => {
    const info = reasonInfo.get(r.reasonId) as
      { name: string; retiredAt: string | null; mergedInto: number | null; categoryRetired: string | null } | undefined;
    if (!info) issues.push({ path: `reasons.${i}`, message: `Reason ${r.reasonId} no longer exists.` });
    else if (info.mergedInto !== null)
      issues.push({
        path: `reasons.${i}`,
        message: `"${info.name}" was merged into another reason; reload the interview.`,
      });
    else if ((info.retiredAt !== null || info.categoryRetired !== null) && !coded.has(r.reasonId))
      issues.push({ path: `reasons.${i}`, message: `"${info.name}" is retired and cannot be used for new coding.` });
  });

  const onDeal = new Set(
    (
      sqlite.prepare('SELECT competitor_id AS id FROM deal_competitors WHERE deal_id = ?').all(row.dealId) as {
        id: number;
      }[]
    ).map((r) => r.id),
  );
  const rated = new Set(
    (
      sqlite
        .prepare(
          'SELECT DISTINCT competitor_id AS id FROM interview_ratings WHERE interview_id = ? AND competitor_id IS NOT NULL',
        )
        .all(row.id) as { id: number }[]
    ).map((r) => r.id),
  );
  const criteria = new Set(
    (sqlite.prepare('SELECT id FROM rating_criteria').all() as { id: number }[]).map((r) => r.id),
  );
  draft.ratings.forEach((r, i) => {
    if (!criteria.has(r.criterionId))
      issues.push({ path: `ratings.${i}`, message: 'A rating criterion no longer exists.' });
    if (r.competitorId !== null && !onDeal.has(r.competitorId) && !rated.has(r.competitorId))
      issues.push({ path: `ratings.${i}`, message: 'A rated competitor is not on this deal.' });
  });

  const ownQuotes = new Set(
    (sqlite.prepare('SELECT id FROM quotes WHERE interview_id = ?').all(row.id) as { id: number }[]).map((r) => r.id),
  );
  const reasonExists = sqlite.prepare('SELECT 1 FROM reasons WHERE id = ?');
  const competitorExists = sqlite.prepare('SELECT 1 FROM competitors WHERE id = ?');
  const themeIds = new Set((sqlite.prepare('SELECT id FROM themes').all() as { id: number }[]).map((r) => r.id));
  draft.quotes.forEach((q, i) => {
    if (q.id !== null && !ownQuotes.has(q.id))
      issues.push({ path: `quotes.${i}`, message: `Quote ${i + 1} belongs to another interview.` });
    if (q.reasonId !== null && !reasonExists.get(q.reasonId))
      issues.push({ path: `quotes.${i}.reasonId`, message: `Quote ${i + 1}: its reason no longer exists.` });
    if (q.competitorId !== null && !competitorExists.get(q.competitorId))
      issues.push({ path: `quotes.${i}.competitorId`, message: `Quote ${i + 1}: its competitor no longer exists.` });
    if (q.themeIds.some((t) => !themeIds.has(t)))
      issues.push({ path: `quotes.${i}.themeIds`, message: `Quote ${i + 1}: a theme no longer exists.` });
  });
  if (draft.guideId !== null && !sqlite.prepare('SELECT 1 FROM interview_guides WHERE id = ?').get(draft.guideId))
    issues.push({ path: 'guideId', message: 'The interview guide no longer exists.' });

  if (issues.length) {
    throw new AppError('invalid_argument', issues.map((i) => i.message).join(' '), issues);
  }
}

/** The draft as stored: text cleaned (no control characters), blank optional text as NULL. */
function cleaned(draft: InterviewDraft): InterviewDraft {
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft.answers)) {
    const text = cleanText(v);
    if (text.trim() !== '') answers[k] = text;
  }
  return {
    ...draft,
    intervieweeName: cleanLine(draft.intervieweeName),
    intervieweeTitle: cleanLine(draft.intervieweeTitle),
    buyerStatement: cleanText(draft.buyerStatement),
    notes: cleanText(draft.notes),
    answers,
    quotes: draft.quotes.map((q) => ({ ...q, text: cleanText(q.text), themeIds: [...new Set(q.themeIds)] })),
  };
}

/**
 * dealId: the deal the form was opened on. A form still open while another workspace was opened
 * must not write over an interview that happens to have the same id there.
 */
export function saveInterview(
  sqlite: Database.Database,
  id: number,
  input: InterviewDraft,
  dealId?: number,
): SaveResult {
  const draft = cleaned(input);
  const savedAt = now();
  const quoteIds: Record<string, number> = {};
  let status: InterviewStatus = 'draft';
  let reopened = false;
  const missing = missingForCompletion(draft, latestAllowedDate());

  writeTransaction(sqlite, () => {
    const row = interviewRow(sqlite, id);
    if (dealId !== undefined && row.dealId !== dealId)
      throw new AppError(
        'not_found',
        'This interview is not in the open workspace (another workspace was opened, or it was deleted). Nothing was saved.',
      );
    checkReferences(sqlite, row, draft);
    status = row.status;
    if (status === 'complete' && missing.length > 0) {
      status = 'draft';
      reopened = true;
    }
    sqlite
      .prepare(
        `UPDATE interviews SET interviewee_name = @name, interviewee_title = @title, interviewee_role = @role,
                interviewer_type = @interviewer, channel = @channel, interview_date = @date,
                consent_to_quote = @consent, anonymous = @anonymous, guide_id = @guide, answers_json = @answers,
                buyer_statement = @statement, notes = @notes, status = @status,
                completed_at = CASE WHEN @status = 'complete' THEN completed_at ELSE NULL END, updated_at = @at
          WHERE id = @id`,
      )
      .run({
        id,
        name: blankToNull(draft.intervieweeName, true),
        title: blankToNull(draft.intervieweeTitle, true),
        role: draft.intervieweeRole,
        interviewer: draft.interviewerType,
        channel: draft.channel,
        date: draft.interviewDate,
        consent: draft.consentToQuote ? 1 : 0,
        anonymous: draft.anonymous ? 1 : 0,
        guide: draft.guideId,
        answers: JSON.stringify(draft.answers),
        statement: blankToNull(draft.buyerStatement),
        notes: blankToNull(draft.notes),
        status,
        at: savedAt,
      });

    sqlite.prepare('DELETE FROM interview_reasons WHERE interview_id = ?').run(id);
    const addReason = sqlite.prepare(
      'INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver) VALUES (?, ?, ?, ?)',
    );
    for (const r of draft.reasons) addReason.run(id, r.reasonId, r.isPrimary ? 1 : 0, r.driver);

    sqlite.prepare('DELETE FROM interview_ratings WHERE interview_id = ?').run(id);
    const addRating = sqlite.prepare(
      'INSERT INTO interview_ratings (interview_id, criterion_id, competitor_id, rating) VALUES (?, ?, ?, ?)',
    );
    for (const r of draft.ratings) addRating.run(id, r.criterionId, r.competitorId, r.rating);

    const kept = draft.quotes.filter((q) => q.id !== null).map((q) => q.id!);
    sqlite
      .prepare('DELETE FROM quotes WHERE interview_id = ? AND id NOT IN (SELECT value FROM json_each(?))')
      .run(id, JSON.stringify(kept));
    const updateQuote = sqlite.prepare(
      `UPDATE quotes SET text = @text, sentiment = @sentiment, shareable = @shareable, competitor_id = @competitor,
              reason_id = @reason, sort = @sort WHERE id = @id`,
    );
    const insertQuote = sqlite.prepare(
      `INSERT INTO quotes (interview_id, text, sentiment, shareable, competitor_id, reason_id, sort)
       VALUES (@interview, @text, @sentiment, @shareable, @competitor, @reason, @sort)`,
    );
    const clearThemes = sqlite.prepare('DELETE FROM quote_themes WHERE quote_id = ?');
    const addTheme = sqlite.prepare('INSERT INTO quote_themes (quote_id, theme_id) VALUES (?, ?)');
    draft.quotes.forEach((q, sort) => {
      const values = {
        text: q.text,
        sentiment: q.sentiment,
        shareable: q.shareable ? 1 : 0,
        competitor: q.competitorId,
        reason: q.reasonId,
        sort,
      };
      let quoteId: number;
      if (q.id !== null) {
        quoteId = q.id;
        updateQuote.run({ ...values, id: quoteId });
      } else {
        quoteId = Number(insertQuote.run({ ...values, interview: id }).lastInsertRowid);
        quoteIds[q.key] = quoteId;
      }
      clearThemes.run(quoteId);
      for (const t of q.themeIds) addTheme.run(quoteId, t);
    });
  });
  return { status, savedAt, quoteIds, missing, reopened };
}

export function completeInterview(sqlite: Database.Database, id: number): InterviewRecord {
  const record = getInterview(sqlite, id);
  if (record.missing.length > 0) {
    throw new AppError(
      'invalid_argument',
      `To complete this interview, fill in: ${record.missing.map((m) => m.message).join('; ')}.`,
      record.missing,
    );
  }
  if (record.status !== 'complete') {
    const at = now();
    sqlite
      .prepare("UPDATE interviews SET status = 'complete', completed_at = ?, updated_at = ? WHERE id = ?")
      .run(at, at, id);
  }
  return getInterview(sqlite, id);
}

export function reopenInterview(sqlite: Database.Database, id: number): InterviewRecord {
  interviewRow(sqlite, id);
  sqlite
    .prepare("UPDATE interviews SET status = 'draft', completed_at = NULL, updated_at = ? WHERE id = ?")
    .run(now(), id);
  return getInterview(sqlite, id);
}

export function deleteInterview(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM interviews WHERE id = ?').run(id).changes > 0;
}
