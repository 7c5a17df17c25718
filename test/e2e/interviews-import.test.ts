// A programme run in a spreadsheet comes into Winnow: from the Interviews area the user picks
// the interviews file and its quotes file, maps the role and reason the check lists, adds the
// unknown theme, imports, and finds the interviews in the list and by search.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { fixture } from '../support/import.ts';
import { seedDeals } from '../support/interview-import.ts';
import { closeBrowser, launchWinnow, requestsThatLeft, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

/** Waits for the UI generously: the machine running the tests may be busy. */
const POLL = 30_000;

describe('importing interviews through the wizard', () => {
  let app: Winnow;
  const shot = (name: string) =>
    app.page.screenshot({ path: join(SCREENSHOT_DIR, `interviews-import-${name}.png`), fullPage: true });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-interviews-import-'));
    const dbPath = join(dir, 'programme.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    seedDeals(ws.sqlite);
    ws.sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('onboarded', 'true', 'now')").run();
    ws.close();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await launchWinnow({ dbPath });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('imports an interviews file and its quotes, and shows them in the Interviews list', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/interviews`);
    await page.getByTestId('interviews-area').waitFor();
    await page.locator('nav.subnav a', { hasText: 'Import' }).click();
    await page.getByTestId('import-wizard').waitFor();
    expect(await page.getByTestId('import-what-interviews').isChecked()).toBe(true);

    await app.dialogs.next('openFile', fixture('interviews-sheet.csv'));
    await page.getByTestId('choose-interviews-file').click();
    await expect.poll(() => page.getByTestId('chosen-files').innerText()).toContain('interviews-sheet.csv');
    expect(await page.getByTestId('related-kind').inputValue()).toBe('quotes');
    await app.dialogs.next('openFile', fixture('quotes-sheet.csv'));
    await page.getByTestId('choose-related-file').click();
    await expect.poll(() => page.getByTestId('chosen-files').innerText()).toContain('quotes-sheet.csv');
    expect(await page.getByTestId('chosen-files').innerText()).toMatch(/interviews-sheet\.csv[\s\S]*Interviews/);
    await shot('1-files');

    await page.getByTestId('to-mapping').click();
    const interviewsMapping = page.getByTestId('mapping-interviews');
    await interviewsMapping.waitFor();
    expect(await interviewsMapping.getByTestId('preset').inputValue()).toBe('generic');
    expect(await interviewsMapping.getByTestId('map-dealExternalId').inputValue()).toBe('col:Deal ID');
    expect(await interviewsMapping.getByTestId('map-usProductFit').inputValue()).toBe('col:Product fit');
    expect(await page.getByTestId('mapping-quotes').getByTestId('map-text').inputValue()).toBe('col:Quote');
    await expect.poll(() => page.getByTestId('mapping-issues').count()).toBe(0);
    await shot('2-mapping');

    await page.getByTestId('to-check').click();
    await page.getByTestId('check-report').waitFor({ timeout: POLL });
    // WL-004 has an unknown role and a misspelt reason; its quote waits for it and names a new theme.
    expect(await page.getByTestId('row-accounting').first().innerText()).toBe(
      '8 rows: 6 new, 0 updated, 0 unchanged, 2 with problems',
    );
    const problems = (await page.getByTestId('problems-table').innerText()).split('\n').slice(1);
    expect(problems).toEqual([
      'interviews-sheet.csv\t6\tRole\tProcurement\tnot a known interviewee role: map it',
      'interviews-sheet.csv\t6\tPrimary reason\tSuport quality\tneeds your decision: looks like "Support quality"',
      'quotes-sheet.csv\t4\tInterview ID\tWL-004\tno interview has this id (import the interviews first, or in the same import)',
      'quotes-sheet.csv\t4\tThemes\tprocurement pain\tnot a known theme: map it to a theme, or add it as a new one',
    ]);
    expect(await page.getByTestId('start-import').isDisabled()).toBe(true);
    await shot('3-check');

    await page.getByTestId('decide-intervieweeRole').selectOption('economic_buyer');
    await page.getByTestId('decide-reason').selectOption('Support quality');
    await page.getByTestId('add-all-new').click();
    await page.getByTestId('stale-check').waitFor();
    await page.getByTestId('check-again').click();
    await expect
      .poll(() => page.getByTestId('row-accounting').first().innerText(), { timeout: POLL })
      .toBe('8 rows: 8 new, 0 updated, 0 unchanged, 0 with problems');
    await page.getByTestId('start-import').click();
    await page.getByTestId('import-done').waitFor({ timeout: POLL });
    expect(await page.getByTestId('import-summary').innerText()).toMatch(
      /^8 rows read: 8 added, 0 updated, 0 unchanged, 0 rejected, in \d+\.\d s\.$/,
    );
    await shot('4-done');

    // The import log lists the interviews the batch added, and offers undo.
    await page.getByRole('link', { name: 'Import log (undo)' }).click();
    await page.getByTestId('batch-detail').waitFor({ timeout: POLL });
    await expect.poll(() => page.getByTestId('batch-interviews').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('batch-detail').innerText()).toContain(
      '5 added interviews · 3 added quotes · 1 added themes',
    );
    expect(await page.getByTestId('undo-import').isVisible()).toBe(true);
    await shot('5-log');

    await page.goto(`${app.origin}/#/interviews`);
    await page.getByTestId('interview-table').waitFor();
    await expect
      .poll(() => page.getByTestId('interview-count').innerText(), { timeout: POLL })
      .toBe('5 interviews on 4 deals');
    await expect.poll(() => page.getByTestId('interview-row').count()).toBe(5);
    const rows = await page.getByTestId('interview-row').allInnerTexts();
    expect(rows.join('\n')).toContain('Evergreen');
    expect(rows.join('\n')).toContain('Dana Chen');
    await shot('6-list');

    // The search index has the imported text: the statement and the quote both match.
    await page.getByTestId('interview-search').fill('integrations');
    await expect.poll(() => page.getByTestId('interview-row').count(), { timeout: POLL }).toBe(2);
    const marks = await page.locator('[data-testid="search-match"] mark').allInnerTexts();
    expect(marks.map((m) => m.toLowerCase())).toContain('integrations');
    // Imported markup is text: no element was made from it.
    await page.getByTestId('interview-search').fill('script');
    await expect.poll(() => page.getByTestId('search-match').count(), { timeout: POLL }).toBe(1);
    expect(await page.getByTestId('search-match').innerText()).toContain('<script>alert(1)</script>');
    expect(await page.locator('[data-testid="interviews-area"] script').count()).toBe(0);
    await shot('7-search');
  });

  it('made no request outside the app itself', () => {
    expect(requestsThatLeft(app)).toEqual([]);
  });
});
