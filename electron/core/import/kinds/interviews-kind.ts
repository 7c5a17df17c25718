// Interviews: one row per interview, matched to its deal by the deal's CRM id and upserted on the
// interview's own id (or, for rows of a Winnow export, Winnow's number of the interview). Only
// the fields the file maps are written; an identical row changes nothing; a changed one is logged
// with its values before (codings and ratings included), so the batch can be undone. The status
// follows the capture form's rules: "complete" needs everything completion needs.
import type Database from 'better-sqlite3';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { Driver, InterviewStatus, Outcome } from '#shared/domain/enums.ts';
import { missingForCompletion } from '#shared/domain/interview-completeness.ts';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { isListProblem } from '../taxonomy-resolvers.ts';
import { INTERVIEW_FIELDS, INTERVIEW_PRESETS, RATING_FIELDS } from './interview-fields.ts';
import type { CodedName, InterviewImportRow } from './interview-rows.ts';
import { buildInterviewRow } from './interview-rows.ts';
import { byCrmIdSql, crmIdParams } from './crm-id-sql.ts';
import { parseWinnowId } from '#shared/domain/winnow-ids.ts';

interface InterviewRecord {
  id: number;
  external_id: string | null;
  deal_id: number;
  status: InterviewStatus;
  interviewee_name: string | null;
  interviewee_title: string | null;
  interviewee_role: string | null;
  interviewer_type: string | null;
  channel: string | null;
  interview_date: string | null;
  consent_to_quote: number;
  anonymous: number;
  guide_id: number | null;
  answers_json: string;
  buyer_statement: string | null;
  notes: string | null;
  completed_at: string | null;
  import_batch_id: number | null;
  updated_at: string;
}

export interface Coding {
  reason_id: number;
  is_primary: number;
  driver: Driver;
}

export interface Rating {
  criterion_id: number;
  competitor_id: number | null;
  rating: number;
}

/** The interviews columns an import writes, and what the import log calls each. */
const COLUMNS: [column: keyof InterviewRecord, label: string][] = [
  ['external_id', 'interview id'],
  ['deal_id', 'deal'],
  ['status', 'status'],
  ['interview_date', 'date'],
  ['interviewee_name', 'name'],
  ['interviewee_title', 'title'],
  ['interviewee_role', 'role'],
  ['interviewer_type', 'interviewer'],
  ['channel', 'channel'],
  ['consent_to_quote', 'consent'],
  ['anonymous', 'anonymous'],
  ['guide_id', 'guide'],
  ['answers_json', 'answers'],
  ['buyer_statement', 'statement'],
  ['notes', 'notes'],
  ['completed_at', 'status'],
];

/** Text a spreadsheet may have trimmed: equal apart from outer spaces is no change. */
const TRIMMED = new Set<keyof InterviewRecord>(['interviewee_name', 'interviewee_title', 'buyer_statement', 'notes']);

const SELECT = `SELECT id, external_id, deal_id, status, interviewee_name, interviewee_title, interviewee_role,
  interviewer_type, channel, interview_date, consent_to_quote, anonymous, guide_id, answers_json, buyer_statement,
  notes, completed_at, import_batch_id, updated_at FROM interviews`;

/** The driver a reason gets when the file does not say: a deal's outcome tells which panel it is for. */
function outcomeDriver(outcome: Outcome): Driver | null {
  if (outcome === 'won') return 'win';
  if (outcome === 'lost' || outcome === 'no_decision') return 'loss';
  return null;
}

/** Answers compared as content (key order and outer spaces do not matter). */
function sameAnswers(json: string, next: Record<string, string>): boolean {
  let cur: Record<string, unknown>;
  try {
    cur = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return false;
  }
  const norm = (o: Record<string, unknown>) =>
    JSON.stringify(
      Object.entries(o)
        .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
        .map(([k, v]) => [k, (v as string).trim()])
        .sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
  return norm(cur) === norm(next);
}

const codingKey = (c: Coding[]) =>
  c
    .map((x) => `${x.reason_id}:${x.is_primary}:${x.driver}`)
    .sort()
    .join(',');
const ratingKey = (r: Rating[]) =>
  r
    .map((x) => `${x.criterion_id}:${x.competitor_id ?? ''}:${x.rating}`)
    .sort()
    .join(',');

/** Latest interview date completion accepts (tomorrow, UTC: a day of slack for time zones). */
const latestAllowedDate = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

interface DealInfo {
  id: number;
  outcome: Outcome;
}

class InterviewsWriter implements KindWriter<InterviewImportRow> {
  private readonly ctx: WriteContext;
  private readonly deal: Database.Statement;
  private readonly byExternal: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly codings: Database.Statement;
  private readonly ratings: Database.Statement;
  private readonly dealCompetitors: Database.Statement;
  private readonly ratedCompetitors: Database.Statement;
  private readonly quotesOf: Database.Statement;
  private readonly defaultGuide: Database.Statement;
  private readonly insertRow: Database.Statement;
  private readonly addCoding: Database.Statement;
  private readonly addRating: Database.Statement;
  private readonly clearCodings: Database.Statement;
  private readonly clearRatings: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly criteria: Map<string, number>;
  /** Interview id -> the line that wrote it, to report an interview that appears twice. */
  private readonly seen = new Map<number, number>();
  private readonly changed = new Map<string, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const s = ctx.sqlite;
    this.deal = s.prepare(`SELECT id, outcome FROM deals WHERE ${byCrmIdSql('deals')}`);
    this.byExternal = s.prepare(`${SELECT} WHERE external_id = ?`);
    this.byId = s.prepare(`${SELECT} WHERE id = ?`);
    this.codings = s.prepare(
      'SELECT reason_id, is_primary, driver FROM interview_reasons WHERE interview_id = ? ORDER BY is_primary DESC, rowid',
    );
    this.ratings = s.prepare(
      'SELECT criterion_id, competitor_id, rating FROM interview_ratings WHERE interview_id = ? ORDER BY criterion_id, competitor_id',
    );
    this.dealCompetitors = s.prepare(
      `SELECT c.id, c.name, dc.is_primary AS isPrimary,
              (SELECT json_group_array(a.alias_key) FROM competitor_aliases a WHERE a.competitor_id = c.id) AS keys
         FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id WHERE dc.deal_id = ?
        ORDER BY dc.is_primary DESC, c.name`,
    );
    this.ratedCompetitors = s.prepare(
      `SELECT DISTINCT c.id, c.name, 0 AS isPrimary, '[]' AS keys FROM interview_ratings r
         JOIN competitors c ON c.id = r.competitor_id WHERE r.interview_id = ?`,
    );
    this.quotesOf = s.prepare('SELECT text, shareable FROM quotes WHERE interview_id = ? ORDER BY sort, id');
    this.defaultGuide = s.prepare('SELECT id FROM interview_guides WHERE default_for = ?').pluck();
    this.insertRow = s.prepare(
      `INSERT INTO interviews (external_id, deal_id, status, interview_date, interviewee_name, interviewee_title,
         interviewee_role, interviewer_type, channel, consent_to_quote, anonymous, guide_id, answers_json,
         buyer_statement, notes, completed_at, import_batch_id)
       VALUES (@external_id, @deal_id, @status, @interview_date, @interviewee_name, @interviewee_title,
         @interviewee_role, @interviewer_type, @channel, @consent_to_quote, @anonymous, @guide_id, @answers_json,
         @buyer_statement, @notes, @completed_at, @import_batch_id)`,
    );
    this.addCoding = s.prepare(
      'INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver) VALUES (?, ?, ?, ?)',
    );
    this.addRating = s.prepare(
      'INSERT INTO interview_ratings (interview_id, criterion_id, competitor_id, rating) VALUES (?, ?, ?, ?)',
    );
    this.clearCodings = s.prepare('DELETE FROM interview_reasons WHERE interview_id = ?');
    this.clearRatings = s.prepare('DELETE FROM interview_ratings WHERE interview_id = ?');
    this.criteria = new Map(
      (s.prepare('SELECT id, key FROM rating_criteria').all() as { id: number; key: string }[]).map((c) => [
        c.key,
        c.id,
      ]),
    );
  }

  /** The interview this row is about, or undefined for a new one; problems go to `cells`. */
  private target(row: InterviewImportRow, deal: DealInfo | undefined, cells: RowCells): InterviewRecord | undefined {
    // Winnow's export writes `winnow-<id>` for an interview without an id of its own: back in
    // the same workspace that is the interview itself (its id stays blank, nothing changes).
    if (row.externalId !== null && row.winnowId !== null && parseWinnowId(row.externalId) === row.winnowId) {
      const own = this.byId.get(row.winnowId) as InterviewRecord | undefined;
      if (own && own.external_id === null && (!deal || own.deal_id === deal.id)) row.externalId = null;
    }
    if (row.externalId !== null) {
      // The file's interview id is what matches; a Winnow number only names an interview that has
      // no id yet (it gets this one). Any other number comes from another workspace's export (a
      // new workspace, a colleague's file) and means nothing here: the row is a new interview.
      const byExternal = this.byExternal.get(row.externalId) as InterviewRecord | undefined;
      if (byExternal || row.winnowId === null) return byExternal;
      const w = this.byId.get(row.winnowId) as InterviewRecord | undefined;
      return w && w.external_id === null && (!deal || w.deal_id === deal.id) ? w : undefined;
    }
    if (row.winnowId === null) return undefined;
    const w = this.byId.get(row.winnowId) as InterviewRecord | undefined;
    if (!w) {
      cells.problem(
        'winnowId',
        'no interview has this number in this workspace: it was deleted, or the file comes from another workspace (then map Winnow interview id to nothing, and give each row an interview id)',
      );
      return undefined;
    }
    if (deal && w.deal_id !== deal.id) {
      cells.problem(
        'winnowId',
        'this interview of the workspace is about another deal: the file may come from another workspace (then map Winnow interview id to nothing)',
      );
      return undefined;
    }
    return w;
  }

  /** A competitor the row names for ratings: one on the deal, or one the interview already rates. */
  private competitor(
    raw: string,
    field: string,
    candidates: { id: number; name: string; keys: string }[],
    cells: RowCells,
  ): number | undefined {
    const decided = cells.field('ratedCompetitor')?.values?.get(raw);
    const name = decided ?? raw;
    const key = aliasKey(name);
    const hit = candidates.find(
      (c) =>
        c.name.toLowerCase() === name.toLowerCase() ||
        aliasKey(c.name) === key ||
        (JSON.parse(c.keys) as string[]).includes(key),
    );
    if (!hit) {
      const on = [...new Set(candidates.map((c) => c.name))];
      cells.problem(
        field,
        on.length > 0
          ? `"${name}" is not a competitor on this deal (on it: ${on.join(', ')})`
          : `"${name}" is not a competitor on this deal (the deal has none: import its competitors first)`,
        raw,
      );
    }
    return hit?.id;
  }

  private codingsFor(
    row: InterviewImportRow,
    deal: DealInfo,
    current: Coding[],
    cells: RowCells,
  ): Coding[] | undefined {
    const { reason } = this.ctx.resolvers;
    const decisions = cells.field('primaryReason')?.values ?? cells.field('secondaryReasons')?.values;
    const tracker = cells.tracker('reason');
    const resolve = (coded: CodedName, field: string): number | null | undefined => {
      const r = reason.resolve(coded.name, decisions, tracker);
      if (isListProblem(r)) {
        cells.problem(field, r.reason, coded.name);
        return undefined;
      }
      return r === null ? null : r.get();
    };
    const driverOf = (id: number, stated: Driver | null, field: string, name: string): Driver | undefined => {
      const d = stated ?? current.find((c) => c.reason_id === id)?.driver ?? outcomeDriver(deal.outcome);
      if (d === null) {
        cells.problem(field, `say whether "${name}" is a win or a loss driver (the deal is still open)`, name);
        return undefined;
      }
      return d;
    };

    let primary: Coding | null = current.find((c) => c.is_primary === 1) ?? null;
    if (this.ctx.mapped('primaryReason')) {
      primary = null;
      if (row.primaryReason) {
        const id = resolve(row.primaryReason, 'primaryReason');
        if (id !== null && id !== undefined) {
          const d = driverOf(
            id,
            row.primaryReason.driver ?? row.primaryDriver,
            'primaryReason',
            row.primaryReason.name,
          );
          if (d) primary = { reason_id: id, is_primary: 1, driver: d };
        }
      }
    } else if (primary && row.primaryDriver !== null) {
      primary = { ...primary, driver: row.primaryDriver };
    }
    let secondary: Coding[] = current.filter((c) => c.is_primary === 0);
    if (this.ctx.mapped('secondaryReasons')) {
      secondary = [];
      for (const coded of row.secondaryReasons) {
        const id = resolve(coded, 'secondaryReasons');
        if (id === null || id === undefined) continue;
        const d = driverOf(id, coded.driver ?? row.secondaryDriver, 'secondaryReasons', coded.name);
        if (d) secondary.push({ reason_id: id, is_primary: 0, driver: d });
      }
    }
    const out: Coding[] = primary ? [primary] : [];
    for (const s of secondary) if (!out.some((c) => c.reason_id === s.reason_id)) out.push(s);
    return cells.problems.length > 0 ? undefined : out;
  }

  private ratingsFor(
    row: InterviewImportRow,
    dealId: number,
    interviewId: number | null,
    current: Rating[],
    cells: RowCells,
  ): Rating[] {
    const next = new Map<string, Rating>(current.map((r) => [`${r.criterion_id}:${r.competitor_id ?? ''}`, r]));
    const set = (criterion: string, competitorId: number | null, rating: number | null) => {
      const id = this.criteria.get(criterion);
      if (id === undefined) return;
      const key = `${id}:${competitorId ?? ''}`;
      if (rating === null) next.delete(key);
      else next.set(key, { criterion_id: id, competitor_id: competitorId, rating });
    };
    for (const [criterion, rating] of row.us) set(criterion, null, rating);

    const themMapped = RATING_FIELDS.some((f) => this.ctx.mapped(f.them));
    if (this.ctx.mapped('competitorRatings') || themMapped) {
      const candidates = [
        ...(this.dealCompetitors.all(dealId) as { id: number; name: string; isPrimary: number; keys: string }[]),
        ...(interviewId === null
          ? []
          : (this.ratedCompetitors.all(interviewId) as {
              id: number;
              name: string;
              isPrimary: number;
              keys: string;
            }[])),
      ];
      if (this.ctx.mapped('competitorRatings')) {
        for (const [key, r] of next) if (r.competitor_id !== null) next.delete(key);
        for (const cr of row.competitorRatings) {
          const id = this.competitor(cr.competitor, 'competitorRatings', candidates, cells);
          if (id !== undefined) set(cr.criterion, id, cr.rating);
        }
      } else {
        const rated = [...row.them.values()].some((v) => v !== null);
        let competitorId: number | undefined;
        if (row.ratedCompetitor !== null) {
          competitorId = this.competitor(row.ratedCompetitor, 'ratedCompetitor', candidates, cells);
        } else {
          competitorId = candidates.find((c) => c.isPrimary === 1)?.id;
          if (competitorId === undefined && rated) {
            cells.problem(
              null,
              'competitor ratings, but no competitor to give them to: the deal has no primary competitor (map Competitor rated)',
              null,
            );
          }
        }
        if (competitorId !== undefined)
          for (const [criterion, rating] of row.them) set(criterion, competitorId, rating);
      }
    }
    return [...next.values()];
  }

  write(row: InterviewImportRow, cells: RowCells): WriteOutcome | null {
    const { ctx } = this;
    const deal =
      row.dealExternalId === ''
        ? undefined
        : (this.deal.get(...crmIdParams(row.dealExternalId)) as DealInfo | undefined);
    if (row.dealExternalId !== '' && !deal) {
      cells.problem(
        'dealExternalId',
        'no deal with this id in the workspace (import the deals first, or in the same import)',
      );
    }
    const existing = this.target(row, deal, cells);
    if (existing && this.seen.has(existing.id)) {
      cells.problem(
        row.winnowId !== null ? 'winnowId' : 'externalId',
        'this interview appears more than once in the file',
        undefined,
        `first on line ${this.seen.get(existing.id)}`,
      );
    }
    let guideId: number | null | undefined;
    if (ctx.mapped('guide') && row.guide !== null) {
      const g = ctx.resolvers.guide.resolve(row.guide, cells.field('guide')?.values, cells.tracker('guide'));
      if (isListProblem(g)) cells.problem('guide', g.reason);
      else guideId = g === null ? null : g.get();
    } else if (ctx.mapped('guide')) guideId = null;
    if (!deal) {
      // Still resolve the reasons, so the check lists every name to map at once.
      if (row.primaryReason)
        ctx.resolvers.reason.resolve(
          row.primaryReason.name,
          cells.field('primaryReason')?.values,
          cells.tracker('reason'),
        );
      for (const s of row.secondaryReasons)
        ctx.resolvers.reason.resolve(s.name, cells.field('secondaryReasons')?.values, cells.tracker('reason'));
      return null;
    }

    const currentCodings = existing ? (this.codings.all(existing.id) as Coding[]) : [];
    const currentRatings = existing ? (this.ratings.all(existing.id) as Rating[]) : [];
    const codings = this.codingsFor(row, deal, currentCodings, cells);
    const ratings = this.ratingsFor(row, deal.id, existing?.id ?? null, currentRatings, cells);
    if (cells.problems.length > 0 || codings === undefined) return null;

    // The interview as it will be.
    const cur: InterviewRecord = existing ?? {
      id: 0,
      external_id: null,
      deal_id: deal.id,
      status: 'draft',
      interviewee_name: null,
      interviewee_title: null,
      interviewee_role: null,
      interviewer_type: null,
      channel: null,
      interview_date: null,
      consent_to_quote: 0,
      anonymous: 0,
      guide_id: ctx.mapped('guide') ? null : ((this.defaultGuide.get(deal.outcome) as number | undefined) ?? null),
      answers_json: '{}',
      buyer_statement: null,
      notes: null,
      completed_at: null,
      import_batch_id: null,
      updated_at: '',
    };
    const next: InterviewRecord = { ...cur, deal_id: deal.id };
    if (row.externalId !== null) next.external_id = row.externalId;
    if (ctx.mapped('interviewDate')) next.interview_date = row.interviewDate;
    if (ctx.mapped('anonymous') && row.anonymous !== null) next.anonymous = row.anonymous ? 1 : 0;
    if (ctx.mapped('consentToQuote') && row.consentToQuote !== null) next.consent_to_quote = row.consentToQuote ? 1 : 0;
    // Winnow's exports leave out the names of anonymous interviewees: a blank is not a deletion.
    if (ctx.mapped('intervieweeName') && !(row.intervieweeName === null && next.anonymous === 1))
      next.interviewee_name = row.intervieweeName;
    if (ctx.mapped('intervieweeTitle')) next.interviewee_title = row.intervieweeTitle;
    if (ctx.mapped('intervieweeRole')) next.interviewee_role = row.intervieweeRole;
    if (ctx.mapped('interviewerType')) next.interviewer_type = row.interviewerType;
    if (ctx.mapped('channel')) next.channel = row.channel;
    if (guideId !== undefined) next.guide_id = guideId;
    if (ctx.mapped('answers')) {
      const answers = row.answers ?? {};
      if (!sameAnswers(cur.answers_json, answers)) next.answers_json = JSON.stringify(answers);
    }
    if (ctx.mapped('buyerStatement')) next.buyer_statement = row.buyerStatement;
    if (ctx.mapped('notes')) next.notes = row.notes;
    for (const col of TRIMMED) {
      const a = cur[col] as string | null;
      const b = next[col] as string | null;
      if (a !== b && (a ?? '').trim() === (b ?? '').trim()) (next as unknown as Record<string, unknown>)[col] = a;
    }

    // Status: what the file says, checked as the capture form checks it; else derived.
    const quotes = existing ? (this.quotesOf.all(existing.id) as { text: string; shareable: number }[]) : [];
    const missing = missingForCompletion(
      {
        intervieweeName: next.interviewee_name ?? '',
        intervieweeTitle: next.interviewee_title ?? '',
        intervieweeRole: next.interviewee_role as InterviewDraft['intervieweeRole'],
        interviewerType: next.interviewer_type as InterviewDraft['interviewerType'],
        channel: next.channel as InterviewDraft['channel'],
        interviewDate: next.interview_date,
        consentToQuote: next.consent_to_quote === 1,
        anonymous: next.anonymous === 1,
        guideId: next.guide_id,
        answers: {},
        buyerStatement: next.buyer_statement ?? '',
        notes: next.notes ?? '',
        reasons: codings.map((c) => ({ reasonId: c.reason_id, isPrimary: c.is_primary === 1, driver: c.driver })),
        ratings: [],
        quotes: quotes.map((q, i) => ({
          id: i + 1,
          key: `q${i}`,
          text: q.text,
          sentiment: 'neutral',
          shareable: q.shareable === 1,
          competitorId: null,
          reasonId: null,
          themeIds: [],
        })),
      },
      latestAllowedDate(),
    );
    if (row.status === 'complete' && missing.length > 0) {
      cells.problem(
        'interviewStatus',
        'marked complete, but completion needs more',
        undefined,
        `missing: ${missing.map((m) => m.message).join('; ')}`,
      );
      return null;
    }
    if (row.status !== null) next.status = row.status;
    else if (!existing) next.status = missing.length === 0 ? 'complete' : 'draft';
    else if (next.status === 'complete' && missing.length > 0) next.status = 'draft';
    const now = new Date().toISOString();
    next.completed_at =
      next.status === 'complete' ? (row.completedAt ?? (cur.status === 'complete' ? cur.completed_at : now)) : null;

    if (!existing) {
      const values: Record<string, unknown> = { import_batch_id: ctx.batchId };
      for (const [c] of COLUMNS) values[c] = next[c];
      const id = Number(this.insertRow.run(values).lastInsertRowid);
      ctx.changes.inserted('interviews', id);
      for (const c of codings) this.addCoding.run(id, c.reason_id, c.is_primary, c.driver);
      for (const r of ratings) this.addRating.run(id, r.criterion_id, r.competitor_id, r.rating);
      this.seen.set(id, cells.line);
      return 'inserted';
    }

    this.seen.set(existing.id, cells.line);
    const changedColumns = COLUMNS.map(([c]) => c).filter((c) => existing[c] !== next[c]);
    const codingsChanged = codingKey(codings) !== codingKey(currentCodings);
    const ratingsChanged = ratingKey(ratings) !== ratingKey(currentRatings);
    if (changedColumns.length === 0 && !codingsChanged && !ratingsChanged) return 'unchanged';

    // The stamps too, so an undone batch leaves the interview exactly as it was.
    const before: Record<string, unknown> = {
      import_batch_id: existing.import_batch_id,
      updated_at: existing.updated_at,
    };
    for (const c of changedColumns) before[c] = existing[c];
    if (codingsChanged) before.reasons = currentCodings;
    if (ratingsChanged) before.ratings = currentRatings;
    this.update(changedColumns).run(...changedColumns.map((c) => next[c]), ctx.batchId, now, existing.id);
    if (codingsChanged) {
      this.clearCodings.run(existing.id);
      for (const c of codings) this.addCoding.run(existing.id, c.reason_id, c.is_primary, c.driver);
    }
    if (ratingsChanged) {
      this.clearRatings.run(existing.id);
      for (const r of ratings) this.addRating.run(existing.id, r.criterion_id, r.competitor_id, r.rating);
    }
    const labels = [
      ...new Set([
        ...changedColumns.map((c) => COLUMNS.find(([col]) => col === c)![1]),
        ...(codingsChanged ? ['reasons'] : []),
        ...(ratingsChanged ? ['ratings'] : []),
      ]),
    ];
    ctx.changes.updated('interviews', existing.id, before, labels);
    for (const l of labels) this.changed.set(l, (this.changed.get(l) ?? 0) + 1);
    return 'updated';
  }

  private update(columns: string[]): Database.Statement {
    const key = columns.join(',');
    let st = this.updates.get(key);
    if (!st) {
      st = this.ctx.sqlite.prepare(
        `UPDATE interviews SET ${columns.map((c) => `${c} = ?`).join(', ')}${columns.length ? ',' : ''}
           import_batch_id = ?, updated_at = ? WHERE id = ?`,
      );
      this.updates.set(key, st);
    }
    return st;
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return this.changed;
  }

  choices(): Record<string, { names: string[]; allowNew: boolean }> {
    return { reason: this.ctx.resolvers.reason.choices(), guide: this.ctx.resolvers.guide.choices() };
  }
}

export const interviewsKind: ImportKind<InterviewImportRow> = {
  id: 'interviews',
  label: 'Interviews',
  unit: 'interviews',
  description:
    'Win/loss interviews run in a spreadsheet (or exported by Winnow): one row per interview, matched to its deal by the deal’s CRM id.',
  order: 70,
  fields: INTERVIEW_FIELDS,
  presets: INTERVIEW_PRESETS,
  checkMapping(mapped) {
    const issues: string[] = [];
    if (!mapped('externalId') && !mapped('winnowId')) {
      issues.push(
        'Map Interview id (or, for a Winnow export, Winnow interview id): with an id per interview, importing the file again updates the interviews instead of adding copies.',
      );
    }
    if (mapped('competitorRatings') && RATING_FIELDS.some((f) => mapped(f.them))) {
      issues.push(
        'Map the competitor ratings either as one list (Competitor ratings) or one column per criterion, not both.',
      );
    }
    return issues;
  },
  build: buildInterviewRow,
  open: (ctx) => new InterviewsWriter(ctx),
};
