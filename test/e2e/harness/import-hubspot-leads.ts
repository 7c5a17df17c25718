// Shared e2e steps: from an empty workspace's Funnel, follow "Import leads", import the HubSpot
// contacts export (test/fixtures/funnel/hubspot-contacts.csv) through the wizard and return to the funnel.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Winnow } from './launch.ts';

export const HUBSPOT_CONTACTS = fileURLToPath(new URL('../../fixtures/funnel/hubspot-contacts.csv', import.meta.url));

export async function importHubspotLeads(app: Winnow): Promise<void> {
  const { page } = app;
  await page.goto(`${app.origin}/#/funnel`);
  await page.getByTestId('funnel-import').click();
  await page.getByTestId('import-wizard').waitFor();
  expect(await page.getByTestId('import-what-leads').isChecked()).toBe(true);
  await app.dialogs.next('openFile', HUBSPOT_CONTACTS);
  await page.getByTestId('choose-leads-file').click();
  await expect.poll(() => page.getByTestId('chosen-files').innerText()).toContain('hubspot-contacts.csv');
  await page.getByTestId('to-mapping').click();
  expect(await page.getByTestId('map-mqlDate').inputValue()).toBe('col:Became a Marketing Qualified Lead date');
  expect(await page.getByTestId('map-customerDate').inputValue()).toBe('col:Became a Customer date');
  await page.getByTestId('to-check').click();
  await expect
    .poll(() => page.getByTestId('row-accounting').first().innerText(), { timeout: 30_000 })
    .toBe('6 rows: 6 new, 0 updated, 0 unchanged, 0 with problems');
  await page.getByTestId('start-import').click();
  await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
  await page.getByTestId('see-funnel').click();
  await page.getByTestId('funnel-table').first().waitFor({ timeout: 30_000 });
}
