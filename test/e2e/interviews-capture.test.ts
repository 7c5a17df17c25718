// Capturing an interview in the real UI: keyboard-first entry, "complete" naming what is
// missing, and autosave: the page is killed mid-typing (no unload handler can help) and, on
// relaunch, the draft is listed and comes back with what was typed up to about a second before.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { insertDeals } from '../support/insert.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

/** Waits for the UI generously: the machine running the tests may be busy. */
const POLL = 15_000;

let dbPath: string;
let app: Winnow | null = null;

const row = (sql: string, ...args: unknown[]) => {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...args) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-capture-'));
  dbPath = join(dir, 'capture.winnow');
  const ws = await openWorkspace(dbPath, { mode: 'create' });
  insertDeals(ws.sqlite, [
    {
      name: 'Blue Ridge Retail - Insight Pro',
      outcome: 'lost',
      closeDate: '2026-01-15',
      competitors: ['Acme Analytics'],
    },
    { name: 'Cedar Labs - Insight Core', outcome: 'won', closeDate: '2026-01-20' },
  ]);
  ws.sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('onboarded', 'true', 'now')").run();
  ws.close();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

/** The Interviews area, reached as a user would: from the sidebar. */
async function openInterviews(a: Winnow): Promise<void> {
  await a.page.locator('nav.sidebar a', { hasText: 'Interviews' }).click();
  await a.page.getByTestId('interviews-area').waitFor();
}

/** Opens the form on the deal; the interview is stored (and gets its id) only once something is typed. */
async function startInterview(a: Winnow, dealText: string): Promise<void> {
  const { page } = a;
  await openInterviews(a);
  await page.getByTestId('new-interview').click();
  await page.getByTestId('deal-search').fill(dealText);
  await page.getByTestId('deal-option').filter({ hasText: dealText }).first().waitFor();
  await page.getByTestId('deal-search').press('Enter');
  await page.getByTestId('interview-form').waitFor();
}

/** The stored interview's id, from the address the form takes after its first save. */
function idInUrl(a: Winnow): number {
  return Number(new URLSearchParams(a.page.url().split('?')[1] ?? '').get('id'));
}

describe('interview capture', () => {
  it('is filled from the keyboard, names what is missing, then completes', async () => {
    app = await launchWinnow({ dbPath });
    const { page } = app;
    await startInterview(app, 'Blue Ridge');
    await expect
      .poll(() => page.getByTestId('completion').innerText(), { timeout: POLL })
      .toContain("Interviewee's role");

    // Complete too early: the form says exactly what is missing.
    await page.getByTestId('complete').click();
    const error = page.getByTestId('complete-error');
    await error.waitFor();
    const missing = await error.innerText();
    for (const m of [
      "Interviewee's role",
      'Who interviewed',
      'Channel',
      "The buyer's statement of the outcome",
      'A primary reason',
    ])
      expect(missing).toContain(m);
    expect(await page.getByTestId('status-badge').innerText()).toBe('Draft');

    await page.getByTestId('interviewee-title').fill('VP Finance');
    await page.getByTestId('interviewee-role').selectOption('economic_buyer');
    await page.getByTestId('interviewer-type').selectOption('third_party');
    await page.getByTestId('channel').selectOption('video');
    await page.getByTestId('consent').check();
    await page.getByTestId('buyer-statement').fill('Acme had the warehouse connector we needed on day one.');

    // Alt+R: code a reason by typing and Enter.
    await page.keyboard.press('Alt+KeyR');
    await page.keyboard.type('missing cap');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('coded-reasons').innerText(), { timeout: POLL })
      .toContain('Missing capability');

    await page.getByTestId('rating-product_fit-us').selectOption('2');
    const acme = (row("SELECT id FROM competitors WHERE name = 'Acme Analytics'") as { id: number }).id;
    await page.getByTestId(`rating-product_fit-${acme}`).selectOption('4');

    // Alt+Q adds a quote and puts the cursor in it; Alt+T tags it with a theme.
    await page.keyboard.press('Alt+KeyQ');
    await page.keyboard.type('Their connector worked on day one.');
    await page.keyboard.press('Alt+KeyT');
    await page.keyboard.type('integrations');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('theme-tag').allInnerTexts(), { timeout: POLL })
      .toEqual([expect.stringContaining('integrations')]);
    await page.getByTestId('quote-shareable').check();

    await page.getByTestId('notes').fill('**Follow up** with product on the connector.\n\n- warehouse sync\n- SSO');
    await expect
      .poll(() => page.getByTestId('notes-preview').locator('li').allInnerTexts(), { timeout: POLL })
      .toEqual(['warehouse sync', 'SSO']);

    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('status-badge').innerText(), { timeout: POLL }).toBe('Complete');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'interview-form.png'), fullPage: true });

    const id = idInUrl(app);
    expect(id).toBeGreaterThan(0);
    const stored = row(
      `SELECT i.status, i.interviewee_title AS title, i.buyer_statement AS statement,
              (SELECT group_concat(r.name) FROM interview_reasons ir JOIN reasons r ON r.id = ir.reason_id
                WHERE ir.interview_id = i.id AND ir.is_primary = 1) AS primaryReason,
              (SELECT group_concat(rating) FROM interview_ratings WHERE interview_id = i.id) AS ratings,
              (SELECT text FROM quotes WHERE interview_id = i.id) AS quote,
              (SELECT group_concat(t.name) FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id
                JOIN quotes q ON q.id = qt.quote_id WHERE q.interview_id = i.id) AS themes
         FROM interviews i WHERE i.id = ?`,
      id,
    );
    expect(stored).toEqual({
      status: 'complete',
      title: 'VP Finance',
      statement: 'Acme had the warehouse connector we needed on day one.',
      primaryReason: 'Missing capability',
      ratings: expect.stringMatching(/^(2,4|4,2)$/),
      quote: 'Their connector worked on day one.',
      themes: 'integrations',
    });
    await app.close();
    app = null;
  });

  it('keeps what was typed up to a second before the page was killed, and lists the draft to resume', async () => {
    app = await launchWinnow({ dbPath });
    const { page } = app;
    await startInterview(app, 'Cedar Labs');
    const notes = page.getByTestId('notes');
    await notes.click();
    const text = 'Buyer said the onboarding plan was the clearest of the three vendors they saw';
    const typedAt: number[] = [];
    for (const ch of text) {
      await page.keyboard.type(ch);
      typedAt.push(Date.now());
      await page.waitForTimeout(70);
    }
    const id = idInUrl(app);
    expect(id).toBeGreaterThan(0);
    // Kill it: the context goes away at once, no unload handler runs, nothing is flushed.
    const killedAt = Date.now();
    await app.close();
    app = null;

    const saved = (row('SELECT notes FROM interviews WHERE id = ?', id)?.notes as string | null) ?? '';
    const mustHave = typedAt.filter((t) => t <= killedAt - 1000).length;
    expect(text.startsWith(saved)).toBe(true);
    expect(saved.length).toBeGreaterThanOrEqual(mustHave);
    expect(mustHave).toBeGreaterThan(20);

    app = await launchWinnow({ dbPath });
    const again = app.page;
    await openInterviews(app);
    const drafts = again.getByTestId('drafts-panel');
    await drafts.waitFor();
    expect(await drafts.innerText()).toContain('Cedar Labs - Insight Core');
    await drafts.getByTestId('resume-draft').first().click();
    await again.getByTestId('interview-form').waitFor();
    await expect.poll(() => again.getByTestId('notes').inputValue(), { timeout: POLL }).toBe(saved);
    await again.screenshot({ path: join(SCREENSHOT_DIR, 'interview-draft-resumed.png') });
  }, 300_000); // two launches and 80 paced keystrokes: about 3 minutes on a machine shared with other runs
});
