// Accounts (companies): sector, size, segment, region, country. Matched on the CRM id when the
// file has one, else on the exact name; deals of the same import join them the same way.
import type Database from 'better-sqlite3';
import type { ImportKind, KindWriter, Preset, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { field } from './field-helpers.ts';
import { Upserter } from './upsert.ts';

export interface AccountImportRow {
  externalId: string | null;
  name: string;
  sector: string | null;
  employeeBand: string | null;
  revenueBand: string | null;
  segment: string | null;
  region: string | null;
  country: string | null;
}

const TEXT_COLUMNS: [key: keyof AccountImportRow, column: string][] = [
  ['sector', 'sector'],
  ['employeeBand', 'employee_band'],
  ['revenueBand', 'revenue_band'],
  ['segment', 'segment'],
  ['region', 'region'],
  ['country', 'country'],
];

const PRESETS: Preset[] = [
  {
    id: 'salesforce',
    label: 'Salesforce account export',
    signature: ['Account ID', 'AccountId', 'Billing Country', 'BillingCountry', 'NumberOfEmployees'],
    description: 'Account: Id, Name, Industry, NumberOfEmployees, AnnualRevenue, BillingCountry.',
    columns: {
      externalId: ['Account ID', 'Id', 'AccountId'],
      name: ['Account Name', 'Name'],
      sector: ['Industry'],
      employeeBand: ['Employees', 'NumberOfEmployees'],
      revenueBand: ['Annual Revenue', 'AnnualRevenue'],
      country: ['Billing Country', 'BillingCountry'],
      region: ['Region', 'Region__c'],
      segment: ['Segment', 'Segment__c'],
    },
  },
  {
    id: 'hubspot',
    label: 'HubSpot companies export',
    signature: ['Record ID', 'Company name', 'Country/Region'],
    description: 'Companies: Record ID, Company name, Industry, Number of Employees, Annual Revenue, Country/Region.',
    columns: {
      externalId: ['Record ID', 'Company ID'],
      name: ['Company name', 'Name'],
      sector: ['Industry'],
      employeeBand: ['Number of Employees'],
      revenueBand: ['Annual Revenue'],
      country: ['Country/Region', 'Country'],
    },
  },
  {
    id: 'pipedrive',
    label: 'Pipedrive organizations export',
    signature: ['Organization - ID', 'Organization - Name'],
    description: 'Organizations: Organization - ID, Organization - Name, ...',
    columns: {
      externalId: ['Organization - ID', 'ID'],
      name: ['Organization - Name', 'Name'],
      sector: ['Organization - Industry', 'Industry'],
      employeeBand: ['Organization - Employees', 'Employees'],
      revenueBand: ['Organization - Annual revenue', 'Annual revenue'],
      country: ['Organization - Country', 'Country'],
    },
  },
  {
    id: 'generic',
    label: 'Generic CSV',
    description: 'Any accounts file; columns suggested from headers.',
    columns: {},
  },
];

const KEEP = new Set(['name']);

class AccountsWriter implements KindWriter<AccountImportRow> {
  private readonly ctx: WriteContext;
  private readonly upsert: Upserter;
  private readonly byExternal: Database.Statement;
  private readonly byName: Database.Statement;
  private readonly seen = new Map<number, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const cols = ['name', ...TEXT_COLUMNS.filter(([k]) => ctx.mapped(k)).map(([, c]) => c)];
    if (ctx.mapped('externalId')) cols.push('external_id');
    this.upsert = new Upserter(ctx, 'accounts', cols);
    const select =
      'SELECT id, external_id, name, sector, employee_band, revenue_band, segment, region, country FROM accounts';
    this.byExternal = ctx.sqlite.prepare(`${select} WHERE external_id = ?`);
    this.byName = ctx.sqlite.prepare(`${select} WHERE name = ? ORDER BY id LIMIT 1`);
  }

  write(row: AccountImportRow, cells: RowCells): WriteOutcome | null {
    const existing = (
      row.externalId !== null
        ? (this.byExternal.get(row.externalId) ?? this.byName.get(row.name))
        : this.byName.get(row.name)
    ) as (Record<string, unknown> & { id: number; external_id: string | null }) | undefined;
    const values: Record<string, unknown> = { name: row.name, external_id: row.externalId };
    for (const [k, c] of TEXT_COLUMNS) values[c] = row[k];
    if (existing && this.seen.has(existing.id)) {
      // The same row again changes nothing (unchanged); different values are the user's call.
      if (this.upsert.changes(existing, values, KEEP).length === 0) return 'unchanged';
      cells.problem(
        row.externalId !== null ? 'externalId' : 'name',
        'this account appears more than once in the file, with different values',
        undefined,
        `first on line ${this.seen.get(existing.id)}`,
      );
      return null;
    }
    if (
      existing &&
      row.externalId !== null &&
      existing.external_id !== null &&
      existing.external_id !== row.externalId
    ) {
      cells.problem('name', `an account of this name already has another CRM id (${existing.external_id})`);
      return null;
    }
    if (!existing) {
      const id = this.upsert.insert(values);
      this.seen.set(id, cells.line);
      return 'inserted';
    }
    this.seen.set(existing.id, cells.line);
    const outcome = this.upsert.update(existing, values, KEEP);
    if (outcome === 'updated') this.ctx.resolvers.account.forget(existing.id);
    return outcome;
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return this.upsert.changed;
  }
}

function build(c: RowCells): AccountImportRow | null {
  const name = c.text('name');
  if (name === null) c.problem('name', 'missing: every account needs a name', '');
  const row: AccountImportRow = {
    externalId: c.text('externalId'),
    name: name ?? '',
    sector: c.text('sector'),
    employeeBand: c.text('employeeBand'),
    revenueBand: c.text('revenueBand'),
    segment: c.text('segment'),
    region: c.text('region'),
    country: c.text('country'),
  };
  return c.problems.length === 0 ? row : null;
}

export const accountsKind: ImportKind<AccountImportRow> = {
  id: 'accounts',
  label: 'Accounts',
  unit: 'accounts',
  description: 'Companies: sector, size, segment, region and country. Deals join them on account id or name.',
  order: 30,
  fields: [
    field(
      'externalId',
      'Account id (CRM)',
      'text',
      'Matched first; deals refer to accounts by it.',
      ['accountid', 'id', 'companyid', 'recordid', 'organizationid', 'crmid', 'accountcrmid'],
      {
        maxLength: 100,
      },
    ),
    field(
      'name',
      'Account name',
      'text',
      'Required. Matched when there is no id.',
      ['account', 'accountname', 'name', 'company', 'companyname', 'organization', 'organizationname'],
      {
        required: true,
        maxLength: 300,
      },
    ),
    field(
      'sector',
      'Sector',
      'text',
      'Industry; misspellings can be corrected in the check.',
      ['sector', 'industry', 'vertical'],
      {
        listValues: true,
        maxLength: 100,
      },
    ),
    field(
      'employeeBand',
      'Employees',
      'text',
      'Employee count or band, as written.',
      ['employees', 'employeeband', 'numberofemployees', 'companysize', 'clientsizebyemployeecount'],
      {
        maxLength: 60,
      },
    ),
    field(
      'revenueBand',
      'Revenue',
      'text',
      'Annual revenue or band, as written.',
      ['revenue', 'revenueband', 'annualrevenue', 'clientsizebyrevenue'],
      {
        maxLength: 60,
      },
    ),
    field(
      'segment',
      'Segment',
      'text',
      'Copied onto the account’s new deals when their file has none.',
      ['segment', 'customersegment', 'marketsegment'],
      {
        listValues: true,
        maxLength: 100,
      },
    ),
    field(
      'region',
      'Region',
      'text',
      'Copied onto the account’s new deals when their file has none.',
      ['region', 'territory', 'salesregion'],
      {
        listValues: true,
        maxLength: 100,
      },
    ),
    field(
      'country',
      'Country',
      'text',
      'Headquarters country.',
      ['country', 'billingcountry', 'officelocation', 'countryregion', 'hq'],
      {
        listValues: true,
        maxLength: 100,
      },
    ),
  ],
  presets: PRESETS,
  build,
  open: (ctx) => new AccountsWriter(ctx),
};
