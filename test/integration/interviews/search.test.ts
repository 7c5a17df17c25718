// Full-text search: the migration indexes existing rows, triggers keep the index in step, and
// the interview list's search finds, ranks and marks matches; user text is never FTS syntax.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '#core/db/migrations.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { listInterviews } from '#core/interviews/interview-list.ts';
import { listQuotes } from '#core/interviews/quote-queries.ts';
import { insertDeals } from '../../support/insert.ts';
import { insertInterviews } from '../../support/insert-interviews.ts';
import { tempDir, tempWorkspace } from '../../support/temp-workspace.ts';

const search = (ws: Workspace, text: string, extra = {}) =>
  listInterviews(ws.sqlite, {
    filters: { search: text, ...extra },
    sort: 'relevance',
    dir: 'desc',
    offset: 0,
    limit: 50,
  });
const ids = (ws: Workspace, text: string) => search(ws, text).rows.map((r) => r.id);

describe('migration', () => {
  it('indexes interviews and quotes that existed before it', async () => {
    const all = readMigrations(defaultMigrationsDir());
    const at = all.findIndex((m) => m.tag.endsWith('interview_search'));
    expect(at).toBeGreaterThan(0);
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'old.winnow');
      const old = await openWorkspace(path, { mode: 'create', migrations: all.slice(0, at) });
      const [d] = insertDeals(old.sqlite, [{ outcome: 'lost' }]);
      insertInterviews(old.sqlite, [
        {
          dealId: d!,
          statement: 'The onboarding plan was vague.',
          notes: 'Escalate to **customer success**.',
          answers: { our_gap: 'Dashboards were slow' },
          quotes: [{ text: 'Their sandbox convinced our architects.' }],
        },
      ]);
      old.close();
      const ws = await openWorkspace(path, { mode: 'open' });
      expect(ids(ws, 'onboarding')).toEqual([1]);
      expect(ids(ws, 'customer success')).toEqual([1]);
      expect(ids(ws, 'dashboards')).toEqual([1]);
      expect(ids(ws, 'sandbox')).toEqual([1]);
      expect(ws.sqlite.prepare('SELECT count(*) AS n FROM quote_fts').get()).toEqual({ n: 1 });
      ws.close();
    } finally {
      cleanup();
    }
  });
});

describe('search', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let deals: number[];
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    deals = insertDeals(ws.sqlite, [
      { outcome: 'lost', closeDate: '2025-03-01' },
      { outcome: 'won', closeDate: '2025-04-01' },
      { outcome: 'lost', closeDate: '2025-05-01' },
    ]);
    insertInterviews(ws.sqlite, [
      {
        dealId: deals[0]!,
        date: '2025-03-10',
        statement: 'Integrations decided it: their Salesforce connector was native.',
        notes: 'Check the café pilot.',
        quotes: [{ text: 'We needed row-level security on day one.' }],
      },
      {
        dealId: deals[1]!,
        date: '2025-04-10',
        statement: 'Fast answers from your team.',
        answers: { zzkey: 'The integration work was small.' },
      },
      {
        dealId: deals[2]!,
        date: '2025-05-10',
        statement: 'Budget froze.',
        status: 'draft',
        notes: 'Security review pending.',
      },
    ]);
  });
  afterEach(() => cleanup());

  it('finds prefixes, ignores case and accents, needs every word, and searches quotes', () => {
    expect(ids(ws, 'integrat')).toEqual([1, 2]);
    expect(ids(ws, 'CAFE')).toEqual([1]);
    expect(ids(ws, 'salesforce connector')).toEqual([1]);
    expect(ids(ws, 'salesforce budget')).toEqual([]);
    expect(ids(ws, 'security').sort()).toEqual([1, 3]);
    expect(ids(ws, '"row-level security"')).toEqual([1]);
    expect(ids(ws, 'zzkey')).toEqual([]); // answer keys are not indexed, only answers
  });

  it('ranks by relevance and marks where it matched', () => {
    const page = search(ws, 'integration');
    expect(page.total).toBe(2);
    expect(page.rows[0]!.id).toBe(1); // statement (weighted double) before an answer
    expect(page.rows[0]!.matches).toEqual([
      {
        field: 'statement',
        quoteId: null,
        segments: [
          { text: 'Integrations', match: true },
          { text: ' decided it: their Salesforce connector was native.', match: false },
        ],
      },
    ]);
    expect(page.rows[1]!.matches[0]).toMatchObject({ field: 'answers' });
    const quote = search(ws, 'row level').rows[0]!.matches;
    expect(quote).toEqual([
      {
        field: 'quote',
        quoteId: 1,
        segments: [
          { text: 'We needed ', match: false },
          { text: 'row', match: true },
          { text: '-', match: false },
          { text: 'level', match: true },
          { text: ' security on day one.', match: false },
        ],
      },
    ]);
  });

  it('combines with filters and treats FTS syntax as words', () => {
    expect(search(ws, 'security', { status: 'draft' }).rows.map((r) => r.id)).toEqual([3]);
    expect(search(ws, 'security', { outcome: 'won' }).total).toBe(0);
    for (const q of [
      'NOT',
      'security OR',
      '(',
      '"',
      '*',
      'notes:review',
      '^',
      'NEAR(a b)',
      "'; DROP TABLE interviews; --",
    ]) {
      expect(() => search(ws, q)).not.toThrow();
    }
    expect(search(ws, '!!! ???').total).toBe(0);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 3 });
  });

  it('triggers follow edits, deletes and cascades', () => {
    ws.sqlite.prepare("UPDATE interviews SET buyer_statement = 'Procurement stalled.' WHERE id = 3").run();
    expect(ids(ws, 'budget')).toEqual([]);
    expect(ids(ws, 'procurement')).toEqual([3]);
    ws.sqlite.prepare('UPDATE interviews SET answers_json = \'{"zzkey":"Warehouse sync"}\' WHERE id = 2').run();
    expect(ids(ws, 'warehouse')).toEqual([2]);
    ws.sqlite.prepare("UPDATE interviews SET answers_json = 'not json' WHERE id = 2").run();
    expect(ids(ws, 'warehouse')).toEqual([]);
    ws.sqlite.prepare("UPDATE quotes SET text = 'Pricing was opaque.' WHERE id = 1").run();
    expect(ids(ws, 'row')).toEqual([]);
    expect(ids(ws, 'opaque')).toEqual([1]);
    ws.sqlite.prepare('DELETE FROM deals WHERE id = ?').run(deals[0]);
    expect(ids(ws, 'opaque')).toEqual([]);
    expect(
      ws.sqlite
        .prepare('SELECT (SELECT count(*) FROM interview_fts) AS i, (SELECT count(*) FROM quote_fts) AS q')
        .get(),
    ).toEqual({
      i: 2,
      q: 0,
    });
  });

  it('quote library search marks the matched words', () => {
    const page = listQuotes(ws.sqlite, { search: 'secur' }, 0, 10);
    expect(page.total).toBe(1);
    expect(page.rows[0]!.segments).toEqual([
      { text: 'We needed row-level ', match: false },
      { text: 'security', match: true },
      { text: ' on day one.', match: false },
    ]);
  });
});
