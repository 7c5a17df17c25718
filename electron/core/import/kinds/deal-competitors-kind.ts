// Deal-competitor rows: which competitors a deal met, the primary one, and their strengths and
// weaknesses on that deal (Salesforce's OpportunityCompetitor). Upserted on deal and competitor.
import type Database from 'better-sqlite3';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import { isProblem } from '../resolvers.ts';
import type { RowCells } from '../row-cells.ts';
import { field } from './field-helpers.ts';

export interface DealCompetitorImportRow {
  dealExternalId: string;
  competitor: string;
  primary: boolean | null;
  strengths: string | null;
  weaknesses: string | null;
}

interface Link {
  competitor_id: number;
  is_primary: number;
  strengths: string | null;
  weaknesses: string | null;
}

class DealCompetitorsWriter implements KindWriter<DealCompetitorImportRow> {
  private readonly ctx: WriteContext;
  private readonly deal: Database.Statement;
  private readonly links: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly clearPrimary: Database.Statement;
  private readonly seen = new Map<string, number>();
  private readonly changed = new Map<string, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const s = ctx.sqlite;
    this.deal = s.prepare('SELECT id FROM deals WHERE external_id = ?').pluck();
    this.links = s.prepare(
      'SELECT competitor_id, is_primary, strengths, weaknesses FROM deal_competitors WHERE deal_id = ?',
    );
    this.insert = s.prepare(
      'INSERT INTO deal_competitors (deal_id, competitor_id, is_primary, strengths, weaknesses) VALUES (?, ?, ?, ?, ?)',
    );
    this.update = s.prepare(
      'UPDATE deal_competitors SET is_primary = ?, strengths = ?, weaknesses = ? WHERE deal_id = ? AND competitor_id = ?',
    );
    this.clearPrimary = s.prepare(
      'UPDATE deal_competitors SET is_primary = 0 WHERE deal_id = ? AND competitor_id <> ?',
    );
  }

  write(row: DealCompetitorImportRow, cells: RowCells): WriteOutcome | null {
    const dealId = this.deal.get(row.dealExternalId) as number | undefined;
    if (dealId === undefined)
      cells.problem('dealExternalId', 'no deal has this id (import the deals first, or in the same import)');
    const r = this.ctx.resolvers.competitor.resolve(
      row.competitor,
      cells.field('competitor')?.values,
      cells.tracker('competitor'),
    );
    if (isProblem(r)) cells.problem('competitor', r.reason);
    if (cells.problems.length > 0 || dealId === undefined || r === null || isProblem(r)) {
      if (r === null && cells.problems.length === 0) return 'unchanged';
      return null;
    }
    const competitorId = r.get();
    const key = `${dealId}:${competitorId}`;
    if (this.seen.has(key)) {
      cells.problem(
        'competitor',
        'this deal and competitor appear more than once',
        undefined,
        `first on line ${this.seen.get(key)}`,
      );
      return null;
    }
    this.seen.set(key, cells.line);
    const current = this.links.all(dealId) as Link[];
    const link = current.find((l) => l.competitor_id === competitorId);
    const primary = row.primary ?? (link ? link.is_primary === 1 : false);
    const strengths = this.ctx.mapped('strengths') ? row.strengths : (link?.strengths ?? null);
    const weaknesses = this.ctx.mapped('weaknesses') ? row.weaknesses : (link?.weaknesses ?? null);
    const othersPrimary = primary && current.some((l) => l.competitor_id !== competitorId && l.is_primary === 1);
    const same =
      link && (link.is_primary === 1) === primary && link.strengths === strengths && link.weaknesses === weaknesses;
    if (same && !othersPrimary) return 'unchanged';
    // The deal's links as they were, once per deal and batch: undo puts them back as a set.
    if (!this.ctx.changes.has('deal_competitors', dealId)) {
      this.ctx.changes.updated('deal_competitors', dealId, { links: current }, ['competitors']);
    }
    if (othersPrimary) this.clearPrimary.run(dealId, competitorId);
    if (!link) {
      this.insert.run(dealId, competitorId, primary ? 1 : 0, strengths, weaknesses);
      return 'inserted';
    }
    this.update.run(primary ? 1 : 0, strengths, weaknesses, dealId, competitorId);
    for (const [f, changed] of [
      ['primary', (link.is_primary === 1) !== primary],
      ['strengths', link.strengths !== strengths],
      ['weaknesses', link.weaknesses !== weaknesses],
    ] as const) {
      if (changed) this.changed.set(f, (this.changed.get(f) ?? 0) + 1);
    }
    return 'updated';
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return this.changed;
  }
}

function build(c: RowCells): DealCompetitorImportRow | null {
  const dealExternalId = c.raw('dealExternalId');
  if (dealExternalId === '') c.problem('dealExternalId', 'missing: each row needs the deal’s CRM id', '');
  const competitor = c.name('competitor');
  if (competitor === null && c.raw('competitor') === '')
    c.problem('competitor', 'missing: each row needs a competitor', '');
  const row = {
    dealExternalId,
    competitor: competitor ?? '',
    primary: c.bool('primary'),
    strengths: c.text('strengths'),
    weaknesses: c.text('weaknesses'),
  };
  return c.problems.length === 0 ? row : null;
}

export const dealCompetitorsKind: ImportKind<DealCompetitorImportRow> = {
  id: 'deal_competitors',
  label: 'Deal competitors',
  unit: 'deal-competitor rows',
  description: 'Competitors met on each deal (Salesforce OpportunityCompetitor), with strengths and weaknesses.',
  order: 50,
  fields: [
    field(
      'dealExternalId',
      'Deal id (CRM)',
      'text',
      'Required: the deal.',
      ['opportunityid', 'dealid', 'id', 'recordid'],
      {
        required: true,
        maxLength: 100,
      },
    ),
    field(
      'competitor',
      'Competitor',
      'lookup',
      'Required; resolved through aliases, near matches wait for your decision.',
      ['competitor', 'competitorname', 'name'],
      { required: true, entity: 'competitor', listValues: true, maxLength: 200 },
    ),
    field(
      'primary',
      'Primary',
      'bool',
      'Yes for the head-to-head competitor (one per deal).',
      ['primary', 'isprimary', 'main'],
      {},
    ),
    field('strengths', 'Strengths', 'text', 'Their strengths on this deal.', ['strengths', 'strength'], {
      maxLength: 2000,
    }),
    field('weaknesses', 'Weaknesses', 'text', 'Their weaknesses on this deal.', ['weaknesses', 'weakness'], {
      maxLength: 2000,
    }),
  ],
  presets: [
    {
      id: 'salesforce',
      label: 'Salesforce OpportunityCompetitor',
      signature: ['CompetitorName', 'OpportunityId'],
      description: 'OpportunityId, CompetitorName, Strengths, Weaknesses.',
      columns: {
        dealExternalId: ['OpportunityId', 'Opportunity ID'],
        competitor: ['CompetitorName', 'Competitor Name'],
        strengths: ['Strengths'],
        weaknesses: ['Weaknesses'],
      },
    },
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any deal-competitor file; columns suggested from headers.',
      columns: {},
    },
  ],
  build,
  open: (ctx) => new DealCompetitorsWriter(ctx),
};
