// Files as they really are (issue part 4 and 6): encodings, separators, line endings, quoted
// newlines, dates, numbers, ragged rows, problem rows, and inputs that are not CSV at all.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { setupFile } from '#core/import/file-setup.ts';
import { dealsView, fixture, importFiles, suggested } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

const CHILD = fileURLToPath(new URL('../../support/import-child.ts', import.meta.url));

const count = (ws: Workspace, table: string) =>
  (ws.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('messy input', () => {
  let ws: Workspace;
  let dir: string;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, dir, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  it.each([
    ['utf8-bom.csv', 'utf-8', 'Zürich «pilot»'],
    ['utf8-no-bom.csv', 'utf-8', 'Zürich «pilot»'],
    ['windows-1252.csv', 'windows-1252', 'Zürich pilot'],
    ['utf16le.txt', 'utf-16le', 'Zürich «pilot»'],
  ])('reads %s (%s) with its accents intact', (file, encoding, secondName) => {
    const r = importFiles(ws.sqlite, [{ file }]);
    expect(r.files[0]).toMatchObject({ encoding, rowsRead: 2, inserted: 2 });
    expect(
      dealsView(ws.sqlite).map((d) => [d.externalId, d.name, d.account, d.amount, d.closeDate, d.outcome]),
    ).toEqual([
      ['M-1', 'Café Crème', 'Société Générale', 1200, '2024-03-31', 'won'],
      ['M-2', secondName, 'Müller AG', 800, '2024-04-30', 'lost'],
    ]);
  });

  it('re-reads a file as Windows-1252 when a byte past the first megabyte is not UTF-8', () => {
    const path = join(dir, 'late-accent.csv');
    const rows = ['Deal ID,Deal Name,Account,Amount,Close Date,Stage'];
    for (let i = 0; i < 30_000; i++) rows.push(`L-${i},Plain deal ${i},Plainco,${i},2024-01-01,Won`);
    const head = Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1');
    expect(head.length).toBeGreaterThan(1 << 20);
    writeFileSync(path, Buffer.concat([head, Buffer.from('L-last,Caf\xe9,Plainco,1,2024-01-01,Won\r\n', 'latin1')]));
    const r = importFiles(ws.sqlite, [{ file: path }]);
    expect(r.files[0]).toMatchObject({ encoding: 'windows-1252', rowsRead: 30_001, inserted: 30_001 });
    expect(ws.sqlite.prepare("SELECT name FROM deals WHERE external_id = 'L-last'").get()).toEqual({ name: 'Café' });
  });

  it('reads European Excel files: ";" separators, decimal commas, € amounts and 31.03.2024 dates', () => {
    const r = importFiles(ws.sqlite, [{ file: 'european-semicolon.csv' }]);
    expect(r.files[0]).toMatchObject({ delimiter: ';', decimalMark: ',', inserted: 3 });
    expect(
      dealsView(ws.sqlite).map((d) => [d.externalId, d.account, d.amount, d.currency, d.closeDate, d.outcome]),
    ).toEqual([
      ['E-1', 'Lyon SA', 1234.56, 'EUR', '2024-03-31', 'won'],
      ['E-2', 'Köln GmbH', 2000, 'USD', '2024-04-15', 'lost'],
      ['E-3', 'Porto Lda', 350.5, 'USD', null, 'open'],
    ]);
  });

  it.each([
    ['tab-separated.tsv', '\t', ['T-1', 'T-2']],
    ['cr-line-endings.csv', ',', ['C-1', 'C-2']],
  ])('reads %s', (file, delimiter, ids) => {
    const r = importFiles(ws.sqlite, [{ file }]);
    expect(r.files[0]).toMatchObject({ delimiter, rowsRead: 2, inserted: 2 });
    expect(dealsView(ws.sqlite).map((d) => d.externalId)).toEqual(ids);
  });

  it('keeps quoted newlines and doubled quotes, and reports problems on the line where the row starts', () => {
    const r = importFiles(ws.sqlite, [{ file: 'quoted-newlines.csv' }], { onProblems: 'valid_rows' });
    expect(r.totals).toEqual({ rowsRead: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    const q1 = dealsView(ws.sqlite)[0]!;
    expect([q1.name, q1.account, q1.repReason]).toEqual([
      'Multi\r\nline "quoted" name',
      'Acme, Inc.',
      'Price, and\r\ntiming',
    ]);
    expect(r.problems).toEqual([
      { file: 'quoted-newlines.csv', line: 6, field: 'Amount', column: 'Amount', value: 'abc', reason: 'not a number' },
    ]);
  });

  it('asks for the date format when every date fits both orders, and reads them as the user says', () => {
    const check = importFiles(ws.sqlite, [{ file: 'ambiguous-dates.csv' }], { mode: 'preview' });
    expect(check.files[0]!.dates).toEqual({
      used: null,
      stated: false,
      ambiguous: true,
      dayFirstEvidence: 0,
      monthFirstEvidence: 0,
    });
    expect(check.totals.rejected).toBe(3);
    expect(check.problems[0]).toMatchObject({
      line: 2,
      value: '03/04/2024',
      reason: 'ambiguous date: choose the file’s date format',
    });
    expect(check.blockers[0]).toBe(
      'ambiguous-dates.csv: dates such as 03/04/2024 fit both day-first and month-first; choose the date format.',
    );
    importFiles(ws.sqlite, [{ file: 'ambiguous-dates.csv', adjust: (m) => (m.dateFormat = 'D/M/YYYY') }]);
    expect(dealsView(ws.sqlite).map((d) => d.closeDate)).toEqual(['2024-04-03', '2024-06-05', '2024-11-12']);
  });

  it('detects day-first dates when one of them only fits that order', () => {
    const r = importFiles(ws.sqlite, [{ file: 'day-first-dates.csv' }]);
    expect(r.files[0]!.dates).toMatchObject({ used: 'D/M/YYYY', dayFirstEvidence: 1 });
    expect(dealsView(ws.sqlite).map((d) => d.closeDate)).toEqual(['2024-04-03', '2024-05-31']);
  });

  it.each([
    ['empty.csv', 'empty.csv is empty: there is nothing to import.'],
    ['header-only.csv', 'header-only.csv has a header row (6 columns) but no data rows: there is nothing to import.'],
    [
      'workbook.xlsx',
      'workbook.xlsx: This file is a zip archive, such as an Excel workbook (.xlsx), not a CSV file. Open it in its program and save or export it as CSV.',
    ],
    [
      'binary.dat',
      'binary.dat: This file contains binary data (zero bytes), so it is not a CSV text file. Export the data as CSV and try again.',
    ],
  ])('refuses %s with a clear message and writes nothing', (file, message) => {
    expect(() => setupFile(fixture(file))).toThrow(message);
    expect(() => importFiles(ws.sqlite, [{ file, mapping: { kind: 'deals', fields: {}, values: {} } }])).toThrow(
      message,
    );
    expect(count(ws, 'import_batches')).toBe(0);
  });

  it('rejects ragged rows (trailing empty cells are fine) with the counts in the reason', () => {
    const r = importFiles(ws.sqlite, [{ file: 'ragged.csv' }], { onProblems: 'valid_rows' });
    expect(r.totals).toEqual({ rowsRead: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'the row has 4 values but the header has 6 columns (a value may hold an unquoted separator or line break)'],
      [4, 'the row has 8 values but the header has 6 columns (a value may hold an unquoted separator or line break)'],
    ]);
    expect(dealsView(ws.sqlite).map((d) => d.externalId)).toEqual(['R-1', 'R-4']);
  });

  it('lists every problem row with line, column, value and reason; all or nothing writes nothing', () => {
    const r = importFiles(ws.sqlite, [{ file: 'problem-rows.csv' }]);
    expect(r.committed).toBe(false);
    expect(count(ws, 'deals')).toBe(0);
    expect(count(ws, 'import_batches')).toBe(0);
    expect(r.totals).toEqual({ rowsRead: 9, inserted: 2, updated: 0, unchanged: 0, rejected: 7 });
    expect(r.problems.map((p) => [p.line, p.column, p.value, p.reason])).toEqual([
      [3, 'Amount', '-50', 'negative: amounts must be 0 or more'],
      [4, 'Close Date', '', 'missing: a won deal needs a close date'],
      [5, 'Stage (stage)', 'Verbal commit', 'not a known outcome: map it to Open, Won, Lost, No decision'],
      [6, 'Close Date', '2024-02-30', 'not a valid date: there is no day 30 in 2024-02'],
      [
        7,
        'Type',
        'Existing Business',
        'not a known deal type: map it to new business, expansion, cross-sell or renewal',
      ],
      [8, 'Deal ID', '', 'missing: every deal needs its CRM id'],
      [9, 'Deal ID', 'P-1', 'appears more than once in the file, with different values (first on line 2)'],
    ]);
    const outcome = r.files[0]!.values.find((v) => v.field === 'outcome')!;
    expect(outcome.values.find((v) => v.raw === 'Verbal commit')).toMatchObject({ status: 'unknown', count: 1 });
  });

  it('imports the valid rows and saves the rejected ones, with their reasons, as CSV', () => {
    const rejectedDir = join(dir, 'rejected');
    const r = importFiles(
      ws.sqlite,
      [{ file: 'problem-rows.csv', adjust: (m) => (m.values.outcome = { 'Verbal commit': 'open' }) }],
      { onProblems: 'valid_rows', rejectedDir },
    );
    expect(r.committed).toBe(true);
    expect(r.totals).toEqual({ rowsRead: 9, inserted: 3, updated: 0, unchanged: 0, rejected: 6 });
    expect(dealsView(ws.sqlite).map((d) => [d.externalId, d.account, d.outcome])).toEqual([
      ['P-1', 'Probco', 'won'],
      ['P-4', 'Probco', 'open'],
      ['P-9', '=HYPERLINK("http://x")', 'won'],
    ]);
    const csv = readFileSync(join(rejectedDir, '0.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\ufeffDeal ID,Deal Name,Account,Amount,Close Date,Stage,Type,Line,Problems');
    expect(csv[1]).toBe(
      "P-2,Negative,Probco,'-50,2024-02-02,Lost,New Business,3,Amount (Amount): negative: amounts must be 0 or more",
    );
    expect(csv.length).toBe(1 + 6 + 1);
    expect(ws.sqlite.prepare('SELECT rows_read, rows_inserted, rows_rejected FROM import_batches').get()).toEqual({
      rows_read: 9,
      rows_inserted: 3,
      rows_rejected: 6,
    });
  });

  it('refuses a mapping that maps one column twice, naming the column and the fields', () => {
    expect(() =>
      importFiles(ws.sqlite, [{ file: 'utf8-no-bom.csv', adjust: (m) => (m.fields.name = { column: 'Account' }) }]),
    ).toThrow(
      'utf8-no-bom.csv: The column "Account" is mapped twice (to Deal name and Account name); map each column to one field.',
    );
    expect(() =>
      importFiles(ws.sqlite, [{ file: 'utf8-no-bom.csv', adjust: (m) => (m.fields.amount = { column: 'Value' }) }]),
    ).toThrow('Amount is mapped to the column "Value", which is not in this file.');
  });

  it('streams a 200 MB file in a heap far smaller than the file', () => {
    const path = join(dir, 'big.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'Deal ID,Deal Name,Account,Amount,Close Date,Stage,Notes\r\n');
    const notes = 'x'.repeat(20_000);
    for (let i = 0; i < 10_000; i++) writeSync(fd, `B-${i},Big ${i},Bigco,${i},2024-01-01,Won,${notes}\r\n`);
    closeSync(fd);
    expect(statSync(path).size).toBeGreaterThan(200_000_000);
    // A 96 MB heap cannot hold the file: the import only succeeds if it streams.
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=96',
        CHILD,
        ws.path,
        String(ws.schemaVersion),
        path,
        JSON.stringify(suggested('deals', path)),
      ],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout.trim().split('\n').at(-1)!)).toEqual({
      totals: { rowsRead: 10_000, inserted: 10_000, updated: 0, unchanged: 0, rejected: 0 },
      committed: true,
    });
    expect(count(ws, 'deals')).toBe(10_000);
  });

  it('stops with a clear message on a row that never ends (an unclosed quote, or not a CSV)', () => {
    const path = join(dir, 'one-line.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'Deal ID,Deal Name\r\nX-1,"never closed ');
    const block = 'y'.repeat(1 << 20);
    for (let i = 0; i < 20; i++) writeSync(fd, block);
    closeSync(fd);
    expect(() =>
      importFiles(ws.sqlite, [
        {
          file: path,
          mapping: {
            kind: 'deals',
            fields: { externalId: { column: 'Deal ID' }, outcome: { value: 'open' } },
            values: {},
          },
        },
      ]),
    ).toThrow('Line 2: one row runs past 16 MB without ending. A quote may be left open, or this is not a CSV file.');
  });
});
