// `winnow import revenue` through the kind registry: a saved mapping with the file's options,
// --option over it, the row accounting and notes, then `winnow cohorts` on what it imported.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { fixture } from '../../support/import.ts';
import { tempDir } from '../../support/temp-workspace.ts';

describe('winnow import revenue', () => {
  let dir: string;
  let db: string;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, 'w.winnow');
    expect(await main(['init', '--db', db], { out: () => {}, err: () => {}, interactive: false })).toBe(0);
  });
  afterEach(() => cleanup());

  const run = async (...args: string[]) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIO = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
    const code = await main(args, io);
    return { code, out: stdout.join('\n'), err: stderr.join('\n') };
  };

  it('imports a purchase log through a mapping file, saves it, and the cohorts read it', async () => {
    const mapping = join(dir, 'log.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        kind: 'revenue',
        fields: { customerId: { column: 'customer_id' }, date: { column: 'date' }, amount: { column: 'dollar_value' } },
        options: { lines: 'invoice' },
      }),
    );
    const first = await run(
      'import',
      'revenue',
      fixture('revenue-cdnow-v1.csv'),
      '--mapping',
      mapping,
      '--save-mapping',
      'Purchase log',
      '--db',
      db,
    );
    expect(first).toEqual({
      code: 0,
      err: 'Saved the mapping as "Purchase log".',
      out: [
        'Imported revenue-cdnow-v1.csv as import #1: 11 rows read = 11 added + 0 updated + 0 unchanged + 0 rejected.',
        '  revenue-cdnow-v1.csv (revenue): 11 rows read = 11 added + 0 updated + 0 unchanged + 0 rejected',
        '    11 rows make 9 revenue lines: rows of one customer, month and kind are added up.',
        '    Dates run from 1997-01-03 to 1997-04-30.',
        '    new accounts: 5 (00001, 00002, 00003, 00004, 00005)',
        `Undo with: winnow import undo 1 --db ${db}`,
      ].join('\n'),
    });
    const second = await run(
      'import',
      'revenue',
      fixture('revenue-cdnow-v2.csv'),
      '--mapping',
      'Purchase log',
      '--db',
      db,
    );
    expect(second.out.split('\n').slice(0, 2)).toEqual([
      'Imported revenue-cdnow-v2.csv as import #2: 12 rows read = 1 added + 3 updated + 8 unchanged + 0 rejected.',
      '  revenue-cdnow-v2.csv (revenue): 12 rows read = 1 added + 3 updated + 8 unchanged + 0 rejected',
    ]);
    const cohorts = await run('cohorts', '--grain', 'month', '--metric', 'logo', '--db', db);
    expect(cohorts.code).toBe(0);
    expect(cohorts.out).toContain(
      'Data through 1997-05-31; it ends 1997-05, which is complete. 5 customers (0 from won deals, 0 from MRR lines, 5 from invoices).',
    );
  });

  it('--option sets a choice for the file and is checked', async () => {
    const r = await run(
      'import',
      'revenue',
      fixture('revenue-mrr.csv'),
      '--option',
      'lines=mrr',
      '--option',
      'newCustomers=reject',
      '--check',
      '--db',
      db,
    );
    expect(r.out.split('\n')[0]).toBe(
      'Check of revenue-mrr.csv (nothing written): 7 rows read = 0 added + 0 updated + 0 unchanged + 7 rejected.',
    );
    expect(r.out).toContain(
      'Customer name: no account has this customer id or name (the file is set to reject unknown customers) — 7 rows (first on line 2: "Acme Corp")',
    );
    expect(await run('import', 'revenue', fixture('revenue-mrr.csv'), '--option', 'lines=weekly', '--db', db)).toEqual({
      code: 2,
      out: '',
      err: 'winnow import: --option lines: must be invoice or mrr, got "weekly"',
    });
    expect(await run('import', 'deals', fixture('revenue-mrr.csv'), '--option', 'lines=mrr', '--db', db)).toEqual({
      code: 2,
      out: '',
      err: 'winnow import: --option lines=mrr: deals files take competitorPrimary=first|marked',
    });
  });
});
