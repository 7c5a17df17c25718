// A deals file with its related files in one import (one transaction, one batch): owners and
// teams, products (GTX Pro vs GTXPro), accounts (typos fixed by value mapping), stage history
// and deal-competitor rows. Modelled on Maven's CRM files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { batchDetail } from '#core/import/import-log.ts';
import { undoImport } from '#core/import/import-undo.ts';
import type { FileSpec } from '../../support/import.ts';
import { dealsView, importFiles } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

const files = (decide: boolean): FileSpec[] => [
  {
    file: 'related-deals.csv',
    adjust: (m) => {
      if (decide) m.values.product = { GTXPro: 'GTX Pro' };
    },
  },
  {
    kind: 'accounts',
    file: 'related-accounts.csv',
    adjust: (m) => {
      m.values.sector = { technolgy: 'technology' };
      m.values.country = { Philipines: 'Philippines' };
    },
  },
  { kind: 'owners', file: 'related-owners.csv' },
  { kind: 'products', file: 'related-products.csv' },
  { kind: 'stage_history', file: 'opportunity-history.csv' },
  {
    kind: 'deal_competitors',
    file: 'opportunity-competitor.csv',
    adjust: (m) => {
      if (decide) m.values.competitor = { Brigthline: 'Brightline' };
    },
  },
];

describe('related files', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    ws.sqlite.prepare("INSERT INTO competitors (id, name) VALUES (7, 'Brightline')").run();
    ws.sqlite
      .prepare(
        "INSERT INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (7, 'Brightline', 'brightline')",
      )
      .run();
  });
  afterEach(() => cleanup());

  it('holds back near matches (GTXPro, Brigthline) for a decision, and lists them with the suggestion', () => {
    const r = importFiles(ws.sqlite, files(false), { mode: 'preview' });
    const deals = r.files.find((f) => f.kind === 'deals')!;
    expect(deals.values.find((v) => v.field === 'product')!.values[0]).toEqual({
      raw: 'GTXPro',
      count: 1,
      resolved: null,
      status: 'near',
      suggestions: ['GTX Pro'],
      why: 'same name apart from case, spaces, punctuation or a legal form (Inc, Ltd, Corp)',
    });
    const competitors = r.files.find((f) => f.kind === 'deal_competitors')!;
    expect(competitors.values[0]!.values.find((v) => v.raw === 'Brigthline')).toMatchObject({
      status: 'near',
      suggestions: ['Brightline'],
      why: 'differs by one letter',
    });
    expect(
      r.problems.filter((p) => p.reason.startsWith('needs your decision')).map((p) => [p.file, p.line, p.value]),
    ).toEqual([
      ['related-deals.csv', 2, 'GTXPro'],
      ['opportunity-competitor.csv', 3, 'Brigthline'],
    ]);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM deals').get()).toEqual({ n: 0 });
  });

  it('imports all six files as one batch, every row accounted for', () => {
    const r = importFiles(ws.sqlite, files(true), { onProblems: 'valid_rows' });
    expect(r.committed).toBe(true);
    expect(r.files.map((f) => [f.kind, f.rowsRead, f.inserted, f.updated, f.unchanged, f.rejected])).toEqual([
      ['owners', 2, 2, 0, 0, 0],
      ['products', 3, 3, 0, 0, 0],
      ['accounts', 2, 2, 0, 0, 0],
      ['deals', 3, 3, 0, 0, 0],
      ['deal_competitors', 2, 2, 0, 0, 0],
      ['stage_history', 4, 3, 0, 0, 1],
    ]);
    expect(r.problems).toEqual([
      {
        file: 'opportunity-history.csv',
        line: 5,
        field: 'Deal id (CRM)',
        column: 'OpportunityId',
        value: 'R9',
        reason: 'no deal has this id (import the deals first, or in the same import)',
      },
    ]);
    // Maven's manager column is the rep's manager (no longer taken for a team); its office, the office.
    expect(ws.sqlite.prepare('SELECT name, manager, office FROM owners ORDER BY name').raw().all()).toEqual([
      ['Darcel Schlecht', 'Melvin Marxen', 'Central'],
      ['Moses Frase', 'Dustin Brinkmann', 'Central'],
    ]);
    expect(
      dealsView(ws.sqlite).map((d) => [
        d.externalId,
        d.name,
        d.account,
        d.product,
        d.owner,
        d.team,
        d.outcome,
        d.amount,
        d.createdDate,
        d.closeDate,
        d.competitors,
      ]),
    ).toEqual([
      [
        'R1',
        'Cancity – GTX Pro',
        'Cancity',
        'GTX Pro',
        'Moses Frase',
        null,
        'won',
        1054,
        '2016-10-20',
        '2017-03-01',
        'Acme',
      ],
      [
        'R2',
        'Isdom – GTX Basic',
        'Isdom',
        'GTX Basic',
        'Darcel Schlecht',
        null,
        'lost',
        0,
        '2016-10-25',
        '2017-03-11',
        'Brightline',
      ],
      ['R3', 'MG Special · R3', null, 'MG Special', 'Moses Frase', null, 'open', null, '2016-11-03', null, ''],
    ]);
    expect(
      ws.sqlite.prepare('SELECT name, sector, country, employee_band AS employees FROM accounts ORDER BY name').all(),
    ).toEqual([
      { name: 'Cancity', sector: 'retail', country: 'United States', employees: '2448' },
      { name: 'Isdom', sector: 'technology', country: 'Philippines', employees: '4540' },
    ]);
    expect(
      ws.sqlite.prepare('SELECT name, product_line AS line, list_price AS price FROM products ORDER BY id').all(),
    ).toEqual([
      { name: 'GTX Basic', line: 'GTX', price: 550 },
      { name: 'GTX Pro', line: 'GTX', price: 4821 },
      { name: 'MG Special', line: 'MG', price: 55 },
    ]);
    expect(
      ws.sqlite
        .prepare(
          'SELECT d.external_id AS deal, s.stage, s.entered_at AS at, s.amount FROM stage_history s JOIN deals d ON d.id = s.deal_id ORDER BY s.entered_at',
        )
        .all(),
    ).toEqual([
      { deal: 'R1', stage: 'Prospecting', at: '2016-10-01', amount: 1000 },
      { deal: 'R1', stage: 'Engaging', at: '2016-10-20', amount: 1054 },
      { deal: 'R1', stage: 'Won', at: '2017-03-01', amount: 1054 },
    ]);
    expect(
      ws.sqlite
        .prepare(
          'SELECT c.name, dc.strengths, dc.weaknesses FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id ORDER BY c.name',
        )
        .all(),
    ).toEqual([
      { name: 'Acme', strengths: 'Price', weaknesses: 'Support' },
      { name: 'Brightline', strengths: 'Integrations', weaknesses: null },
    ]);
    // The confirmed spelling is now an alias: the next file resolves it without asking.
    expect(
      ws.sqlite.prepare("SELECT competitor_id AS id FROM competitor_aliases WHERE alias = 'Brigthline'").get(),
    ).toEqual({ id: 7 });
    const detail = batchDetail(ws.sqlite, r.batchId!);
    expect(detail.files.map((f) => f.fileName)).toEqual([
      'related-owners.csv',
      'related-products.csv',
      'related-accounts.csv',
      'related-deals.csv',
      'opportunity-competitor.csv',
      'opportunity-history.csv',
    ]);

    undoImport(ws.sqlite, r.batchId!);
    for (const t of ['deals', 'accounts', 'owners', 'teams', 'products', 'stage_history', 'deal_competitors']) {
      expect(ws.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
    expect(ws.sqlite.prepare('SELECT id, name FROM competitors').all()).toEqual([{ id: 7, name: 'Brightline' }]);
    expect(ws.sqlite.prepare('SELECT alias FROM competitor_aliases').all()).toEqual([{ alias: 'Brightline' }]);
  });
});
