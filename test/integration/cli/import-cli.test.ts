// `winnow import` and `winnow export` on the command line: the same importer, one-line errors,
// exit codes, saved mappings, the log and undo.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { fixture } from '../../support/import.ts';
import { tempDir } from '../../support/temp-workspace.ts';

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

describe('winnow import / export', () => {
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
    const io = captureIO();
    const code = await main(args, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  it('imports a file, says what happened row by row, and a second run changes nothing', async () => {
    const first = await run('import', 'deals', fixture('hubspot-deals.csv'), '--db', db);
    expect(first).toEqual({
      code: 0,
      err: '',
      out: [
        'Imported hubspot-deals.csv as import #1: 3 rows read = 3 added + 0 updated + 0 unchanged + 0 rejected.',
        '  hubspot-deals.csv (deals): 3 rows read = 3 added + 0 updated + 0 unchanged + 0 rejected',
        '    new competitors: 2 (Acme, Brightline)',
        '    new accounts: 3 (Globex, Initech, Umbrella Corp)',
        '    new owners: 2 (Cara Silva, Dev Patel)',
        `Undo with: winnow import undo 1 --db ${db}`,
      ].join('\n'),
    });
    expect(await run('import', 'deals', fixture('hubspot-deals.csv'), '--db', db)).toEqual({
      code: 0,
      err: '',
      out: 'Nothing changed: all 3 rows already match the workspace.',
    });
    const log = await run('import', 'log', '--db', db);
    expect(log.out).toMatch(
      /^#1 {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}committed {2}deals {4}hubspot-deals\.csv: 3 read, 3 added, 0 updated, 0 unchanged, 0 rejected$/,
    );
    expect(await run('import', 'undo', '1', '--db', db)).toEqual({
      code: 0,
      err: '',
      out: 'Undid import #1 (hubspot-deals.csv): 12 rows removed, 0 rows restored.', // 3 deals, 3 accounts, 2 owners, 2 competitors and their 2 aliases
    });
  });

  it('requires --date-format when the dates are ambiguous', async () => {
    const r = await run('import', 'deals', fixture('ambiguous-dates.csv'), '--db', db);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      'winnow import: nothing was imported: 3 of 3 rows have problems, and without --valid-rows it is all or nothing.',
      '  ambiguous-dates.csv: dates such as 03/04/2024 fit both D/M/YYYY and M/D/YYYY: run again with --date-format.',
    ]);
    const ok = await run('import', 'deals', fixture('ambiguous-dates.csv'), '--db', db, '--date-format', 'M/D/YYYY');
    expect(ok.code).toBe(0);
    const bad = await run('import', 'deals', fixture('ambiguous-dates.csv'), '--db', db, '--date-format', 'DD-MM');
    expect(bad).toEqual({
      code: 2,
      out: '',
      err: 'winnow import: --date-format must be one of YYYY-MM-DD, M/D/YYYY, D/M/YYYY, D.M.YYYY, got "DD-MM"',
    });
  });

  it('lists problems and imports nothing by default; --valid-rows imports the rest and --rejected saves the others', async () => {
    const all = await run('import', 'deals', fixture('problem-rows.csv'), '--db', db);
    expect(all.code).toBe(1);
    expect(all.err).toContain(
      '  problem-rows.csv: Amount: negative: amounts must be 0 or more — 1 rows (first on line 3: "-50")',
    );
    expect(all.err).toContain(
      '  problem-rows.csv: Outcome "Verbal commit" (1 rows) is not mapped: add it to the mapping\'s values.',
    );
    const rejected = join(dir, 'rejected.csv');
    const some = await run(
      'import',
      'deals',
      fixture('problem-rows.csv'),
      '--db',
      db,
      '--valid-rows',
      '--rejected',
      rejected,
    );
    expect(some.code).toBe(0);
    expect(some.out.split('\n')[0]).toBe(
      'Imported problem-rows.csv as import #1: 9 rows read = 2 added + 0 updated + 0 unchanged + 7 rejected.',
    );
    expect(some.err).toBe(`Rejected rows of problem-rows.csv, with their reasons: ${rejected}`);
    expect(readFileSync(rejected, 'utf8').split('\r\n').length).toBe(1 + 7 + 1);
  });

  it('uses a mapping file, and saves a mapping with accepted near matches for the next file', async () => {
    const mappingFile = join(dir, 'generic.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({
        kind: 'deals',
        fields: {
          externalId: { column: 'Deal Ref' },
          name: { column: 'Deal' },
          accountName: { column: 'Customer' },
          amount: { column: 'Deal Value' },
          closeDate: { column: 'Closed On' },
          outcome: { column: 'Result' },
        },
      }),
    );
    const r = await run(
      'import',
      'deals',
      fixture('generic-deals.csv'),
      '--db',
      db,
      '--mapping',
      mappingFile,
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).totals).toEqual({ rowsRead: 4, inserted: 4, updated: 0, unchanged: 0, rejected: 0 });

    const related = ['--products', fixture('related-products.csv'), '--owners', fixture('related-owners.csv')];
    const held = await run('import', 'deals', fixture('related-deals.csv'), '--db', db, ...related);
    expect(held.code).toBe(1);
    expect(held.err).toContain(
      '  related-deals.csv: Product "GTXPro" (1 rows) looks like "GTX Pro" (same name apart from case, spaces, punctuation or a legal form (Inc, Ltd, Corp)): use --accept-near-matches or decide in the mapping.',
    );
    const accepted = await run(
      'import',
      'deals',
      fixture('related-deals.csv'),
      '--db',
      db,
      ...related,
      '--accept-near-matches',
      '--save-mapping',
      'Maven',
    );
    expect(accepted.code).toBe(0);
    expect(accepted.err.split('\n')).toEqual([
      'Accepted: Product "GTXPro" = "GTX Pro" (same name apart from case, spaces, punctuation or a legal form (Inc, Ltd, Corp))',
      'Saved the mapping as "Maven".',
    ]);
    const reuse = await run('import', 'deals', fixture('related-deals.csv'), '--db', db, '--mapping', 'Maven');
    expect(reuse.out).toBe('Nothing changed: all 3 rows already match the workspace.');
    const missing = await run('import', 'deals', fixture('related-deals.csv'), '--db', db, '--mapping', 'Nope');
    expect(missing).toEqual({
      code: 2,
      out: '',
      err: 'winnow import: --mapping Nope: no such file, and no mapping of that name is saved in the workspace',
    });
  });

  it('gives one clear line for bad input', async () => {
    expect(await run('import', 'deals', fixture('empty.csv'), '--db', db)).toEqual({
      code: 1,
      out: '',
      err: 'winnow import: empty.csv is empty: there is nothing to import.',
    });
    expect((await run('import', 'deals', fixture('workbook.xlsx'), '--db', db)).err).toBe(
      'winnow import: workbook.xlsx: This file is a zip archive, such as an Excel workbook (.xlsx), not a CSV file. Open it in its program and save or export it as CSV.',
    );
    expect(await run('import', 'widgets', 'x.csv')).toEqual({
      code: 2,
      out: '',
      err: 'winnow import: unknown kind "widgets"; kinds are deals, accounts, owners, products, stage-history, competitors, deal-competitors, interviews, quotes, revenue, leads, touches',
    });
    const none = await run('import', 'deals', join(dir, 'missing.csv'), '--db', db);
    expect(none).toEqual({ code: 2, out: '', err: `winnow import: no file at ${join(dir, 'missing.csv')}` });
  });

  it('imports competitors: the export back unchanged, a new website and spelling, and with deals', async () => {
    await run('import', 'deals', fixture('hubspot-deals.csv'), '--db', db);
    const comp = join(dir, 'competitors.csv');
    await run('export', 'competitors', '--out', comp, '--db', db);
    expect(await run('import', 'competitors', comp, '--db', db)).toEqual({
      code: 0,
      err: '',
      out: 'Nothing changed: all 2 rows already match the workspace.',
    });
    const edited = join(dir, 'edited.csv');
    writeFileSync(edited, 'Competitor,Website,Aliases\nACME Inc.,https://acme.example,"Acme; ""Acme; legacy"""\n');
    const r = await run('import', 'competitors', edited, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toBe(
      '  edited.csv (competitors): 1 rows read = 0 added + 1 updated + 0 unchanged + 0 rejected',
    );
    await run('export', 'competitors', '--out', comp, '--db', db);
    expect(readFileSync(comp, 'utf8').split('\r\n')[1]).toBe(
      'Acme,https://acme.example,"Acme; ""Acme; legacy""",2,2,1,0.5,0.0945,0.9055,',
    );
    // A related file of a deals import: Zenith's spelling "Zen" names it in the deals file.
    const deals = join(dir, 'deals.csv');
    writeFileSync(deals, 'Deal ID,Deal,Stage,Close date,Competitors\nZ-1,Zed deal,Closed Lost,2025-03-31,Zen\n');
    writeFileSync(edited, 'Competitor,Aliases,Notes\nZenith,Zen,Enterprise only\n');
    const both = await run('import', 'deals', deals, '--competitors', edited, '--db', db);
    expect(both.code).toBe(0);
    expect(both.out).not.toContain('new competitors');
    const help = await run('import', 'competitors', '--help');
    expect(help.out).toContain('  aliases: Aliases [aliases, alias, spellings].');
    expect(help.out).toContain('Recognised exports: Winnow competitors export, Generic CSV');
    expect((await run('import', 'deals', '--help')).out).toContain('--competitors FILE');
  });

  it('exports deals, competitors and accounts as CSV', async () => {
    await run('import', 'deals', fixture('hubspot-deals.csv'), '--db', db);
    const out = join(dir, 'deals.csv');
    expect(await run('export', 'deals', '--out', out, '--db', db)).toEqual({
      code: 0,
      err: '',
      out: `Wrote 3 deals to ${out}.`,
    });
    const lines = readFileSync(out, 'utf8').split('\r\n');
    // Cara Silva came without a CRM id: her owner id is Winnow's own (winnow-1), so she comes back to herself.
    expect(lines[1]).toBe(
      '9001,Globex upgrade,Globex,,15000,USD,Won,closedwon,2024-02-01,,,2024-05-10,New business,,Cara Silva,winnow-1,,,,,,Acme (primary); Brightline,,,,',
    );
    const comp = join(dir, 'competitors.csv');
    expect((await run('export', 'competitors', '--out', comp, '--db', db)).code).toBe(0);
    expect(readFileSync(comp, 'utf8').split('\r\n').slice(0, 3)).toEqual([
      '\ufeffCompetitor,Website,Aliases,Deals met,Closed,Won,Win rate,95% CI low,95% CI high,Notes',
      'Acme,,Acme,2,2,1,0.5,0.0945,0.9055,',
      'Brightline,,Brightline,1,1,1,1,0.2065,1,',
    ]);
    expect(await run('export', 'leads', '--out', out, '--db', db)).toEqual({
      code: 2,
      out: '',
      err: 'winnow export: say what to export: deals, competitors or accounts; got "leads"',
    });
  });
});
