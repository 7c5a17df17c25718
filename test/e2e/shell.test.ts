// The app shell end to end: first run (empty or demo), areas not built yet, settings that change
// what the dashboard shows, the workspace menu, and a workspace that must be refused.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_TABLE } from '#core/db/migrator.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'winnow-e2e-shell-'));
const shot = async (app: Winnow, name: string) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await app.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
};

describe('app shell', () => {
  let app: Winnow | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(() => closeBrowser());

  it('offers an empty workspace or demo data on first run, and loads the demo with progress', async () => {
    const dir = fresh();
    app = await launchWinnow({ dbPath: join(dir, 'first.winnow') });
    const { page } = app;
    await page.getByRole('heading', { name: 'Welcome to Winnow' }).waitFor();
    await shot(app, 'welcome');
    await page.getByTestId('load-demo').click();
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('tile-deals').innerText()).toContain('3,000');
    expect(await page.getByTestId('tile-last-import').innerText()).toContain('Demo: Northwind Insight (seed 42)');
  });

  it('starts empty when asked, and says what to do next', async () => {
    const dir = fresh();
    app = await launchWinnow({ dbPath: join(dir, 'empty.winnow') });
    const { page } = app;
    await page.getByTestId('start-empty').click();
    await page.getByRole('heading', { name: 'No deals in this workspace yet' }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(/Import a CSV export from your CRM/);
    await shot(app, 'empty-workspace');
  });

  it('has every area built: none says it is not built or speaks of a later issue', async () => {
    const dir = fresh();
    app = await launchWinnow({ dbPath: join(dir, 'areas.winnow') });
    const { page } = app;
    for (const label of ['Funnel', 'Reports']) {
      await page.getByRole('link', { name: new RegExp(`^${label}`) }).click();
      await expect.poll(() => page.locator('main').innerText()).not.toBe('');
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('Not built yet.');
      expect(text).not.toMatch(/later issue|issue lands/i);
    }
  });

  it('applies settings at once: the low-n rule hides a rate whose n is below the threshold', async () => {
    const dir = fresh();
    const dbPath = join(dir, 'settings.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    const { loadDemo } = await import('#core/demo/load-demo.ts');
    loadDemo(ws.sqlite, { deals: 1000, seed: 9 });
    ws.close();
    app = await launchWinnow({ dbPath });
    const { page } = app;
    await page.getByTestId('dashboard').waitFor();
    const shown = await page.getByTestId('tile-win-rate').innerText();
    expect(shown).toMatch(/\d+\.\d%/);

    await page.getByRole('link', { name: 'Settings' }).click();
    // A threshold above the low-confidence one is refused next to the field, and nothing is saved.
    await page.getByTestId('hide-rate-below').fill('50');
    await page.getByTestId('save-settings').click();
    await expect
      .poll(() => page.locator('#hideRateBelowN-error').innerText())
      .toBe('Must not be more than the low-confidence threshold');
    await page.getByLabel('Grey a rate as low-confidence when n is below').fill('5000');
    await page.getByTestId('hide-rate-below').fill('5000');
    await page.getByTestId('save-settings').click();
    await page.getByText('Saved.').waitFor();

    // The currency comes from the ISO 4217 list, and changing it asks what happens to the amounts.
    // The sum of every deal's amount, through the page's own API.
    const totalAmount = () =>
      page.evaluate(async () => {
        const w = window as unknown as {
          winnow: { deals: { summary: (a: unknown) => Promise<{ value: { amount: number } }> } };
        };
        return (await w.winnow.deals.summary({ filter: {} })).value.amount;
      });
    const before = await totalAmount();
    expect(await page.getByTestId('currency-select').locator('option').count()).toBeGreaterThan(150);
    await page.getByTestId('currency-select').selectOption('EUR');
    await page.getByTestId('currency-apply').click();
    await expect
      .poll(() => page.locator('#currency-rate-error').innerText())
      .toBe('Enter the exchange rate, a number more than 0');
    await page.getByTestId('currency-rate').fill('0.5');
    await page.getByTestId('currency-apply').click();
    await expect.poll(() => page.getByTestId('current-currency').innerText()).toBe('EUR (Euro)');
    expect(await page.getByTestId('currency-done').innerText()).toMatch(
      /^Converted 1,000 deal amounts, .* from USD to EUR at 0\.5\.$/,
    );
    const after = await totalAmount();
    expect(after).toBeCloseTo(before / 2, 2);
    await shot(app, 'settings');

    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('dashboard').waitFor();
    const hidden = await page.getByTestId('tile-win-rate').innerText();
    expect(hidden).not.toMatch(/\d+\.\d%/); // only counts now
    expect(hidden).toMatch(/\d+\/\d+/);
  });

  it('creates, switches and reveals workspaces from the workspace menu', async () => {
    const dir = fresh();
    const first = join(dir, 'first.winnow');
    app = await launchWinnow({ dbPath: first });
    const { page } = app;
    await page.getByTestId('start-empty').click();

    await app.dialogs.next('newWorkspace', join(dir, 'Second'));
    await page.getByTestId('workspace-menu').click();
    await page.getByTestId('workspace-new').click();
    await expect.poll(() => page.getByTestId('workspace-menu').innerText()).toContain('Second.winnow');
    expect(existsSync(join(dir, 'Second.winnow'))).toBe(true);
    await page.getByRole('heading', { name: 'Welcome to Winnow' }).waitFor();

    // Back to the first one through the recent list.
    await page.getByTestId('workspace-menu').click();
    await page.getByRole('menuitem', { name: 'first.winnow' }).click();
    await expect.poll(() => page.getByTestId('workspace-menu').innerText()).toContain('first.winnow');

    await page.getByTestId('workspace-menu').click();
    await page.getByRole('menuitem', { name: 'Show in folder' }).click();
    await expect.poll(() => app!.dialogs.revealed()).toEqual([first]);

    // Cancelling the dialog changes nothing.
    await app.dialogs.next('openWorkspace', null);
    await page.getByTestId('workspace-menu').click();
    await page.getByTestId('workspace-open').click();
    await expect.poll(() => page.getByTestId('workspace-menu').innerText()).toContain('first.winnow');
  });

  it('refuses a workspace written by a newer Winnow, explains why, and leaves it untouched', async () => {
    const dir = fresh();
    const dbPath = join(dir, 'future.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    ws.sqlite
      .prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, tag, hash, applied_at) VALUES (999, 'future', 'f', 'now')`)
      .run();
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    const before = createHash('sha256').update(readFileSync(dbPath)).digest('hex');
    app = await launchWinnow({ dbPath });
    const { page } = app;
    await page.getByTestId('no-workspace').waitFor();
    expect(await page.getByTestId('no-workspace').innerText()).toMatch(/written by a newer version of Winnow/);
    await shot(app, 'newer-schema');
    expect(createHash('sha256').update(readFileSync(dbPath)).digest('hex')).toBe(before);
  });
});
