// A user with an empty workspace opens the Funnel, follows "Import leads", imports a HubSpot
// contacts export through the wizard, opens the funnel and drills into a step.
// test/fixtures/funnel/hubspot-contacts.csv, by hand (cohort from lead, all history):
//   101 customer (MQL, SQL, opportunity, customer dates) · 102 opportunity, open · 103 SQL, open
//   104 MQL, Unqualified (out) · 105 MQL, open · 106 lead, open
//   Lead 6, MQL 5, SQL 3, opportunity 2, won 1.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';
import { importHubspotLeads } from './harness/import-hubspot-leads.ts';

describe('funnel from a HubSpot contacts export', () => {
  let app: Winnow;
  const shot = (name: string) =>
    app.page.screenshot({ path: join(SCREENSHOT_DIR, `funnel-${name}.png`), fullPage: true });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-funnel-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await launchWinnow({ dbPath: join(dir, 'empty.winnow') });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('imports the contacts, shows the cohort funnel and lists the MQLs behind a count', async () => {
    const { page } = app;
    await importHubspotLeads(app);
    expect(await page.getByTestId('funnel-mode-name').innerText()).toContain('Cohort');
    const counts = async () => {
      const out: string[] = [];
      for (const s of ['lead', 'mql', 'sql', 'opportunity', 'won'])
        out.push(await page.getByTestId(`count-${s}`).first().innerText());
      return out;
    };
    expect(await counts()).toEqual(['6', '5', '3', '2', '1']);
    await shot('0-funnel');

    await page.getByTestId('count-mql').first().click();
    await page.getByTestId('funnel-drill').waitFor();
    await expect.poll(() => page.getByTestId('drill-row').count()).toBe(5);
    const rows = await page.getByTestId('drill-row').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['101', '102', '103', '104', '105']);
    expect(rows[3]).toContain('Disqualified');
    expect(rows[4]).toContain('Open at MQL');
    await shot('1-drill');

    // Period mode names itself and counts what happened in the period.
    await page.getByTestId('funnel-mode').getByText('Period').click();
    await expect.poll(() => page.getByTestId('funnel-mode-name').innerText()).toContain('Period');
  });
});
