// Stage history: one row per stage a deal entered, like Salesforce's OpportunityHistory. Rows
// already recorded (same deal, stage and day) are unchanged, so re-importing adds nothing.
import type Database from 'better-sqlite3';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { field } from './field-helpers.ts';

export interface StageImportRow {
  dealExternalId: string;
  stage: string;
  enteredAt: string;
  amount: number | null;
}

class StageWriter implements KindWriter<StageImportRow> {
  private readonly ctx: WriteContext;
  private readonly deal: Database.Statement;
  private readonly exists: Database.Statement;
  private readonly insert: Database.Statement;

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    this.deal = ctx.sqlite.prepare('SELECT id FROM deals WHERE external_id = ?').pluck();
    this.exists = ctx.sqlite
      .prepare('SELECT id FROM stage_history WHERE deal_id = ? AND entered_at = ? AND stage = ? LIMIT 1')
      .pluck();
    this.insert = ctx.sqlite.prepare(
      'INSERT INTO stage_history (deal_id, stage, entered_at, amount, import_batch_id) VALUES (?, ?, ?, ?, ?)',
    );
  }

  write(row: StageImportRow, cells: RowCells): WriteOutcome | null {
    const dealId = this.deal.get(row.dealExternalId) as number | undefined;
    if (dealId === undefined) {
      cells.problem('dealExternalId', 'no deal has this id (import the deals first, or in the same import)');
      return null;
    }
    if (this.exists.get(dealId, row.enteredAt, row.stage) !== undefined) return 'unchanged';
    const id = Number(this.insert.run(dealId, row.stage, row.enteredAt, row.amount, this.ctx.batchId).lastInsertRowid);
    this.ctx.changes.inserted('stage_history', id);
    return 'inserted';
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    return new Map();
  }
}

function build(c: RowCells): StageImportRow | null {
  const dealExternalId = c.raw('dealExternalId');
  if (dealExternalId === '') c.problem('dealExternalId', 'missing: each row needs the deal’s CRM id', '');
  const stage = c.text('stage');
  if (stage === null) c.problem('stage', 'missing: each row needs the stage entered', '');
  const enteredAt = c.date('enteredAt');
  if (enteredAt === null && c.raw('enteredAt') === '')
    c.problem('enteredAt', 'missing: each row needs the date the stage was entered', '');
  const amount = c.number('amount');
  if (c.problems.length > 0) return null;
  return { dealExternalId, stage: stage!, enteredAt: enteredAt!, amount };
}

export const stageHistoryKind: ImportKind<StageImportRow> = {
  id: 'stage_history',
  label: 'Stage history',
  unit: 'stage changes',
  description: 'Every stage a deal entered and when (Salesforce OpportunityHistory); velocity needs it.',
  order: 60,
  fields: [
    field(
      'dealExternalId',
      'Deal id (CRM)',
      'text',
      'Required: the deal this stage belongs to.',
      ['opportunityid', 'dealid', 'id', 'recordid'],
      {
        required: true,
        maxLength: 100,
      },
    ),
    field(
      'stage',
      'Stage',
      'text',
      'Required: the stage entered.',
      ['stage', 'stagename', 'dealstage', 'tostage', 'newvalue'],
      {
        required: true,
        listValues: true,
        maxLength: 200,
      },
    ),
    field(
      'enteredAt',
      'Entered on',
      'date',
      'Required: when the deal entered the stage.',
      ['createddate', 'enteredat', 'date', 'changedate', 'timestamp', 'enteredon'],
      {
        required: true,
      },
    ),
    field('amount', 'Amount then', 'number', 'Optional: the deal’s amount at that moment.', ['amount', 'value'], {}),
  ],
  presets: [
    {
      id: 'salesforce',
      label: 'Salesforce OpportunityHistory',
      signature: ['OpportunityId', 'StageName'],
      description: 'OpportunityId, StageName, CreatedDate, Amount.',
      columns: {
        dealExternalId: ['OpportunityId', 'Opportunity ID'],
        stage: ['StageName', 'Stage'],
        enteredAt: ['CreatedDate', 'Created Date', 'Last Modified'],
        amount: ['Amount'],
      },
    },
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any stage history file; columns suggested from headers.',
      columns: {},
    },
  ],
  build,
  open: (ctx) => new StageWriter(ctx),
};
