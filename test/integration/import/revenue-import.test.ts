// Revenue files through the importer, then the retention tables they feed. Every figure is worked
// out by hand from the fixtures in test/fixtures/import/revenue-*.csv.
//
// revenue-cdnow-v1.csv, a purchase log in CDNOW's shape (11 rows, data to 1997-04-30), by month:
//   00001 Jan 10 + 25.50 = 35.50, Mar 12      00004 Mar 0 (no revenue), Apr 15
//   00002 Jan 12 + 12 (the same row twice) = 24, Feb 40
//   00003 Feb 9.99, Apr 20                     00005 Apr 60
// 9 lines; customers by first month with revenue: Jan {00001, 00002}, Feb {00003}, Apr {00004, 00005}.
// revenue-cdnow-v2.csv, a newer export: 00001 Mar 12 -> 14, 00002 Feb + 5 = 45, 00003's February
// purchase gone, 00005 May 30 (dated 1997-05-31); the rest as before.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { batchDetail, listBatches } from '#core/import/import-log.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { cohortReport } from '#core/retention/cohort-queries.ts';
import { planRefresh, refreshRetention } from '#core/retention/retention-refresh.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import type { ImportMapping } from '#shared/domain/import-mapping.ts';
import type { Grain } from '#shared/domain/retention.ts';
import { runImport } from '#core/import/run-import.ts';
import { fixture, importFiles } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

const CDNOW: ImportMapping = {
  kind: 'revenue',
  fields: { customerId: { column: 'customer_id' }, date: { column: 'date' }, amount: { column: 'dollar_value' } },
  values: {},
  options: { lines: 'invoice', newCustomers: 'create' },
};

interface LineView {
  customer: string;
  period: string;
  kind: string;
  amount: number;
  lastDate: string | null;
  externalId: string | null;
}

function lines(ws: Workspace): LineView[] {
  return ws.sqlite
    .prepare(
      `SELECT coalesce(a.external_id, a.name) AS customer, r.period, r.kind, r.amount, r.last_date AS lastDate,
              r.external_id AS externalId
         FROM revenue_lines r JOIN accounts a ON a.id = r.account_id
        ORDER BY customer, r.period, r.kind, r.external_id`,
    )
    .all() as LineView[];
}

const short = (l: LineView[]) => l.map((x) => `${x.customer} ${x.period.slice(0, 7)} ${x.kind} ${x.amount}`);

function cohorts(ws: Workspace, grain: Grain = 'month') {
  refreshRetention(ws.sqlite);
  return cohortReport(
    ws.sqlite,
    planRefresh(ws.sqlite),
    { grain, filters: [], by: null, group: null },
    readSettings(ws.sqlite),
  );
}

const count = (ws: Workspace, table: string) =>
  (ws.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('importing a purchase log (CDNOW-shaped)', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  it('adds a customer’s purchases of one month into one invoice line, and creates the customers', () => {
    const r = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v1.csv', mapping: CDNOW }]);
    expect(r.committed).toBe(true);
    expect(r.totals).toEqual({ rowsRead: 11, inserted: 11, updated: 0, unchanged: 0, rejected: 0 });
    expect(r.files[0]!.created).toEqual([
      { entity: 'accounts', count: 5, names: ['00001', '00002', '00003', '00004', '00005'] },
    ]);
    expect(r.files[0]!.notes).toEqual([
      '11 rows make 9 revenue lines: rows of one customer, month and kind are added up.',
      'Dates run from 1997-01-03 to 1997-04-30.',
    ]);
    expect(short(lines(ws))).toEqual([
      '00001 1997-01 invoice 35.5',
      '00001 1997-03 invoice 12',
      '00002 1997-01 invoice 24',
      '00002 1997-02 invoice 40',
      '00003 1997-02 invoice 9.99',
      '00003 1997-04 invoice 20',
      '00004 1997-03 invoice 0',
      '00004 1997-04 invoice 15',
      '00005 1997-04 invoice 60',
    ]);
    expect(lines(ws).map((l) => l.lastDate)).toEqual([
      '1997-01-20',
      '1997-03-14',
      '1997-01-12',
      '1997-02-02',
      '1997-02-10',
      '1997-04-30',
      '1997-03-01',
      '1997-04-05',
      '1997-04-11',
    ]);
    const batch = ws.sqlite.prepare('SELECT DISTINCT import_batch_id AS b FROM revenue_lines').all();
    expect(batch).toEqual([{ b: r.batchId }]);
  });

  it('monthly cohorts; the log ends on 1997-04-30, so April is complete and counts in the average', () => {
    importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v1.csv', mapping: CDNOW }]);
    const r = cohorts(ws);
    expect(r).toMatchObject({ asOf: '1997-04-30', asOfLabel: '1997-04', asOfComplete: true, customers: 5 });
    expect(r.sources).toEqual({ mrr: 0, invoice: 5, deals: 0 });
    expect(r.matrix.rows.map((x) => [x.label, x.size, x.startRevenue])).toEqual([
      ['1997-01', 2, 59.5],
      ['1997-02', 1, 9.99],
      ['1997-04', 2, 75],
    ]);
    const jan = r.matrix.rows[0]!.cells.map((c) => [c.active, c.revenue, c.capped, c.incomplete]);
    expect(jan).toEqual([
      [2, 59.5, 59.5, false],
      [1, 40, 24, false],
      [1, 12, 12, false],
      [0, 0, 0, false],
    ]);
    const feb = r.matrix.rows[1]!.cells.map((c) => [c.active, c.revenue, c.capped, c.incomplete]);
    expect(feb).toEqual([
      [1, 9.99, 9.99, false],
      [0, 0, 0, false],
      [1, 20, 9.99, false],
    ]);
    // k = 1: January's February and February's March (April's cohort has no k = 1 yet).
    expect(r.matrix.average[1]).toMatchObject({ cohorts: 2, size: 3, active: 1, revenue: 40 });
    expect(r.matrix.average[1]!.logo.rate).toBeCloseTo(1 / 3, 12);
    expect(r.matrix.average[1]!.nrr.value).toBeCloseTo(40 / 69.49, 12);
    // k = 2 counts February's April because April is complete: 2 of 3 customers came back.
    expect(r.matrix.average[2]).toMatchObject({ cohorts: 2, size: 3, active: 2, revenue: 32 });
    expect(r.matrix.average[3]).toMatchObject({ cohorts: 1, size: 2, active: 0 });
    // A quarter is complete only when its last day is reached: 1997-Q2 is not.
    const q = cohorts(ws, 'quarter');
    expect(q).toMatchObject({ asOfLabel: '1997-Q2', asOfComplete: false });
    expect(q.matrix.rows[0]!.cells.map((c) => c.incomplete)).toEqual([false, true]);
  });

  it('importing the same file again changes nothing, and records no batch', () => {
    importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v1.csv', mapping: CDNOW }]);
    const before = JSON.stringify([lines(ws), count(ws, 'accounts'), count(ws, 'import_changes')]);
    const again = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v1.csv', mapping: CDNOW }]);
    expect(again).toMatchObject({ committed: false, batchId: null });
    expect(again.totals).toEqual({ rowsRead: 11, inserted: 0, updated: 0, unchanged: 11, rejected: 0 });
    expect(JSON.stringify([lines(ws), count(ws, 'accounts'), count(ws, 'import_changes')])).toBe(before);
    expect(listBatches(ws.sqlite)).toHaveLength(1);
  });

  it('a newer export updates the months whose totals moved, adds new ones, keeps vanished lines and says so', () => {
    importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v1.csv', mapping: CDNOW }]);
    const r = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v2.csv', mapping: CDNOW }]);
    // 12 rows: 00005's May row is new; 00001's March row and 00002's two February rows updated
    // their lines; the other 8 rows make lines that did not change.
    expect(r.totals).toEqual({ rowsRead: 12, inserted: 1, updated: 3, unchanged: 8, rejected: 0 });
    // 00002's February line now ends on the 20th.
    expect(r.files[0]!.changedFields).toEqual([
      { field: 'amount', count: 2 },
      { field: 'last date', count: 1 },
    ]);
    expect(r.files[0]!.notes).toEqual([
      '12 rows make 9 revenue lines: rows of one customer, month and kind are added up.',
      'Dates run from 1997-01-03 to 1997-05-31.',
      '1 revenue lines already in the workspace for the months this file covers are not in it; they are kept (undo the import that added them to remove them).',
    ]);
    expect(short(lines(ws))).toEqual([
      '00001 1997-01 invoice 35.5',
      '00001 1997-03 invoice 14',
      '00002 1997-01 invoice 24',
      '00002 1997-02 invoice 45',
      '00003 1997-02 invoice 9.99',
      '00003 1997-04 invoice 20',
      '00004 1997-03 invoice 0',
      '00004 1997-04 invoice 15',
      '00005 1997-04 invoice 60',
      '00005 1997-05 invoice 30',
    ]);
    expect(cohorts(ws)).toMatchObject({ asOf: '1997-05-31', asOfComplete: true });
    // Undoing the first import now would delete lines the second one changed: it says so.
    expect(batchDetail(ws.sqlite, 1).undoNote).toBe(
      '2 of its revenue lines changed in a later import; undo that one first, or undoing this one removes them with their later amounts.',
    );
    expect(() => undoImport(ws.sqlite, 1)).toThrow(/2 of its revenue lines changed in a later import/);
  });

  it('a cancel while the lines are written rolls everything back', () => {
    const params = {
      files: [{ kind: 'revenue' as const, path: fixture('revenue-cdnow-v1.csv'), mapping: CDNOW }],
      mode: 'commit' as const,
      onProblems: 'all_or_nothing' as const,
      sourceName: 'log',
      mappingName: null,
      rejectedDir: null,
    };
    // Eleven rows never reach the read loop's check: only the writing of the lines sees the cancel.
    expect(() => runImport(ws.sqlite, params, { cancelled: () => true })).toThrow(
      'Import cancelled; the workspace is unchanged.',
    );
    expect([count(ws, 'revenue_lines'), count(ws, 'accounts'), count(ws, 'import_batches')]).toEqual([0, 0, 0]);
  });

  it('undo restores the lines and the retention tables follow; undoing the first removes its customers', () => {
    importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v1.csv', mapping: CDNOW }]);
    const v1 = lines(ws);
    const c1 = cohorts(ws);
    const v2 = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-cdnow-v2.csv', mapping: CDNOW }]);
    expect(cohorts(ws).matrix.rows.map((x) => x.cells.length)).toEqual([5, 4, 2]);

    expect(undoImport(ws.sqlite, v2.batchId!)).toEqual({ batchId: v2.batchId, removed: 1, restored: 2 });
    expect(lines(ws)).toEqual(v1);
    // The triggers listed the changed customers; the refresh derives them again.
    expect(ws.sqlite.prepare('SELECT account_id FROM retention_dirty ORDER BY 1').pluck().all()).toHaveLength(3);
    const back = cohorts(ws);
    expect(back.asOf).toBe('1997-04-30');
    expect(back.matrix).toEqual(c1.matrix);

    undoImport(ws.sqlite, 1);
    expect(count(ws, 'revenue_lines')).toBe(0);
    expect(count(ws, 'accounts')).toBe(0);
    const empty = cohorts(ws);
    expect(empty).toMatchObject({ asOf: null, customers: 0 });
    expect(count(ws, 'retention_periods')).toBe(0);
    expect(count(ws, 'retention_customers')).toBe(0);
  });
});

describe('MRR snapshots by customer name, with months', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    ws.sqlite.prepare("INSERT INTO accounts (id, external_id, name) VALUES (7, 'A-1', 'Acme Corp')").run();
  });
  afterEach(() => cleanup());

  const mrr = (m: ImportMapping) => {
    m.options = { ...m.options, lines: 'mrr' };
  };

  it('matches known accounts by name, reads 2024-01, Feb 2024, 03/2024, 2024/03 and March 2024', () => {
    const r = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-mrr.csv', adjust: mrr }]);
    expect(r.totals).toEqual({ rowsRead: 7, inserted: 7, updated: 0, unchanged: 0, rejected: 0 });
    expect(r.files[0]!.created).toEqual([{ entity: 'accounts', count: 2, names: ['Brightline', 'Cobalt Ltd'] }]);
    expect(r.files[0]!.notes[1]).toBe('Dates run from 2024-01 to 2024-03.');
    expect(short(lines(ws))).toEqual([
      'A-1 2024-01 mrr 1000',
      'A-1 2024-02 mrr 1200',
      'A-1 2024-03 mrr 1200',
      'Brightline 2024-02 mrr 750',
      'Brightline 2024-03 mrr 0',
      'Cobalt Ltd 2024-03 mrr 300',
    ]);
    expect(lines(ws).every((l) => l.lastDate === null)).toBe(true);
    // Months without days: nothing says March was over, so it stays incomplete.
    const c = cohorts(ws);
    expect(c).toMatchObject({ asOf: '2024-03-01', asOfComplete: false, customers: 3 });
    expect(c.sources).toEqual({ mrr: 3, invoice: 0, deals: 0 });
    expect(c.matrix.rows.map((x) => [x.label, x.size, x.startRevenue])).toEqual([
      ['2024-01', 1, 1000],
      ['2024-02', 1, 750],
      ['2024-03', 1, 300],
    ]);
    expect(c.matrix.rows[0]!.cells.map((x) => [x.revenue, x.capped, x.incomplete])).toEqual([
      [1000, 1000, false],
      [1200, 1000, false],
      [1200, 1000, true],
    ]);
  });

  it('rejects unknown customers when the file says so, naming them', () => {
    const reject = (m: ImportMapping) => {
      mrr(m);
      m.options = { ...m.options, newCustomers: 'reject' };
    };
    const check = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-mrr.csv', adjust: reject }]);
    expect(check.committed).toBe(false);
    expect(check.totals).toEqual({ rowsRead: 7, inserted: 3, updated: 0, unchanged: 0, rejected: 4 });
    expect(check.problems.map((p) => [p.line, p.field, p.value, p.reason])).toEqual(
      [5, 6, 7, 8].map((line) => [
        line,
        'Customer name',
        line === 8 ? 'Cobalt Ltd' : 'Brightline',
        'no account has this customer id or name (the file is set to reject unknown customers)',
      ]),
    );
    expect(count(ws, 'revenue_lines')).toBe(0);
    const valid = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-mrr.csv', adjust: reject }], {
      onProblems: 'valid_rows',
    });
    expect(valid.totals).toEqual({ rowsRead: 7, inserted: 3, updated: 0, unchanged: 0, rejected: 4 });
    expect(short(lines(ws))).toEqual(['A-1 2024-01 mrr 1000', 'A-1 2024-02 mrr 1200', 'A-1 2024-03 mrr 1200']);
    expect(count(ws, 'accounts')).toBe(1);
  });
});

describe('invoice lines with ids, European numbers and a kind column', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    ws.sqlite.prepare("INSERT INTO accounts (id, external_id, name) VALUES (7, 'A-1', 'Acme Corp')").run();
  });
  afterEach(() => cleanup());

  it('sums the items of one invoice, keeps invoices apart, nets credit notes, and the MRR line decides', () => {
    const r = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-invoices.csv' }]);
    expect(r.files[0]).toMatchObject({ delimiter: ';', decimalMark: ',' });
    expect(r.totals).toEqual({ rowsRead: 6, inserted: 6, updated: 0, unchanged: 0, rejected: 0 });
    // The billing id C-1 is not Acme's CRM id, but the name is Acme's: no new account for it.
    expect(r.files[0]!.created).toEqual([{ entity: 'accounts', count: 1, names: ['Brightline'] }]);
    expect(r.files[0]!.notes[0]).toBe('6 rows make 5 revenue lines: rows that share a line id are added up.');
    expect(lines(ws).map((l) => [l.customer, l.externalId, l.period, l.kind, l.amount, l.lastDate])).toEqual([
      ['A-1', 'INV-1', '2024-01-01', 'invoice', 1500, '2024-01-15'],
      ['A-1', 'INV-2', '2024-01-01', 'invoice', -100, '2024-01-20'],
      ['A-1', 'INV-5', '2024-03-01', 'invoice', 400, '2024-03-31'],
      ['C-2', 'INV-3', '2024-02-01', 'invoice', 250, '2024-02-03'],
      ['C-2', 'INV-4', '2024-02-01', 'mrr', 99.5, null],
    ]);
    const c = cohorts(ws);
    expect(c).toMatchObject({ asOf: '2024-03-31', asOfComplete: true });
    expect(c.sources).toEqual({ mrr: 1, invoice: 1, deals: 0 });
    // Acme: January 1,500 - 100; Brightline is measured on its MRR line, not its invoice.
    expect(c.matrix.rows.map((x) => [x.label, x.size, x.startRevenue])).toEqual([
      ['2024-01', 1, 1400],
      ['2024-02', 1, 99.5],
    ]);
    expect(c.matrix.rows[0]!.cells.map((x) => [x.revenue, x.incomplete])).toEqual([
      [1400, false],
      [0, false],
      [400, false],
    ]);
    const again = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-invoices.csv' }]);
    expect(again.totals).toEqual({ rowsRead: 6, inserted: 0, updated: 0, unchanged: 6, rejected: 0 });
  });

  it('refuses one line id on two customers or months', () => {
    const path = join(ws.path, '..', 'clash.csv');
    writeFileSync(path, 'Invoice,Customer,Date,Amount\nX-1,Acme Corp,2024-01-05,10\nX-1,Acme Corp,2024-02-05,20\n');
    const r = importFiles(ws.sqlite, [{ kind: 'revenue', file: path }]);
    expect(r.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [3, 'Line or invoice id', 'this line id is used for another customer, month or kind (first on line 2)'],
    ]);
  });
});

describe('messy revenue rows', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  it('names each problem with its line, column, value and reason; unknown kinds wait to be mapped', () => {
    const r = importFiles(ws.sqlite, [{ kind: 'revenue', file: 'revenue-problems.csv' }]);
    expect(r.committed).toBe(false);
    expect(r.totals).toEqual({ rowsRead: 9, inserted: 2, updated: 0, unchanged: 0, rejected: 7 });
    expect(r.problems.map((p) => [p.line, p.column, p.value, p.reason])).toEqual([
      [3, 'customer_id', '', 'missing: each line needs its customer (id or name)'],
      [4, 'date', '2024-13', 'there is no month 13'],
      [5, 'date', '15/01/24', 'the year has two digits; export dates with four-digit years'],
      [6, 'amount', 'abc', 'not a number'],
      [7, 'amount', '', 'missing: each line needs an amount'],
      [
        8,
        'date',
        'yesterday',
        'not a date or month (use a day (2024-03-15, 3/15/2024, 15.03.2024) or a month (2024-03, 03/2024, Mar 2024))',
      ],
      [9, 'kind', 'refund', 'not a known line kind: map it to MRR snapshot or Invoice line'],
    ]);
    const kinds = r.files[0]!.values.find((v) => v.field === 'lineKind')!;
    expect(kinds.values.map((v) => [v.raw, v.status, v.resolved, v.count])).toEqual([
      ['refund', 'unknown', null, 1],
      ['invoice', 'known', 'invoice', 7],
      ['MRR', 'known', 'mrr', 1],
    ]);
    // Mapping "refund" to an invoice line (a negative amount would be a credit note) settles it.
    const mapped = importFiles(
      ws.sqlite,
      [{ kind: 'revenue', file: 'revenue-problems.csv', adjust: (m) => (m.values.lineKind = { refund: 'invoice' }) }],
      { onProblems: 'valid_rows' },
    );
    expect(mapped.totals).toEqual({ rowsRead: 9, inserted: 3, updated: 0, unchanged: 0, rejected: 6 });
    expect(short(lines(ws))).toEqual(['K1 2024-01 invoice 100', 'K7 2024-02 invoice 10', 'K8 2024-01 mrr 1250']);
  });

  it('asks for a customer column and checks the options before reading a row', () => {
    expect(() =>
      importFiles(ws.sqlite, [
        {
          kind: 'revenue',
          file: 'revenue-problems.csv',
          adjust: (m) => {
            delete m.fields.customerId;
            m.options = { lines: 'weekly' };
          },
        },
      ]),
    ).toThrow(
      'revenue-problems.csv: Each line is: "weekly" is not one of "invoice", "mrr". Map a column to Customer id or Customer name: each line needs its customer.',
    );
  });
});
