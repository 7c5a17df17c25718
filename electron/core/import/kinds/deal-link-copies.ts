// Competitor links of a bulk deals import, written with the deal fields the win-rate matrices read
// already copied in. Row by row, the `deal_competitors_after_insert` trigger (migration 0002) fills
// those copies, `first_for_deal` and the deal's `competitor_count` with three UPDATEs per link:
// about 8 s of a million-row import. A bulk import knows all of it when it inserts the deal, so it
// drops that trigger for the length of the file (inside the import's transaction: a cancel or a
// crash brings it back with everything else) and puts it back in `restore()`. Links added to
// deals that already existed get the trigger's effect from `refresh()`.
import type Database from 'better-sqlite3';

const TRIGGER = 'deal_competitors_after_insert';

/** The deals columns the matrices read from a link, in the order of the copy columns below. */
export const COPIED_DEAL_COLUMNS = [
  'outcome',
  'close_date',
  'created_date',
  'amount',
  'segment',
  'region',
  'product_id',
  'deal_type',
] as const;

const COPY_COLUMNS = [
  'deal_outcome',
  'deal_close_date',
  'deal_created_date',
  'deal_amount',
  'deal_segment',
  'deal_region',
  'deal_product_id',
  'deal_type',
];

export class LinkCopies {
  private readonly sqlite: Database.Database;
  private readonly triggerSql: string | null;
  private readonly insertLink: Database.Statement;
  private readonly refreshCopies: Database.Statement;
  private readonly refreshCount: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    this.triggerSql =
      (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(TRIGGER) as
        string | undefined) ?? null;
    if (this.triggerSql) sqlite.exec(`DROP TRIGGER ${TRIGGER}`);
    this.insertLink = sqlite.prepare(
      `INSERT INTO deal_competitors (deal_id, competitor_id, is_primary, first_for_deal, ${COPY_COLUMNS.join(', ')})
       VALUES (${Array.from({ length: 4 + COPY_COLUMNS.length }, () => '?').join(', ')})`,
    );
    this.refreshCopies = sqlite.prepare(
      `UPDATE deal_competitors
          SET (${COPY_COLUMNS.join(', ')}) = (SELECT ${COPIED_DEAL_COLUMNS.join(', ')} FROM deals WHERE id = @id),
              first_for_deal = (competitor_id = (SELECT min(x.competitor_id) FROM deal_competitors x WHERE x.deal_id = @id))
        WHERE deal_id = @id`,
    );
    this.refreshCount = sqlite.prepare(
      'UPDATE deals SET competitor_count = (SELECT count(*) FROM deal_competitors WHERE deal_id = @id) WHERE id = @id',
    );
  }

  /** The links of a deal just inserted (with `competitor_count` = wanted.size), copies filled. */
  insertNew(dealId: number, wanted: Map<number, boolean>, deal: Record<string, unknown>): void {
    if (wanted.size === 0) return;
    let first = Infinity;
    for (const cid of wanted.keys()) if (cid < first) first = cid;
    const copies = COPIED_DEAL_COLUMNS.map((c) => deal[c] ?? null);
    for (const [cid, primary] of wanted) {
      this.insertLink.run(dealId, cid, primary ? 1 : 0, cid === first ? 1 : 0, ...copies);
    }
  }

  /** What the trigger would have done for links added to a deal that existed before. */
  refresh(dealId: number): void {
    this.refreshCopies.run({ id: dealId });
    this.refreshCount.run({ id: dealId });
  }

  /** Put the trigger back (end of the file). */
  restore(): void {
    if (this.triggerSql) this.sqlite.exec(this.triggerSql);
  }
}
