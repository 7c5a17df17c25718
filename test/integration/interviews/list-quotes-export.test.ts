// The interview list's filters and sorting, the deal search of the capture form, the quote
// library with attributions, and the CSV exports (formula injection neutralised, anonymity kept).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { exportInterviewsCsv, exportQuotesCsv } from '#core/interviews/interview-export.ts';
import { listInterviews } from '#core/interviews/interview-list.ts';
import { findDeals, interviewFacets } from '#core/interviews/interview-lookups.ts';
import { listQuotes } from '#core/interviews/quote-queries.ts';
import type { InterviewFilters } from '#shared/domain/interviews.ts';
import { insertDeals } from '../../support/insert.ts';
import { competitorId, insertInterviews, reasonId, setDeal, themeId } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

let ws: Workspace;
let dir: string;
let cleanup: () => void;
let deals: number[];

beforeAll(async () => {
  ({ ws, dir, cleanup } = await tempWorkspace());
  const account = Number(
    ws.sqlite
      .prepare(
        "INSERT INTO accounts (external_id, name, sector, segment) VALUES ('A-1', 'Blue Ridge Retail', 'Retail', 'Mid-market')",
      )
      .run().lastInsertRowid,
  );
  deals = insertDeals(ws.sqlite, [
    {
      name: 'Blue Ridge - Insight Pro',
      outcome: 'lost',
      closeDate: '2025-03-01',
      segment: 'Mid-market',
      competitors: ['Acme'],
    },
    { name: 'Granite 100% Deal_x', outcome: 'won', closeDate: '2025-06-01', competitors: ['Brightline'] },
    { name: 'Cedar Labs', outcome: 'lost', closeDate: '2025-09-01' },
    { name: 'Summit Open', outcome: 'open' },
    { name: 'Harbor Fresh', outcome: 'won', closeDate: '2025-10-01' },
  ]);
  setDeal(ws.sqlite, deals[0]!, { accountId: account });
  ws.sqlite.prepare("UPDATE deals SET external_id = 'OPP-7' WHERE id = ?").run(deals[2]);
  insertInterviews(ws.sqlite, [
    {
      dealId: deals[0]!,
      date: '2025-03-10',
      role: 'economic_buyer',
      name: 'Dana Chen',
      title: 'VP Finance',
      anonymous: true,
      reasons: ['Missing capability'],
      notes: '=HYPERLINK("http://evil.example","x")',
      us: { product_fit: 2 },
      quotes: [
        {
          text: '=cmd|\' /C calc\'!A0 and "quoted", with a comma\nand a newline',
          themes: ['security'],
          shareable: true,
          sentiment: 'negative',
          competitor: 'Acme',
          reason: 'Missing capability',
        },
        { text: 'Internal only remark.', themes: ['pricing'], shareable: false },
      ],
    },
    {
      dealId: deals[1]!,
      date: '2025-06-10',
      role: 'champion',
      name: 'Sam Ito',
      title: 'Head of Analytics',
      reasons: ['Product fit'],
      quotes: [{ text: 'Fit our stack.', themes: ['integrations'], shareable: true, sentiment: 'positive' }],
    },
    { dealId: deals[2]!, date: '2025-09-10', role: 'rep', status: 'draft', reasons: ['Price'] },
  ]);
});
afterAll(() => cleanup());

const list = (filters: InterviewFilters, sort: 'date' | 'deal' | 'status' = 'date', dir: 'asc' | 'desc' = 'desc') =>
  listInterviews(ws.sqlite, { filters, sort, dir, offset: 0, limit: 50 });
const idsOf = (filters: InterviewFilters) => list(filters).rows.map((r) => r.id);

describe('interview list', () => {
  it('filters by outcome, competitor, reason, theme, role, status and period', () => {
    expect(idsOf({})).toEqual([3, 2, 1]);
    expect(idsOf({ outcome: 'lost' })).toEqual([3, 1]);
    expect(idsOf({ competitorId: competitorId(ws.sqlite, 'Brightline') })).toEqual([2]);
    expect(idsOf({ reasonId: reasonId(ws.sqlite, 'Missing capability') })).toEqual([1]);
    expect(idsOf({ themeId: themeId(ws.sqlite, 'integrations') })).toEqual([2]);
    expect(idsOf({ role: 'rep' })).toEqual([3]);
    expect(idsOf({ status: 'draft' })).toEqual([3]);
    expect(idsOf({ from: '2025-04-01', to: '2025-09-10' })).toEqual([3, 2]);
    expect(idsOf({ outcome: 'lost', status: 'complete' })).toEqual([1]);
  });

  it('sorts in SQL, pages stably and reports totals', () => {
    expect(list({}, 'deal', 'asc').rows.map((r) => r.dealName)).toEqual([
      'Blue Ridge - Insight Pro',
      'Cedar Labs',
      'Granite 100% Deal_x',
    ]);
    expect(list({}, 'status', 'asc').rows.map((r) => r.status)).toEqual(['complete', 'complete', 'draft']);
    const page = listInterviews(ws.sqlite, { filters: {}, sort: 'date', dir: 'asc', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, deals: 3, offset: 1 });
    expect(page.rows.map((r) => r.id)).toEqual([2]);
    const first = list({}).rows.find((r) => r.id === 1)!;
    expect(first).toMatchObject({
      accountName: 'Blue Ridge Retail',
      primaryReason: { name: 'Missing capability', driver: 'loss' },
      quotes: 2,
      anonymous: true,
    });
  });

  it('facets list what the filters can choose from', () => {
    const f = interviewFacets(ws.sqlite);
    expect(f.competitors.map((c) => c.name)).toEqual(['Acme', 'Brightline']);
    expect(f.segments).toEqual(['Mid-market']);
    expect(f.interviewDates).toEqual({ first: '2025-03-10', last: '2025-09-10' });
    expect(f.counts).toEqual({ interviews: 3, drafts: 1, quotes: 3 });
  });
});

describe('deal search for the capture form', () => {
  it('without text: recently closed deals that have no interview yet', () => {
    expect(findDeals(ws.sqlite, '', 10).map((d) => d.name)).toEqual(['Harbor Fresh']);
  });

  it('by name, account and exact external id; % and _ are literal', () => {
    expect(findDeals(ws.sqlite, 'ridge retail', 10).map((d) => d.name)).toEqual(['Blue Ridge - Insight Pro']);
    expect(findDeals(ws.sqlite, 'OPP-7', 10).map((d) => d.name)).toEqual(['Cedar Labs']);
    expect(findDeals(ws.sqlite, '100%', 10).map((d) => d.name)).toEqual(['Granite 100% Deal_x']);
    expect(findDeals(ws.sqlite, '%', 10).map((d) => d.name)).toEqual(['Granite 100% Deal_x']);
    expect(findDeals(ws.sqlite, '1_0', 10)).toEqual([]); // as a wildcard, _ would match '100'
    // Closed before open, most recent first.
    expect(findDeals(ws.sqlite, 'e', 10).map((d) => d.name)).toEqual([
      'Harbor Fresh',
      'Cedar Labs',
      'Granite 100% Deal_x',
      'Blue Ridge - Insight Pro',
      'Summit Open',
    ]);
    expect(findDeals(ws.sqlite, 'Blue', 10)[0]).toMatchObject({ interviews: 1, accountName: 'Blue Ridge Retail' });
    // A link naming the deal ("interview this deal") finds it by id, whatever the text.
    expect(findDeals(ws.sqlite, 'ignored', 10, deals[3]).map((d) => d.name)).toEqual(['Summit Open']);
  });
});

describe('quote library', () => {
  it('attributions honour anonymity, consent and shareable; complete interviews only by default', () => {
    const page = listQuotes(ws.sqlite, {}, 0, 50);
    expect(page.total).toBe(3);
    const byText = Object.fromEntries(page.rows.map((q) => [q.text.slice(0, 12), q]));
    expect(byText['Fit our stac']).toMatchObject({
      attribution: 'Sam Ito, Head of Analytics, company',
      cleared: true,
      copyText: '“Fit our stack.” — Sam Ito, Head of Analytics, company',
      themes: [{ name: 'integrations' }],
    });
    expect(byText['Internal onl']).toMatchObject({
      attribution: 'VP Finance, mid-market retailer',
      cleared: false,
      copyText:
        '“Internal only remark.” — VP Finance, mid-market retailer\n(Internal only: not cleared for sharing outside the company.)',
    });
  });

  it('filters by theme, competitor (named or on the deal), reason, sentiment, outcome and shareable', () => {
    const texts = (f: Parameters<typeof listQuotes>[1]) =>
      listQuotes(ws.sqlite, f, 0, 50).rows.map((q) => q.text.slice(0, 12));
    expect(texts({ themeId: themeId(ws.sqlite, 'pricing') })).toEqual(['Internal onl']);
    expect(texts({ competitorId: competitorId(ws.sqlite, 'Acme') }).sort()).toEqual(["=cmd|' /C ca", 'Internal onl']);
    expect(texts({ reasonId: reasonId(ws.sqlite, 'Missing capability') })).toEqual(["=cmd|' /C ca"]);
    expect(texts({ sentiment: 'positive' })).toEqual(['Fit our stac']);
    expect(texts({ outcome: 'won' })).toEqual(['Fit our stac']);
    expect(texts({ shareableOnly: true }).sort()).toEqual(["=cmd|' /C ca", 'Fit our stac']);
  });
});

describe('CSV export', () => {
  const rowsOf = (path: string) => readFileSync(path, 'utf8');

  it('quotes: BOM, CRLF, formulas written as text, anonymous names left out unless asked', () => {
    const path = join(dir, 'quotes.csv');
    expect(exportQuotesCsv(ws.sqlite, {}, path, { includeAnonymousNames: false })).toBe(3);
    const text = rowsOf(path);
    expect(
      text.startsWith('\uFEFFquote_id,quote_external_id,interview_id,interview_external_id,deal_external_id'),
    ).toBe(true);
    expect(text).toContain(
      '"\'=cmd|\' /C calc\'!A0 and ""quoted"", with a comma\nand a newline",negative,true,true,true,true,"VP Finance, mid-market retailer",,security,Acme,Missing capability\r\n',
    );
    expect(text).not.toContain('Dana Chen');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    exportQuotesCsv(ws.sqlite, {}, path, { includeAnonymousNames: true });
    expect(rowsOf(path)).toContain('Dana Chen');
  });

  it('interviews: one row each with reasons and our ratings per criterion', () => {
    const path = join(dir, 'interviews.csv');
    expect(exportInterviewsCsv(ws.sqlite, { status: 'complete' }, path, { includeAnonymousNames: false })).toBe(2);
    const lines = rowsOf(path).replace('\uFEFF', '').split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['interview_id', 'interview_external_id', 'deal_external_id', 'deal_name']);
    expect(header).toContain('rating_product_fit');
    const first = lines[1]!;
    // Neither the interview nor its deal has a CRM id: Winnow's own ids, so the file imports back.
    expect(first).toContain(
      `1,winnow-1,winnow-1,Blue Ridge - Insight Pro,Blue Ridge Retail,Mid-market,lost,2025-03-01,complete,2025-03-10,,VP Finance,economic_buyer`,
    );
    expect(first).toContain(',Missing capability,Product/Solution,loss,,2,');
    expect(first).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });
});
