// Campaign touches (Salesforce CampaignMember shape): a lead or a deal, a campaign (by name; a new
// name adds the campaign with its channel) and the date. The same touch again changes nothing.
import type Database from 'better-sqlite3';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { field } from './field-helpers.ts';

export interface TouchImportRow {
  leadExternalId: string | null;
  dealExternalId: string | null;
  campaign: string;
  channel: string | null;
  touchedAt: string;
}

class TouchesWriter implements KindWriter<TouchImportRow> {
  private readonly ctx: WriteContext;
  private readonly lead: Database.Statement;
  private readonly deal: Database.Statement;
  private readonly campaignByName: Database.Statement;
  private readonly addCampaign: Database.Statement;
  private readonly addLeadTouch: Database.Statement;
  private readonly addDealTouch: Database.Statement;
  private readonly campaigns = new Map<string, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const s = ctx.sqlite;
    this.lead = s.prepare('SELECT id FROM leads WHERE external_id = ?').pluck();
    this.deal = s.prepare('SELECT id FROM deals WHERE external_id = ?').pluck();
    this.campaignByName = s.prepare('SELECT id FROM campaigns WHERE name = ?').pluck();
    this.addCampaign = s.prepare('INSERT INTO campaigns (name, channel, start_date) VALUES (?, ?, ?)');
    this.addLeadTouch = s.prepare(
      'INSERT OR IGNORE INTO lead_touches (lead_id, campaign_id, touched_at) VALUES (?, ?, ?)',
    );
    this.addDealTouch = s.prepare(
      'INSERT OR IGNORE INTO deal_touches (deal_id, campaign_id, touched_at) VALUES (?, ?, ?)',
    );
  }

  write(row: TouchImportRow, cells: RowCells): WriteOutcome | null {
    let leadId: number | undefined;
    let dealId: number | undefined;
    if (row.leadExternalId !== null) {
      leadId = this.lead.get(row.leadExternalId) as number | undefined;
      if (leadId === undefined) cells.problem('leadExternalId', 'no lead has this id (import the leads first)');
    } else {
      dealId = this.deal.get(row.dealExternalId) as number | undefined;
      if (dealId === undefined) cells.problem('dealExternalId', 'no deal has this id (import the deals first)');
    }
    if (cells.problems.length > 0) return null;
    let campaignId = this.campaigns.get(row.campaign) ?? (this.campaignByName.get(row.campaign) as number | undefined);
    if (campaignId === undefined) {
      campaignId = Number(this.addCampaign.run(row.campaign, row.channel ?? 'Not set', row.touchedAt).lastInsertRowid);
      this.ctx.changes.inserted('campaigns', campaignId);
    }
    this.campaigns.set(row.campaign, campaignId);
    const table = leadId !== undefined ? 'lead_touches' : 'deal_touches';
    const run =
      leadId !== undefined
        ? this.addLeadTouch.run(leadId, campaignId, row.touchedAt)
        : this.addDealTouch.run(dealId, campaignId, row.touchedAt);
    if (run.changes === 0) return 'unchanged';
    this.ctx.changes.inserted(table, Number(run.lastInsertRowid));
    return 'inserted';
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return new Map();
  }
}

function build(c: RowCells): TouchImportRow | null {
  const leadExternalId = c.text('leadExternalId');
  const dealExternalId = c.text('dealExternalId');
  if (leadExternalId === null && dealExternalId === null)
    c.problem(null, 'missing: each touch needs a lead id or a deal id', '');
  const campaign = c.name('campaign');
  if (campaign === null) c.problem('campaign', 'missing: each touch needs its campaign', '');
  const touchedAt = c.date('touchedAt');
  if (touchedAt === null && c.raw('touchedAt') === '') c.problem('touchedAt', 'missing: each touch needs its date', '');
  if (c.problems.length > 0) return null;
  return { leadExternalId, dealExternalId, campaign: campaign!, channel: c.text('channel'), touchedAt: touchedAt! };
}

export const touchesKind: ImportKind<TouchImportRow> = {
  id: 'touches',
  label: 'Campaign touches',
  unit: 'touches',
  description: 'Campaign members: a lead or deal, the campaign, its channel and the date (Salesforce CampaignMember).',
  order: 55,
  fields: [
    field('leadExternalId', 'Lead id (CRM)', 'text', 'The lead touched (or give a deal id).', ['leadid', 'contactid'], {
      maxLength: 100,
    }),
    field(
      'dealExternalId',
      'Deal id (CRM)',
      'text',
      'The deal touched, when there is no lead.',
      ['opportunityid', 'dealid'],
      {
        maxLength: 100,
      },
    ),
    field(
      'campaign',
      'Campaign',
      'text',
      'Required: the campaign’s name; a new name adds the campaign.',
      ['campaign', 'campaignname', 'campaignid'],
      { required: true, listValues: true, maxLength: 200 },
    ),
    field(
      'channel',
      'Channel',
      'text',
      'The campaign’s channel (webinar, event, paid search …), for new campaigns.',
      ['channel', 'campaigntype', 'type'],
      { listValues: true, maxLength: 100 },
    ),
    field(
      'touchedAt',
      'Date',
      'date',
      'Required: when the lead or deal was touched.',
      ['date', 'touchedat', 'firstrespondeddate', 'createddate'],
      { required: true },
    ),
  ],
  presets: [
    {
      id: 'salesforce',
      label: 'Salesforce CampaignMember export',
      signature: ['CampaignId', 'FirstRespondedDate', 'Campaign.Name'],
      description: 'CampaignMember: LeadId, Campaign.Name, Campaign.Type, FirstRespondedDate.',
      columns: {
        leadExternalId: ['LeadId', 'Lead ID', 'ContactId'],
        dealExternalId: ['OpportunityId'],
        campaign: ['Campaign.Name', 'Campaign Name', 'CampaignId'],
        channel: ['Campaign.Type', 'Campaign Type', 'Type'],
        touchedAt: ['FirstRespondedDate', 'CreatedDate', 'Created Date'],
      },
    },
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any touches file; columns suggested from headers.',
      columns: {},
    },
  ],
  build,
  open: (ctx) => new TouchesWriter(ctx),
};
