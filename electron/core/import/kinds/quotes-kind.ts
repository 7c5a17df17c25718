// Quotes: one row per quote, the related file of interviews (as stage history is of deals). A row
// finds its interview by the interview's id (or Winnow's number of it), then its quote by the
// quote's own id, Winnow's number of it, or the same text on that interview; else it adds the
// quote. Themes are names of the workspace's themes (a new one only when the user chose it).
import type Database from 'better-sqlite3';
import type { Sentiment } from '#shared/domain/enums.ts';
import { SENTIMENT_LABEL } from '#shared/domain/interviews.ts';
import { LIMITS } from '#shared/domain/interview-draft.ts';
import { cleanText } from '#shared/text/clean-text.ts';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import { isProblem } from '../resolvers.ts';
import type { RowCells } from '../row-cells.ts';
import { isListProblem } from '../taxonomy-resolvers.ts';
import { parseWinnowId } from '#shared/domain/winnow-ids.ts';
import { byCrmIdSql, crmIdParams } from './crm-id-sql.ts';
import { field, options } from './field-helpers.ts';

export interface QuoteImportRow {
  externalId: string | null;
  winnowId: number | null;
  interviewExternalId: string | null;
  winnowInterviewId: number | null;
  dealExternalId: string | null;
  text: string;
  sentiment: Sentiment | null;
  shareable: boolean | null;
  themes: string[];
  competitor: string | null;
  reason: string | null;
}

interface QuoteRecord {
  id: number;
  external_id: string | null;
  interview_id: number;
  text: string;
  sentiment: Sentiment;
  shareable: number;
  competitor_id: number | null;
  reason_id: number | null;
}

interface InterviewInfo {
  id: number;
  status: string;
  consent: number;
  deal: string | null;
  dealId: number;
}

const COLUMNS: [column: keyof QuoteRecord, label: string][] = [
  ['external_id', 'quote id'],
  ['text', 'quote'],
  ['sentiment', 'sentiment'],
  ['shareable', 'shareable'],
  ['competitor_id', 'competitor'],
  ['reason_id', 'reason'],
];

const QUOTE = 'SELECT id, external_id, interview_id, text, sentiment, shareable, competitor_id, reason_id FROM quotes';
const INTERVIEW = `SELECT i.id, i.status, i.consent_to_quote AS consent, d.external_id AS deal, d.id AS dealId
  FROM interviews i JOIN deals d ON d.id = i.deal_id`;

function positive(c: RowCells, key: string, what: string): number | null {
  const raw = c.raw(key);
  if (raw === '') return null;
  if (/^\d{1,10}$/.test(raw) && Number(raw) > 0) return Number(raw);
  c.problem(key, `not a Winnow ${what} number (a whole number)`);
  return null;
}

function build(c: RowCells): QuoteImportRow {
  const text = cleanText(c.text('text') ?? '').trim();
  if (text === '' && !c.problems.some((p) => p.field === 'Quote'))
    c.problem('text', 'missing: each row needs the quote’s text', '');
  const ext = c.raw('externalId');
  if (ext.length > 100) c.problem('externalId', 'longer than 100 characters');
  const interviewExt = c.raw('interviewExternalId');
  const winnowInterviewId = positive(c, 'winnowInterviewId', 'interview');
  if (interviewExt === '' && c.raw('winnowInterviewId') === '') {
    c.problem(
      c.has('interviewExternalId') ? 'interviewExternalId' : 'winnowInterviewId',
      'missing: each quote needs the id of its interview',
      '',
    );
  }
  const sentiment = c.choice('sentiment');
  if (!sentiment.known) c.unknownChoice('sentiment', 'not a known sentiment: map it to positive, neutral or negative');
  // Returned even with problems, so the writer lists every theme and reason name to map at once.
  return {
    externalId: ext === '' ? null : ext,
    winnowId: positive(c, 'winnowId', 'quote'),
    interviewExternalId: interviewExt === '' ? null : interviewExt,
    winnowInterviewId,
    dealExternalId: c.raw('dealExternalId') || null,
    text,
    sentiment: sentiment.value as Sentiment | null,
    shareable: c.bool('shareable'),
    themes: c.names('themes'),
    competitor: c.name('competitor'),
    reason: c.name('reason'),
  };
}

class QuotesWriter implements KindWriter<QuoteImportRow> {
  private readonly ctx: WriteContext;
  private readonly interviewByExternal: Database.Statement;
  private readonly interviewById: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly byExternal: Database.Statement;
  private readonly ofInterview: Database.Statement;
  private readonly themesOf: Database.Statement;
  private readonly nextSort: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly clearThemes: Database.Statement;
  private readonly addTheme: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly seen = new Map<number, number>();
  private readonly changed = new Map<string, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const s = ctx.sqlite;
    this.interviewByExternal = s.prepare(`${INTERVIEW} WHERE ${byCrmIdSql('i')}`);
    this.interviewById = s.prepare(`${INTERVIEW} WHERE i.id = ?`);
    this.byId = s.prepare(`${QUOTE} WHERE id = ?`);
    this.byExternal = s.prepare(`${QUOTE} WHERE external_id = ?`);
    this.ofInterview = s.prepare(`${QUOTE} WHERE interview_id = ? ORDER BY sort, id`);
    this.themesOf = s.prepare('SELECT theme_id FROM quote_themes WHERE quote_id = ? ORDER BY rowid').pluck();
    this.nextSort = s.prepare('SELECT coalesce(max(sort) + 1, 0) FROM quotes WHERE interview_id = ?').pluck();
    this.insert = s.prepare(
      `INSERT INTO quotes (external_id, interview_id, text, sentiment, shareable, competitor_id, reason_id, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.clearThemes = s.prepare('DELETE FROM quote_themes WHERE quote_id = ?');
    this.addTheme = s.prepare('INSERT OR IGNORE INTO quote_themes (quote_id, theme_id) VALUES (?, ?)');
  }

  private interview(row: QuoteImportRow, cells: RowCells): InterviewInfo | undefined {
    let found: InterviewInfo | undefined;
    if (row.interviewExternalId !== null) {
      found = this.interviewByExternal.get(...crmIdParams(row.interviewExternalId)) as InterviewInfo | undefined;
      if (!found)
        cells.problem(
          'interviewExternalId',
          'no interview has this id (import the interviews first, or in the same import)',
        );
    } else if (row.winnowInterviewId !== null) {
      found = this.interviewById.get(row.winnowInterviewId) as InterviewInfo | undefined;
      if (!found)
        cells.problem(
          'winnowInterviewId',
          'no interview has this number in this workspace: it was deleted, or the file comes from another workspace',
        );
    }
    if (
      found &&
      row.dealExternalId !== null &&
      found.deal !== row.dealExternalId &&
      !(found.deal === null && parseWinnowId(row.dealExternalId) === found.dealId)
    ) {
      cells.problem('dealExternalId', `the interview is about another deal (${found.deal ?? 'one without a CRM id'})`);
      return undefined;
    }
    return found;
  }

  /** The quote this row is about, or null for a new one; undefined after a problem. */
  private target(row: QuoteImportRow, interviewId: number, cells: RowCells): QuoteRecord | null | undefined {
    let q: QuoteRecord | undefined;
    let winnowId = row.winnowId;
    if (winnowId !== null && row.externalId !== null && parseWinnowId(row.externalId) === winnowId) {
      // Winnow's export writes `winnow-<id>` for a quote without an id of its own. Back in the same
      // workspace that is the quote itself (its id stays blank); anywhere else (a new workspace) the
      // number names nothing of this file's, and the id is what matches.
      const own = this.byId.get(winnowId) as QuoteRecord | undefined;
      if (own && own.external_id === null && own.interview_id === interviewId) row.externalId = null;
      else winnowId = null;
    }
    if (winnowId !== null) {
      q = this.byId.get(winnowId) as QuoteRecord | undefined;
      if (!q) {
        cells.problem(
          'winnowId',
          'no quote has this number in this workspace (it was deleted, or the file comes from another workspace)',
        );
        return undefined;
      }
      if (q.interview_id !== interviewId) {
        cells.problem('winnowId', 'this quote belongs to another interview');
        return undefined;
      }
    }
    if (row.externalId !== null) {
      const byExt = this.byExternal.get(row.externalId) as QuoteRecord | undefined;
      if (byExt && q && byExt.id !== q.id) {
        cells.problem('externalId', 'another quote already has this id');
        return undefined;
      }
      if (byExt && byExt.interview_id !== interviewId) {
        cells.problem('externalId', 'a quote of another interview has this id');
        return undefined;
      }
      if (q && q.external_id !== null && q.external_id !== row.externalId) {
        cells.problem('externalId', `Winnow quote ${q.id} has the quote id "${q.external_id}", not this one`);
        return undefined;
      }
      q ??= byExt;
    }
    if (!q && winnowId === null) {
      // No id to go by: the same words on the same interview are the same quote.
      const same = (this.ofInterview.all(interviewId) as QuoteRecord[]).find(
        (x) => x.text.trim() === row.text && (row.externalId === null || x.external_id === null),
      );
      q = same;
    }
    return q ?? null;
  }

  write(row: QuoteImportRow, cells: RowCells): WriteOutcome | null {
    const { resolvers } = this.ctx;
    const interview = this.interview(row, cells);
    const themeIds: (() => number)[] = [];
    for (const name of row.themes) {
      const t = resolvers.theme.resolve(name, cells.field('themes')?.values, cells.tracker('theme'));
      if (isListProblem(t)) cells.problem('themes', t.reason, name);
      else if (t !== null) themeIds.push(() => t.get());
    }
    let competitor: (() => number) | null = null;
    if (row.competitor !== null) {
      const r = resolvers.competitor.resolve(
        row.competitor,
        cells.field('competitor')?.values,
        cells.tracker('competitor'),
      );
      if (isProblem(r)) cells.problem('competitor', r.reason);
      else if (r !== null) competitor = () => r.get();
    }
    let reasonId: number | null = null;
    if (row.reason !== null) {
      const r = resolvers.reason.resolve(row.reason, cells.field('reason')?.values, cells.tracker('reason'));
      if (isListProblem(r)) cells.problem('reason', r.reason);
      else if (r !== null) reasonId = r.get();
    }
    if (!interview) return null;
    const existing = this.target(row, interview.id, cells);
    if (existing && this.seen.has(existing.id)) {
      cells.problem(
        row.externalId !== null ? 'externalId' : row.winnowId !== null ? 'winnowId' : 'text',
        'this quote appears more than once in the file',
        undefined,
        `first on line ${this.seen.get(existing.id)}`,
      );
    }
    if (existing === undefined || cells.problems.length > 0) return null;

    const mapped = this.ctx.mapped;
    const next: Omit<QuoteRecord, 'id'> = existing
      ? { ...existing }
      : {
          external_id: null,
          interview_id: interview.id,
          text: row.text,
          sentiment: 'neutral',
          shareable: 0,
          competitor_id: null,
          reason_id: null,
        };
    if (row.externalId !== null) next.external_id = row.externalId;
    if (!existing || existing.text.trim() !== row.text) next.text = row.text;
    if (row.sentiment !== null) next.sentiment = row.sentiment;
    if (row.shareable !== null) next.shareable = row.shareable ? 1 : 0;
    if (mapped('reason')) next.reason_id = reasonId;
    if (next.shareable === 1 && interview.status === 'complete' && interview.consent !== 1) {
      cells.problem(
        'shareable',
        'marked shareable, but the interviewee has not consented to be quoted (the interview is complete)',
      );
      return null;
    }
    if (mapped('competitor')) next.competitor_id = competitor ? competitor() : null;
    const currentThemes = existing ? (this.themesOf.all(existing.id) as number[]) : [];
    const themes = mapped('themes') ? [...new Set(themeIds.map((t) => t()))] : currentThemes;

    if (!existing) {
      const id = Number(
        this.insert.run(
          next.external_id,
          interview.id,
          next.text,
          next.sentiment,
          next.shareable,
          next.competitor_id,
          next.reason_id,
          this.nextSort.get(interview.id) as number,
        ).lastInsertRowid,
      );
      this.ctx.changes.inserted('quotes', id);
      for (const t of themes) this.addTheme.run(id, t);
      this.seen.set(id, cells.line);
      return 'inserted';
    }
    this.seen.set(existing.id, cells.line);
    const changedColumns = COLUMNS.map(([c]) => c).filter((c) => existing[c] !== next[c as keyof typeof next]);
    const themesChanged = [...themes].sort().join(',') !== [...currentThemes].sort().join(',');
    if (changedColumns.length === 0 && !themesChanged) return 'unchanged';
    const before: Record<string, unknown> = {};
    for (const c of changedColumns) before[c] = existing[c];
    if (themesChanged) before.themes = currentThemes;
    if (changedColumns.length > 0) {
      this.update(changedColumns).run(...changedColumns.map((c) => next[c as keyof typeof next]), existing.id);
    }
    if (themesChanged) {
      this.clearThemes.run(existing.id);
      for (const t of themes) this.addTheme.run(existing.id, t);
    }
    const labels = [
      ...changedColumns.map((c) => COLUMNS.find(([col]) => col === c)![1]),
      ...(themesChanged ? ['themes'] : []),
    ];
    this.ctx.changes.updated('quotes', existing.id, before, labels);
    for (const l of labels) this.changed.set(l, (this.changed.get(l) ?? 0) + 1);
    return 'updated';
  }

  private update(columns: string[]): Database.Statement {
    const key = columns.join(',');
    let st = this.updates.get(key);
    if (!st) {
      st = this.ctx.sqlite.prepare(`UPDATE quotes SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
      this.updates.set(key, st);
    }
    return st;
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return this.changed;
  }

  choices(): Record<string, { names: string[]; allowNew: boolean }> {
    return { theme: this.ctx.resolvers.theme.choices(), reason: this.ctx.resolvers.reason.choices() };
  }
}

export const quotesKind: ImportKind<QuoteImportRow> = {
  id: 'quotes',
  label: 'Quotes',
  unit: 'quotes',
  description: 'Quotes from interviews, one row each, with themes, sentiment and whether they may be shared.',
  order: 80,
  fields: [
    field(
      'externalId',
      'Quote id',
      'text',
      'The quote’s own id in your sheet, if it has one: importing it again updates that quote.',
      ['quoteexternalid', 'quoteid', 'quoteref', 'quotenumber'],
      { maxLength: 100 },
    ),
    field(
      'winnowId',
      'Winnow quote id',
      'text',
      'Winnow’s own number of the quote (quote_id in its export).',
      ['winnowquoteid'],
      {
        maxLength: 20,
      },
    ),
    field(
      'interviewExternalId',
      'Interview id',
      'text',
      'The interview the quote is from, by the interview id of the interviews file.',
      ['interviewexternalid', 'interviewid', 'interviewref', 'interview'],
      { maxLength: 100 },
    ),
    field(
      'winnowInterviewId',
      'Winnow interview id',
      'text',
      'Winnow’s own number of the interview (interview_id in its export).',
      ['winnowinterviewid'],
      { maxLength: 20 },
    ),
    field(
      'dealExternalId',
      'Deal id (CRM)',
      'text',
      'Optional check: the interview must be about this deal.',
      ['dealexternalid', 'dealid', 'opportunityid', 'crmid'],
      { maxLength: 100 },
    ),
    field(
      'text',
      'Quote',
      'text',
      'Required: the buyer’s words, verbatim.',
      ['quote', 'text', 'quotetext', 'verbatim', 'quotation'],
      {
        required: true,
        maxLength: LIMITS.quote,
      },
    ),
    field(
      'sentiment',
      'Sentiment',
      'enum',
      'Positive, neutral or negative; blank: neutral for a new quote.',
      ['sentiment', 'tone'],
      {
        options: options(SENTIMENT_LABEL),
        listValues: true,
      },
    ),
    field(
      'shareable',
      'Shareable',
      'bool',
      'Yes when the quote may be used outside the company (the interviewee must have consented).',
      ['shareable', 'canshare', 'public', 'external', 'approved'],
    ),
    field(
      'themes',
      'Themes',
      'list',
      'Theme names separated by ";". Unknown ones are listed: map each to a theme, or add it as a new one.',
      ['themes', 'theme', 'tags', 'tag', 'topics'],
      { entity: 'theme', listValues: true, maxLength: 2000 },
    ),
    field(
      'competitor',
      'Competitor',
      'lookup',
      'The competitor the quote is about; near matches wait for your decision.',
      ['competitor', 'competitorname', 'about'],
      { entity: 'competitor', listValues: true, maxLength: 200 },
    ),
    field('reason', 'Reason', 'lookup', 'A reason of the taxonomy the quote illustrates.', ['reason', 'reasoncode'], {
      entity: 'reason',
      listValues: true,
      maxLength: 200,
    }),
  ],
  presets: [
    {
      id: 'winnow',
      label: 'Winnow export',
      // Only Winnow's export has these ("quote_id" would also take a sheet's "Quote ID").
      signature: ['cleared_for_sharing', 'quote_external_id'],
      description: 'The quotes CSV Winnow exports: edit it in a spreadsheet and import it back.',
      columns: {
        winnowId: ['quote_id'],
        externalId: ['quote_external_id'],
        winnowInterviewId: ['interview_id'],
        interviewExternalId: ['interview_external_id'],
        dealExternalId: ['deal_external_id'],
        text: ['quote'],
        sentiment: ['sentiment'],
        shareable: ['shareable'],
        themes: ['themes'],
        competitor: ['competitor'],
        reason: ['reason'],
      },
    },
    {
      id: 'generic',
      label: 'Spreadsheet programme',
      description: 'A tab of quotes: the interview id, the quote, its themes, sentiment and whether it may be shared.',
      columns: {
        externalId: ['Quote ID', 'Quote #'],
        interviewExternalId: ['Interview ID', 'Interview #', 'Interview Ref'],
        text: ['Quote', 'Verbatim', 'Quote text'],
        sentiment: ['Sentiment', 'Tone'],
        shareable: ['Shareable', 'Can share', 'Approved for external use'],
        themes: ['Themes', 'Theme', 'Tags'],
        competitor: ['Competitor'],
        reason: ['Reason'],
      },
    },
  ],
  checkMapping(mapped) {
    return mapped('interviewExternalId') || mapped('winnowInterviewId')
      ? []
      : ['Map Interview id (or, for a Winnow export, Winnow interview id): each quote belongs to an interview.'];
  },
  build,
  open: (ctx) => new QuotesWriter(ctx),
};
