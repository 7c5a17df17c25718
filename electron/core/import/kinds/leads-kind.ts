// Leads: one row per lead (or HubSpot contact), upserted on the CRM id, with its funnel dates, the
// deal it converted into, source, owner, status and the seven qualification criteria (yes / no /
// unknown). A known id updates only the mapped fields that differ; undo restores them.
import type Database from 'better-sqlite3';
import { DEFAULT_QUALIFICATION_CRITERIA } from '#shared/domain/defaults.ts';
import type { SourcedBy } from '#shared/domain/enums.ts';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { BOOL_WORDS, vocabKey } from '../vocab.ts';
import { field, options, seenBefore } from './field-helpers.ts';
import { Upserter } from './upsert.ts';

/** Criterion key (workspace) -> import field key. */
export const CRITERION_FIELDS = DEFAULT_QUALIFICATION_CRITERIA.map((c) => ({
  key: c.key,
  label: c.label,
  field: `q${c.key.replace(/(^|_)([a-z])/g, (_m, _u, ch: string) => ch.toUpperCase())}`,
}));

/** Statuses that take a lead out of the funnel (compared without case, spaces or punctuation). */
const DISQUALIFYING = new Set(
  ['Disqualified', 'Unqualified', 'Not qualified', 'Closed - Not Converted', 'Junk', 'Bad fit', 'Bad timing'].map(
    vocabKey,
  ),
);
const KEEP = new Set(['created_date']);
const UNKNOWN_WORDS = new Set(['unknown', 'na', 'n/a', '?', 'notknown', 'dontknow'].map(vocabKey));

export interface LeadImportRow {
  externalId: string;
  createdDate: string;
  mqlDate: string | null;
  sqlDate: string | null;
  opportunityDate: string | null;
  customerDate: string | null;
  dealExternalId: string | null;
  leadSource: string | null;
  sourcedBy: SourcedBy | null;
  owner: string | null;
  ownerExternalId: string | null;
  status: string | null;
  disqualifiedReason: string | null;
  disqualified: boolean;
  /** Criterion key -> met (true / false); unknown criteria are absent. */
  criteria: Map<string, boolean>;
}

const COLUMNS: [column: string, fields: string[]][] = [
  ['created_date', ['createdDate']],
  ['mql_date', ['mqlDate']],
  ['sql_date', ['sqlDate']],
  ['opportunity_date', ['opportunityDate']],
  ['customer_date', ['customerDate']],
  ['deal_id', ['dealExternalId']],
  ['lead_source_id', ['leadSource']],
  ['sourced_by', ['sourcedBy']],
  ['owner_id', ['owner', 'ownerExternalId']],
  ['status', ['status']],
  ['disqualified', ['status', 'disqualifiedReason']],
  ['disqualified_reason', ['disqualifiedReason']],
];

/** yes / no / unknown (blank or "unknown": not recorded). */
function criterion(c: RowCells, key: string): boolean | null {
  const raw = c.raw(key);
  if (raw === '' || UNKNOWN_WORDS.has(vocabKey(raw))) return null;
  const v = BOOL_WORDS.get(vocabKey(raw));
  if (v === undefined) c.problem(key, 'not yes, no or unknown');
  return v ?? null;
}

function build(c: RowCells): LeadImportRow | null {
  const externalId = c.raw('externalId');
  if (externalId === '') c.problem('externalId', 'missing: every lead needs its CRM id', '');
  else if (externalId.length > 100) c.problem('externalId', 'longer than 100 characters');
  const createdDate = c.date('createdDate');
  if (createdDate === null && c.raw('createdDate') === '')
    c.problem('createdDate', 'missing: every lead needs its created date', '');
  const sourcedBy = c.choice('sourcedBy');
  if (!sourcedBy.known) c.unknownChoice('sourcedBy', 'not marketing, sales or partner: map it');
  const status = c.text('status');
  const disqualifiedReason = c.text('disqualifiedReason');
  let opportunityDate = c.date('opportunityDate');
  opportunityDate ??= c.date('convertedDate');
  const dealExternalId = c.text('dealExternalId');
  const converted = c.has('isConverted') ? c.bool('isConverted') : null;
  if (converted === true && opportunityDate === null && dealExternalId === null)
    c.problem('isConverted', 'converted, but without a converted date or opportunity id', c.raw('isConverted'));
  const criteria = new Map<string, boolean>();
  for (const q of CRITERION_FIELDS) {
    const v = criterion(c, q.field);
    if (v !== null) criteria.set(q.key, v);
  }
  if (c.problems.length > 0) return null;
  return {
    externalId,
    createdDate: createdDate!,
    mqlDate: c.date('mqlDate'),
    sqlDate: c.date('sqlDate'),
    opportunityDate,
    customerDate: c.date('customerDate'),
    dealExternalId,
    leadSource: c.name('leadSource'),
    sourcedBy: sourcedBy.value as SourcedBy | null,
    owner: c.name('owner'),
    ownerExternalId: c.text('ownerExternalId'),
    status,
    disqualifiedReason,
    disqualified: disqualifiedReason !== null || (status !== null && DISQUALIFYING.has(vocabKey(status))),
    criteria,
  };
}

class LeadsWriter implements KindWriter<LeadImportRow> {
  private readonly ctx: WriteContext;
  private readonly upsert: Upserter;
  private readonly find: Database.Statement;
  private readonly deal: Database.Statement;
  private readonly setCriterion: Database.Statement;
  private readonly criterionIds: Map<string, number>;
  private readonly writesCriteria: boolean;
  private readonly seen = new Map<number, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const cols = COLUMNS.filter(([, fields]) => fields.some((f) => ctx.mapped(f))).map(([c]) => c);
    if (ctx.mapped('convertedDate') && !cols.includes('opportunity_date')) cols.push('opportunity_date');
    this.upsert = new Upserter(ctx, 'leads', cols);
    this.find = ctx.sqlite.prepare(
      `SELECT id, import_batch_id, ${COLUMNS.map(([c]) => c).join(', ')} FROM leads WHERE external_id = ?`,
    );
    this.deal = ctx.sqlite.prepare('SELECT id FROM deals WHERE external_id = ?').pluck();
    this.setCriterion = ctx.sqlite.prepare(
      'INSERT OR REPLACE INTO lead_qualifications (lead_id, criterion_id, met) VALUES (?, ?, ?)',
    );
    this.criterionIds = new Map(
      (ctx.sqlite.prepare('SELECT id, key FROM qualification_criteria').all() as { id: number; key: string }[]).map(
        (r) => [r.key, r.id],
      ),
    );
    this.writesCriteria = CRITERION_FIELDS.some((q) => ctx.mapped(q.field));
  }

  write(row: LeadImportRow, cells: RowCells): WriteOutcome | null {
    const { resolvers } = this.ctx;
    const existing = this.find.get(row.externalId) as (Record<string, unknown> & { id: number }) | undefined;
    if (seenBefore(this.seen, existing?.id, cells, 'externalId')) return null;
    let dealId: number | null = null;
    if (row.dealExternalId !== null) {
      dealId = (this.deal.get(row.dealExternalId) as number | undefined) ?? null;
      if (dealId === null) {
        cells.problem('dealExternalId', 'no deal has this id (import the deals first, or in the same import)');
        return null;
      }
    }
    const decisions = (key: string) => cells.field(key)?.values;
    const owner = row.ownerExternalId
      ? resolvers.ownerByExternalId(row.ownerExternalId, row.owner)
      : row.owner
        ? resolvers.owner.resolve(row.owner, decisions('owner'), cells.tracker('owner'))
        : null;
    const source = row.leadSource
      ? resolvers.leadSource.resolve(
          row.leadSource,
          decisions('leadSource'),
          cells.tracker('leadSource'),
          row.sourcedBy,
        )
      : null;
    if (cells.problems.length > 0) return null;

    const values: Record<string, unknown> = {
      external_id: row.externalId,
      created_date: row.createdDate,
      mql_date: row.mqlDate,
      sql_date: row.sqlDate,
      opportunity_date: row.opportunityDate,
      customer_date: row.customerDate,
      deal_id: dealId,
      lead_source_id: source ? source.get() : null,
      sourced_by: row.sourcedBy,
      owner_id: owner ? owner.get() : null,
      status: row.status,
      disqualified: row.disqualified ? 1 : 0,
      disqualified_reason: row.disqualifiedReason,
      import_batch_id: this.ctx.batchId,
    };
    const { id, outcome } = this.upsert.write(existing, values, KEEP);
    this.seen.set(id, cells.line);
    if (this.writesCriteria) {
      for (const [key, met] of row.criteria) {
        const cid = this.criterionIds.get(key);
        if (cid !== undefined) this.setCriterion.run(id, cid, met ? 1 : 0);
      }
    }
    return outcome;
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return this.upsert.changed;
  }
}

const criterionFields = CRITERION_FIELDS.map((q) =>
  field(q.field, q.label, 'text', 'Yes, no or unknown (blank is unknown).', [q.key, q.label], { listValues: true }),
);

export const leadsKind: ImportKind<LeadImportRow> = {
  id: 'leads',
  label: 'Leads',
  unit: 'leads',
  description: 'One row per lead or contact with its funnel dates, converted deal, source, owner and criteria.',
  order: 50,
  fields: [
    field(
      'externalId',
      'Lead id (CRM)',
      'text',
      'Required: the lead’s CRM id.',
      ['leadid', 'id', 'recordid', 'contactid'],
      {
        required: true,
        maxLength: 100,
      },
    ),
    field(
      'createdDate',
      'Created date',
      'date',
      'Required: when the lead was created.',
      ['createddate', 'createdate', 'created'],
      {
        required: true,
      },
    ),
    field('mqlDate', 'MQL date', 'date', 'When it became a marketing-qualified lead.', [
      'mqldate',
      'becameamarketingqualifiedleaddate',
    ]),
    field('sqlDate', 'SQL date', 'date', 'When it became a sales-qualified lead.', [
      'sqldate',
      'becameasalesqualifiedleaddate',
    ]),
    field(
      'opportunityDate',
      'Opportunity date',
      'date',
      'When it became an opportunity (the deal’s created date wins).',
      ['opportunitydate', 'becameanopportunitydate'],
    ),
    field(
      'convertedDate',
      'Converted date',
      'date',
      'Salesforce ConvertedDate: the opportunity date when none is mapped.',
      ['converteddate'],
    ),
    field('customerDate', 'Customer date', 'date', 'When it became a customer, for leads without a deal in Winnow.', [
      'customerdate',
      'becameacustomerdate',
    ]),
    field(
      'dealExternalId',
      'Converted deal (CRM id)',
      'text',
      'The deal (opportunity) it converted into; import deals first.',
      ['convertedopportunityid', 'opportunityid', 'dealid'],
      { maxLength: 100 },
    ),
    field('isConverted', 'Converted', 'bool', 'Salesforce IsConverted: checked against the converted date or deal.', [
      'isconverted',
      'converted',
    ]),
    field(
      'leadSource',
      'Lead source',
      'lookup',
      'Where the lead came from; a new source is added.',
      ['leadsource', 'source', 'originalsource', 'originalsourcetype'],
      { entity: 'leadSource', listValues: true, maxLength: 200 },
    ),
    field(
      'sourcedBy',
      'Sourced by',
      'enum',
      'Marketing, sales or partner (else the source’s default).',
      ['sourcedby'],
      {
        options: options({ marketing: 'Marketing', sales: 'Sales', partner: 'Partner' }),
        listValues: true,
      },
    ),
    field(
      'owner',
      'Owner',
      'lookup',
      'The lead’s owner, by name; a new name adds an owner.',
      ['owner', 'leadowner', 'contactowner'],
      {
        entity: 'owner',
        maxLength: 200,
      },
    ),
    field('ownerExternalId', 'Owner id (CRM)', 'text', 'The owner’s CRM id.', ['ownerid', 'hubspotownerid'], {
      maxLength: 100,
    }),
    field(
      'status',
      'Status',
      'text',
      'The CRM status; Disqualified, Unqualified, Junk … take the lead out (not open).',
      ['status', 'leadstatus'],
      { listValues: true, maxLength: 100 },
    ),
    field(
      'disqualifiedReason',
      'Disqualification reason',
      'text',
      'Any reason marks the lead disqualified.',
      ['disqualificationreason', 'disqualifiedreason', 'unqualifiedreason'],
      { listValues: true, maxLength: 200 },
    ),
    ...criterionFields,
  ],
  presets: [
    {
      id: 'salesforce',
      label: 'Salesforce Lead export',
      signature: ['IsConverted', 'ConvertedOpportunityId', 'ConvertedDate'],
      description: 'Lead: Id, CreatedDate, LeadSource, Status, IsConverted, ConvertedDate, ConvertedOpportunityId.',
      columns: {
        externalId: ['Id', 'Lead ID'],
        createdDate: ['CreatedDate', 'Created Date'],
        mqlDate: ['MQL_Date__c', 'MQL Date'],
        sqlDate: ['SQL_Date__c', 'SQL Date'],
        convertedDate: ['ConvertedDate', 'Converted Date'],
        dealExternalId: ['ConvertedOpportunityId', 'Converted Opportunity ID'],
        isConverted: ['IsConverted', 'Converted'],
        leadSource: ['LeadSource', 'Lead Source'],
        owner: ['Owner.Name', 'Lead Owner'],
        ownerExternalId: ['OwnerId'],
        status: ['Status', 'Lead Status'],
        disqualifiedReason: ['Disqualification_Reason__c', 'Unqualified Reason'],
      },
    },
    {
      id: 'hubspot',
      label: 'HubSpot contacts export',
      signature: ['Became a Marketing Qualified Lead date', 'Lifecycle Stage', 'Became a Sales Qualified Lead date'],
      description: 'Contacts with lifecycle-stage dates (Became a Marketing Qualified Lead date …).',
      columns: {
        externalId: ['Record ID', 'Contact ID', 'hs_object_id'],
        createdDate: ['Create Date', 'createdate'],
        mqlDate: ['Became a Marketing Qualified Lead date'],
        sqlDate: ['Became a Sales Qualified Lead date'],
        opportunityDate: ['Became an Opportunity date'],
        customerDate: ['Became a Customer date'],
        leadSource: ['Original Source', 'Original Source Type'],
        owner: ['Contact owner', 'Contact Owner'],
        ownerExternalId: ['hubspot_owner_id'],
        status: ['Lead Status', 'hs_lead_status'],
      },
    },
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any leads file; columns suggested from headers.',
      columns: {},
    },
  ],
  build,
  open: (ctx) => new LeadsWriter(ctx),
};
