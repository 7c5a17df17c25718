// Interviews and quotes from spreadsheets through the importer: messy values read or listed for
// mapping, deals matched by CRM id, problem rows with line/column/reason, upsert and undo, the
// search index following, and a deal with two imported interviews counted once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportMapping } from '#shared/domain/import-mapping.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { batchDetail } from '#core/import/import-log.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { listInterviews } from '#core/interviews/interview-list.ts';
import { mergeReason, renameReason, setReasonRetired } from '#core/reasons/taxonomy-edits.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { reasonAnalysis } from '#core/winloss/reason-analysis.ts';
import { importFiles, suggested, fixture } from '../../support/import.ts';
import { interviewDump, interviewsView, quotesView, seedDeals } from '../../support/interview-import.ts';
import { reasonId } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

/** The user's answers in the check: Procurement is an economic buyer, "Suport quality" is Support quality. */
const sheetAnswers = (m: ImportMapping) => {
  m.values.intervieweeRole = { Procurement: 'economic_buyer' };
  m.values.reason = { 'Suport quality': 'Support quality' };
};
const newTheme = (m: ImportMapping) => {
  m.values.theme = { 'procurement pain': 'procurement pain' };
};

const searchIds = (ws: Workspace, text: string) =>
  listInterviews(ws.sqlite, { filters: { search: text }, sort: 'date', dir: 'asc', offset: 0, limit: 50 }).rows.map(
    (r) => ws.sqlite.prepare('SELECT external_id FROM interviews WHERE id = ?').pluck().get(r.id),
  );

describe('interviews from a spreadsheet', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    seedDeals(ws.sqlite);
  });
  afterEach(() => cleanup());

  it('suggests the spreadsheet preset and maps every column of the file', () => {
    const m = suggested('interviews', fixture('interviews-sheet.csv'));
    expect(m.fields).toEqual({
      externalId: { column: 'Interview ID' },
      dealExternalId: { column: 'Deal ID' },
      interviewStatus: { column: 'Status' },
      interviewDate: { column: 'Date' },
      intervieweeName: { column: 'Interviewee' },
      intervieweeTitle: { column: 'Title' },
      intervieweeRole: { column: 'Role' },
      interviewerType: { column: 'Interviewer' },
      channel: { column: 'Channel' },
      consentToQuote: { column: 'Consent' },
      anonymous: { column: 'Anonymous' },
      buyerStatement: { column: 'In their words' },
      primaryReason: { column: 'Primary reason' },
      primaryDriver: { column: 'Driver' },
      secondaryReasons: { column: 'Other reasons' },
      ratedCompetitor: { column: 'Competitor rated' },
      notes: { column: 'Notes' },
      usProductFit: { column: 'Product fit' },
      themProductFit: { column: 'Product fit (competitor)' },
      usPriceValue: { column: 'Price / value' },
      themPriceValue: { column: 'Price / value (competitor)' },
      usSupport: { column: 'Support' },
    });
  });

  it('lists the unknown role and the near reason for the user to map, never guessing them', () => {
    const check = importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-sheet.csv' }], { mode: 'preview' });
    expect(check.totals).toEqual({ rowsRead: 5, inserted: 4, updated: 0, unchanged: 0, rejected: 1 });
    expect(check.problems).toEqual([
      {
        file: 'interviews-sheet.csv',
        line: 6,
        field: 'Interviewee role',
        column: 'Role',
        value: 'Procurement',
        reason: 'not a known interviewee role: map it',
      },
      {
        file: 'interviews-sheet.csv',
        line: 6,
        field: 'Primary reason',
        column: 'Primary reason',
        value: 'Suport quality',
        reason: 'needs your decision: looks like "Support quality"',
      },
    ]);
    const values = check.files[0]!.values;
    const reasons = values.find((v) => v.field === 'reason')!;
    expect(reasons.label).toBe('Reason');
    expect(reasons.source).toBe('Primary reason, Other reasons');
    expect(reasons.values[0]).toMatchObject({
      raw: 'Suport quality',
      status: 'near',
      suggestions: ['Support quality'],
      why: 'differs by one letter',
    });
    // "price" (lower case) is the reason Price; the choices offered are the taxonomy's reasons.
    expect(reasons.values.find((v) => v.raw === 'price')).toMatchObject({ status: 'known', resolved: 'Price' });
    expect(reasons.choices?.allowNew).toBe(false);
    expect(reasons.choices?.names).toHaveLength(23);
    expect(values.find((v) => v.field === 'intervieweeRole')!.values[0]).toMatchObject({
      raw: 'Procurement',
      status: 'unknown',
    });
    expect(check.blockers).toEqual([
      'interviews-sheet.csv: 1 value(s) of Interviewee role are not mapped yet.',
      'interviews-sheet.csv: 1 name(s) of Reason look like known ones and need your decision.',
      '1 row(s) have problems: fix them, or import only the valid rows (the others are saved to a CSV with their reasons).',
    ]);
    expect(interviewsView(ws.sqlite)).toEqual([]);
  });

  it('imports the messy values as the user mapped them; the same file again changes nothing', () => {
    const r = importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-sheet.csv', adjust: sheetAnswers }]);
    expect(r).toMatchObject({ committed: true, totals: { rowsRead: 5, inserted: 5, rejected: 0 } });
    expect(r.files[0]!.dates.used).toBe('M/D/YYYY');
    expect(interviewsView(ws.sqlite)).toEqual([
      {
        id: 'WL-001',
        deal: 'D-1',
        status: 'complete',
        date: '2025-03-14',
        name: 'Dana Chen',
        title: 'VP Finance',
        role: 'economic_buyer',
        interviewer: 'third_party',
        channel: 'video',
        consent: 1,
        anonymous: 0,
        statement: 'We chose you for the integrations, full stop.',
        notes: 'Long call.\nFollow up on <script>alert(1)</script>',
        // "price" has no driver written and the deal was won: a win driver.
        reasons: 'Product fit (win, primary); Price (win); Support quality (win)',
        // No competitor named: the deal's primary competitor is the one rated.
        ratings: 'product_fit=5 price_value=3 support=4 Acme Analytics:product_fit=3 Acme Analytics:price_value=2',
      },
      {
        id: 'WL-002',
        deal: 'D-2',
        status: 'complete',
        date: '2025-03-20',
        name: null,
        title: 'Head of IT',
        role: 'technical_evaluator',
        interviewer: 'internal_neutral',
        channel: 'call',
        consent: 1,
        anonymous: 1,
        statement: 'Price was too high.',
        notes: '=HYPERLINK("http://evil.example","x")',
        reasons: 'Price (loss, primary); Budget (loss); Timing (loss)',
        ratings: 'product_fit=2 Brightline:product_fit=4 Brightline:price_value=4',
      },
      {
        id: 'WL-003',
        deal: 'D-3',
        // No status and no buyer's statement: a draft.
        status: 'draft',
        date: '2025-03-31',
        name: 'Sam Ito',
        title: 'CTO',
        role: 'champion',
        interviewer: 'deal_owner',
        channel: 'survey',
        consent: 0,
        anonymous: 0,
        statement: null,
        notes: "Didn't get to a decision.",
        reasons: 'No decision / status quo (loss, primary)',
        ratings: null,
      },
      {
        id: 'WL-004',
        deal: 'D-4',
        status: 'complete',
        date: '2025-04-02',
        name: 'Lee Park',
        title: 'Procurement lead',
        role: 'economic_buyer',
        interviewer: 'third_party',
        channel: 'video',
        consent: 1,
        anonymous: 0,
        statement: "Acme's discount won it.",
        notes: '🙂 עברית ومرحبا',
        reasons: 'Support quality (loss, primary); Competitor bundle or discount (loss)',
        // "Acme Analytics Inc." is the deal's Acme Analytics.
        ratings: 'product_fit=1 price_value=2 support=3 Acme Analytics:product_fit=5 Acme Analytics:price_value=5',
      },
      {
        id: 'WL-005',
        deal: 'D-1',
        status: 'complete',
        date: '2025-03-02',
        name: 'Rory (AE)',
        title: null,
        role: 'rep',
        interviewer: 'deal_owner',
        channel: 'rep_form',
        consent: 0,
        anonymous: 0,
        statement: 'Won on integrations.',
        notes: null,
        reasons: 'Product fit (win, primary)',
        ratings: null,
      },
    ]);
    // A new interview without a guide column gets its deal's default guide, and the batch stamp.
    expect(
      ws.sqlite
        .prepare(
          "SELECT g.name, i.import_batch_id AS batch FROM interviews i JOIN interview_guides g ON g.id = i.guide_id WHERE i.external_id = 'WL-001'",
        )
        .get(),
    ).toEqual({ name: 'Won deal interview', batch: r.batchId });

    const before = interviewDump(ws.sqlite);
    const again = importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-sheet.csv', adjust: sheetAnswers }]);
    expect(again).toMatchObject({ committed: false, batchId: null });
    expect(again.totals).toEqual({ rowsRead: 5, inserted: 0, updated: 0, unchanged: 5, rejected: 0 });
    expect(interviewDump(ws.sqlite)).toBe(before);
  });

  it('a changed row updates that interview, and the log says what changed; undo puts it back', () => {
    importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-sheet.csv', adjust: sheetAnswers }]);
    const before = interviewDump(ws.sqlite);
    const dir = mkdtempSync(join(tmpdir(), 'winnow-int-'));
    try {
      const edited = join(dir, 'interviews-sheet-v2.csv');
      const text = readFileSync(fixture('interviews-sheet.csv'), 'utf8')
        .replace(
          'Price was too high.,Price (loss),,Timing;Budget,2,',
          'Price was far too high.,Price (loss),,Timing,2,',
        )
        .replace('WL-003,D-3,31.03.2025,Sam Ito', 'WL-003,D-3,01.04.2025,Sam Ito');
      writeFileSync(edited, text);
      const r = importFiles(ws.sqlite, [{ kind: 'interviews', file: edited, adjust: sheetAnswers }]);
      expect(r.totals).toEqual({ rowsRead: 5, inserted: 0, updated: 2, unchanged: 3, rejected: 0 });
      expect(r.files[0]!.changedFields).toEqual([
        { field: 'statement', count: 1 },
        { field: 'reasons', count: 1 },
        { field: 'date', count: 1 },
      ]);
      const view = interviewsView(ws.sqlite);
      expect(view[1]).toMatchObject({
        statement: 'Price was far too high.',
        reasons: 'Price (loss, primary); Timing (loss)',
      });
      expect(view[2]!.date).toBe('2025-04-01');
      const detail = batchDetail(ws.sqlite, r.batchId!);
      expect(detail.changes).toEqual([{ entity: 'interviews', inserted: 0, updated: 2 }]);
      expect(detail.changedFields).toEqual(r.files[0]!.changedFields);
      expect(detail.interviewSample.map((s) => [s.externalId, s.dealName, s.change, s.fields])).toEqual([
        ['WL-002', 'Blue Ridge', 'update', ['statement', 'reasons']],
        ['WL-003', 'Delta Foods', 'update', ['date']],
      ]);
      expect(detail).toMatchObject({ canUndo: true, undoNote: null });
      expect(searchIds(ws, 'far too high')).toEqual(['WL-002']);

      expect(undoImport(ws.sqlite, r.batchId!)).toEqual({ batchId: r.batchId, removed: 0, restored: 2 });
      expect(interviewDump(ws.sqlite)).toBe(before);
      expect(searchIds(ws, 'far')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quotes come with their interviews: themes by name, a new theme only when chosen', () => {
    const files = [
      { kind: 'interviews' as const, file: 'interviews-sheet.csv', adjust: sheetAnswers },
      { kind: 'quotes' as const, file: 'quotes-sheet.csv' },
    ];
    const check = importFiles(ws.sqlite, files, { mode: 'preview' });
    const themes = check.files[1]!.values.find((v) => v.field === 'theme')!;
    expect(themes.values.map((v) => [v.raw, v.status, v.resolved])).toEqual([
      ['procurement pain', 'unknown', null],
      ['pricing', 'known', 'pricing'],
      ['integrations', 'known', 'integrations'],
      ['Onboarding', 'known', 'onboarding'],
    ]);
    expect(themes.choices).toEqual({
      names: [
        'integrations',
        'onboarding',
        'pricing',
        'relationship',
        'reporting',
        'roadmap',
        'security',
        'support',
        'usability',
      ],
      allowNew: true,
    });
    expect(check.problems.at(-1)).toEqual({
      file: 'quotes-sheet.csv',
      line: 4,
      field: 'Themes',
      column: 'Themes',
      value: 'procurement pain',
      reason: 'not a known theme: map it to a theme, or add it as a new one',
    });

    const r = importFiles(ws.sqlite, [files[0]!, { ...files[1]!, adjust: newTheme }]);
    expect(r.files.map((f) => [f.kind, f.inserted, f.rejected])).toEqual([
      ['interviews', 5, 0],
      ['quotes', 3, 0],
    ]);
    expect(r.files[1]!.created).toEqual([{ entity: 'themes', count: 1, names: ['procurement pain'] }]);
    expect(quotesView(ws.sqlite)).toEqual([
      {
        id: 'Q-1',
        interview: 'WL-001',
        text: 'The integrations just worked.',
        sentiment: 'positive',
        shareable: 1,
        competitor: null,
        reason: null,
        themes: 'integrations; onboarding',
      },
      {
        id: 'Q-2',
        interview: 'WL-002',
        text: 'Too expensive for what it does.',
        sentiment: 'negative',
        shareable: 0,
        competitor: 'Brightline',
        reason: null,
        themes: 'pricing',
      },
      {
        id: 'Q-3',
        interview: 'WL-004',
        text: '<img src=x onerror=alert(1)> their bundle was cheaper',
        sentiment: 'negative',
        shareable: 0,
        competitor: 'Acme Analytics',
        reason: null,
        themes: 'pricing; procurement pain',
      },
    ]);

    // The search index followed both files (statements, notes and quotes).
    expect(searchIds(ws, 'integrations')).toEqual(['WL-005', 'WL-001']);
    expect(searchIds(ws, 'bundle cheaper')).toEqual(['WL-004']);
    expect(searchIds(ws, 'script')).toEqual(['WL-001']);

    // Undo: the interviews, their quotes, the new theme and their index rows go; the rest stays.
    expect(undoImport(ws.sqlite, r.batchId!).removed).toBe(5 + 3 + 1);
    expect(
      ws.sqlite.prepare('SELECT (SELECT count(*) FROM interviews) + (SELECT count(*) FROM quotes)').pluck().get(),
    ).toBe(0);
    expect(ws.sqlite.prepare('SELECT count(*) FROM themes').pluck().get()).toBe(9);
    expect(
      ws.sqlite.prepare('SELECT (SELECT count(*) FROM interview_fts) + (SELECT count(*) FROM quote_fts)').pluck().get(),
    ).toBe(0);
    expect(searchIds(ws, 'integrations')).toEqual([]);
  });

  it('quotes a later import added to its interviews make undo ask first', () => {
    const first = importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-sheet.csv', adjust: sheetAnswers }]);
    const later = importFiles(ws.sqlite, [{ kind: 'quotes', file: 'quotes-sheet.csv', adjust: newTheme }]);
    expect(later.totals.inserted).toBe(3);
    expect(batchDetail(ws.sqlite, first.batchId!).undoNote).toBe(
      '3 of its interviews changed after this import; undoing puts them back as they were before it.',
    );
    expect(batchDetail(ws.sqlite, later.batchId!).undoNote).toBeNull();
    undoImport(ws.sqlite, later.batchId!);
    expect(batchDetail(ws.sqlite, first.batchId!).undoNote).toBeNull();
  });

  it('a deal with two imported interviews counts once in the win/loss analyses', () => {
    importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-sheet.csv', adjust: sheetAnswers }]);
    const a = reasonAnalysis(ws.sqlite, {}, 'reason', true, readSettings(ws.sqlite));
    expect(a.scope).toMatchObject({
      interviews: 4,
      deals: 3,
      byOutcome: [
        { outcome: 'won', deals: 1, interviews: 2 },
        { outcome: 'lost', deals: 2, interviews: 2 },
        { outcome: 'no_decision', deals: 0, interviews: 0 },
      ],
    });
    const won = a.panels[0]!;
    expect(won).toMatchObject({ outcome: 'won', n: 1, interviews: 2 });
    // WL-001 and WL-005 both give Product fit as the primary reason on D-1: one deal.
    expect(won.rows.map((r) => [r.label, r.deals, r.interviews, r.share.hits, r.share.n])).toEqual([
      ['Product fit', 1, 2, 1, 1],
    ]);
    expect(a.panels[1]!.rows.map((r) => [r.label, r.deals, r.interviews])).toEqual([
      ['Price', 1, 1],
      ['Support quality', 1, 1],
    ]);
  });
});

describe('problem rows', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    seedDeals(ws.sqlite);
  });
  afterEach(() => cleanup());

  const problems = [
    {
      file: 'interviews-problems.csv',
      line: 3,
      field: 'Deal id (CRM)',
      column: 'Deal ID',
      value: 'D-999',
      reason: 'no deal with this id in the workspace (import the deals first, or in the same import)',
    },
    {
      file: 'interviews-problems.csv',
      line: 4,
      field: 'Product fit (us)',
      column: 'Product fit',
      value: '6',
      reason: 'outside 1 to 5: ratings are 1, 2, 3, 4 or 5',
    },
    {
      file: 'interviews-problems.csv',
      line: 5,
      field: 'Product fit (us)',
      column: 'Product fit',
      value: '3.5',
      reason: 'not a whole number: ratings are 1, 2, 3, 4 or 5',
    },
    {
      file: 'interviews-problems.csv',
      line: 5,
      field: 'Support (us)',
      column: 'Support',
      value: 'abc',
      reason: 'not a rating: use a whole number from 1 to 5',
    },
  ];

  it('unknown deals and bad ratings are problem rows; all or nothing imports nothing', () => {
    const r = importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-problems.csv' }]);
    expect(r).toMatchObject({ committed: false, batchId: null, problemCount: 4 });
    expect(r.totals).toEqual({ rowsRead: 5, inserted: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect(r.problems).toEqual(problems);
    expect(r.files[0]!.problemSummary).toEqual([
      { field: 'Deal id (CRM)', reason: problems[0]!.reason, count: 1 },
      { field: 'Product fit (us)', reason: problems[1]!.reason, count: 1 },
      { field: 'Product fit (us)', reason: problems[2]!.reason, count: 1 },
      { field: 'Support (us)', reason: problems[3]!.reason, count: 1 },
    ]);
    expect(interviewsView(ws.sqlite)).toEqual([]);
  });

  it('"valid rows" imports the two good rows and writes the others with their reasons', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-rejected-'));
    try {
      const r = importFiles(ws.sqlite, [{ kind: 'interviews', file: 'interviews-problems.csv' }], {
        onProblems: 'valid_rows',
        rejectedDir: dir,
      });
      expect(r).toMatchObject({ committed: true, totals: { inserted: 2, rejected: 3 } });
      expect(interviewsView(ws.sqlite).map((i) => [i.id, i.deal, i.status, i.reasons, i.ratings])).toEqual([
        // Without interviewer, channel or statement they are drafts.
        ['P-1', 'D-1', 'draft', 'Product fit (win, primary)', 'product_fit=4 support=5'],
        ['P-5', 'D-4', 'draft', 'Budget (loss, primary)', 'product_fit=2 support=1'],
      ]);
      expect(readFileSync(join(dir, '0.csv'), 'utf8').split('\r\n')).toEqual([
        '\uFEFFInterview ID,Deal ID,Date,Role,Primary reason,Product fit,Support,Line,Problems',
        'P-2,D-999,2025-04-02,User,Price,3,3,3,"Deal id (CRM) (Deal ID): no deal with this id in the workspace (import the deals first, or in the same import)"',
        'P-3,D-2,2025-04-03,User,Price,6,3,4,"Product fit (us) (Product fit): outside 1 to 5: ratings are 1, 2, 3, 4 or 5"',
        'P-4,D-3,2025-04-04,User,Timing,3.5,abc,5,"Product fit (us) (Product fit): not a whole number: ratings are 1, 2, 3, 4 or 5; Support (us) (Support): not a rating: use a whole number from 1 to 5"',
        '',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('names of the taxonomy, status and ids', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let dir: string;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    seedDeals(ws.sqlite);
    dir = mkdtempSync(join(tmpdir(), 'winnow-int-'));
  });
  afterEach(() => {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  it('retired reasons resolve, merged ones follow the merge, renamed ones answer to their old name', () => {
    setReasonRetired(ws.sqlite, reasonId(ws.sqlite, 'Timing'), true);
    mergeReason(ws.sqlite, reasonId(ws.sqlite, 'Budget'), reasonId(ws.sqlite, 'Total cost of ownership'));
    renameReason(ws.sqlite, reasonId(ws.sqlite, 'Price'), 'Price level');
    const path = file('taxonomy.csv', [
      'Interview ID,Deal ID,Primary reason,Secondary reasons',
      'T-1,D-2,Budget,Timing; price',
      'T-2,D-4,price level (win),budget (loss)',
    ]);
    const r = importFiles(ws.sqlite, [{ kind: 'interviews', file: path }]);
    expect(r.totals).toMatchObject({ inserted: 2, rejected: 0 });
    const reasons = r.files[0]!.values.find((v) => v.field === 'reason')!;
    expect(reasons.values.map((v) => [v.raw, v.status, v.resolved])).toEqual([
      ['budget', 'known', 'Total cost of ownership'],
      ['Budget', 'known', 'Total cost of ownership'],
      ['price', 'known', 'Price level'],
      ['price level', 'known', 'Price level'],
      ['Timing', 'known', 'Timing'],
    ]);
    expect(interviewsView(ws.sqlite).map((i) => [i.id, i.reasons])).toEqual([
      ['T-1', 'Total cost of ownership (loss, primary); Price level (loss); Timing (loss)'],
      ['T-2', 'Price level (win, primary); Total cost of ownership (loss)'],
    ]);
  });

  it('an unknown reason is listed with the taxonomy to map it to; a mapping to a name not in it is a problem', () => {
    const path = file('unknown.csv', ['Interview ID,Deal ID,Primary reason', 'U-1,D-2,Gut feeling']);
    const check = importFiles(ws.sqlite, [{ kind: 'interviews', file: path }], { mode: 'preview' });
    expect(check.problems.map((p) => [p.line, p.field, p.value, p.reason])).toEqual([
      [
        2,
        'Primary reason',
        'Gut feeling',
        'not a reason of the taxonomy: map it to one (or add it under Reasons & themes first)',
      ],
    ]);
    const bad = importFiles(ws.sqlite, [
      { kind: 'interviews', file: path, adjust: (m) => (m.values.reason = { 'Gut feeling': 'Vibes' }) },
    ]);
    expect(bad.problems.map((p) => p.reason)).toEqual(['mapped to "Vibes", which is not a reason of the taxonomy']);
    const good = importFiles(ws.sqlite, [
      { kind: 'interviews', file: path, adjust: (m) => (m.values.reason = { 'Gut feeling': 'Internal politics' }) },
    ]);
    expect(good.committed).toBe(true);
    expect(interviewsView(ws.sqlite)[0]!.reasons).toBe('Internal politics (loss, primary)');
  });

  it('"complete" is checked as the capture form checks it; an open deal needs the driver written', () => {
    const path = file('status.csv', [
      'Interview ID,Deal ID,Status,Date,Role,Interviewer,Channel,Statement,Primary reason',
      'S-1,D-1,complete,2025-05-01,User,Third party,Call,,Product fit',
      'S-2,D-1,complete,2099-01-01,User,Third party,Call,Great.,Product fit',
    ]);
    const r = importFiles(ws.sqlite, [{ kind: 'interviews', file: path }]);
    expect(r.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [2, 'Status', "marked complete, but completion needs more (missing: The buyer's statement of the outcome)"],
      [3, 'Status', 'marked complete, but completion needs more (missing: Interview date (it is in the future))'],
    ]);
    ws.sqlite.prepare("UPDATE deals SET outcome = 'open', close_date = NULL WHERE external_id = 'D-3'").run();
    const open = file('open.csv', ['Interview ID,Deal ID,Primary reason', 'O-1,D-3,Timing', 'O-2,D-3,Timing (loss)']);
    const o = importFiles(ws.sqlite, [{ kind: 'interviews', file: open }]);
    expect(o.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'say whether "Timing" is a win or a loss driver (the deal is still open)'],
    ]);
  });

  it('hostile text is stored as text, without the control characters that mark search matches', () => {
    const path = file('hostile.csv', [
      'Interview ID,Deal ID,Interviewee,Statement,Notes',
      'H-1,D-2,"Ann\u0007\tLee","<img src=x onerror=alert(1)>\u0001bold\u0002","line one\r\nline two\u001f [x](javascript:alert(1))"',
      // Ordinary text around them: a file that is mostly control characters is refused as not text.
      `H-2,D-3,Bo,Fine.,${'An ordinary note. '.repeat(30)}`,
    ]);
    expect(importFiles(ws.sqlite, [{ kind: 'interviews', file: path }]).committed).toBe(true);
    expect(interviewsView(ws.sqlite)[0]).toMatchObject({
      name: 'Ann Lee',
      statement: '<img src=x onerror=alert(1)>bold',
      notes: 'line one\nline two [x](javascript:alert(1))',
    });
    expect(searchIds(ws, 'onerror')).toEqual(['H-1']);
    expect(searchIds(ws, 'javascript')).toEqual(['H-1']);
  });

  it('deals and their interviews in one import: matched within it, and undone together without asking', () => {
    const deals = file('new-deals.csv', [
      'Opportunity ID,Name,Stage,Close Date',
      'N-1,Fresh deal,Closed Won,2025-02-01',
    ]);
    const interviews = file('new-interviews.csv', ['Interview ID,Deal ID,Primary reason', 'NI-1,N-1,Price']);
    const r = importFiles(ws.sqlite, [
      { kind: 'deals', file: deals },
      { kind: 'interviews', file: interviews },
    ]);
    expect(r.files.map((f) => [f.kind, f.inserted, f.rejected])).toEqual([
      ['deals', 1, 0],
      ['interviews', 1, 0],
    ]);
    expect(interviewsView(ws.sqlite).map((i) => [i.id, i.deal, i.reasons])).toEqual([
      ['NI-1', 'N-1', 'Price (win, primary)'],
    ]);
    expect(batchDetail(ws.sqlite, r.batchId!).undoNote).toBeNull();
    expect(undoImport(ws.sqlite, r.batchId!).removed).toBe(2);
    expect(ws.sqlite.prepare("SELECT count(*) FROM deals WHERE external_id = 'N-1'").pluck().get()).toBe(0);
    expect(interviewsView(ws.sqlite)).toEqual([]);
  });

  it('rows need an id; Winnow numbers must be interviews of this workspace and deal; ids appear once', () => {
    expect(() =>
      importFiles(ws.sqlite, [
        {
          kind: 'interviews',
          file: file('noid.csv', ['Deal ID,Notes', 'D-1,x']),
        },
      ]),
    ).toThrow(/Map Interview id \(or, for a Winnow export, Winnow interview id\)/);
    const r = importFiles(ws.sqlite, [
      {
        kind: 'interviews',
        file: file('ids.csv', [
          'interview_id,Interview ID,Deal ID,Notes',
          ',A-1,D-1,first',
          ',A-1,D-1,again',
          '99,,D-1,unknown number',
          ',,D-2,no id',
          '1,,D-2,interview 1 is about D-1',
        ]),
        adjust: (m) => {
          m.fields.winnowId = { column: 'interview_id' };
          m.fields.externalId = { column: 'Interview ID' };
        },
      },
    ]);
    expect(r.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [3, 'Interview id', 'this interview appears more than once in the file (first on line 2)'],
      [
        4,
        'Winnow interview id',
        'no interview has this number in this workspace: it was deleted, or the file comes from another workspace (then map Winnow interview id to nothing, and give each row an interview id)',
      ],
      [
        5,
        'Interview id',
        'missing: each interview needs its own id, so importing the file again updates it instead of adding a copy',
      ],
      [
        6,
        'Winnow interview id',
        'this interview of the workspace is about another deal: the file may come from another workspace (then map Winnow interview id to nothing)',
      ],
    ]);
  });
});
