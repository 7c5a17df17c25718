// Interview and quote imports in tests: four literal deals with CRM ids for files to match, and
// readable views of what the import stored (codings, ratings and themes by name) for exact checks.
import type Database from 'better-sqlite3';
import { insertDeals } from './insert.ts';

/** D-1 won (Acme Analytics), D-2 lost (Brightline, Acme Analytics), D-3 no decision, D-4 lost (Acme Analytics). */
export function seedDeals(sqlite: Database.Database): number[] {
  const ids = insertDeals(sqlite, [
    { name: 'Cedar Labs', outcome: 'won', competitors: ['Acme Analytics'] },
    { name: 'Blue Ridge', outcome: 'lost', competitors: ['Brightline', 'Acme Analytics'] },
    { name: 'Delta Foods', outcome: 'no_decision' },
    { name: 'Evergreen', outcome: 'lost', competitors: ['Acme Analytics'] },
  ]);
  const set = sqlite.prepare('UPDATE deals SET external_id = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(`D-${i + 1}`, id));
  return ids;
}

export interface InterviewView {
  id: string | null;
  deal: string;
  status: string;
  date: string | null;
  name: string | null;
  title: string | null;
  role: string | null;
  interviewer: string | null;
  channel: string | null;
  consent: number;
  anonymous: number;
  statement: string | null;
  notes: string | null;
  reasons: string | null;
  ratings: string | null;
}

/** Every interview by its external id: codings as "Reason (driver[, primary])", ratings as "[Competitor:]key=n". */
export function interviewsView(sqlite: Database.Database): InterviewView[] {
  return sqlite
    .prepare(
      `SELECT i.external_id AS id, d.external_id AS deal, i.status, i.interview_date AS date, i.interviewee_name AS name,
              i.interviewee_title AS title, i.interviewee_role AS role, i.interviewer_type AS interviewer, i.channel,
              i.consent_to_quote AS consent, i.anonymous, i.buyer_statement AS statement, i.notes,
              (SELECT group_concat(x, '; ') FROM (
                 SELECT r.name || ' (' || ir.driver || CASE WHEN ir.is_primary THEN ', primary' ELSE '' END || ')' AS x
                   FROM interview_reasons ir JOIN reasons r ON r.id = ir.reason_id
                  WHERE ir.interview_id = i.id ORDER BY ir.is_primary DESC, r.name)) AS reasons,
              (SELECT group_concat(x, ' ') FROM (
                 SELECT coalesce(c.name || ':', '') || rc.key || '=' || ra.rating AS x
                   FROM interview_ratings ra JOIN rating_criteria rc ON rc.id = ra.criterion_id
                   LEFT JOIN competitors c ON c.id = ra.competitor_id
                  WHERE ra.interview_id = i.id ORDER BY c.name IS NOT NULL, c.name, rc.sort)) AS ratings
         FROM interviews i JOIN deals d ON d.id = i.deal_id ORDER BY i.external_id, i.id`,
    )
    .all() as InterviewView[];
}

export function quotesView(sqlite: Database.Database): Record<string, unknown>[] {
  return sqlite
    .prepare(
      `SELECT q.external_id AS id, i.external_id AS interview, q.text, q.sentiment, q.shareable, c.name AS competitor,
              r.name AS reason,
              (SELECT group_concat(name, '; ') FROM (SELECT t.name FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id
                WHERE qt.quote_id = q.id ORDER BY t.name)) AS themes
         FROM quotes q JOIN interviews i ON i.id = q.interview_id
         LEFT JOIN competitors c ON c.id = q.competitor_id LEFT JOIN reasons r ON r.id = q.reason_id
        ORDER BY q.external_id, q.id`,
    )
    .all() as Record<string, unknown>[];
}

/** Every table an interviews or quotes import writes, and the search index, to prove "nothing changed". */
export function interviewDump(sqlite: Database.Database): string {
  // Codings, ratings and theme tags are compared by content and order, not by their row ids (an
  // autosave or an undo writes them afresh).
  const tables: [table: string, select: string][] = [
    ['interviews', 'SELECT * FROM interviews ORDER BY id'],
    ['interview_reasons', 'SELECT * FROM interview_reasons ORDER BY interview_id, is_primary DESC, rowid'],
    [
      'interview_ratings',
      'SELECT interview_id, criterion_id, competitor_id, rating FROM interview_ratings ORDER BY interview_id, criterion_id, competitor_id',
    ],
    ['quotes', 'SELECT * FROM quotes ORDER BY id'],
    ['quote_themes', 'SELECT * FROM quote_themes ORDER BY quote_id, rowid'],
    ['themes', 'SELECT * FROM themes ORDER BY id'],
    ['competitors', 'SELECT * FROM competitors ORDER BY id'],
    ['competitor_aliases', 'SELECT * FROM competitor_aliases ORDER BY id'],
    ['interview_fts', 'SELECT rowid, * FROM interview_fts ORDER BY rowid'],
    ['quote_fts', 'SELECT rowid, * FROM quote_fts ORDER BY rowid'],
  ];
  return tables.map(([t, select]) => `${t}:${JSON.stringify(sqlite.prepare(select).all())}`).join('\n');
}
