// A user imports a CRM export through the wizard in the browser: picks the file, fixes the
// mapping (the id column has a name no preset knows), maps an unknown outcome and confirms a
// misspelt competitor, imports, and sees the rows in the deals table.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchWinnow, requestsThatLeft, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';
import { fixture } from '../support/import.ts';

describe('import wizard', () => {
  let app: Winnow;
  const shot = (name: string) =>
    app.page.screenshot({ path: join(SCREENSHOT_DIR, `import-${name}.png`), fullPage: true });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-import-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await launchWinnow({ dbPath: join(dir, 'empty.winnow') });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('imports a file through the wizard, with a fixed mapping and mapped values, into the table', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/deals`);
    await page.getByTestId('empty-import').click();
    await page.getByTestId('import-wizard').waitFor();

    await app.dialogs.next('openFile', fixture('wizard-deals.csv'));
    await page.getByTestId('choose-deals-file').click();
    await expect.poll(() => page.getByTestId('chosen-files').innerText()).toContain('wizard-deals.csv');
    expect(await page.getByTestId('chosen-files').innerText()).toMatch(/UTF-8 \(detected\)[\s\S]*comma \(detected\)/);
    await shot('1-files');
    await page.getByTestId('to-mapping').click();

    // The id column has a name no preset knows: the wizard says so and will not go on.
    const issues = page.getByTestId('mapping-issues');
    await expect.poll(() => issues.innerText()).toBe('Map a column to Deal id (CRM): it is required.');
    expect(await page.getByTestId('to-check').isDisabled()).toBe(true);
    expect(await page.getByTestId('map-amount').inputValue()).toBe('col:Deal Value');
    await page.getByTestId('map-externalId').selectOption('col:Deal Ref');
    await page.getByTestId('map-name').selectOption('col:Deal');
    await expect.poll(() => issues.count()).toBe(0);
    expect(await page.getByTestId('map-row-externalId').innerText()).toContain('E-1 · E-2 · E-3');
    await page.getByTestId('mapping-name').fill('Finance sheet');
    await page.getByTestId('save-mapping').click();
    await page.getByText('Saved as “Finance sheet”').waitFor();
    await shot('2-mapping');

    await page.getByTestId('to-check').click();
    await page.getByTestId('check-report').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('row-accounting').first().innerText()).toBe(
      '5 rows: 3 new, 0 updated, 0 unchanged, 2 with problems',
    );
    const decisions = page.getByTestId('value-decision');
    expect(await decisions.count()).toBe(2);
    expect(await page.getByTestId('value-decisions').innerText()).toContain('“Acme Analytcs”');
    expect((await page.getByTestId('problems-table').innerText()).split('\n').slice(1)).toEqual([
      'wizard-deals.csv\t4\tCompetitor\tAcme Analytcs\tneeds your decision: looks like "Acme Analytics"',
      'wizard-deals.csv\t5\tResult\tVerbal yes\tnot a known outcome: map it to Open, Won, Lost, No decision',
    ]);
    expect(await page.getByTestId('start-import').isDisabled()).toBe(true);
    await shot('3-check');

    await page.getByTestId('decide-outcome').selectOption('open');
    await page.getByTestId('decide-competitor').selectOption('Acme Analytics');
    await page.getByTestId('stale-check').waitFor();
    await page.getByTestId('check-again').click();
    await expect
      .poll(() => page.getByTestId('row-accounting').first().innerText(), { timeout: 30_000 })
      .toBe('5 rows: 5 new, 0 updated, 0 unchanged, 0 with problems');
    await page.getByTestId('start-import').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-summary').innerText()).toMatch(
      /^5 rows read: 5 added, 0 updated, 0 unchanged, 0 rejected, in \d+\.\d s\.$/,
    );
    await shot('4-done');

    await page.getByTestId('see-deals').click();
    await page.getByTestId('deals-table').waitFor();
    await expect.poll(() => page.getByTestId('deal-row').count()).toBe(5);
    const rows = await page.getByTestId('deal-row').allInnerTexts();
    // Newest close date first; the open deal (no close date) last.
    expect(rows.map((r) => r.split('\n')[0])).toEqual([
      'Epsilon deal',
      'Gamma deal',
      'Beta deal',
      'Alpha deal',
      'Delta deal',
    ]);
    expect(rows[1]).toContain('$4,000');
    expect(rows[1]).toContain('Acme Analytics');
    expect(rows[4]).toContain('Open');
    const totals = await page.getByTestId('deals-totals').innerText();
    expect(totals).toContain('5 deals');
    expect(totals).toContain('Won 2 of 4 closed');
    expect(totals).toContain('2/4'); // n below 5: counts only, the rate is hidden
    await shot('5-table');

    // The competitor spelling confirmed in the wizard is now an alias.
    await page.goto(`${app.origin}/#/competitors`);
    await page.getByTestId('competitors-table').waitFor();
    const comp = await page.getByTestId('competitor-row').allInnerTexts();
    expect(comp[0]).toMatch(/^Acme Analytics\s+2\s+2\s+2\/2\s+2\/2\s+2\s+2024-03-15$/);
  });

  it('made no request outside the app itself', () => {
    expect(requestsThatLeft(app)).toEqual([]);
  });
});
