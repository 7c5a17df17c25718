// Export -> edit in a spreadsheet -> import: Winnow's own interviews and quotes CSVs come back
// through the "Winnow export" presets. Unedited, nothing changes (hostile text, anonymous names
// left out of the export, formula cells, retired reasons included); edited, exactly the edited
// interviews and quotes change, the log says what, and undo restores them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { setupFile } from '#core/import/file-setup.ts';
import { batchDetail } from '#core/import/import-log.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { KINDS } from '#core/import/kinds/index.ts';
import { suggestMapping } from '#core/import/mapping-rules.ts';
import { exportInterviewsCsv, exportQuotesCsv } from '#core/interviews/interview-export.ts';
import { setReasonRetired } from '#core/reasons/taxonomy-edits.ts';
import { importFiles } from '../../support/import.ts';
import { interviewDump, seedDeals } from '../../support/interview-import.ts';
import { insertInterviews, reasonId } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

const HOSTILE = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/interviews/hostile-strings.json', import.meta.url)), 'utf8'),
) as string[];

describe('export, edit, import', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let dir: string;
  let interviewsCsv: string;
  let quotesCsv: string;

  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    dir = mkdtempSync(join(tmpdir(), 'winnow-round-trip-'));
    const [d1, d2, d3] = seedDeals(ws.sqlite);
    const [i1, i2] = insertInterviews(ws.sqlite, [
      {
        dealId: d1!,
        name: 'Dana Chen',
        title: 'VP Finance',
        statement: 'We chose you for the integrations.',
        notes: `  Indented first line\n${HOSTILE.join('\n')}\n`,
        answers: { deciding_factor: 'Integrations', our_gap: '=SUM(A1:A9)' },
        reasons: ['Product fit', { name: 'Price', driver: 'win' }],
        us: { product_fit: 5, support: 4 },
        them: { 'Acme Analytics': { product_fit: 3, price_value: 2 } },
        quotes: [
          {
            text: 'Fit our stack.',
            themes: ['integrations', 'pricing'],
            sentiment: 'positive',
            shareable: true,
            competitor: 'Acme Analytics',
            reason: 'Product fit',
          },
          ...HOSTILE.map((text) => ({ text })),
        ],
      },
      {
        dealId: d2!,
        name: 'Secret Person',
        anonymous: true,
        consent: false,
        role: 'technical_evaluator',
        statement: '<svg onload=alert(1)> too expensive',
        reasons: ['Price', { name: 'Timing', driver: 'loss', primary: false }],
        quotes: [{ text: '=cmd|\' /C calc\'!A0 "quoted", with a comma\nand a newline', sentiment: 'negative' }],
      },
      { dealId: d3!, status: 'draft', statement: null, reasons: [] },
    ]);
    ws.sqlite.prepare("UPDATE interviews SET external_id = 'EXT-2' WHERE id = ?").run(i2);
    ws.sqlite.prepare("UPDATE quotes SET external_id = 'Q-FIT' WHERE text = 'Fit our stack.'").run();
    ws.sqlite
      .prepare(
        "UPDATE interviews SET guide_id = (SELECT id FROM interview_guides WHERE default_for = 'won') WHERE id = ?",
      )
      .run(i1);
    // A reason retired after it was used stays on the interview, and its name still imports.
    setReasonRetired(ws.sqlite, reasonId(ws.sqlite, 'Timing'), true);
    interviewsCsv = join(dir, 'interviews.csv');
    quotesCsv = join(dir, 'quotes.csv');
    expect(exportInterviewsCsv(ws.sqlite, {}, interviewsCsv, { includeAnonymousNames: false })).toBe(3);
    expect(exportQuotesCsv(ws.sqlite, { includeDrafts: true }, quotesCsv, { includeAnonymousNames: false })).toBe(
      2 + HOSTILE.length,
    );
  });
  afterEach(() => {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const files = (interviews: string, quotes: string) => [
    { kind: 'interviews' as const, file: interviews },
    { kind: 'quotes' as const, file: quotes },
  ];

  it('the "Winnow export" presets are recognised and map every column the import needs', () => {
    const i = suggestMapping(KINDS.interviews, setupFile(interviewsCsv).headers);
    expect(i.presetId).toBe('winnow');
    expect(Object.keys(i.mapping.fields).sort()).toEqual(
      [
        'answers',
        'anonymous',
        'buyerStatement',
        'channel',
        'competitorRatings',
        'completedAt',
        'consentToQuote',
        'dealExternalId',
        'externalId',
        'guide',
        'interviewDate',
        'interviewStatus',
        'interviewerType',
        'intervieweeName',
        'intervieweeRole',
        'intervieweeTitle',
        'notes',
        'primaryDriver',
        'primaryReason',
        'secondaryReasons',
        'usImplementation',
        'usIntegrations',
        'usPriceValue',
        'usProductFit',
        'usSalesExperience',
        'usSupport',
        'usVendorTrust',
        'winnowId',
      ].sort(),
    );
    const q = suggestMapping(KINDS.quotes, setupFile(quotesCsv).headers);
    expect(q.presetId).toBe('winnow');
    expect(q.mapping.fields).toMatchObject({
      winnowId: { column: 'quote_id' },
      externalId: { column: 'quote_external_id' },
      winnowInterviewId: { column: 'interview_id' },
      interviewExternalId: { column: 'interview_external_id' },
      text: { column: 'quote' },
      themes: { column: 'themes' },
    });
  });

  it('importing the export unedited changes nothing', () => {
    const before = interviewDump(ws.sqlite);
    const r = importFiles(ws.sqlite, files(interviewsCsv, quotesCsv));
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ committed: false, batchId: null });
    expect(r.totals).toEqual({
      rowsRead: 5 + HOSTILE.length,
      inserted: 0,
      updated: 0,
      unchanged: 5 + HOSTILE.length,
      rejected: 0,
    });
    expect(interviewDump(ws.sqlite)).toBe(before);
    // The anonymous interviewee's name, left out of the export, is still there.
    expect(ws.sqlite.prepare("SELECT interviewee_name FROM interviews WHERE external_id = 'EXT-2'").pluck().get()).toBe(
      'Secret Person',
    );
  });

  it('edited cells update exactly those interviews and quotes; the log says what; undo restores them', () => {
    const before = interviewDump(ws.sqlite);
    const edit = (path: string, pairs: [string, string][]) => {
      let text = readFileSync(path, 'utf8');
      for (const [from, to] of pairs) {
        expect(text.split(from)).toHaveLength(2); // each edit touches one cell
        text = text.replace(from, to);
      }
      const out = path.replace(/\.csv$/, '-edited.csv');
      writeFileSync(out, text);
      return out;
    };
    const editedInterviews = edit(interviewsCsv, [
      ['We chose you for the integrations.', 'We chose you for the integrations and the support.'],
      ['Acme Analytics product_fit=3', 'Acme Analytics product_fit=2'],
      ['Timing (loss)', 'Timing (loss); Budget (loss)'],
    ]);
    const editedQuotes = edit(quotesCsv, [
      ['Fit our stack.,positive', 'Fit our stack.,neutral'],
      ['integrations; pricing', 'integrations'],
    ]);
    const r = importFiles(ws.sqlite, files(editedInterviews, editedQuotes));
    expect(r.problems).toEqual([]);
    expect(r.files.map((f) => [f.kind, f.inserted, f.updated, f.unchanged])).toEqual([
      ['interviews', 0, 2, 1],
      ['quotes', 0, 1, 1 + HOSTILE.length],
    ]);
    expect(r.files[0]!.changedFields).toEqual([
      { field: 'statement', count: 1 },
      { field: 'ratings', count: 1 },
      { field: 'reasons', count: 1 },
    ]);
    expect(r.files[1]!.changedFields).toEqual([
      { field: 'sentiment', count: 1 },
      { field: 'themes', count: 1 },
    ]);
    const ratings = ws.sqlite
      .prepare(
        `SELECT c.name, rc.key, r.rating FROM interview_ratings r JOIN rating_criteria rc ON rc.id = r.criterion_id
           JOIN competitors c ON c.id = r.competitor_id ORDER BY rc.sort`,
      )
      .all();
    expect(ratings).toEqual([
      { name: 'Acme Analytics', key: 'product_fit', rating: 2 },
      { name: 'Acme Analytics', key: 'price_value', rating: 2 },
    ]);
    const detail = batchDetail(ws.sqlite, r.batchId!);
    expect(detail.changes).toEqual([
      { entity: 'interviews', inserted: 0, updated: 2 },
      { entity: 'quotes', inserted: 0, updated: 1 },
    ]);
    expect(detail.interviewSample.map((s) => [s.externalId, s.dealName, s.change, s.fields])).toEqual([
      [null, 'Cedar Labs', 'update', ['statement', 'ratings']],
      ['EXT-2', 'Blue Ridge', 'update', ['reasons']],
    ]);

    expect(undoImport(ws.sqlite, r.batchId!)).toMatchObject({ removed: 0, restored: 3 });
    expect(interviewDump(ws.sqlite)).toBe(before);
  });

  it('undo asks first when an imported interview was edited since', () => {
    const edited = join(dir, 'edited.csv');
    writeFileSync(edited, readFileSync(interviewsCsv, 'utf8').replace('We chose you', 'They chose us'));
    const r = importFiles(ws.sqlite, [{ kind: 'interviews', file: edited }]);
    expect(r.totals.updated).toBe(1);
    ws.sqlite
      .prepare("UPDATE interviews SET notes = 'typed later', updated_at = '2999-01-01T00:00:00.000Z' WHERE id = 1")
      .run();
    expect(batchDetail(ws.sqlite, r.batchId!).undoNote).toBe(
      '1 of its interviews changed after this import; undoing puts them back as they were before it.',
    );
    expect(() => undoImport(ws.sqlite, r.batchId!)).toThrow(
      /would lose later work: 1 of its interviews changed after it \(an edit or a later import\)/,
    );
    expect(undoImport(ws.sqlite, r.batchId!, { force: true }).restored).toBe(1);
    expect(ws.sqlite.prepare('SELECT buyer_statement FROM interviews WHERE id = 1').pluck().get()).toBe(
      'We chose you for the integrations.',
    );
  });
});
