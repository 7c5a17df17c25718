// Terse inserts for hand-built interview datasets: interviews on literal deals, coded with reasons
// by name, rated, quoted and tagged, so every analysis figure can be computed by hand.
import type Database from 'better-sqlite3';

export interface TestInterview {
  dealId: number;
  status?: 'draft' | 'complete';
  role?: 'economic_buyer' | 'champion' | 'technical_evaluator' | 'user' | 'rep';
  date?: string;
  name?: string | null;
  title?: string | null;
  anonymous?: boolean;
  consent?: boolean;
  statement?: string | null;
  notes?: string | null;
  answers?: Record<string, string>;
  /** Reason names; the first is primary. Driver per reason (default by the deal's outcome). */
  reasons?: (string | { name: string; driver: 'win' | 'loss'; primary?: boolean })[];
  /** Criterion key -> rating of us. */
  us?: Record<string, number>;
  /** Competitor name -> criterion key -> rating. */
  them?: Record<string, Record<string, number>>;
  quotes?: {
    text: string;
    themes?: string[];
    sentiment?: 'positive' | 'neutral' | 'negative';
    shareable?: boolean;
    reason?: string;
    competitor?: string;
  }[];
}

const idOf = (sqlite: Database.Database, sql: string, key: string): number => {
  const row = sqlite.prepare(sql).get(key) as { id: number } | undefined;
  if (!row) throw new Error(`test data: nothing named "${key}" (${sql})`);
  return row.id;
};

export const reasonId = (sqlite: Database.Database, name: string) =>
  idOf(sqlite, 'SELECT id FROM reasons WHERE name = ? AND merged_into_id IS NULL', name);
export const themeId = (sqlite: Database.Database, name: string) =>
  idOf(sqlite, 'SELECT id FROM themes WHERE name = ?', name);
export const criterionId = (sqlite: Database.Database, key: string) =>
  idOf(sqlite, 'SELECT id FROM rating_criteria WHERE key = ?', key);
export const competitorId = (sqlite: Database.Database, name: string) =>
  idOf(sqlite, 'SELECT id FROM competitors WHERE name = ?', name);

export function insertInterviews(sqlite: Database.Database, interviews: TestInterview[]): number[] {
  const ids: number[] = [];
  const insert = sqlite.prepare(
    `INSERT INTO interviews (deal_id, status, interviewee_role, interview_date, interviewee_name, interviewee_title,
       anonymous, consent_to_quote, buyer_statement, notes, answers_json, interviewer_type, channel)
     VALUES (@dealId, @status, @role, @date, @name, @title, @anonymous, @consent, @statement, @notes, @answers,
       'internal_neutral', 'call')`,
  );
  const reason = sqlite.prepare(
    'INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver) VALUES (?, ?, ?, ?)',
  );
  const rating = sqlite.prepare(
    'INSERT INTO interview_ratings (interview_id, criterion_id, competitor_id, rating) VALUES (?, ?, ?, ?)',
  );
  const quote = sqlite.prepare(
    'INSERT INTO quotes (interview_id, text, sentiment, shareable, reason_id, competitor_id, sort) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const tag = sqlite.prepare('INSERT INTO quote_themes (quote_id, theme_id) VALUES (?, ?)');
  const outcomeOf = sqlite.prepare('SELECT outcome FROM deals WHERE id = ?');
  sqlite.transaction(() => {
    for (const t of interviews) {
      const outcome = (outcomeOf.get(t.dealId) as { outcome: string } | undefined)?.outcome;
      const id = Number(
        insert.run({
          dealId: t.dealId,
          status: t.status ?? 'complete',
          role: t.role ?? 'economic_buyer',
          date: t.date ?? '2025-07-15',
          name: t.name ?? null,
          title: t.title ?? null,
          anonymous: t.anonymous ? 1 : 0,
          consent: t.consent === false ? 0 : 1,
          statement: t.statement ?? 'Statement.',
          notes: t.notes ?? null,
          answers: JSON.stringify(t.answers ?? {}),
        }).lastInsertRowid,
      );
      ids.push(id);
      (t.reasons ?? []).forEach((r, k) => {
        const spec =
          typeof r === 'string' ? { name: r, driver: outcome === 'won' ? 'win' : 'loss', primary: k === 0 } : r;
        reason.run(id, reasonId(sqlite, spec.name), (spec.primary ?? k === 0) ? 1 : 0, spec.driver);
      });
      for (const [key, v] of Object.entries(t.us ?? {})) rating.run(id, criterionId(sqlite, key), null, v);
      for (const [comp, ratings] of Object.entries(t.them ?? {})) {
        for (const [key, v] of Object.entries(ratings))
          rating.run(id, criterionId(sqlite, key), competitorId(sqlite, comp), v);
      }
      (t.quotes ?? []).forEach((q, k) => {
        const qid = Number(
          quote.run(
            id,
            q.text,
            q.sentiment ?? 'neutral',
            q.shareable ? 1 : 0,
            q.reason ? reasonId(sqlite, q.reason) : null,
            q.competitor ? competitorId(sqlite, q.competitor) : null,
            k,
          ).lastInsertRowid,
        );
        for (const th of q.themes ?? []) tag.run(qid, themeId(sqlite, th));
      });
    }
  })();
  return ids;
}

/** Sets deal columns the generic deal insert does not cover. */
export function setDeal(
  sqlite: Database.Database,
  id: number,
  values: {
    repReason?: string | null;
    repReasonText?: string | null;
    productId?: number | null;
    accountId?: number | null;
  },
): void {
  if (values.repReason !== undefined)
    sqlite
      .prepare('UPDATE deals SET rep_reason_id = ? WHERE id = ?')
      .run(values.repReason === null ? null : reasonId(sqlite, values.repReason), id);
  if (values.repReasonText !== undefined)
    sqlite.prepare('UPDATE deals SET rep_reason_text = ? WHERE id = ?').run(values.repReasonText, id);
  if (values.productId !== undefined)
    sqlite.prepare('UPDATE deals SET product_id = ? WHERE id = ?').run(values.productId, id);
  if (values.accountId !== undefined)
    sqlite.prepare('UPDATE deals SET account_id = ? WHERE id = ?').run(values.accountId, id);
}
