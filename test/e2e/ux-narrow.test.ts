// Where careful users trip (issue 14, parts 4, 6 and 7), in the real UI at a 1024x700 window:
// no sideways scroll in any area or on a competitor with a very long name, the sidebar collapsed;
// the interview form takes the focus when a deal is chosen and stores nothing until typing;
// anonymous names stay out of lists; every tab strip is an ARIA tablist; empty states and the
// data-quality note say what they count.
//
// The rich workspace, by hand:
//   lost deals: Lost A 0, Lost B blank, Lost C 0, Lost D 5,000, Lost E 12,000 -> 5 lost, 3 with no amount;
//   Won F (deal_type_assumed = 1: imported without a deal type) -> 1 deal without a deal type.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { insertDeals } from '../support/insert.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const POLL = 15_000;
const LONG_NAME =
  'Consolidated Worldwide Enterprise Analytics and Business Intelligence Platforms Incorporated (EMEA and APAC Holdings)';
const SECRET = 'Jane Secretname';
const DRAFT_SECRET = 'Draft Hiddenname';

let richPath: string;
let emptyPath: string;
let longId = 0;
let app: Winnow | null = null;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `ux-narrow-${name}.png`), fullPage: true });

const count = (path: string, sql: string): number => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-ux-'));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  richPath = join(dir, 'rich.winnow');
  const ws = await openWorkspace(richPath, { mode: 'create' });
  const ids = insertDeals(ws.sqlite, [
    { name: 'Lost A', outcome: 'lost', amount: 0, closeDate: '2026-01-10', competitors: [LONG_NAME] },
    { name: 'Lost B', outcome: 'lost', closeDate: '2026-01-11', competitors: ['Acme Analytics'] },
    { name: 'Lost C', outcome: 'lost', amount: 0, closeDate: '2026-01-12', competitors: [LONG_NAME] },
    { name: 'Lost D', outcome: 'lost', amount: 5000, closeDate: '2026-01-13', competitors: ['Acme Analytics'] },
    { name: 'Lost E', outcome: 'lost', amount: 12000, closeDate: '2026-01-14' },
    { name: 'Won F', outcome: 'won', amount: 20000, closeDate: '2026-01-15', competitors: [LONG_NAME] },
    { name: 'Won G', outcome: 'won', amount: 8000, closeDate: '2026-01-16' },
    { name: 'Harbor Freight Systems - Platform', outcome: 'won', amount: 9000, closeDate: '2026-01-20' },
  ]);
  ws.sqlite.prepare("UPDATE deals SET deal_type_assumed = 1 WHERE name = 'Won F'").run();
  longId = (ws.sqlite.prepare('SELECT id FROM competitors WHERE name = ?').get(LONG_NAME) as { id: number }).id;
  const interview = ws.sqlite.prepare(
    `INSERT INTO interviews (deal_id, status, interviewee_name, interviewee_title, interviewee_role, anonymous,
                             interview_date, buyer_statement, consent_to_quote)
     VALUES (?, ?, ?, ?, 'champion', 1, '2026-01-20', ?, 1)`,
  );
  const complete = Number(
    interview.run(ids[0], 'complete', SECRET, 'Head of Data', 'The onboarding was painless but pricing hurt.')
      .lastInsertRowid,
  );
  interview.run(ids[1], 'draft', DRAFT_SECRET, 'Finance lead', 'Still deciding.');
  ws.sqlite
    .prepare("INSERT INTO quotes (interview_id, text, sentiment, shareable) VALUES (?, ?, 'negative', 1)")
    .run(complete, 'Pricing hurt more than we expected.');
  ws.sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('onboarded', 'true', 'now')").run();
  ws.close();

  emptyPath = join(dir, 'no-competitors.winnow');
  const bare = await openWorkspace(emptyPath, { mode: 'create' });
  insertDeals(bare.sqlite, [
    { name: 'Plain won', outcome: 'won', amount: 1000, closeDate: '2026-02-01' },
    { name: 'Plain lost', outcome: 'lost', amount: 2000, closeDate: '2026-02-02' },
  ]);
  bare.sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('onboarded', 'true', 'now')").run();
  bare.close();
});

afterEach(async () => {
  await app?.close();
  app = null;
});

afterAll(async () => {
  await closeBrowser();
});

async function launchNarrow(dbPath: string): Promise<Winnow> {
  app = await launchWinnow({ dbPath });
  await app.page.setViewportSize({ width: 1024, height: 700 });
  return app;
}

/** Sideways overflow of the page: how far the document is wider than the window (0 is right). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Opens a screen by its address and waits until it has drawn its heading and finished loading. */
async function open(a: Winnow, hash: string, ready: string): Promise<void> {
  await a.page.goto(`${a.origin}/${hash}`);
  await a.page.locator(ready).first().waitFor({ timeout: POLL });
  await expect
    .poll(() => a.page.locator('main').innerText(), { timeout: POLL })
    .not.toMatch(/Loading…|Opening the|Computing the/);
  await a.page.waitForTimeout(300); // charts size themselves on the next frame
}

describe('at 1024x700', () => {
  it('no area scrolls sideways, a very long competitor name included, and the sidebar is collapsed', async () => {
    const a = await launchNarrow(richPath);
    const screens: [string, string, string][] = [
      ['#/', '[data-testid="dashboard"]', 'home'],
      ['#/deals', '[data-testid="deals-table"]', 'deals'],
      ['#/interviews', '[data-testid="interview-table"]', 'interviews'],
      ['#/interviews?view=analysis', '[data-testid="analysis"]', 'interviews-analysis'],
      ['#/interviews?view=quotes', '[data-testid="quote-browser"]', 'quotes'],
      ['#/interviews?view=taxonomy', '#interviews-tab-taxonomy[aria-selected="true"]', 'taxonomy'],
      ['#/interviews?view=guides', '#interviews-tab-guides[aria-selected="true"]', 'guides'],
      ['#/win-rates', '[data-testid="overview"]', 'win-rates'],
      ['#/win-rates?view=matrix', '[data-testid="matrix-table"]', 'matrix'],
      ['#/win-rates?view=change', '[data-testid="change-table"]', 'change'],
      ['#/competitors', '[data-testid="competitors-table"]', 'competitors'],
      [`#/competitors?id=${longId}`, '[data-testid="competitor-profile"]', 'competitor-long-name'],
      ['#/retention', 'main :is(h1, h2):visible', 'retention'],
      ['#/funnel', 'main :is(h1, h2):visible', 'funnel'],
      ['#/reports', 'main :is(h1, h2):visible', 'reports'],
      ['#/settings', '[data-testid="workspace-path"]', 'settings'],
    ];
    const wide: string[] = [];
    for (const [hash, ready, name] of screens) {
      await open(a, hash, ready);
      const o = await overflow(a.page);
      if (o > 0) wide.push(`${hash}: ${o}px too wide`);
      if (name === 'competitor-long-name')
        expect(await a.page.getByTestId('profile-name').innerText()).toContain('Consolidated Worldwide');
      if (['home', 'interviews-analysis', 'competitor-long-name', 'matrix', 'retention'].includes(name))
        await shot(a.page, name);
    }
    expect(wide).toEqual([]);

    // Collapsed to icons: the labels stay for screen readers, the toggle brings them back.
    const sidebarWidth = () => a.page.getByTestId('sidebar').evaluate((el) => el.getBoundingClientRect().width);
    expect(await sidebarWidth()).toBeLessThanOrEqual(60);
    expect(await a.page.getByRole('link', { name: 'Win rates' }).count()).toBe(1);
    await a.page.getByTestId('sidebar-toggle').click();
    expect(await a.page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await sidebarWidth()).toBeGreaterThan(150);
    await a.page.getByTestId('sidebar-toggle').click();
    expect(await sidebarWidth()).toBeLessThanOrEqual(60);
  }, 480_000); // sixteen screens, each waited for, on a machine shared with other test runs
});

describe('interview capture', () => {
  it('puts the cursor in the first field after choosing a deal, and stores nothing until typing', async () => {
    const a = await launchNarrow(richPath);
    const { page } = a;
    const before = count(richPath, 'SELECT count(*) AS n FROM interviews');
    expect(before).toBe(2);
    await page.goto(`${a.origin}/#/interviews?new=1`);
    await page.getByTestId('deal-search').fill('Harbor Freight');
    await page.getByTestId('deal-option').filter({ hasText: 'Harbor Freight' }).first().waitFor();
    await page.getByTestId('deal-search').press('Enter');
    await page.getByTestId('interview-form').waitFor();

    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: POLL })
      .toBe('iv-interviewDate');
    expect(await page.getByTestId('skip-to-form').innerText()).toBe('Skip to the form');
    expect(await page.getByTestId('save-state').getAttribute('data-state')).toBe('blank');
    await page.waitForTimeout(1500); // longer than autosave's longest wait (600 ms)
    expect(count(richPath, 'SELECT count(*) AS n FROM interviews')).toBe(2);
    expect(await overflow(page)).toBe(0);
    await shot(page, 'interview-form');

    // The shortcuts work at once (no click first): Alt+Q adds a quote and puts the cursor in it.
    await page.keyboard.press('Alt+KeyQ');
    await page.keyboard.type('They liked the import wizard.');
    await expect.poll(() => count(richPath, 'SELECT count(*) AS n FROM interviews'), { timeout: POLL }).toBe(3);
    await expect
      .poll(() => count(richPath, "SELECT count(*) AS n FROM quotes WHERE text = 'They liked the import wizard.'"), {
        timeout: POLL,
      })
      .toBe(1);
    expect(page.url()).toMatch(/#\/interviews\?id=\d+$/);

    // Back out of a second new interview without typing: still no new draft.
    await page.goto(`${a.origin}/#/interviews?new=1`);
    await page.getByTestId('deal-search').fill('Won G');
    await page.getByTestId('deal-option').filter({ hasText: 'Won G' }).first().waitFor();
    await page.getByTestId('deal-search').press('Enter');
    await page.getByTestId('interview-form').waitFor();
    await page.locator('.capture a', { hasText: '← Interviews' }).click();
    await page.getByTestId('interview-table').waitFor();
    expect(count(richPath, 'SELECT count(*) AS n FROM interviews')).toBe(3);
  });

  it('never shows an anonymous interviewee’s name in the list, search results, drafts or quotes', async () => {
    const a = await launchNarrow(richPath);
    const { page } = a;
    await open(a, '#/interviews', '[data-testid="interview-table"]');
    const table = page.getByTestId('interview-table');
    await expect.poll(() => table.innerText(), { timeout: POLL }).toContain('Head of Data');
    const listed = await table.innerText();
    expect(listed).toContain('Anonymous');
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain(DRAFT_SECRET);
    const drafts = page.getByTestId('drafts-panel');
    if (await drafts.count()) expect(await drafts.innerText()).not.toContain(DRAFT_SECRET);
    expect(await page.locator('main').innerText()).not.toContain('Secretname');

    await open(a, '#/interviews?q=painless', '[data-testid="interview-table"]');
    await expect.poll(() => page.getByTestId('interview-table').innerText(), { timeout: POLL }).toContain('painless');
    expect(await page.locator('main').innerText()).not.toContain('Secretname');

    await open(a, '#/interviews?view=quotes', '[data-testid="quote-card"]');
    expect(await page.getByTestId('quote-card').first().innerText()).toContain('Pricing hurt');
    expect(await page.locator('main').innerText()).not.toContain('Secretname');

    await open(a, `#/competitors?id=${longId}`, '[data-testid="competitor-profile"]');
    expect(await page.locator('main').innerText()).not.toContain('Secretname');
  });
});

describe('tab strips', () => {
  it('are ARIA tablists: roles, aria-selected, a labelled panel, arrow keys move and open', async () => {
    const a = await launchNarrow(richPath);
    const { page } = a;
    await open(a, '#/win-rates', '[data-testid="overview"]');
    const strip = page.getByRole('tablist', { name: 'Win-rate views' });
    expect(await strip.getByRole('tab').allInnerTexts()).toEqual(['Overview', 'Matrix', 'Change over time']);
    const selected = () => strip.locator('[aria-selected="true"]').innerText();
    expect(await selected()).toBe('Overview');
    expect(await page.getByRole('tab', { name: 'Matrix' }).getAttribute('tabindex')).toBe('-1');
    const panel = page.getByRole('tabpanel').first();
    expect(await panel.getAttribute('aria-labelledby')).toBe('win-rates-tab-overview');

    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('view=matrix');
    await expect.poll(selected).toBe('Matrix');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Matrix');
    await page.getByTestId('matrix-table').waitFor({ timeout: POLL });
    expect(await page.getByRole('tabpanel').first().getAttribute('aria-labelledby')).toBe('win-rates-tab-matrix');
    await page.keyboard.press('End');
    await expect.poll(() => page.url()).toContain('view=change');
    await page.keyboard.press('Home');
    await expect.poll(() => page.url()).toContain('view=overview');

    // The matrix's Table / Heatmap toggle is the same component, with buttons.
    await open(a, '#/win-rates?view=matrix', '[data-testid="matrix-table"]');
    const view = page.getByRole('tablist', { name: 'View', exact: true });
    expect(await view.getByRole('tab').allInnerTexts()).toEqual(['Table', 'Heatmap']);
    await page.getByTestId('view-table').focus();
    await page.keyboard.press('ArrowLeft'); // wraps round to the last tab
    expect(await page.getByTestId('view-heatmap').getAttribute('aria-selected')).toBe('true');

    await open(a, '#/interviews', '[data-testid="interview-table"]');
    expect(await page.getByRole('tablist', { name: 'Interviews' }).getByRole('tab').count()).toBe(6);
    await open(a, '#/deals', '[data-testid="deals-table"]');
    const deals = page.getByRole('tablist', { name: 'Deals' });
    expect(await deals.getByRole('tab').allInnerTexts()).toEqual(['Table', 'Import', 'Import log']);
    expect(await deals.locator('[aria-selected="true"]').innerText()).toBe('Table');
  });
});

describe('thin data', () => {
  it('says how to record competitors instead of drawing bare axes', async () => {
    const a = await launchNarrow(emptyPath);
    const { page } = a;
    await open(a, '#/', '[data-testid="dashboard"]');
    const home = page.getByTestId('no-competitors');
    expect(await home.innerText()).toContain('No competitors recorded yet');
    expect(await home.innerText()).toContain('import your deals with a Competitors column');
    expect(await page.getByTestId('chart-competitors').count()).toBe(0);
    await shot(page, 'home-no-competitors');
    await open(a, '#/win-rates', '[data-testid="overview"]');
    expect(await page.getByTestId('no-competitors').innerText()).toContain('Record competitors on a deal');
    // Lost deal with an amount, no deal type assumed: nothing to flag.
    expect(await page.getByTestId('data-quality').count()).toBe(0);
  });

  it('flags lost deals with no amount and deals without a deal type, with counts and links to them', async () => {
    const a = await launchNarrow(richPath);
    const { page } = a;
    await open(a, '#/', '[data-testid="dashboard"]');
    const note = page.getByTestId('data-quality');
    await note.waitFor({ timeout: POLL });
    expect(await page.getByTestId('dq-lost-no-amount').innerText()).toContain(
      '3 lost deals have no amount (0 or blank) of 5 lost',
    );
    expect(await page.getByTestId('dq-no-deal-type').innerText()).toContain(
      '1 deal was imported without a deal type and counted as new business',
    );
    await shot(page, 'home-data-quality');
    await page.getByTestId('dq-lost-no-amount').getByRole('link', { name: 'Show them' }).click();
    await page.getByTestId('quality-filter').waitFor({ timeout: POLL });
    await expect
      .poll(() => page.getByTestId('deals-table').innerText(), { timeout: POLL })
      .toMatch(/Lost A[\s\S]*Lost B|Lost B[\s\S]*Lost A/);
    const rows = await page.getByTestId('deals-table').innerText();
    for (const n of ['Lost A', 'Lost B', 'Lost C']) expect(rows).toContain(n);
    for (const n of ['Lost D', 'Lost E', 'Won F']) expect(rows).not.toContain(n);

    await open(a, '#/', '[data-testid="dashboard"]');
    await page.getByTestId('dq-no-deal-type').getByRole('link', { name: 'Show them' }).click();
    await expect.poll(() => page.getByTestId('deals-table').innerText(), { timeout: POLL }).toContain('Won F');
    expect(await page.getByTestId('deals-table').innerText()).not.toContain('Lost A');
  });
});
