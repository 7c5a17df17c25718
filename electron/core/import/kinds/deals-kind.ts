// Deals: one row per opportunity, upserted on the CRM id. A new id adds a deal; a known id
// updates only the fields this file maps, and only when they differ (the change, with the values
// before, goes to import_changes); an identical row changes nothing.
import type Database from 'better-sqlite3';
import type { DealType, Outcome, SourcedBy } from '#shared/domain/enums.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { parseWinnowId } from '#shared/domain/winnow-ids.ts';
import { splitPrimaryMark } from '#shared/export/list-cell.ts';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { NameRef, Resolution } from '../resolvers.ts';
import { isProblem } from '../resolvers.ts';
import type { RowCells } from '../row-cells.ts';
import { SeenLines } from '../seen-lines.ts';
import { DEAL_FIELDS, DEAL_PRESETS } from './deal-fields.ts';
import { LinkCopies } from './deal-link-copies.ts';

export interface DealImportRow {
  externalId: string;
  name: string | null;
  accountName: string | null;
  accountExternalId: string | null;
  amount: number | null;
  currency: string | null;
  product: string | null;
  productLine: string | null;
  owner: string | null;
  ownerExternalId: string | null;
  team: string | null;
  dealType: DealType | null;
  leadSource: string | null;
  sourcedBy: SourcedBy | null;
  segment: string | null;
  region: string | null;
  createdDate: string | null;
  mqlDate: string | null;
  sqlDate: string | null;
  closeDate: string | null;
  stage: string | null;
  outcome: Outcome | null;
  competitors: string[];
  primaryCompetitor: string | null;
  /** True when a name in the Competitors cell carries the "(primary)" mark. */
  competitorMarked: boolean;
  lostTo: string | null;
  repReason: string | null;
  contractStart: string | null;
  contractEnd: string | null;
}

/** The deals columns an import may write, with the fields that feed each. */
const COLUMN_FIELDS: [column: string, fields: string[]][] = [
  ['name', ['name']],
  ['account_id', ['accountName', 'accountExternalId']],
  ['amount', ['amount']],
  ['currency', ['currency', 'amount']],
  ['product_id', ['product']],
  ['owner_id', ['owner', 'ownerExternalId']],
  ['team_id', ['team']],
  ['deal_type', ['dealType']],
  ['deal_type_assumed', ['dealType']],
  ['lead_source_id', ['leadSource']],
  ['sourced_by', ['sourcedBy']],
  ['segment', ['segment']],
  ['region', ['region']],
  ['created_date', ['createdDate']],
  ['mql_date', ['mqlDate']],
  ['sql_date', ['sqlDate']],
  ['close_date', ['closeDate']],
  ['stage', ['stage']],
  ['outcome', ['outcome', 'stage', 'isWon', 'isClosed']],
  ['lost_to_competitor_id', ['lostTo']],
  ['rep_reason_text', ['repReason']],
  ['rep_reason_id', ['repReason']],
  ['contract_start', ['contractStart']],
  ['contract_end', ['contractEnd']],
];

/** Column -> the field name the import log shows. */
const COLUMN_LABEL: Record<string, string> = {
  name: 'name',
  account_id: 'account',
  amount: 'amount',
  currency: 'currency',
  product_id: 'product',
  owner_id: 'owner',
  team_id: 'team',
  deal_type: 'deal type',
  deal_type_assumed: 'deal type',
  lead_source_id: 'lead source',
  sourced_by: 'sourced by',
  segment: 'segment',
  region: 'region',
  created_date: 'created date',
  mql_date: 'MQL date',
  sql_date: 'SQL date',
  close_date: 'close date',
  stage: 'stage',
  outcome: 'outcome',
  lost_to_competitor_id: 'lost to',
  rep_reason_text: 'reason',
  rep_reason_id: 'reason code',
  contract_start: 'contract start',
  contract_end: 'contract end',
};

/** Columns that must not become NULL: a blank cell leaves them as they are. */
const KEEP_WHEN_BLANK = new Set(['name', 'deal_type', 'deal_type_assumed', 'outcome', 'currency']);

const INSERT_COLUMNS = ['external_id', ...COLUMN_FIELDS.map(([c]) => c), 'import_batch_id', 'competitor_count'];

function outcomeFromFlags(cells: RowCells): Outcome | null {
  const closed = cells.has('isClosed') ? cells.bool('isClosed') : null;
  const won = cells.has('isWon') ? cells.bool('isWon') : null;
  if (closed === false) return 'open';
  if (won === true) return 'won';
  if (closed === true && won === false) return 'lost';
  return null;
}

function build(c: RowCells): DealImportRow | null {
  const externalId = c.raw('externalId');
  if (externalId === '') c.problem('externalId', 'missing: every deal needs its CRM id', '');
  else if (externalId.length > 100) c.problem('externalId', 'longer than 100 characters');
  const amount = c.number('amount');
  if (amount !== null && amount < 0) c.problem('amount', 'negative: amounts must be 0 or more');
  let currency = c.text('currency');
  if (currency !== null) {
    currency = currency.toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) {
      c.problem('currency', 'not a three-letter currency code such as USD or EUR');
      currency = null;
    }
  } else currency = c.currencyHint;

  let outcome: Outcome | null;
  if (c.has('outcome')) {
    const r = c.choice('outcome');
    outcome = r.value as Outcome | null;
    if (!r.known || outcome === null) {
      const flagged = outcomeFromFlags(c);
      if (flagged !== null) {
        outcome = flagged;
        c.tracker('outcome')?.add(c.raw('outcome'), 'known', flagged, [], 'from the won/closed flags');
      } else if (!r.known) {
        c.unknownChoice('outcome', `not a known outcome: map it to ${Object.values(OUTCOME_LABEL).join(', ')}`);
      } else {
        c.problem('outcome', 'missing: every deal needs an outcome (open, won, lost or no decision)', '');
      }
    }
  } else {
    outcome = outcomeFromFlags(c);
    if (outcome === null) c.problem(null, 'no outcome: map an Outcome or Stage column (or the won/closed flags)', null);
  }

  const closeDate = c.date('closeDate');
  if (
    outcome !== null &&
    outcome !== 'open' &&
    closeDate === null &&
    !c.problems.some((p) => p.field === 'Close date')
  ) {
    c.problem('closeDate', `missing: a ${OUTCOME_LABEL[outcome].toLowerCase()} deal needs a close date`, '');
  }
  const dealType = c.choice('dealType');
  if (!dealType.known)
    c.unknownChoice('dealType', 'not a known deal type: map it to new business, expansion, cross-sell or renewal');
  const sourcedBy = c.choice('sourcedBy');
  if (!sourcedBy.known) c.unknownChoice('sourcedBy', 'not marketing, sales or partner: map it');

  // Winnow's export marks the primary in the list ("Acme (primary); Brightline"): the marked name
  // is the competitor, listed first so it becomes the primary (a mapped primary column still wins).
  const competitors: string[] = [];
  let marked: string | null = null;
  for (const listed of c.names('competitors')) {
    const { name, primary } = splitPrimaryMark(listed);
    if (primary) marked ??= name;
    if (!competitors.includes(name)) competitors.push(name);
  }
  if (marked !== null) competitors.splice(0, competitors.length, marked, ...competitors.filter((n) => n !== marked));

  const row: DealImportRow = {
    externalId,
    name: c.text('name'),
    accountName: c.name('accountName'),
    accountExternalId: c.text('accountExternalId'),
    amount,
    currency,
    product: c.name('product'),
    productLine: c.text('productLine'),
    owner: c.name('owner'),
    ownerExternalId: c.text('ownerExternalId'),
    team: c.name('team'),
    dealType: dealType.value as DealType | null,
    leadSource: c.name('leadSource'),
    sourcedBy: sourcedBy.value as SourcedBy | null,
    segment: c.text('segment'),
    region: c.text('region'),
    createdDate: c.date('createdDate'),
    mqlDate: c.date('mqlDate'),
    sqlDate: c.date('sqlDate'),
    closeDate,
    stage: c.text('stage'),
    outcome,
    competitors,
    primaryCompetitor: c.name('primaryCompetitor'),
    competitorMarked: marked !== null,
    lostTo: c.name('lostTo'),
    repReason: c.text('repReason'),
    contractStart: c.date('contractStart'),
    contractEnd: c.date('contractEnd'),
  };
  return c.problems.length === 0 ? row : null;
}

type DealRecord = Record<string, unknown> & { id: number };

interface Link {
  competitor_id: number;
  is_primary: number;
  strengths: string | null;
  weaknesses: string | null;
}

class DealsWriter implements KindWriter<DealImportRow> {
  private readonly ctx: WriteContext;
  /** Only a "(primary)" mark makes a listed competitor primary (Winnow's export). */
  private readonly onlyMarkedPrimary: boolean;
  private readonly probe: Database.Statement;
  private readonly probeWinnowId: Database.Statement;
  private readonly find: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly links: Database.Statement;
  private readonly addLink: Database.Statement;
  private readonly dropLink: Database.Statement;
  private readonly setPrimary: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly ownerTeam: Database.Statement;
  private readonly teamOfOwner = new Map<number, number | null>();
  private readonly reasonIds: Map<string, number>;
  /** Columns this file writes (unmapped columns of existing deals are left alone). */
  private readonly columns: string[];
  private readonly writesCompetitors: boolean;
  /** Deal id -> line of the row that wrote it, to report an id that appears twice. */
  private readonly seen = new SeenLines();
  /** Bulk imports write links with their copies filled (the insert trigger is suspended). */
  private readonly linkCopies: LinkCopies | null;
  private readonly changed = new Map<string, number>();

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    this.onlyMarkedPrimary = ctx.option('competitorPrimary') === 'marked';
    const s = ctx.sqlite;
    this.columns = COLUMN_FIELDS.filter(([, fields]) => fields.some((f) => ctx.mapped(f))).map(([c]) => c);
    this.writesCompetitors = ['competitors', 'primaryCompetitor', 'lostTo'].some((f) => ctx.mapped(f));
    this.linkCopies = ctx.bulk && this.writesCompetitors ? new LinkCopies(s) : null;
    // Most rows of a big import are new: probe the unique index first, read the row only when found.
    this.probe = s.prepare('SELECT id FROM deals WHERE external_id = ?').pluck();
    this.probeWinnowId = s.prepare('SELECT id FROM deals WHERE id = ? AND external_id IS NULL').pluck();
    this.find = s.prepare(
      `SELECT id, import_batch_id, updated_at, ${COLUMN_FIELDS.map(([c]) => c).join(', ')} FROM deals WHERE id = ?`,
    );
    this.insert = s.prepare(
      `INSERT INTO deals (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.links = s.prepare(
      'SELECT competitor_id, is_primary, strengths, weaknesses FROM deal_competitors WHERE deal_id = ?',
    );
    this.addLink = s.prepare('INSERT INTO deal_competitors (deal_id, competitor_id, is_primary) VALUES (?, ?, ?)');
    this.dropLink = s.prepare('DELETE FROM deal_competitors WHERE deal_id = ? AND competitor_id = ?');
    this.setPrimary = s.prepare('UPDATE deal_competitors SET is_primary = ? WHERE deal_id = ? AND competitor_id = ?');
    this.ownerTeam = s.prepare('SELECT team_id FROM owners WHERE id = ?').pluck();
    this.reasonIds = new Map(
      (
        s.prepare('SELECT id, name FROM reasons WHERE merged_into_id IS NULL').all() as { id: number; name: string }[]
      ).map((r) => [r.name.toLowerCase(), r.id]),
    );
  }

  private resolveName(cells: RowCells, field: string, r: Resolution): NameRef | null | undefined {
    if (r === null) return null;
    if (isProblem(r)) {
      cells.problem(field, r.reason);
      return undefined;
    }
    return r;
  }

  write(row: DealImportRow, cells: RowCells): WriteOutcome | null {
    const { resolvers } = this.ctx;
    const existingId = this.existingId(row.externalId);
    const existing = existingId === undefined ? undefined : (this.find.get(existingId) as DealRecord);
    const firstLine = existing ? this.seen.get(existing.id) : 0;
    const decisions = (entity: string) => cells.field(entity === 'competitor' ? 'competitors' : entity)?.values;
    const competitorDecisions =
      cells.field('competitors')?.values ?? cells.field('primaryCompetitor')?.values ?? cells.field('lostTo')?.values;
    const account = resolvers.account.resolve(row.accountExternalId, row.accountName);
    const product = row.product
      ? this.resolveName(
          cells,
          'product',
          resolvers.product.resolve(row.product, decisions('product'), cells.tracker('product'), row.productLine),
        )
      : null;
    const owner = row.ownerExternalId
      ? resolvers.ownerByExternalId(row.ownerExternalId, row.owner)
      : row.owner
        ? resolvers.owner.resolve(row.owner, decisions('owner'), cells.tracker('owner'))
        : null;
    const team = row.team ? resolvers.team.resolve(row.team, decisions('team'), cells.tracker('team')) : null;
    const leadSource = row.leadSource
      ? resolvers.leadSource.resolve(
          row.leadSource,
          decisions('leadSource'),
          cells.tracker('leadSource'),
          row.sourcedBy,
        )
      : null;
    const tracker = cells.tracker('competitor');
    const competitor = (field: string, name: string) =>
      this.resolveName(cells, field, resolvers.competitor.resolve(name, competitorDecisions, tracker));
    const primary = row.primaryCompetitor ? competitor('primaryCompetitor', row.primaryCompetitor) : null;
    const listed = row.competitors.map((n) => competitor('competitors', n));
    const lostTo = row.lostTo ? competitor('lostTo', row.lostTo) : null;
    if (cells.problems.length > 0) return null;
    // A repeat of a row already written: a name the first row did not use differs for sure (and
    // is not made: nothing is written for a rejected row).
    const refs = [account, product, owner, team, leadSource, primary, ...listed, lostTo];
    if (firstLine > 0 && refs.some((r) => r && !r.known)) return this.repeated(cells, firstLine);

    // Every check passed: from here on, write.
    const productId = product ? product.get() : null;
    const values: Record<string, unknown> = {
      name: row.name,
      account_id: account ? account.get() : null,
      amount: row.amount,
      currency: row.currency,
      product_id: productId,
      owner_id: owner ? owner.get() : null,
      team_id: team ? team.get() : null,
      deal_type: row.dealType,
      // A given type is known (0); a blank one is decided below: assumed on insert, kept on update.
      deal_type_assumed: row.dealType === null ? null : 0,
      lead_source_id: leadSource ? leadSource.get() : null,
      sourced_by: row.sourcedBy,
      segment: row.segment,
      region: row.region,
      created_date: row.createdDate,
      mql_date: row.mqlDate,
      sql_date: row.sqlDate,
      close_date: row.closeDate,
      stage: row.stage,
      outcome: row.outcome,
      lost_to_competitor_id: lostTo ? lostTo.get() : null,
      rep_reason_text: row.repReason,
      rep_reason_id: row.repReason ? (this.reasonIds.get(row.repReason.toLowerCase()) ?? null) : null,
      contract_start: row.contractStart,
      contract_end: row.contractEnd,
    };
    const wanted = this.writesCompetitors ? this.wantedLinks(primary, listed, lostTo, row.competitorMarked) : null;
    if (firstLine > 0) {
      const same =
        this.changedColumns(existing!, values, row).length === 0 &&
        !(wanted && this.syncLinks(existing!.id, wanted, true));
      return same ? 'unchanged' : this.repeated(cells, firstLine);
    }

    if (!existing) {
      const accountId = values.account_id as number | null;
      if ((values.segment === null || values.region === null) && accountId !== null) {
        const a = resolvers.account.attributes(accountId);
        values.segment ??= a.segment;
        values.region ??= a.region;
      }
      if (values.team_id === null && values.owner_id !== null) values.team_id = this.teamOf(values.owner_id as number);
      values.name ??= this.fallbackName(row, account?.name ?? null, product?.name ?? null);
      values.currency ??= this.ctx.settings.currency;
      values.deal_type_assumed ??= values.deal_type === null ? 1 : 0;
      values.deal_type ??= 'new_business';
      values.outcome ??= 'open';
      const linkCount = this.linkCopies && wanted ? wanted.size : 0;
      const id = Number(
        this.insert.run(row.externalId, ...COLUMN_FIELDS.map(([c]) => values[c]), this.ctx.batchId, linkCount)
          .lastInsertRowid,
      );
      this.ctx.changes.inserted('deals', id);
      if (wanted && this.linkCopies) this.linkCopies.insertNew(id, wanted, values);
      else if (wanted) for (const [cid, isPrimary] of wanted) this.addLink.run(id, cid, isPrimary ? 1 : 0);
      this.seen.set(id, cells.line);
      return 'inserted';
    }

    this.seen.set(existing.id, cells.line);
    const changedColumns = this.changedColumns(existing, values, row);
    const linksChanged = wanted ? this.syncLinks(existing.id, wanted, true) : false;
    if (changedColumns.length === 0 && !linksChanged) return 'unchanged';

    if (changedColumns.length > 0) {
      // The stamps too, so an undone batch leaves the deal exactly as it was (and undoable in turn).
      const before: Record<string, unknown> = {
        import_batch_id: existing.import_batch_id,
        updated_at: existing.updated_at,
      };
      for (const col of changedColumns) before[col] = existing[col];
      this.update(changedColumns).run(...changedColumns.map((c) => values[c]), this.ctx.batchId, existing.id);
      const labels = [...new Set(changedColumns.map((c) => COLUMN_LABEL[c]!))];
      this.ctx.changes.updated('deals', existing.id, before, labels);
      for (const l of labels) this.changed.set(l, (this.changed.get(l) ?? 0) + 1);
    }
    if (linksChanged) {
      this.syncLinks(existing.id, wanted!, false);
      this.changed.set('competitors', (this.changed.get('competitors') ?? 0) + 1);
    }
    return 'updated';
  }

  /** The columns this file writes whose value differs from the deal's. */
  private changedColumns(existing: DealRecord, values: Record<string, unknown>, row: DealImportRow): string[] {
    const changed: string[] = [];
    for (const col of this.columns) {
      const next = values[col];
      if (next === null && (KEEP_WHEN_BLANK.has(col) || (col === 'currency' && row.currency === null))) continue;
      if (existing[col] !== next) changed.push(col);
    }
    return changed;
  }

  /**
   * A second row for a deal already written by this file: the same values change nothing (counted
   * unchanged, so an all-or-nothing import goes ahead); different ones are a problem, since which
   * line to believe is the user's call.
   */
  private repeated(cells: RowCells, firstLine: number): null {
    cells.problem(
      'externalId',
      'appears more than once in the file, with different values',
      undefined,
      `first on line ${firstLine}`,
    );
    return null;
  }

  /** The deal a CRM id names: by that id, or a `winnow-<id>` of Winnow's export naming a deal without one. */
  private existingId(externalId: string): number | undefined {
    const found = this.probe.get(externalId) as number | undefined;
    if (found !== undefined) return found;
    const own = parseWinnowId(externalId);
    return own === null ? undefined : (this.probeWinnowId.get(own) as number | undefined);
  }

  /**
   * Competitor id -> primary, in the order the row names them. The first listed is primary unless
   * a primary column names one, or the file marks its primaries (option competitorPrimary
   * 'marked', Winnow's export) and this row has no mark: a deal made in the app may have none.
   */
  private wantedLinks(
    primary: NameRef | null | undefined,
    listed: (NameRef | null | undefined)[],
    lostTo: NameRef | null | undefined,
    marked: boolean,
  ): Map<number, boolean> {
    const wanted = new Map<number, boolean>();
    if (primary) wanted.set(primary.get(), true);
    const firstIsPrimary = !primary && (marked || !this.onlyMarkedPrimary);
    for (const ref of listed) {
      if (!ref) continue;
      const id = ref.get();
      if (!wanted.has(id)) wanted.set(id, wanted.size === 0 && firstIsPrimary);
    }
    if (lostTo) {
      const id = lostTo.get();
      if (!wanted.has(id)) wanted.set(id, wanted.size === 0);
    }
    return wanted;
  }

  /** Compare (dryRun) or bring the deal's competitor links to `wanted`, keeping notes on kept links. */
  private syncLinks(dealId: number, wanted: Map<number, boolean>, dryRun: boolean): boolean {
    const current = this.links.all(dealId) as Link[];
    const have = new Map(current.map((l) => [l.competitor_id, l.is_primary === 1]));
    let differs = have.size !== wanted.size;
    if (!differs) for (const [cid, p] of wanted) if (have.get(cid) !== p) differs = true;
    if (dryRun || !differs) return differs;
    this.ctx.changes.updated('deal_competitors', dealId, { links: current }, ['competitors']);
    for (const l of current) if (!wanted.has(l.competitor_id)) this.dropLink.run(dealId, l.competitor_id);
    for (const [cid, p] of wanted) {
      if (!have.has(cid)) this.addLink.run(dealId, cid, p ? 1 : 0);
      else if (have.get(cid) !== p) this.setPrimary.run(p ? 1 : 0, dealId, cid);
    }
    this.linkCopies?.refresh(dealId);
    return true;
  }

  private update(columns: string[]): Database.Statement {
    const key = columns.join(',');
    let st = this.updates.get(key);
    if (!st) {
      st = this.ctx.sqlite.prepare(
        `UPDATE deals SET ${columns.map((c) => `${c} = ?`).join(', ')}, import_batch_id = ?,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
      );
      this.updates.set(key, st);
    }
    return st;
  }

  /** A new deal without a team joins its owner's team (an owners file may give it). */
  private teamOf(ownerId: number): number | null {
    let team = this.teamOfOwner.get(ownerId);
    if (team === undefined) {
      team = (this.ownerTeam.get(ownerId) as number | null | undefined) ?? null;
      this.teamOfOwner.set(ownerId, team);
    }
    return team;
  }

  private fallbackName(row: DealImportRow, account: string | null, product: string | null): string {
    if (account) return product ? `${account} – ${product}` : account;
    return product ? `${product} · ${row.externalId}` : `Deal ${row.externalId}`;
  }

  finish(): void {
    this.linkCopies?.restore();
  }

  changedFields(): Map<string, number> {
    return this.changed;
  }
}

export const dealsKind: ImportKind<DealImportRow> = {
  id: 'deals',
  label: 'Deals',
  unit: 'deals',
  description: 'One row per deal (opportunity), upserted on the CRM id.',
  order: 40,
  fields: DEAL_FIELDS,
  presets: DEAL_PRESETS,
  derive: { outcome: 'stage' },
  options: [
    {
      key: 'competitorPrimary',
      label: 'Primary competitor',
      help: 'Which listed competitor is the primary one when no Primary competitor column says so. Winnow’s own export marks it: "Acme (primary); Brightline".',
      choices: [
        { value: 'first', label: 'The first one listed (or the one marked "(primary)")' },
        { value: 'marked', label: 'Only the one marked "(primary)": a row without a mark has none' },
      ],
      default: 'first',
    },
  ],
  checkMapping(mapped) {
    const issues: string[] = [];
    if (!mapped('outcome') && !mapped('stage') && !mapped('isWon') && !mapped('isClosed')) {
      issues.push('Map Outcome or Stage: each deal’s outcome (open, won, lost, no decision) comes from one of them.');
    }
    return issues;
  },
  build,
  open: (ctx) => new DealsWriter(ctx),
};
