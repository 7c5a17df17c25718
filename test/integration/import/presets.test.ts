// Each CRM preset against a small export written in that CRM's format: the preset is recognised
// from the header, and every deal lands with the values worked out by hand below.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { inspectFile } from '#core/import/import-handlers.ts';
import { KINDS } from '#core/import/kinds/index.ts';
import { mappingIssues } from '#core/import/mapping-rules.ts';
import { dealsView, fixture, importFiles } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('CRM presets', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  it('Salesforce opportunity report: US dates, "USD 12,500.00", IsWon/IsClosed settle a custom stage', () => {
    const inspection = inspectFile(fixture('salesforce-opportunities.csv'), 'deals');
    expect(inspection.suggestion.presetId).toBe('salesforce');
    expect(inspection.suggestion.mapping.fields).toMatchObject({
      externalId: { column: 'Opportunity ID' },
      stage: { column: 'Stage' },
      isWon: { column: 'Won' },
      isClosed: { column: 'Closed' },
      primaryCompetitor: { column: 'Primary Competitor' },
      repReason: { column: 'Closed_Lost_Reason__c' },
    });
    const r = importFiles(ws.sqlite, [{ file: 'salesforce-opportunities.csv' }]);
    expect(r.committed).toBe(true);
    expect(r.totals).toEqual({ rowsRead: 4, inserted: 4, updated: 0, unchanged: 0, rejected: 0 });
    expect(r.files[0]!.dates).toMatchObject({ used: 'M/D/YYYY', ambiguous: false });
    const outcomeValues = r.files[0]!.values.find((v) => v.field === 'outcome')!.values;
    expect(outcomeValues.find((v) => v.raw === 'Verbal Commit')).toMatchObject({ status: 'known', resolved: 'open' });
    const deals = dealsView(ws.sqlite);
    expect(
      deals.map((d) => [
        d.externalId,
        d.name,
        d.account,
        d.amount,
        d.currency,
        d.closeDate,
        d.createdDate,
        d.outcome,
        d.dealType,
        d.leadSource,
        d.owner,
        d.competitors,
        d.repReason,
      ]),
    ).toEqual([
      [
        '0065g00000AbCdE',
        'Northwind renewal, 2024',
        'Northwind Traders',
        12500,
        'USD',
        '2024-03-28',
        '2024-01-15',
        'won',
        'renewal',
        'Partner Referral',
        'Ava Chen',
        'Acme Analytics*',
        null,
      ],
      [
        '0065g00000AbCdF',
        'Contoso analytics rollout',
        'Contoso Ltd',
        48000,
        'USD',
        '2024-04-02',
        '2024-02-01',
        'lost',
        'new_business',
        'Web',
        'Ben Diaz',
        'Brightline*',
        'Price',
      ],
      [
        '0065g00000AbCdG',
        'Fabrikam pilot',
        'Fabrikam',
        9999.5,
        'USD',
        null,
        '2024-03-05',
        'open',
        'new_business',
        'Web',
        'Ava Chen',
        '',
        null,
      ],
      [
        '0065g00000AbCdH',
        'Tailspin expansion',
        'Tailspin Toys',
        0,
        'USD',
        '2024-06-30',
        '2024-04-01',
        'lost',
        'expansion',
        'Event',
        'Ben Diaz',
        '',
        'No Decision',
      ],
    ]);
    // A rep reason that names a taxonomy reason is coded to it; "No Decision" is kept as text only.
    const coded = ws.sqlite
      .prepare('SELECT d.external_id AS id, r.name FROM deals d JOIN reasons r ON r.id = d.rep_reason_id')
      .all();
    expect(coded).toEqual([{ id: '0065g00000AbCdF', name: 'Price' }]);
  });

  it('HubSpot deals export: dealstage ids, datetimes, two competitors in a cell, a dirty spelling joining its alias', () => {
    expect(inspectFile(fixture('hubspot-deals.csv'), 'deals').suggestion.presetId).toBe('hubspot');
    const r = importFiles(ws.sqlite, [{ file: 'hubspot-deals.csv' }]);
    expect(r.totals).toEqual({ rowsRead: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(
      dealsView(ws.sqlite).map((d) => [
        d.externalId,
        d.name,
        d.account,
        d.amount,
        d.closeDate,
        d.createdDate,
        d.stage,
        d.outcome,
        d.owner,
        d.competitors,
        d.repReason,
      ]),
    ).toEqual([
      [
        '9001',
        'Globex upgrade',
        'Globex',
        15000,
        '2024-05-10',
        '2024-02-01',
        'closedwon',
        'won',
        'Cara Silva',
        'Acme*;Brightline',
        null,
      ],
      [
        '9002',
        'Initech seats',
        'Initech',
        7200.5,
        '2024-05-20',
        '2024-03-11',
        'closedlost',
        'lost',
        'Cara Silva',
        'Acme*',
        'Missing capability',
      ],
      [
        '9003',
        'Umbrella pilot',
        'Umbrella Corp',
        3000,
        null,
        '2024-04-02',
        'appointmentscheduled',
        'open',
        'Dev Patel',
        '',
        null,
      ],
    ]);
    expect(r.files[0]!.created).toContainEqual({ entity: 'competitors', count: 2, names: ['Acme', 'Brightline'] });
    const aliases = ws.sqlite.prepare('SELECT alias, alias_key AS key FROM competitor_aliases ORDER BY alias').all();
    expect(aliases).toEqual([
      { alias: 'Acme', key: 'acme' },
      { alias: 'Brightline', key: 'brightline' },
    ]);
  });

  it('Pipedrive deals export: status open/won/lost, value with thousands separator, currency column', () => {
    expect(inspectFile(fixture('pipedrive-deals.csv'), 'deals').suggestion.presetId).toBe('pipedrive');
    const r = importFiles(ws.sqlite, [{ file: 'pipedrive-deals.csv' }]);
    expect(r.totals).toEqual({ rowsRead: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(
      dealsView(ws.sqlite).map((d) => [
        d.externalId,
        d.name,
        d.account,
        d.amount,
        d.currency,
        d.closeDate,
        d.stage,
        d.outcome,
        d.owner,
        d.repReason,
      ]),
    ).toEqual([
      ['501', 'Hooli CRM deal', 'Hooli', 22000, 'EUR', '2024-02-14', 'Negotiations Started', 'won', 'Erin Ito', null],
      [
        '502',
        'Pied Piper trial',
        'Pied Piper',
        1500,
        'EUR',
        '2024-03-01',
        'Proposal Made',
        'lost',
        'Erin Ito',
        'Budget',
      ],
      ['503', 'Aviato rollout', 'Aviato', 8000, 'EUR', null, 'Demo Scheduled', 'open', 'Femi Okafor', null],
    ]);
  });

  it('generic CSV: suggestions from header names, the id mapped by hand, Won/Loss/Open results', () => {
    const inspection = inspectFile(fixture('generic-deals.csv'), 'deals');
    expect(inspection.suggestion.presetId).toBe('generic');
    const mapping = inspection.suggestion.mapping;
    expect(mapping.fields).toEqual({
      // "Deal" is the deal's name (the header of Winnow's own deals export).
      name: { column: 'Deal' },
      accountName: { column: 'Customer' },
      amount: { column: 'Deal Value' },
      closeDate: { column: 'Closed On' },
      outcome: { column: 'Result' },
      competitors: { column: 'Competitor' },
      segment: { column: 'Segment' },
    });
    expect(mappingIssues(KINDS.deals, mapping, inspection.headers)).toEqual([
      'Map a column to Deal id (CRM): it is required.',
    ]);
    mapping.fields.externalId = { column: 'Deal Ref' };
    expect(mappingIssues(KINDS.deals, mapping, inspection.headers)).toEqual([]);
    const r = importFiles(ws.sqlite, [{ file: 'generic-deals.csv', mapping }]);
    expect(r.totals).toEqual({ rowsRead: 4, inserted: 4, updated: 0, unchanged: 0, rejected: 0 });
    expect(
      dealsView(ws.sqlite).map((d) => [
        d.externalId,
        d.name,
        d.account,
        d.amount,
        d.closeDate,
        d.outcome,
        d.segment,
        d.competitors,
      ]),
    ).toEqual([
      ['G-1', 'Alpha deal', 'Alpha Inc', 1000, '2024-01-31', 'won', 'SMB', 'Acme Analytics*'],
      ['G-2', 'Beta deal', 'Beta GmbH', 2500, '2024-02-29', 'lost', 'Mid-market', 'Brightline*'],
      ['G-3', 'Gamma deal', 'Gamma SA', 4000, '2024-03-15', 'won', 'Enterprise', ''],
      ['G-4', 'Delta deal', 'Delta Ltd', null, null, 'open', 'SMB', ''],
    ]);
  });
});
