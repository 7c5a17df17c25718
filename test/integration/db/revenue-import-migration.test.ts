// The revenue_import migration on a workspace that already has revenue lines: they are kept, with
// no last day (so their last month stays incomplete, as before), and the data's last date is read
// from the new (period, last_date) index.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '#core/db/migrations.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { planRefresh } from '#core/retention/retention-refresh.ts';
import { tempDir } from '../../support/temp-workspace.ts';

const all = readMigrations(defaultMigrationsDir());
const at = all.findIndex((m) => m.tag.endsWith('_revenue_import'));

describe('migration revenue_import', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('keeps earlier revenue lines, without a last day, and reads the last date from its index', async () => {
    expect(at).toBeGreaterThan(0);
    const path = join(dir, 'before.winnow');
    const before = await openWorkspace(path, { mode: 'create', migrations: all.slice(0, at) });
    before.sqlite.prepare("INSERT INTO accounts (id, name) VALUES (1, 'Acme')").run();
    before.sqlite
      .prepare("INSERT INTO revenue_lines (account_id, period, amount, kind) VALUES (1, '2024-05-01', 100, 'mrr')")
      .run();
    before.close();

    const ws = await openWorkspace(path, { mode: 'open' });
    try {
      expect(ws.schemaVersion).toBe(all.length);
      expect(ws.sqlite.prepare('SELECT account_id, period, amount, kind, last_date FROM revenue_lines').all()).toEqual([
        { account_id: 1, period: '2024-05-01', amount: 100, kind: 'mrr', last_date: null },
      ]);
      expect(planRefresh(ws.sqlite).asOf).toBe('2024-05-01');
      ws.sqlite.prepare("UPDATE revenue_lines SET last_date = '2024-05-31'").run();
      expect(planRefresh(ws.sqlite).asOf).toBe('2024-05-31');
      const plan = ws.sqlite
        .prepare("EXPLAIN QUERY PLAN SELECT max(last_date) FROM revenue_lines WHERE period = '2024-05-01'")
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX revenue_lines_period');
    } finally {
      ws.close();
    }
  });
});
