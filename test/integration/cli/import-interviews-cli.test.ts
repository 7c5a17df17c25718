// `winnow import interviews FILE [--quotes FILE]`: the kind registry's interviews on the command
// line, with values to map given in a mapping file, new themes only on request, and undo.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { fixture, suggested } from '../../support/import.ts';
import { seedDeals } from '../../support/interview-import.ts';
import { tempDir } from '../../support/temp-workspace.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

describe('winnow import interviews', () => {
  let dir: string;
  let db: string;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, 'w.winnow');
    const ws = await openWorkspace(db, { mode: 'create' });
    seedDeals(ws.sqlite);
    ws.close();
  });
  afterEach(() => cleanup());

  const run = async (...args: string[]) => {
    const io = captureIO();
    const code = await main(args, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  it('says which values need mapping, imports with a mapping file, then with quotes, and undoes', async () => {
    const first = await run('import', 'interviews', fixture('interviews-sheet.csv'), '--db', db);
    expect(first.code).toBe(1);
    expect(first.out).toBe('');
    expect(first.err.split('\n')).toEqual([
      'winnow import: nothing was imported: 1 of 5 rows have problems, and without --valid-rows it is all or nothing.',
      '  interviews-sheet.csv: Interviewee role "Procurement" (1 rows) is not mapped: add it to the mapping\'s values.',
      '  interviews-sheet.csv: Reason "Suport quality" (1 rows) looks like "Support quality" (differs by one letter): use --accept-near-matches or decide in the mapping.',
      '  interviews-sheet.csv: Interviewee role: not a known interviewee role: map it — 1 rows (first on line 6: "Procurement")',
      '  interviews-sheet.csv: Primary reason: needs your decision: looks like "Support quality" — 1 rows (first on line 6: "Suport quality")',
      'Fix the file or the mapping, or run again with --valid-rows to import the 4 valid rows (add --rejected FILE to save the others with their reasons).',
    ]);

    const mapping = suggested('interviews', fixture('interviews-sheet.csv'));
    mapping.values.intervieweeRole = { Procurement: 'economic_buyer' };
    const mappingFile = join(dir, 'sheet-mapping.json');
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const ok = await run(
      'import',
      'interviews',
      fixture('interviews-sheet.csv'),
      '--mapping',
      mappingFile,
      '--accept-near-matches',
      '--quotes',
      fixture('quotes-sheet.csv'),
      '--add-new-themes',
      '--db',
      db,
    );
    expect(ok).toEqual({
      code: 0,
      err: [
        'Accepted: Reason "Suport quality" = "Support quality" (differs by one letter)',
        'New theme: "procurement pain"',
      ].join('\n'),
      out: [
        'Imported interviews-sheet.csv as import #1: 8 rows read = 8 added + 0 updated + 0 unchanged + 0 rejected.',
        '  interviews-sheet.csv (interviews): 5 rows read = 5 added + 0 updated + 0 unchanged + 0 rejected',
        '  quotes-sheet.csv (quotes): 3 rows read = 3 added + 0 updated + 0 unchanged + 0 rejected',
        '    new themes: 1 (procurement pain)',
        `Undo with: winnow import undo 1 --db ${db}`,
      ].join('\n'),
    });
    const search = await run('interviews', 'search', 'discount', '--db', db);
    expect(search.code).toBe(0);
    expect(search.out.split('\n')).toEqual([
      '1 interview on 1 deal match "discount"',
      '',
      '#4  2025-04-02  Evergreen (Lost, complete)',
      "  Buyer's statement: Acme's [discount] won it.",
    ]);

    expect(await run('import', 'undo', '1', '--db', db)).toEqual({
      code: 0,
      err: '',
      out: 'Undid import #1 (interviews-sheet.csv): 9 rows removed, 0 rows restored.', // 5 interviews, 3 quotes, 1 theme
    });
  });

  it('quotes go with interviews (or deals), not with other kinds', async () => {
    const r = await run(
      'import',
      'stage-history',
      fixture('opportunity-history.csv'),
      '--quotes',
      fixture('quotes-sheet.csv'),
      '--db',
      db,
    );
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'winnow import: --quotes goes with "winnow import deals" or "winnow import interviews"',
    });
    const help = await run('import', '--help');
    expect(help.out).toContain(
      'Kinds: deals, accounts, owners, products, stage-history, competitors, deal-competitors, interviews, quotes',
    );
    expect(help.out).toContain('with interviews: --quotes FILE; with leads: --touches FILE');
  });
});
