// One row of an interviews file read into a typed row: ids, the closed vocabularies (unknown
// values are listed for mapping, never guessed), text cleaned as the capture form cleans it,
// reasons with their drivers, ratings 1 to 5 (anything else is a problem), and guide answers.
import type {
  Driver,
  InterviewChannel,
  IntervieweeRole,
  InterviewerType,
  InterviewStatus,
} from '#shared/domain/enums.ts';
import { questionKey } from '#shared/domain/interview-draft.ts';
import { cleanLine, cleanText } from '#shared/text/clean-text.ts';
import type { RowCells } from '../row-cells.ts';
import { DRIVER_WORDS, vocabKey } from '../vocab.ts';
import { RATING_FIELDS } from './interview-fields.ts';

export interface CodedName {
  name: string;
  /** The driver written beside the name ("Price (loss)"), if any. */
  driver: Driver | null;
}

export interface CompetitorRating {
  competitor: string;
  criterion: string;
  rating: number;
}

export interface InterviewImportRow {
  externalId: string | null;
  /** When it was marked complete (an ISO UTC time), if the file says. */
  completedAt: string | null;
  winnowId: number | null;
  dealExternalId: string;
  status: InterviewStatus | null;
  interviewDate: string | null;
  intervieweeName: string | null;
  intervieweeTitle: string | null;
  intervieweeRole: IntervieweeRole | null;
  interviewerType: InterviewerType | null;
  channel: InterviewChannel | null;
  consentToQuote: boolean | null;
  anonymous: boolean | null;
  guide: string | null;
  /** null when blank. */
  answers: Record<string, string> | null;
  buyerStatement: string | null;
  primaryReason: CodedName | null;
  primaryDriver: Driver | null;
  secondaryReasons: CodedName[];
  secondaryDriver: Driver | null;
  /** Criterion key -> our rating (null: none), for the mapped criteria only. */
  us: Map<string, number | null>;
  ratedCompetitor: string | null;
  /** Criterion key -> the competitor's rating, for the mapped criteria only. */
  them: Map<string, number | null>;
  competitorRatings: CompetitorRating[];
  notes: string | null;
}

/** Cells that mean "not rated" in spreadsheets. */
const NOT_RATED = new Set(['', 'na', 'none', 'notapplicable', 'notrated', 'skip', 'dk', 'dontknow', 'unknown']);

/** A rating cell: 1 to 5 (also "4/5", "4 out of 5", "4.0"), null when not rated, or the problem. */
export function parseRating(raw: string): { rating: number | null } | { problem: string } {
  const t = raw.trim();
  if (t === '' || NOT_RATED.has(vocabKey(t))) return { rating: null };
  const m = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:\/\s*5|(?:out\s+)?of\s+5)?$/i.exec(t);
  if (!m) return { problem: 'not a rating: use a whole number from 1 to 5' };
  const v = Number(m[1]!.replace(',', '.'));
  if (!Number.isInteger(v)) return { problem: 'not a whole number: ratings are 1, 2, 3, 4 or 5' };
  if (v < 1 || v > 5) return { problem: 'outside 1 to 5: ratings are 1, 2, 3, 4 or 5' };
  return { rating: v };
}

/** "Price (loss)" -> Price, loss. A bracket that is not a driver stays part of the name. */
export function splitDriver(raw: string): CodedName {
  const m = /^(.*\S)\s*\(([^()]*)\)$/.exec(raw.trim());
  if (m) {
    const driver = DRIVER_WORDS.get(vocabKey(m[2]!));
    if (driver) return { name: m[1]!, driver };
  }
  return { name: raw.trim(), driver: null };
}

/** "Acme product_fit=4" -> competitor, criterion key, rating. */
export function parseCompetitorRating(item: string): CompetitorRating | { problem: string } {
  const m = /^(.*\S)\s+([a-z][a-z0-9_]*)\s*=\s*(\S.*)$/.exec(item.trim());
  if (!m) return { problem: `"${item}" is not "Competitor criterion=rating" (such as "Acme product_fit=4")` };
  if (!RATING_FIELDS.some((r) => r.criterion === m[2])) {
    return {
      problem: `"${m[2]}" is not a rating criterion (${RATING_FIELDS.map((r) => r.criterion).join(', ')})`,
    };
  }
  const r = parseRating(m[3]!);
  if ('problem' in r) return { problem: `${m[1]} ${m[2]}: ${r.problem}` };
  if (r.rating === null) return { problem: `${m[1]} ${m[2]}: no rating given` };
  return { competitor: m[1]!, criterion: m[2]!, rating: r.rating };
}

/** Guide answers as Winnow exports them: a JSON object of question keys and answer texts. */
export function parseAnswers(raw: string): Record<string, string> | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { problem: 'not the guide answers Winnow exports (a JSON object of question keys and answers)' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problem: 'not the guide answers Winnow exports (a JSON object of question keys and answers)' };
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (!questionKey.safeParse(k).success) return { problem: `"${k.slice(0, 60)}" is not a question key` };
    if (typeof v !== 'string') return { problem: `the answer to "${k}" is not text` };
    const text = cleanText(v);
    if (text.trim() !== '') out[k] = text;
  }
  return out;
}

function choice<T extends string>(c: RowCells, key: string, what: string): T | null {
  const r = c.choice(key);
  if (!r.known) c.unknownChoice(key, `not a known ${what}: map it`);
  return r.value as T | null;
}

/** A one-line text (name, title): no line breaks or control characters. */
function line(c: RowCells, key: string): string | null {
  const v = c.text(key);
  if (v === null) return null;
  const t = cleanLine(v);
  return t === '' ? null : t;
}

/** Longer text (statement, notes): control characters removed, line breaks kept. */
function longText(c: RowCells, key: string): string | null {
  const v = c.text(key);
  if (v === null) return null;
  const t = cleanText(v).trim();
  return t === '' ? null : t;
}

function ratings(c: RowCells, side: 'us' | 'them'): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const f of RATING_FIELDS) {
    const key = side === 'us' ? f.us : f.them;
    if (!c.has(key)) continue;
    const r = parseRating(c.raw(key));
    if ('problem' in r) c.problem(key, r.problem);
    else out.set(f.criterion, r.rating);
  }
  return out;
}

export function buildInterviewRow(c: RowCells): InterviewImportRow {
  const dealExternalId = c.raw('dealExternalId');
  if (dealExternalId === '') c.problem('dealExternalId', 'missing: each interview needs the CRM id of its deal', '');

  const ext = c.raw('externalId');
  if (ext.length > 100) c.problem('externalId', 'longer than 100 characters');
  const widRaw = c.raw('winnowId');
  let winnowId: number | null = null;
  if (widRaw !== '') {
    if (/^\d{1,10}$/.test(widRaw) && Number(widRaw) > 0) winnowId = Number(widRaw);
    else c.problem('winnowId', 'not a Winnow interview number (a whole number)');
  }
  if (ext === '' && widRaw === '') {
    c.problem(
      c.has('externalId') ? 'externalId' : 'winnowId',
      'missing: each interview needs its own id, so importing the file again updates it instead of adding a copy',
      '',
    );
  }

  let answers: Record<string, string> | null = null;
  const answersRaw = c.raw('answers');
  if (answersRaw !== '') {
    const r = parseAnswers(answersRaw);
    if ('problem' in r)
      c.problem('answers', r.problem, `${answersRaw.slice(0, 60)}${answersRaw.length > 60 ? '…' : ''}`);
    else answers = r;
  }

  const primaryRaw = c.name('primaryReason');
  const competitorRatings: CompetitorRating[] = [];
  for (const item of c.names('competitorRatings')) {
    const r = parseCompetitorRating(item);
    if ('problem' in r) c.problem('competitorRatings', r.problem);
    else competitorRatings.push(r);
  }

  const completedAt = c.text('completedAt');
  if (completedAt !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(completedAt))
    c.problem('completedAt', 'not a UTC time such as 2025-03-04T17:00:00.000Z');

  const row: InterviewImportRow = {
    externalId: ext === '' ? null : ext,
    completedAt,
    winnowId,
    dealExternalId,
    status: choice<InterviewStatus>(c, 'interviewStatus', 'status (draft or complete)'),
    interviewDate: c.date('interviewDate'),
    intervieweeName: line(c, 'intervieweeName'),
    intervieweeTitle: line(c, 'intervieweeTitle'),
    intervieweeRole: choice<IntervieweeRole>(c, 'intervieweeRole', 'interviewee role'),
    interviewerType: choice<InterviewerType>(c, 'interviewerType', 'kind of interviewer'),
    channel: choice<InterviewChannel>(c, 'channel', 'channel'),
    consentToQuote: c.bool('consentToQuote'),
    anonymous: c.bool('anonymous'),
    guide: c.name('guide'),
    answers,
    buyerStatement: longText(c, 'buyerStatement'),
    primaryReason: primaryRaw === null ? null : splitDriver(primaryRaw),
    primaryDriver: choice<Driver>(c, 'primaryDriver', 'driver (win or loss)'),
    secondaryReasons: c.names('secondaryReasons').map(splitDriver),
    secondaryDriver: choice<Driver>(c, 'secondaryDriver', 'driver (win or loss)'),
    us: ratings(c, 'us'),
    ratedCompetitor: c.name('ratedCompetitor'),
    them: ratings(c, 'them'),
    competitorRatings,
    notes: longText(c, 'notes'),
  };
  // Returned even with problems: the writer still resolves its reason and guide names, so the
  // check lists every value to map at once; it writes nothing for a row with problems.
  return row;
}
