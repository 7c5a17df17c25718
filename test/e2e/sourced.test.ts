// A user opens the Funnel's Sourced tab on a workspace holding test/fixtures/sourced/ (deals, their
// leads and campaign touches), reads who sourced the pipeline and what marketing influenced, then
// switches the attribution model and sees a campaign's credit change to the hand-computed value
// (test/integration/funnel/sourced.test.ts has the working):
//   Spring webinar: linear 18,333.35 → W-shaped 24,300.01; Summer webinar: 6,333.33 → 6,900.00.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { importSourcedFixture } from '../support/sourced-fixture.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

describe('sourced vs influenced and attribution', () => {
  let app: Winnow;
  const shot = (name: string) =>
    app.page.screenshot({ path: join(SCREENSHOT_DIR, `sourced-${name}.png`), fullPage: true });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-sourced-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const dbPath = join(dir, 'sourced.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    importSourcedFixture(ws.sqlite);
    ws.close();
    app = await launchWinnow({ dbPath });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows sourced and influenced shares and re-attributes a campaign when the model changes', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/funnel`);
    await page.getByTestId('funnel-tab').getByText('Sourced and attribution').click();

    // Pipeline: marketing sourced 4 of 10 deals, 29,999.99 of 82,000.00 (36.6%); sales sourced 3,
    // of which marketing influenced 2 (23,000.01 of 31,000.01: 74.2%).
    const marketing = page.getByTestId('sourced-pipeline-marketing');
    await expect.poll(() => marketing.innerText(), { timeout: 10_000 }).toContain('29,999.99');
    expect(await marketing.innerText()).toContain('36.6%');
    expect(await page.getByTestId('sourced-pipeline-sales').getByTestId('influenced-amount-share').innerText()).toBe(
      '74.2%',
    );
    expect(await page.getByTestId('sourced-pipeline-all').getByTestId('influenced-amount-share').innerText()).toBe(
      '76.8%',
    );

    const credit = (campaign: string) =>
      page.getByTestId('campaign-row').filter({ hasText: campaign }).getByTestId('campaign-amount').innerText();
    await expect.poll(() => credit('Spring webinar')).toBe('18,333.35');
    expect(await credit('Summer webinar')).toBe('6,333.33');
    expect(await page.getByTestId('attribution-summary').innerText()).toContain('4 of 6 won deals');
    await shot('0-linear');

    await page.getByTestId('sourced-model').getByText('W-shaped (30/30/30/10)').click();
    await expect.poll(() => credit('Spring webinar')).toBe('24,300.01');
    expect(await credit('Summer webinar')).toBe('6,900.00');
    expect(await credit('Search Q1')).toBe('11,799.99');
    // The published weights follow the model: 3 touches with the opportunity touch T1 → 60/10/30.
    const weights = await page.getByTestId('weights-table').innerText();
    expect(weights).toContain('W-shaped');
    expect(weights).toMatch(/3\s+T1\s+60%\s+10%\s+30%/);
    await shot('1-w-shaped');
  });
});
