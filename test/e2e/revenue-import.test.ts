// A user with an empty workspace goes to Retention, follows "import a revenue file", imports a
// purchase log through the wizard (the file dialog scripted), and sees its cohorts. The log ends
// on 1997-04-30, so April is a complete month: its cells carry no "*".
// Monthly cohorts of revenue-cdnow-v1.csv (worked out in test/integration/import/revenue-import.test.ts):
//   1997-01: 2 customers, 1 back in Feb, 1 in Mar, 0 in Apr; 1997-02: 1, back in Apr; 1997-04: 2.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';
import { fixture } from '../support/import.ts';

describe('revenue import to retention cohorts', () => {
  let app: Winnow;
  let dir = '';
  const shot = (name: string) =>
    app.page.screenshot({ path: join(SCREENSHOT_DIR, `revenue-import-${name}.png`), fullPage: true });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-revenue-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await launchWinnow({ dbPath: join(dir, 'empty.winnow') });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('imports a purchase log through the wizard and shows its monthly cohorts', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/retention`);
    await page.getByTestId('retention-import-revenue').click();
    await page.getByTestId('import-wizard').waitFor();
    expect(await page.getByTestId('import-what-revenue').isChecked()).toBe(true);

    await app.dialogs.next('openFile', fixture('revenue-cdnow-v1.csv'));
    await page.getByTestId('choose-revenue-file').click();
    await expect.poll(() => page.getByTestId('chosen-files').innerText()).toContain('revenue-cdnow-v1.csv');
    expect(await page.getByTestId('chosen-files').innerText()).toContain('Revenue');
    await shot('0-files');
    await page.getByTestId('to-mapping').click();

    // The header suggests every column; the file's choices are shown, with their defaults.
    expect(await page.getByTestId('map-customerId').inputValue()).toBe('col:customer_id');
    expect(await page.getByTestId('map-date').inputValue()).toBe('col:date');
    expect(await page.getByTestId('map-amount').inputValue()).toBe('col:dollar_value');
    expect(await page.getByTestId('option-lines').inputValue()).toBe('invoice');
    expect(await page.getByTestId('option-newCustomers').inputValue()).toBe('create');
    await page.getByTestId('mapping-name').fill('Purchase log');
    await page.getByTestId('save-mapping').click();
    await page.getByText('Saved as “Purchase log”').waitFor();
    await shot('1-mapping');

    await page.getByTestId('to-check').click();
    await page.getByTestId('check-report').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('row-accounting').first().innerText()).toBe(
      '11 rows: 11 new, 0 updated, 0 unchanged, 0 with problems',
    );
    expect((await page.getByTestId('check-notes').innerText()).split('\n')).toEqual([
      '11 rows make 9 revenue lines: rows of one customer, month and kind are added up.',
      'Dates run from 1997-01-03 to 1997-04-30.',
    ]);
    await shot('2-check');

    await page.getByTestId('start-import').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-summary').innerText()).toMatch(
      /^11 rows read: 11 added, 0 updated, 0 unchanged, 0 rejected, in \d+\.\d s\.$/,
    );
    await page.getByTestId('see-retention').click();

    await page.getByTestId('cohort-heatmap').waitFor({ timeout: 30_000 });
    // The page opens on quarters: 1997-Q2 is not over on 1997-04-30.
    expect(await page.getByTestId('retention-scope').innerText()).toContain(
      'Data through 1997-04-30: the period containing it (1997-Q2) is incomplete and marked *. 5 customers: 0 from won deals, 0 from imported MRR, 5 from imported invoices.',
    );
    await page.getByTestId('cohort-view').getByText('Table').click();
    await page.getByTestId('grain').getByText('Month').click();
    await expect
      .poll(() => page.getByTestId('retention-scope').innerText())
      .toContain('Data through 1997-04-30, the last day of 1997-04: every period shown is complete.');
    const table = page.getByTestId('cohort-table');
    await expect
      .poll(() =>
        table.locator('tbody tr[data-cohort]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cohort'))),
      )
      .toEqual(['1997-01', '1997-02', '1997-04']);
    // Cohorts this small show counts, not rates (n < 5); April's cells are complete, so no "*".
    const cells = async (label: string, n: number) => {
      const out: string[] = [];
      for (let k = 0; k < n; k++) out.push(await page.getByTestId(`cell-${label}-${k}`).innerText());
      return out;
    };
    expect(await cells('1997-01', 4)).toEqual(['2', '1', '1', '0']);
    expect(await cells('1997-02', 3)).toEqual(['1', '0', '1']);
    expect(await cells('1997-04', 1)).toEqual(['2']);
    await shot('3-cohorts');
  });

  it('after a large import, the import job has prepared the retention figures: Retention shows them at once', async () => {
    const { page } = app;
    // 3,100 new customers, one purchase each in May 1997: more than a read refreshes inline.
    const path = join(dir, 'may-log.csv');
    const rows = Array.from({ length: 3100 }, (_, i) => `M${String(i + 1).padStart(4, '0')},1997-05-15,1,10.00`);
    writeFileSync(path, ['customer_id,date,number_of_cds,dollar_value', ...rows].join('\n'));
    await page.goto(`${app.origin}/#/deals?tab=import&what=revenue`);
    await page.getByTestId('import-wizard').waitFor();
    await app.dialogs.next('openFile', path);
    await page.getByTestId('choose-revenue-file').click();
    await expect.poll(() => page.getByTestId('chosen-files').innerText()).toContain('may-log.csv');
    await page.getByTestId('to-mapping').click();
    await page.getByTestId('to-check').click();
    await expect
      .poll(() => page.getByTestId('row-accounting').first().innerText(), { timeout: 30_000 })
      .toBe('3,100 rows: 3,100 new, 0 updated, 0 unchanged, 0 with problems');
    await page.getByTestId('start-import').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    // The import job derived what it changed before it finished (retention/keep-derived.ts).
    const status = await page.evaluate(async () => {
      const r = await (
        window as unknown as { winnow: { retention: { status(): Promise<unknown> } } }
      ).winnow.retention.status();
      return r as { ok: boolean; value: { state: string; pendingAccounts: number; customers: number } };
    });
    expect(status.value).toMatchObject({ state: 'ready', pendingAccounts: 0, customers: 3105 });
    await page.getByTestId('see-retention').click();

    // No rebuild on the visit: the cohorts are there.
    await page.getByTestId('cohort-heatmap').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('retention-rebuilding').count()).toBe(0);
    expect(await page.getByTestId('retention-needs-rebuild').count()).toBe(0);
    expect(await page.getByTestId('retention-scope').innerText()).toContain(
      'Data through 1997-05-15: the period containing it (1997-Q2) is incomplete and marked *. 3,105 customers',
    );
  });
});
