// Revenue lines from a billing export, a subscription tool's MRR snapshots or a purchase log:
// customer (id or name), a day or a month, an amount, and whether the line is MRR or an invoice.
//
// Retention reads revenue per customer and month, so that is what a line is: the rows of one
// customer, month and kind are added up into one line, keyed by (customer, month, kind), or, when
// the file has a line id, the rows sharing an id are. The key does not depend on the rows' order
// or how many there are, so importing the same file again changes nothing, and a newer export
// updates the months whose totals moved. (A key per row, from its content and occurrence, would
// make a corrected amount a new line beside the old one: counted twice.) Lines the workspace has
// and the file does not are kept, and counted in the report: a newer export may cover fewer
// months, and another billing system's lines must not be erased.
//
// A row's outcome is known only when its line's total is: rows are staged in a temporary table,
// and `finish()` writes one line per key and counts each row as its line's outcome.
import type Database from 'better-sqlite3';
import type { RevenueKind } from '#shared/domain/enums.ts';
import { AppError } from '../../errors.ts';
import type { DeferredCounts, ImportKind, KindWriter, WriteContext } from '../kind.ts';
import { parseRevenueDate, REVENUE_DATE_FORMS } from '../parse-periods.ts';
import type { NameRef } from '../resolvers.ts';
import type { RowCells } from '../row-cells.ts';
import { field, options } from './field-helpers.ts';

export interface RevenueImportRow {
  customerId: string | null;
  customerName: string | null;
  /** First day of the month. */
  period: string;
  /** The day, when the file gave one. */
  day: string | null;
  amount: number;
  /** From the file's kind column; null: the file's option. */
  kind: RevenueKind | null;
  lineId: string | null;
}

interface ExistingLine {
  id: number;
  account_id: number;
  period: string;
  kind: RevenueKind;
  amount: number;
  last_date: string | null;
  import_batch_id: number | null;
}

interface Group {
  key: string;
  account_id: number;
  period: string;
  kind: RevenueKind;
  external_id: string | null;
  amount: number;
  last_date: string | null;
  rows: number;
}

/** Lines whose key is read back a page at a time (writes cannot interleave with an open read). */
const PAGE = 5_000;

/** Sums of the same rows in another order may differ in the last bits: that is not a change. */
const sameAmount = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const FIELD_NAMES: Record<string, string> = {
  account_id: 'customer',
  period: 'month',
  kind: 'line kind',
  amount: 'amount',
  last_date: 'last date',
};

const n = (x: number) => x.toLocaleString('en-US');

class RevenueWriter implements KindWriter<RevenueImportRow> {
  private readonly ctx: WriteContext;
  private readonly defaultKind: RevenueKind;
  private readonly createCustomers: boolean;
  private readonly stage: Database.Statement;
  private readonly firstWithKey: Database.Statement;
  private readonly changed = new Map<string, number>();
  /** Accounts this import created: they have no lines yet, so theirs need no lookup. */
  private readonly created = new Set<number>();
  private readonly summary = { rows: 0, lines: 0, withIds: false, first: '', last: '', vanished: 0 };

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    this.defaultKind = ctx.option('lines') === 'mrr' ? 'mrr' : 'invoice';
    this.createCustomers = ctx.option('newCustomers') !== 'reject';
    ctx.sqlite.exec(`
      CREATE TEMP TABLE IF NOT EXISTS revenue_import_rows (
        key TEXT NOT NULL, account_id INTEGER NOT NULL, period TEXT NOT NULL, kind TEXT NOT NULL,
        external_id TEXT, amount REAL NOT NULL, last_date TEXT, line INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS temp.revenue_import_rows_key ON revenue_import_rows (key);
      CREATE TEMP TABLE IF NOT EXISTS revenue_import_seen (id INTEGER PRIMARY KEY);
      DELETE FROM temp.revenue_import_rows;
      DELETE FROM temp.revenue_import_seen;`);
    this.stage = ctx.sqlite.prepare(
      'INSERT INTO temp.revenue_import_rows (key, account_id, period, kind, external_id, amount, last_date, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.firstWithKey = ctx.sqlite.prepare(
      'SELECT account_id, period, kind, line FROM temp.revenue_import_rows WHERE key = ? LIMIT 1',
    );
  }

  private customer(row: RevenueImportRow): NameRef | null {
    const accounts = this.ctx.resolvers.account;
    const ref = accounts.resolve(row.customerId, row.customerName);
    if (ref && !ref.known && row.customerId !== null && row.customerName !== null) {
      // A billing system's ids need not be the CRM's: an account of exactly this name will do.
      const byName = accounts.resolve(null, row.customerName);
      if (byName?.known) return byName;
    }
    return ref;
  }

  write(row: RevenueImportRow, cells: RowCells): 'deferred' | null {
    const ref = this.customer(row);
    const customerField = row.customerId !== null ? 'customerId' : 'customerName';
    if (!ref) return null;
    if (!ref.known && !this.createCustomers) {
      cells.problem(
        customerField,
        'no account has this customer id or name (the file is set to reject unknown customers)',
      );
      return null;
    }
    const kind = row.kind ?? this.defaultKind;
    if (row.lineId !== null) {
      const first = this.firstWithKey.get(`#${row.lineId}`) as
        { account_id: number; period: string; kind: string; line: number } | undefined;
      if (
        first &&
        (!ref.known || ref.get() !== first.account_id || first.period !== row.period || first.kind !== kind)
      ) {
        cells.problem(
          'lineId',
          'this line id is used for another customer, month or kind',
          undefined,
          `first on line ${first.line}`,
        );
        return null;
      }
    }
    const isNew = !ref.known;
    const accountId = ref.get();
    if (isNew) this.created.add(accountId);
    // Padded, so lines are written in account order (index pages filled in turn, not at random).
    const key = row.lineId !== null ? `#${row.lineId}` : `${String(accountId).padStart(12, '0')}|${kind}|${row.period}`;
    this.stage.run(key, accountId, row.period, kind, row.lineId, row.amount, row.day, cells.line);
    return 'deferred';
  }

  finish(): DeferredCounts {
    const s = this.ctx.sqlite;
    const counts: DeferredCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const page = s.prepare(`
      SELECT key, min(account_id) AS account_id, min(period) AS period, min(kind) AS kind,
             min(external_id) AS external_id, total(amount) AS amount, max(last_date) AS last_date, count(*) AS rows
        FROM temp.revenue_import_rows WHERE key > ? GROUP BY key ORDER BY key LIMIT ${PAGE}`);
    const byExternal = s.prepare(
      'SELECT id, account_id, period, kind, amount, last_date, import_batch_id FROM revenue_lines WHERE external_id = ?',
    );
    // Without INDEXED BY, SQLite reads "external_id IS NULL" through the unique index on
    // external_id: every line without an id, for each lookup.
    const byKey = s.prepare(
      `SELECT id, account_id, period, kind, amount, last_date, import_batch_id
         FROM revenue_lines INDEXED BY revenue_lines_account_kind_period
        WHERE account_id = ? AND kind = ? AND period = ? AND external_id IS NULL ORDER BY id LIMIT 1`,
    );
    const insert = s.prepare(
      'INSERT INTO revenue_lines (account_id, period, amount, kind, external_id, last_date, import_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const update = s.prepare(
      'UPDATE revenue_lines SET account_id = ?, period = ?, kind = ?, amount = ?, last_date = ?, import_batch_id = ? WHERE id = ?',
    );
    const seen = s.prepare('INSERT OR IGNORE INTO temp.revenue_import_seen (id) VALUES (?)');
    const batch = this.ctx.batchId;
    let after = '';
    for (;;) {
      if (this.ctx.cancelled()) throw new AppError('cancelled', 'Import cancelled; the workspace is unchanged.');
      const groups = page.all(after) as Group[];
      if (groups.length === 0) break;
      after = groups.at(-1)!.key;
      for (const g of groups) {
        this.summary.lines++;
        this.summary.rows += g.rows;
        const existing = (
          g.external_id !== null
            ? byExternal.get(g.external_id)
            : this.created.has(g.account_id)
              ? undefined
              : byKey.get(g.account_id, g.kind, g.period)
        ) as ExistingLine | undefined;
        if (!existing) {
          const id = Number(
            insert.run(g.account_id, g.period, g.amount, g.kind, g.external_id, g.last_date, batch).lastInsertRowid,
          );
          this.ctx.changes.inserted('revenue_lines', id);
          counts.inserted += g.rows;
          continue;
        }
        seen.run(existing.id);
        const fields: string[] = [];
        if (existing.account_id !== g.account_id) fields.push('account_id');
        if (existing.period !== g.period) fields.push('period');
        if (existing.kind !== g.kind) fields.push('kind');
        if (!sameAmount(existing.amount, g.amount)) fields.push('amount');
        if (existing.last_date !== g.last_date) fields.push('last_date');
        if (fields.length === 0) {
          counts.unchanged += g.rows;
          continue;
        }
        const amount = fields.includes('amount') ? g.amount : existing.amount;
        update.run(g.account_id, g.period, g.kind, amount, g.last_date, batch, existing.id);
        const before = {
          account_id: existing.account_id,
          period: existing.period,
          kind: existing.kind,
          amount: existing.amount,
          last_date: existing.last_date,
          import_batch_id: existing.import_batch_id,
        };
        this.ctx.changes.updated('revenue_lines', existing.id, before, fields);
        for (const f of fields) this.changed.set(FIELD_NAMES[f]!, (this.changed.get(FIELD_NAMES[f]!) ?? 0) + 1);
        counts.updated += g.rows;
      }
    }
    const span = s
      .prepare(
        `SELECT min(period) AS firstMonth, max(period) AS lastMonth,
                count(external_id) AS withIds, group_concat(DISTINCT kind) AS kinds
           FROM temp.revenue_import_rows`,
      )
      .get() as {
      firstMonth: string | null;
      lastMonth: string | null;
      withIds: number;
      kinds: string | null;
    };
    this.summary.withIds = span.withIds > 0;
    if (span.firstMonth !== null && span.lastMonth !== null) {
      // The first month's earliest day and the last month's latest; a month given without a
      // day is shown as the month.
      const days = s.prepare(
        'SELECT min(last_date) AS first, max(last_date) AS last, count(*) - count(last_date) AS undated FROM temp.revenue_import_rows WHERE period = ?',
      );
      const first = days.get(span.firstMonth) as { first: string | null; undated: number };
      const last = days.get(span.lastMonth) as { last: string | null };
      this.summary.first = first.first !== null && first.undated === 0 ? first.first : span.firstMonth.slice(0, 7);
      this.summary.last = last.last ?? span.lastMonth.slice(0, 7);
      const kinds = (span.kinds ?? '').split(',');
      this.summary.vanished = (
        s
          .prepare(
            `SELECT count(*) AS n FROM revenue_lines r
              WHERE r.period BETWEEN ? AND ? AND r.kind IN (SELECT value FROM json_each(?))
                AND r.import_batch_id IS NOT ? AND r.id NOT IN (SELECT id FROM temp.revenue_import_seen)`,
          )
          .get(span.firstMonth, span.lastMonth, JSON.stringify(kinds), batch) as { n: number }
      ).n;
    }
    s.exec('DELETE FROM temp.revenue_import_rows; DELETE FROM temp.revenue_import_seen;');
    return counts;
  }

  changedFields(): Map<string, number> {
    return this.changed;
  }

  notes(): string[] {
    const x = this.summary;
    if (x.lines === 0) return [];
    const out = [
      `${n(x.rows)} rows make ${n(x.lines)} revenue lines: ${
        x.withIds ? 'rows that share a line id' : 'rows of one customer, month and kind'
      } are added up.`,
      `Dates run from ${x.first} to ${x.last}.`,
    ];
    if (x.vanished > 0) {
      out.push(
        `${n(x.vanished)} revenue lines already in the workspace for the months this file covers are not in it; they are kept (undo the import that added them to remove them).`,
      );
    }
    return out;
  }
}

function build(c: RowCells): RevenueImportRow | null {
  const customerId = c.text('customerId');
  const customerName = c.text('customerName');
  if (customerId === null && customerName === null && c.problems.length === 0) {
    c.problem(
      c.has('customerId') ? 'customerId' : 'customerName',
      'missing: each line needs its customer (id or name)',
      '',
    );
  }
  const raw = c.raw('date');
  let period = '';
  let day: string | null = null;
  if (raw === '') c.problem('date', 'missing: each line needs a date or month', '');
  else {
    const r = parseRevenueDate(raw, c.dateFormat);
    if (r.ok) ({ period, day } = r);
    else c.problem('date', r.ambiguous ? 'ambiguous date: choose the file’s date format' : r.reason);
  }
  const amount = c.number('amount');
  if (amount === null && c.raw('amount') === '') c.problem('amount', 'missing: each line needs an amount', '');
  let kind: RevenueKind | null = null;
  if (c.has('lineKind')) {
    const k = c.choice('lineKind');
    if (!k.known) c.unknownChoice('lineKind', 'not a known line kind: map it to MRR snapshot or Invoice line');
    else kind = k.value as RevenueKind | null;
  }
  const lineId = c.text('lineId');
  if (c.problems.length > 0) return null;
  return { customerId, customerName, period, day, amount: amount!, kind, lineId };
}

export const revenueKind: ImportKind<RevenueImportRow> = {
  id: 'revenue',
  label: 'Revenue',
  unit: 'revenue lines',
  description:
    'Revenue per customer: invoice lines or purchases, or monthly recurring revenue (MRR) snapshots. Retention cohorts are built from it.',
  // After accounts and deals, so a customer they add in the same import is found by its id.
  order: 70,
  fields: [
    field(
      'customerId',
      'Customer id',
      'text',
      'The customer’s id: matched to an account’s id (CRM or billing). Customer id or name is required.',
      ['customerid', 'custid', 'customerno', 'customernumber', 'clientid', 'accountid', 'companyid'],
      { maxLength: 100 },
    ),
    field(
      'customerName',
      'Customer name',
      'text',
      'Matched to an account of exactly this name when the id is not known (or not in the file).',
      ['customername', 'customer', 'accountname', 'account', 'company', 'companyname', 'client', 'clientname', 'name'],
      { maxLength: 300 },
    ),
    field(
      'date',
      'Date or month',
      'date',
      `Required: ${REVENUE_DATE_FORMS}. Revenue is booked in that month.`,
      [
        'date',
        'invoicedate',
        'period',
        'month',
        'orderdate',
        'transactiondate',
        'purchasedate',
        'snapshotdate',
        'billingdate',
        'billingperiod',
      ],
      { required: true },
    ),
    field(
      'amount',
      'Amount',
      'number',
      'Required: the line’s revenue (negative for a credit note).',
      ['amount', 'revenue', 'mrr', 'dollarvalue', 'value', 'total', 'invoiceamount', 'amountpaid', 'netamount'],
      { required: true },
    ),
    field(
      'lineKind',
      'Line kind',
      'enum',
      'Optional column saying MRR snapshot or invoice per row; otherwise “Each line is” below decides.',
      ['kind', 'linekind', 'revenuetype', 'type'],
      { listValues: true, options: options({ mrr: 'MRR snapshot', invoice: 'Invoice line' }) },
    ),
    field(
      'lineId',
      'Line or invoice id',
      'text',
      'Optional: rows with the same id are one line (their amounts added up); without it, a customer’s lines of one month are.',
      ['invoiceid', 'invoice', 'invoicenumber', 'invoiceno', 'lineid', 'invoicelineid', 'transactionid', 'orderid'],
      { maxLength: 100 },
    ),
  ],
  options: [
    {
      key: 'lines',
      label: 'Each line is',
      help: 'What the amounts are, unless a Line kind column says so per row. A customer with MRR lines is measured on them; otherwise on invoices.',
      choices: [
        { value: 'invoice', label: 'An invoice or purchase (a customer’s lines of one month are added up)' },
        { value: 'mrr', label: 'A monthly recurring revenue (MRR) snapshot' },
      ],
      default: 'invoice',
    },
    {
      key: 'newCustomers',
      label: 'Customers not in the workspace',
      help: 'A purchase log names only customer ids: they must become accounts. With CRM data already in, rejecting shows the names that do not match.',
      choices: [
        { value: 'create', label: 'Become new accounts' },
        { value: 'reject', label: 'Are problems: their rows are rejected' },
      ],
      default: 'create',
    },
  ],
  presets: [
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any revenue file: customer, date or month, amount; columns suggested from headers.',
      columns: {},
    },
  ],
  checkMapping: (mapped) =>
    mapped('customerId') || mapped('customerName')
      ? []
      : ['Map a column to Customer id or Customer name: each line needs its customer.'],
  build,
  open: (ctx) => new RevenueWriter(ctx),
};
