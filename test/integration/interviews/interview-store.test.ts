// Capture: start a draft on a deal, autosave the form, complete (or be told what is missing),
// reopen, delete; ids of quotes stay stable across saves; user text is stored verbatim.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { AppError } from '#core/errors.ts';
import { listDrafts } from '#core/interviews/interview-list.ts';
import {
  completeInterview,
  createInterview,
  deleteInterview,
  getInterview,
  reopenInterview,
  saveInterview,
} from '#core/interviews/interview-store.ts';
import { setReasonRetired } from '#core/reasons/taxonomy-edits.ts';
import { emptyDraft } from '#shared/domain/interview-draft.ts';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import { insertDeals } from '../../support/insert.ts';
import { competitorId, criterionId, reasonId, themeId } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

let ws: Workspace;
let cleanup: () => void;
let lostDeal: number;
let openDeal: number;

beforeEach(async () => {
  ({ ws, cleanup } = await tempWorkspace());
  [lostDeal, openDeal] = insertDeals(ws.sqlite, [
    { outcome: 'lost', closeDate: '2025-05-01', competitors: ['Acme'] },
    { outcome: 'open', competitors: ['Brightline'] },
  ]) as [number, number];
  ws.sqlite.prepare("INSERT INTO competitors (name) VALUES ('Nobody')").run();
});
afterEach(() => cleanup());

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

function fullDraft(): InterviewDraft {
  const db = ws.sqlite;
  return {
    ...emptyDraft(),
    intervieweeName: 'Dana Chen',
    intervieweeTitle: 'VP Finance',
    intervieweeRole: 'economic_buyer',
    interviewerType: 'third_party',
    channel: 'video',
    interviewDate: '2025-05-20',
    consentToQuote: true,
    guideId: null,
    answers: { deciding_factor: 'The connector to our warehouse.' },
    buyerStatement: 'We went with Acme because their connector was ready.',
    notes: '**Follow up** with product.',
    reasons: [
      { reasonId: reasonId(db, 'Missing capability'), isPrimary: true, driver: 'loss' },
      { reasonId: reasonId(db, 'Responsiveness'), isPrimary: false, driver: 'win' },
    ],
    ratings: [
      { criterionId: criterionId(db, 'product_fit'), competitorId: null, rating: 2 },
      { criterionId: criterionId(db, 'product_fit'), competitorId: competitorId(db, 'Acme'), rating: 4 },
    ],
    quotes: [
      {
        id: null,
        key: 'new-1',
        text: 'Their connector worked on day one.',
        sentiment: 'negative',
        shareable: true,
        competitorId: competitorId(db, 'Acme'),
        reasonId: reasonId(db, 'Missing capability'),
        themeIds: [themeId(db, 'integrations')],
      },
      {
        id: null,
        key: 'new-2',
        text: 'Your team answered fast.',
        sentiment: 'positive',
        shareable: false,
        competitorId: null,
        reasonId: null,
        themeIds: [themeId(db, 'relationship'), themeId(db, 'support')],
      },
    ],
  };
}

describe('interview capture', () => {
  it('starts a draft with the guide for the deal outcome and the date given', () => {
    const r = createInterview(ws.sqlite, lostDeal, '2025-05-20');
    expect(r.status).toBe('draft');
    expect(r.draft.interviewDate).toBe('2025-05-20');
    const guide = ws.sqlite.prepare("SELECT id FROM interview_guides WHERE default_for = 'lost'").get() as {
      id: number;
    };
    expect(r.draft.guideId).toBe(guide.id);
    expect(r.deal).toMatchObject({ id: lostDeal, outcome: 'lost', competitors: [{ name: 'Acme', isPrimary: true }] });
    expect(r.missing.map((m) => m.path)).toEqual([
      'intervieweeRole',
      'interviewerType',
      'channel',
      'buyerStatement',
      'reasons',
    ]);
    expect(createInterview(ws.sqlite, openDeal).draft.guideId).toBeNull();
    expect(() => createInterview(ws.sqlite, 9999)).toThrow(/Deal 9999 does not exist/);
  });

  it('autosave stores the whole form and gives new quotes ids; reading it back gives the same form', () => {
    const { id } = createInterview(ws.sqlite, lostDeal);
    const draft = fullDraft();
    const saved = saveInterview(ws.sqlite, id, draft);
    expect(saved).toMatchObject({ status: 'draft', missing: [], reopened: false });
    expect(Object.keys(saved.quoteIds).sort()).toEqual(['new-1', 'new-2']);
    const back = getInterview(ws.sqlite, id);
    expect(back.draft).toEqual({
      ...draft,
      quotes: draft.quotes.map((q) => ({
        ...q,
        id: saved.quoteIds[q.key],
        key: `q${saved.quoteIds[q.key]}`,
        themeIds: [...q.themeIds],
      })),
    });
    expect(back.missing).toEqual([]);
  });

  it('keeps quote ids across saves: edits in place, removes what was removed', () => {
    const { id } = createInterview(ws.sqlite, lostDeal);
    const first = saveInterview(ws.sqlite, id, fullDraft());
    const form = getInterview(ws.sqlite, id).draft;
    form.quotes[0]!.text = 'Their connector worked out of the box.';
    form.quotes[0]!.themeIds = [];
    form.quotes.splice(1, 1);
    form.quotes.push({ ...form.quotes[0]!, id: null, key: 'new-3', text: 'Third.', themeIds: [] });
    const second = saveInterview(ws.sqlite, id, form);
    expect(Object.keys(second.quoteIds)).toEqual(['new-3']);
    const quotes = ws.sqlite.prepare('SELECT id, text FROM quotes WHERE interview_id = ? ORDER BY sort').all(id);
    expect(quotes).toEqual([
      { id: first.quoteIds['new-1'], text: 'Their connector worked out of the box.' },
      { id: second.quoteIds['new-3'], text: 'Third.' },
    ]);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM quote_themes').get()).toEqual({ n: 0 });
  });

  it('complete refuses with the list of what is missing, then succeeds; an edit that breaks it reopens it', () => {
    const { id } = createInterview(ws.sqlite, lostDeal);
    const e = thrown(() => completeInterview(ws.sqlite, id));
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toBe(
      "To complete this interview, fill in: Interview date; Interviewee's role; Who interviewed; Channel; The buyer's statement of the outcome; A primary reason.",
    );
    expect(e.issues?.map((i) => i.path)).toEqual([
      'interviewDate',
      'intervieweeRole',
      'interviewerType',
      'channel',
      'buyerStatement',
      'reasons',
    ]);
    saveInterview(ws.sqlite, id, fullDraft());
    const done = completeInterview(ws.sqlite, id);
    expect(done.status).toBe('complete');
    expect(done.completedAt).not.toBeNull();
    const edited = { ...getInterview(ws.sqlite, id).draft, buyerStatement: '   ' };
    const r = saveInterview(ws.sqlite, id, edited);
    expect(r).toMatchObject({ status: 'draft', reopened: true });
    expect(r.missing.map((m) => m.path)).toEqual(['buyerStatement']);
    expect(getInterview(ws.sqlite, id).completedAt).toBeNull();
    // A complete interview edited but still complete stays complete.
    saveInterview(ws.sqlite, id, fullDraft());
    completeInterview(ws.sqlite, id);
    expect(saveInterview(ws.sqlite, id, { ...fullDraft(), notes: 'more' }).status).toBe('complete');
    expect(reopenInterview(ws.sqlite, id).status).toBe('draft');
  });

  it('refuses references the interview may not use, with messages naming them', () => {
    const { id } = createInterview(ws.sqlite, lostDeal);
    const nobody = competitorId(ws.sqlite, 'Nobody');
    const bad = fullDraft();
    bad.ratings.push({ criterionId: criterionId(ws.sqlite, 'support'), competitorId: nobody, rating: 3 });
    expect(thrown(() => saveInterview(ws.sqlite, id, bad)).message).toBe('A rated competitor is not on this deal.');
    const other = createInterview(ws.sqlite, openDeal).id;
    const foreign = saveInterview(ws.sqlite, other, { ...fullDraft(), ratings: [] }).quoteIds['new-1']!;
    const steal = fullDraft();
    steal.quotes[0]!.id = foreign;
    expect(thrown(() => saveInterview(ws.sqlite, id, steal)).message).toBe('Quote 1 belongs to another interview.');
  });

  it('refuses a save meant for an interview of another workspace (same id, other deal)', () => {
    const { id } = createInterview(ws.sqlite, lostDeal);
    expect(saveInterview(ws.sqlite, id, fullDraft(), lostDeal).status).toBe('draft');
    const e = thrown(() => saveInterview(ws.sqlite, id, { ...fullDraft(), notes: 'elsewhere' }, openDeal));
    expect(e.code).toBe('not_found');
    expect(e.message).toMatch(/not in the open workspace.*Nothing was saved/);
    expect(getInterview(ws.sqlite, id).draft.notes).toBe('**Follow up** with product.');
  });

  it('a retired reason stays on interviews coded with it but cannot be used for new coding', () => {
    const coded = createInterview(ws.sqlite, lostDeal).id;
    saveInterview(ws.sqlite, coded, fullDraft());
    setReasonRetired(ws.sqlite, reasonId(ws.sqlite, 'Responsiveness'), true);
    expect(saveInterview(ws.sqlite, coded, fullDraft()).status).toBe('draft');
    const fresh = createInterview(ws.sqlite, lostDeal).id;
    expect(thrown(() => saveInterview(ws.sqlite, fresh, fullDraft())).message).toBe(
      '"Responsiveness" is retired and cannot be used for new coding.',
    );
  });

  it('stores hostile text verbatim, minus control characters', () => {
    const { id } = createInterview(ws.sqlite, lostDeal);
    const hostile = '<img src=x onerror="window.__pwned=1"> =cmd 👍🏽 مرحبا';
    saveInterview(ws.sqlite, id, {
      ...fullDraft(),
      intervieweeName: `  Eve\u0001\n Evil  `,
      notes: `${hostile}\u0000\u0002`,
      answers: { deciding_factor: hostile, one_change: '   ' },
    });
    const row = ws.sqlite
      .prepare('SELECT interviewee_name AS name, notes, answers_json AS a FROM interviews WHERE id = ?')
      .get(id);
    expect(row).toEqual({ name: 'Eve Evil', notes: hostile, a: JSON.stringify({ deciding_factor: hostile }) });
  });

  it('lists drafts newest first; deleting removes reasons, ratings and quotes', () => {
    const a = createInterview(ws.sqlite, lostDeal).id;
    const b = createInterview(ws.sqlite, openDeal).id;
    ws.sqlite.prepare("UPDATE interviews SET updated_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(b);
    saveInterview(ws.sqlite, a, fullDraft());
    const drafts = listDrafts(ws.sqlite, 10);
    expect(drafts.total).toBe(2);
    expect(drafts.drafts.map((d) => d.id)).toEqual([a, b]);
    expect(deleteInterview(ws.sqlite, a)).toBe(true);
    expect(deleteInterview(ws.sqlite, a)).toBe(false);
    const left = ws.sqlite
      .prepare(
        'SELECT (SELECT count(*) FROM interview_reasons) AS r, (SELECT count(*) FROM interview_ratings) AS g, (SELECT count(*) FROM quotes) AS q',
      )
      .get();
    expect(left).toEqual({ r: 0, g: 0, q: 0 });
    expect(() => getInterview(ws.sqlite, a)).toThrow(/does not exist/);
  });
});
