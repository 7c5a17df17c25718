// The safety screens, clicked in the built UI: the damage banner on a workspace whose pages were
// overwritten offers the newest good backup and restores it; Settings → Backups lists, makes and
// restores backups (the data shown is then the backup's); the keep-last / keep-days settings are
// validated in plain words, saved and applied; the whole workspace goes to a zip and back into a
// new workspace file, which the app then opens.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFile } from '#core/backup/backup-write.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { damageIndex } from '../support/safety.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const DEALS = 300;
const count = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe('safety screens', () => {
  let dir: string;
  let good: string;
  let app: Winnow | null = null;
  const shot = (name: string) =>
    app!.page.screenshot({ path: join(SCREENSHOT_DIR, `safety-${name}.png`), fullPage: true });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-safety-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    good = join(dir, 'good.winnow');
    const ws = await openWorkspace(good, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: DEALS, seed: 3 });
    ws.close();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows the damage banner for a workspace with overwritten pages and restores the newest good backup', async () => {
    const damaged = join(dir, 'damaged.winnow');
    copyFileSync(good, damaged);
    backupFile(damaged, 'manual');
    damageIndex(damaged, 'deals');
    app = await launchWinnow({ dbPath: damaged });
    const { page } = app;
    await page.goto(`${app.origin}/#/`);
    const banner = page.getByTestId('corruption-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('This workspace is damaged');
    expect(await page.getByTestId('restore-newest').innerText()).toMatch(/^Restore newest good backup \(/);
    await shot('0-banner');
    await page.getByTestId('restore-newest').click();
    // The app remounts every area on the restored file: the banner goes.
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    // The file is the sound backup again, with every deal.
    expect(count(damaged, 'PRAGMA integrity_check')).toBe('ok');
    expect(count(damaged, 'SELECT count(*) FROM deals')).toBe(DEALS);
    await app.close();
    app = null;
  }, 120_000);

  it('lists, makes and restores backups; keep settings are checked, saved and applied; the workspace round-trips through a zip', async () => {
    app = await launchWinnow({ dbPath: good });
    const { page } = app;
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.origin}/#/settings`);
    const rows = page.getByTestId('backups-list').locator('tbody tr');
    // The backup taken at start.
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const before = await rows.count();
    const hide = page.getByTestId('hide-rate-below');
    expect(await hide.inputValue()).toBe('5');

    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByText(/^Backup written and checked: /).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => rows.count()).toBe(before + 1);
    await shot('1-backups');

    // Change the data, then restore the manual backup: the setting shown is the backup's again.
    await hide.fill('3');
    await page.getByTestId('save-settings').click();
    await page.getByText('Saved.').waitFor();
    await rows.filter({ hasText: 'manual' }).first().getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByTestId('hide-rate-below').inputValue(), { timeout: 30_000 }).toBe('5');

    // Keep settings: plain words for a bad value, then saved and applied by the next backup.
    const keepLast = page.getByTestId('backup-keep-last');
    expect(await keepLast.inputValue()).toBe('10');
    expect(await page.getByTestId('backup-keep-days').inputValue()).toBe('7');
    await keepLast.fill('0');
    await page.getByTestId('save-settings').click();
    await expect.poll(() => page.locator('#backupKeepLast-error').innerText()).toBe('At least 1');
    await keepLast.fill('1');
    await page.getByTestId('backup-keep-days').fill('0');
    await page.getByTestId('save-settings').click();
    await page.getByText('Saved.').waitFor();
    await page.getByTestId('backup-now').click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    await shot('2-keep');

    // Whole workspace: export to a zip, then open it as a new workspace.
    const zip = join(dir, 'good-archive.zip');
    await app.dialogs.next('saveFile', zip);
    await page.getByTestId('archive-export').click();
    await expect
      .poll(() => page.getByTestId('archive-notice').textContent(), { timeout: 60_000 })
      .toMatch(/^Archived [\d,]+ rows of \d+ tables to .*good-archive\.zip\.$/);
    const copy = join(dir, 'from-archive.winnow');
    await app.dialogs.next('openFile', zip);
    await app.dialogs.next('newWorkspace', copy);
    await page.getByTestId('archive-import').click();
    await expect.poll(() => page.getByTestId('workspace-path').textContent(), { timeout: 60_000 }).toBe(copy);
    await shot('3-from-archive');
    expect(count(copy, 'SELECT count(*) FROM deals')).toBe(DEALS);
    // The settings travelled with the data.
    expect(count(copy, "SELECT value_json FROM settings WHERE key = 'backupKeepLast'")).toBe('1');
    expect(count(copy, "SELECT value_json FROM settings WHERE key = 'hideRateBelowN'")).toBe('5');
  }, 240_000);
});
