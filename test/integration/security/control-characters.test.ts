// Control characters (NUL, ESC, BEL, DEL, C1) from every door: a CSV, the contract, and text
// already stored by an older version. Nothing keeps them, the app's own export imports back, and
// the CLI never writes them to a terminal.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DealDetail } from '#shared/domain/deals.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { exportAllDeals } from '#core/export/csv-exports.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import { formDeal } from '../../support/deal-input.ts';
import { importFiles } from '../../support/import.ts';
import { insertDeals } from '../../support/insert.ts';
import { sessionPerTest } from '../../support/test-session.ts';

const BIN = fileURLToPath(new URL('../../../electron/cli/winnow.js', import.meta.url));
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

describe('control characters', () => {
  const t = sessionPerTest();

  // A NUL byte marks a file as binary: the importer refuses it whole (file-setup.ts), so the CSV
  // here carries the other controls.
  it('a CSV import stores names without them', () => {
    const csv = join(t.dir, 'hostile.csv');
    writeFileSync(
      csv,
      'Deal Ref,Deal,Customer,Deal Value,Closed On,Result,Competitor,Segment\r\n' +
        'H-1,Bell\u0007 deal,Esc\u001b[2J Corp,1000,2024-01-31,Won,Back\u0008Soft,SM\u007fB\r\n' +
        'H-2,"Two\u009b\nlines",Plain Co,500,2024-02-29,Lost,Acme,SMB\r\n' +
        // Plain rows around them, as in a real export (a file mostly of controls is refused).
        Array.from({ length: 30 }, (_, i) => `P-${i},Plain ${i},Plain Co,100,2024-03-01,Won,Acme,SMB\r\n`).join(''),
    );
    const ws = t.session.require();
    const r = importFiles(ws.sqlite, [
      {
        file: csv,
        adjust: (m) => {
          m.fields.externalId = { column: 'Deal Ref' };
          m.fields.name = { column: 'Deal' };
        },
      },
    ]);
    expect(r.problems).toEqual([]);
    const rows = ws.sqlite
      .prepare(
        `SELECT d.name, a.name AS account, d.segment FROM deals d JOIN accounts a ON a.id = d.account_id
         WHERE d.external_id LIKE 'H-%' ORDER BY d.id`,
      )
      .all();
    expect(rows).toEqual([
      { name: 'Bell deal', account: 'Esc[2J Corp', segment: 'SMB' },
      { name: 'Two\nlines', account: 'Plain Co', segment: 'SMB' },
    ]);
    const competitors = ws.sqlite.prepare('SELECT name FROM competitors ORDER BY name').pluck().all();
    expect(competitors).toEqual(['Acme', 'BackSoft']);
  });

  it('the contract stores none, so the app’s own export imports back into a new workspace', async () => {
    const r = await dispatch(
      handlers,
      'deals:create',
      { ...formDeal, name: 'Null\u0000 deal\u001b', accountName: 'Del\u007f Co', repReason: 'Price\u0007' },
      t.session,
    );
    expect(r.ok).toBe(true);
    const deal = (r as { value: { deal: DealDetail } }).value.deal;
    expect([deal.name, deal.account?.name]).toEqual(['Null deal', 'Del Co']);
    const out = join(t.dir, 'deals.csv');
    exportAllDeals(t.session.require().sqlite, out);
    const fresh = await openWorkspace(join(t.dir, 'fresh.winnow'), { mode: 'create' });
    try {
      // The export's "Deal" header is mapped by hand here (recognising it is issue 14's round trip).
      const back = importFiles(fresh.sqlite, [{ file: out, adjust: (m) => (m.fields.name = { column: 'Deal' }) }]);
      expect(back.problems).toEqual([]);
      expect(fresh.sqlite.prepare('SELECT name FROM deals').pluck().all()).toEqual(['Null deal']);
    } finally {
      fresh.close();
    }
  });

  it('the CLI shows text stored by an older version as visible escapes, never raw', () => {
    const ws = t.session.require();
    // An older Winnow stored names as they came; write them straight into the file.
    insertDeals(ws.sqlite, [
      { outcome: 'won', closeDate: '2025-01-10', competitors: ['Evil\u001b]0;pwned\u0007'] },
      { outcome: 'lost', closeDate: '2025-02-10', competitors: ['Evil\u001b]0;pwned\u0007'] },
    ]);
    const run = spawnSync(process.execPath, [BIN, 'stats', '--db', ws.path], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(ANY_CONTROL);
    expect(run.stderr).not.toMatch(ANY_CONTROL);
    expect(run.stdout).toContain('Evil\\u001b]0;pwned\\u0007');
  });
});
