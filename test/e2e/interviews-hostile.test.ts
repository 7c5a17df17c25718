// Hostile text everywhere a user or an import can put it (deal and account names, competitor,
// reason and theme names, every interview field, quotes, notes typed into the form): it shows as
// text. Checked in the page: no payload ran (the flag a payload sets stays unset, no dialog), no
// navigation, no request left the app, no active element was created, right-to-left text stays
// isolated and very long text does not widen the page.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { createInterview, saveInterview } from '#core/interviews/interview-store.ts';
import { createTheme } from '#core/interviews/theme-store.ts';
import { addReason } from '#core/reasons/taxonomy-edits.ts';
import { emptyDraft } from '#shared/domain/interview-draft.ts';
import { insertDeals } from '../support/insert.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

/** Waits for the UI generously: the machine running the tests may be busy. */
const POLL = 15_000;

const HOSTILE = JSON.parse(
  readFileSync(new URL('../fixtures/interviews/hostile-strings.json', import.meta.url), 'utf8'),
) as string[];
const LONG_WORD = `${'W'.repeat(5000)}`;
const LONG_TEXT = 'lorem ipsum '.repeat(1700);
const ARABIC = HOSTILE.find((s) => s.startsWith('مرحبا'))!;
const PAYLOAD_NAME = `<img src=x onerror="window.__pwned='name'">`;
const TYPED = [
  '# Notes <script>window.__pwned = "typed"</script>',
  '[bad link](javascript:window.__pwned="typed-link") and [good link](https://example.com/pricing)',
  '<img src=x onerror=alert(1)> **bold** ![img](http://evil.example/i.png)',
].join('\n\n');

let app: Winnow;
let dbPath: string;
let interviewId: number;
const dialogs: string[] = [];
const navigations: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-hostile-'));
  dbPath = join(dir, 'hostile.winnow');
  const ws = await openWorkspace(dbPath, { mode: 'create' });
  const db = ws.sqlite;
  const account = Number(
    db
      .prepare('INSERT INTO accounts (name, sector, segment) VALUES (?, ?, ?)')
      .run(`${ARABIC} <b>Corp</b>`, '<svg onload=alert(1)>', 'Mid-market').lastInsertRowid,
  );
  const [dealId] = insertDeals(db, [
    { name: PAYLOAD_NAME, outcome: 'lost', closeDate: '2026-02-01', competitors: ['<script>alert(1)</script> Corp'] },
  ]);
  db.prepare('UPDATE deals SET account_id = ?, segment = ? WHERE id = ?').run(account, 'Mid-market', dealId);
  const commercials = (
    db.prepare("SELECT id FROM reason_categories WHERE name = 'Price/Commercials'").get() as { id: number }
  ).id;
  const reason = addReason(db, commercials, '<img src=x onerror=alert(2)>');
  const theme = createTheme(db, `"><svg onload=window.__pwned='theme'>`).id;
  const competitor = (db.prepare('SELECT id FROM competitors').get() as { id: number }).id;
  interviewId = createInterview(db, dealId!).id;
  saveInterview(db, interviewId, {
    ...emptyDraft(),
    intervieweeName: PAYLOAD_NAME,
    intervieweeTitle: '<iframe src="javascript:alert(3)">',
    intervieweeRole: 'economic_buyer',
    interviewerType: 'third_party',
    channel: 'call',
    interviewDate: '2026-02-10',
    consentToQuote: true,
    anonymous: false,
    answers: { deciding_factor: HOSTILE.join('\n'), one_change: LONG_WORD },
    buyerStatement: `${HOSTILE[0]} ${ARABIC}`,
    notes: [...HOSTILE, LONG_WORD, LONG_TEXT].join('\n\n'),
    reasons: [{ reasonId: reason, isPrimary: true, driver: 'loss' }],
    ratings: [{ criterionId: 1, competitorId: competitor, rating: 4 }],
    quotes: HOSTILE.map((text, i) => ({
      id: null,
      key: `h${i}`,
      text,
      sentiment: 'negative' as const,
      shareable: i % 2 === 0,
      competitorId: competitor,
      reasonId: reason,
      themeIds: [theme],
    })),
  });
  db.prepare("UPDATE interviews SET status = 'complete' WHERE id = ?").run(interviewId);
  ws.close();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  app = await launchWinnow({ dbPath });
  app.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  app.page.on('framenavigated', (f) => {
    if (f === app.page.mainFrame()) navigations.push(f.url());
  });
});

afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

/** Nothing ran, nothing active was created, nothing left the page. */
async function assertInert(where: string): Promise<void> {
  const { page } = app;
  const state = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      active: [
        ...main.querySelectorAll('script, iframe, embed, object, img, svg, link, style, meta, base, form[action]'),
      ].map((e) => e.tagName),
      scriptLinks: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href')!)
        .filter((h) => !h.startsWith('#')),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  expect(state, where).toEqual({ pwned: null, active: [], scriptLinks: [], overflow: 0 });
  expect(dialogs, where).toEqual([]);
  const documents = new Set(navigations.map((u) => u.split('#')[0]));
  expect(documents.size, `${where}: navigated to ${[...documents].join(', ')}`).toBeLessThanOrEqual(1);
  const outside = app.requests.filter(
    (u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(outside, where).toEqual([]);
}

async function go(label: string): Promise<void> {
  await app.page.locator('.subnav a', { hasText: label }).click();
}

describe('hostile text', () => {
  it('the interview list shows it as text, with search matches marked', async () => {
    const { page } = app;
    await page.locator('nav.sidebar a', { hasText: 'Interviews' }).click();
    await page.getByTestId('interview-row').first().waitFor();
    expect(await page.getByTestId('interview-row').first().innerText()).toContain(PAYLOAD_NAME);
    await page.getByTestId('interview-search').fill('script pwned');
    await expect.poll(() => page.getByTestId('search-match').count(), { timeout: POLL }).toBeGreaterThan(2);
    const marks = await page.locator('[data-testid=search-match] mark').allInnerTexts();
    expect(marks.map((m) => m.toLowerCase())).toContain('script');
    expect(await page.getByTestId('search-match').first().innerText()).toContain('<script>');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-list.png') });
    await assertInert('list');
  });

  it('the capture form renders notes as safe Markdown: markup is text, links are not links', async () => {
    const { page } = app;
    await page.locator('.deal-link').first().click();
    await page.getByTestId('interview-form').waitFor();
    const preview = page.getByTestId('notes-preview');
    await preview.waitFor();
    const shown = await preview.innerText();
    for (const s of HOSTILE.slice(0, 5)) expect(shown).toContain(s);
    // Typed into the form as a user would (and autosaved), not only imported.
    await page.getByTestId('notes').fill(TYPED);
    await expect
      .poll(() => preview.innerText(), { timeout: POLL })
      .toContain('<script>window.__pwned = "typed"</script>');
    expect(await preview.locator('h3').innerText()).toBe('Notes <script>window.__pwned = "typed"</script>');
    expect(await preview.innerText()).toContain('bad link (link removed)');
    expect(await preview.innerText()).toContain('good link (https://example.com/pricing)');
    expect(await preview.locator('strong').innerText()).toBe('bold');
    expect(await preview.locator('a').count()).toBe(0);
    // Right-to-left text is isolated: its element runs right to left, the page does not.
    const rtl = await page.evaluate(
      (arabic) => {
        const el = [...document.querySelectorAll('[dir=auto]')].find((e) => e.textContent?.includes(arabic));
        return el ? getComputedStyle(el).direction : null;
      },
      ARABIC.slice(0, 10),
    );
    expect(rtl).toBe('rtl');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: POLL }).toBe('saved');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-form.png'), fullPage: true });
    await assertInert('form');
  });

  it('the quote library, copy quote, the analyses and the taxonomy stay inert', async () => {
    const { page } = app;
    await page.locator('nav.sidebar a', { hasText: 'Interviews' }).click();
    await go('Quote library');
    await page.getByTestId('quote-card').first().waitFor();
    expect(await page.getByTestId('quote-count').innerText()).toBe(`${HOSTILE.length} quotes`);
    await page.getByTestId('quote-search').fill('onerror');
    const withOnerror = HOSTILE.filter((h) => /onerror/i.test(h)).length;
    await expect
      .poll(() => page.getByTestId('quote-count').innerText(), { timeout: POLL })
      .toBe(`${withOnerror} quote${withOnerror === 1 ? '' : 's'}`);
    await page.getByTestId('copy-quote').first().click();
    await expect.poll(() => page.getByTestId('copy-status').innerText(), { timeout: POLL }).toContain('Copied: “');
    expect(await page.getByTestId('copy-status').innerText()).toContain(
      `— ${PAYLOAD_NAME}, <iframe src="javascript:alert(3)">`,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-quotes.png') });
    await assertInert('quotes');

    await go('Why we win & lose');
    await page.getByTestId('pareto-lost').waitFor();
    expect(await page.getByTestId('pareto-table-lost').innerText()).toContain('<img src=x onerror=alert(2)>');
    // Hover the charts: their tooltips are drawn on the canvas, not as HTML.
    for (const id of ['chart-pareto-lost', 'chart-themes']) {
      const box = await page.getByTestId(id).boundingBox();
      if (box) await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-analysis.png'), fullPage: true });
    await assertInert('analysis');

    await go('Reasons & themes');
    await page.getByTestId('taxonomy').waitFor();
    await expect
      .poll(() => page.getByTestId('themes').innerText(), { timeout: POLL })
      .toContain(`"><svg onload=window.__pwned='theme'>`);
    await assertInert('taxonomy');
  });
});
