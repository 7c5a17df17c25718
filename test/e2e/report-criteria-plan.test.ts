// The report builder's qualification-criteria and saved-plan sections, clicked in the built UI on the
// hand-made criteria and planner workspace (test/support/criteria-fixture.ts, planner-fixture.ts):
// no plan section is offered before a plan is saved; a plan saved in the planner is offered, the
// preview prints the planner screen's own figures for it, and a template keeps the choice.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { insertCriteriaFixture } from '../support/criteria-fixture.ts';
import { insertPlannerHistory } from '../support/planner-fixture.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

describe('report criteria and saved-plan sections', () => {
  let app: Winnow;
  beforeAll(async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'winnow-e2e-reportsec-')), 'plan.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    insertCriteriaFixture(ws.sqlite);
    insertPlannerHistory(ws.sqlite);
    ws.close();
    app = await launchWinnow({ dbPath });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('offers a saved plan and previews the planner’s figures beside the criteria tables', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/reports`);
    await page.getByTestId('report-no-plans').waitFor({ timeout: 30_000 });
    const kinds = () =>
      page
        .getByTestId('report-add-section')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await kinds()).not.toContain('plan');
    expect(await kinds()).toContain('criteria');

    await page.goto(`${app.origin}/#/funnel`);
    await page.getByTestId('funnel-tab').getByText('Needed-MQL planner').click();
    await page.getByTestId('plan-target').fill('750000');
    await page.getByTestId('plan-needed').waitFor({ timeout: 30_000 });
    const needed = await page.getByTestId('plan-needed').innerText();
    const odds90 = await page.getByTestId('plan-odds-90').innerText();
    const gap = await page.getByTestId('plan-gap').innerText();
    await page.getByTestId('plan-name').fill('Q3 stretch');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('saved-plan').allInnerTexts()).toHaveLength(1);

    await page.goto(`${app.origin}/#/reports`);
    await expect.poll(kinds).toContain('plan');
    expect(await page.getByTestId('report-no-plans').count()).toBe(0);
    await page.getByTestId('report-add-section').selectOption('criteria');
    await page.getByTestId('report-add-section').selectOption('plan');
    expect(await page.getByTestId('report-s5-plan').inputValue()).toBe('Q3 stretch');
    await page.getByTestId('report-period').selectOption('allTime');
    await page.getByTestId('report-preview-button').click();
    await page.getByTestId('report-status').filter({ hasText: 'Preview of' }).waitFor({ timeout: 60_000 });
    const shown = await page.getByTestId('report-preview').evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(shown).toContain(`Needed MQLs: ${needed}`);
    expect(shown).toContain(`MQLs for a 90% chance${odds90}`);
    expect(shown).toContain(`Gap${gap}`);
    expect(shown).toContain('+75.0 pts (−3.0 to +96.6)');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-criteria-plan.png'), fullPage: true });

    await page.getByTestId('report-template-name').fill('Plan pack');
    await page.getByTestId('report-save-template').click();
    await page.getByTestId('report-status').filter({ hasText: 'Template "Plan pack" saved.' }).waitFor();
    await page.getByTestId('report-template-load').selectOption({ label: 'Plan pack' });
    expect(await page.getByTestId('report-s5-plan').inputValue()).toBe('Q3 stretch');
    expect(await page.getByTestId('report-s4-mqls').inputValue()).toBe('all');
  });
});
