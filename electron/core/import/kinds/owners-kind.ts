// Owners (reps) and their teams, e.g. a Salesforce user export or Maven's sales_teams.csv.
// Matched on the CRM id when the file has one, else on the exact name.
import type Database from 'better-sqlite3';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { field } from './field-helpers.ts';
import { Upserter } from './upsert.ts';

export interface OwnerImportRow {
  externalId: string | null;
  name: string;
  email: string | null;
  team: string | null;
  office: string | null;
  region: string | null;
  manager: string | null;
}

/** Text columns of owners written as given (mapped ones only). */
const TEXT_COLUMNS = ['email', 'office', 'region', 'manager'] as const;

const KEEP = new Set(['name']);

class OwnersWriter implements KindWriter<OwnerImportRow> {
  private readonly ctx: WriteContext;
  private readonly upsert: Upserter;
  private readonly byExternal: Database.Statement;
  private readonly byName: Database.Statement;
  private readonly seen = new Map<number, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const cols = ['name'];
    if (ctx.mapped('externalId')) cols.push('external_id');
    for (const c of TEXT_COLUMNS) if (ctx.mapped(c)) cols.push(c);
    if (ctx.mapped('team')) cols.push('team_id');
    this.upsert = new Upserter(ctx, 'owners', cols);
    this.byExternal = ctx.sqlite.prepare(
      'SELECT id, external_id, name, email, office, region, manager, team_id FROM owners WHERE external_id = ?',
    );
    this.byName = ctx.sqlite.prepare(
      'SELECT id, external_id, name, email, office, region, manager, team_id FROM owners WHERE name = ? ORDER BY id LIMIT 1',
    );
  }

  write(row: OwnerImportRow, cells: RowCells): WriteOutcome | null {
    const existing = (
      row.externalId !== null
        ? (this.byExternal.get(row.externalId) ?? this.byName.get(row.name))
        : this.byName.get(row.name)
    ) as (Record<string, unknown> & { id: number }) | undefined;
    const team = row.team
      ? this.ctx.resolvers.team.resolve(row.team, cells.field('team')?.values, cells.tracker('team'))
      : null;
    if (existing && this.seen.has(existing.id)) {
      // The same row again changes nothing (unchanged); different values are the user's call.
      const same = (!team || team.known) && this.upsert.changes(existing, this.values(row, team), KEEP).length === 0;
      if (same) return 'unchanged';
      cells.problem(
        row.externalId !== null ? 'externalId' : 'name',
        'this owner appears more than once in the file, with different values',
        undefined,
        `first on line ${this.seen.get(existing.id)}`,
      );
      return null;
    }
    const values = this.values(row, team);
    let outcome: WriteOutcome;
    let id: number;
    if (!existing) {
      id = this.upsert.insert(values);
      outcome = 'inserted';
    } else {
      id = existing.id;
      outcome = this.upsert.update(existing, values, KEEP);
    }
    this.seen.set(id, cells.line);
    this.ctx.resolvers.registerOwner(row.externalId, row.name, id);
    return outcome;
  }

  private values(row: OwnerImportRow, team: { get(): number } | null): Record<string, unknown> {
    return {
      name: row.name,
      external_id: row.externalId,
      email: row.email,
      office: row.office,
      region: row.region,
      manager: row.manager,
      team_id: team ? team.get() : null,
    };
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return this.upsert.changed;
  }
}

function build(c: RowCells): OwnerImportRow | null {
  const name = c.text('name');
  if (name === null) c.problem('name', 'missing: every owner needs a name', '');
  const email = c.text('email');
  if (email !== null && !/^[^@\s]+@[^@\s]+$/.test(email)) c.problem('email', 'not an email address');
  const row: OwnerImportRow = {
    externalId: c.text('externalId'),
    name: name ?? '',
    email,
    team: c.name('team'),
    office: c.text('office'),
    region: c.text('region'),
    manager: c.text('manager'),
  };
  return c.problems.length === 0 ? row : null;
}

export const ownersKind: ImportKind<OwnerImportRow> = {
  id: 'owners',
  label: 'Owners and teams',
  unit: 'owners',
  description: 'Reps with their team (and CRM id, so deals can refer to them by OwnerId).',
  order: 10,
  fields: [
    field(
      'externalId',
      'Owner id (CRM)',
      'text',
      'Deals that give an owner id are joined on it.',
      ['ownerid', 'userid', 'id', 'hubspotownerid'],
      {
        maxLength: 100,
      },
    ),
    field(
      'name',
      'Owner name',
      'text',
      'Required. Deals that give an owner name are joined on it.',
      ['name', 'owner', 'ownername', 'fullname', 'salesagent', 'salesrep', 'rep', 'user'],
      {
        required: true,
        maxLength: 200,
      },
    ),
    field('email', 'Email', 'text', 'Optional.', ['email', 'emailaddress'], { maxLength: 200 }),
    field(
      'office',
      'Office',
      'text',
      'Where the rep sits (London, Austin): the win-rate matrix can group by it.',
      ['office', 'officelocation', 'regionaloffice', 'location', 'site', 'city'],
      { listValues: true, maxLength: 100 },
    ),
    field('region', 'Region', 'text', 'The rep’s sales region.', ['region', 'salesregion', 'territory', 'geo'], {
      listValues: true,
      maxLength: 100,
    }),
    field(
      'manager',
      'Manager',
      'text',
      'The rep’s manager, by name.',
      ['manager', 'managername', 'reportsto', 'salesmanager', 'managerfullname'],
      { listValues: true, maxLength: 200 },
    ),
    field('team', 'Team', 'lookup', 'A new name adds a team.', ['team', 'teamname', 'salesteam', 'role', 'userrole'], {
      entity: 'team',
      listValues: true,
      maxLength: 200,
    }),
  ],
  presets: [
    {
      id: 'salesforce',
      label: 'Salesforce user export',
      signature: ['UserRole.Name', 'User ID'],
      description: 'User: Id, Name, Email, UserRole.Name.',
      columns: {
        externalId: ['Id', 'User ID'],
        name: ['Name', 'Full Name'],
        email: ['Email'],
        team: ['UserRole.Name', 'Role', 'Team'],
        office: ['Office', 'City'],
        region: ['Region', 'Region__c'],
        manager: ['Manager.Name', 'Manager'],
      },
    },
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any owners file; columns suggested from headers.',
      columns: {},
    },
  ],
  build,
  open: (ctx) => new OwnersWriter(ctx),
};
