// A bulk deals import (20,000 rows or more) writes competitor links with the deal fields the
// matrices read already copied in, with the insert trigger suspended for the file. The links must
// come out exactly as the trigger would have left them, for new deals and for deals a second
// export changes, and the trigger must be back for the single-row writes that follow.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { Workspace } from '#core/db/open-workspace.ts';
import { importFiles } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { writeBenchCsv } from '../../bench/import-csv.ts';

const ROWS = 24_000; // above the bulk threshold (20,000) even as an estimate

/** Links whose copies, first-for-deal flag or deal's count differ from what the trigger computes. */
function linkDrift(sqlite: Database.Database): Record<string, number> {
  const one = (sql: string) => (sqlite.prepare(sql).pluck().get() as number) ?? 0;
  return {
    copies: one(`SELECT count(*) FROM deal_competitors dc JOIN deals d ON d.id = dc.deal_id
      WHERE dc.deal_outcome IS NOT d.outcome OR dc.deal_close_date IS NOT d.close_date
         OR dc.deal_created_date IS NOT d.created_date OR dc.deal_amount IS NOT d.amount
         OR dc.deal_segment IS NOT d.segment OR dc.deal_region IS NOT d.region
         OR dc.deal_product_id IS NOT d.product_id OR dc.deal_type IS NOT d.deal_type`),
    first: one(`SELECT count(*) FROM deal_competitors dc
      WHERE dc.first_for_deal IS NOT (dc.competitor_id = (SELECT min(x.competitor_id) FROM deal_competitors x WHERE x.deal_id = dc.deal_id))`),
    counts: one(`SELECT count(*) FROM deals d
      WHERE d.competitor_count IS NOT (SELECT count(*) FROM deal_competitors x WHERE x.deal_id = d.id)`),
  };
}

const triggerThere = (sqlite: Database.Database) =>
  sqlite
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'deal_competitors_after_insert'")
    .pluck()
    .get();

describe('bulk deals import: competitor links', () => {
  let ws: Workspace;
  let dir: string;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, dir, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  it('fills the copies as the trigger would, for new deals and for a newer export, and restores the trigger', () => {
    const first = join(dir, 'first.csv');
    writeBenchCsv(first, ROWS, 7);
    const r = importFiles(ws.sqlite, [{ file: first }]);
    expect(r.totals).toEqual({ rowsRead: ROWS, inserted: ROWS, updated: 0, unchanged: 0, rejected: 0 });
    const links = ws.sqlite.prepare('SELECT count(*) FROM deal_competitors').pluck().get() as number;
    expect(links).toBeGreaterThan(ROWS / 2);
    expect(linkDrift(ws.sqlite)).toEqual({ copies: 0, first: 0, counts: 0 });
    expect(triggerThere(ws.sqlite)).toBe(1);

    // The same ids with other fields and competitors: updates, links added and dropped.
    const second = join(dir, 'second.csv');
    writeBenchCsv(second, ROWS, 8);
    const again = importFiles(ws.sqlite, [{ file: second }]);
    expect(again.totals.updated).toBeGreaterThan(ROWS / 2);
    expect(linkDrift(ws.sqlite)).toEqual({ copies: 0, first: 0, counts: 0 });
    expect(triggerThere(ws.sqlite)).toBe(1);

    // A single-row write afterwards goes through the trigger again.
    const deal = ws.sqlite.prepare('SELECT id FROM deals WHERE competitor_count = 0 LIMIT 1').pluck().get() as number;
    const competitor = ws.sqlite.prepare('SELECT id FROM competitors LIMIT 1').pluck().get() as number;
    ws.sqlite.prepare('INSERT INTO deal_competitors (deal_id, competitor_id) VALUES (?, ?)').run(deal, competitor);
    expect(ws.sqlite.prepare('SELECT competitor_count FROM deals WHERE id = ?').pluck().get(deal)).toBe(1);
    expect(linkDrift(ws.sqlite)).toEqual({ copies: 0, first: 0, counts: 0 });
  });
});
