// The reason taxonomy editor: every edit, its log line, and what merges and retirements do to
// the codings and to the counts of the analyses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { reasonOptions } from '#core/interviews/interview-lookups.ts';
import {
  addCategory,
  addReason,
  mergeReason,
  moveCategory,
  moveReason,
  renameCategory,
  renameReason,
  reorderReason,
  setCategoryRetired,
  setReasonRetired,
} from '#core/reasons/taxonomy-edits.ts';
import { readTaxonomy, reasonHistory } from '#core/reasons/taxonomy-queries.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { reasonAnalysis } from '#core/winloss/reason-analysis.ts';
import { DEFAULT_TAXONOMY } from '#shared/domain/defaults.ts';
import type { TaxonomyReason } from '#shared/domain/reasons.ts';
import { insertDeals } from '../../support/insert.ts';
import { insertInterviews, reasonId, setDeal } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

let ws: Workspace;
let cleanup: () => void;
let cost: number;
let price: number;

beforeEach(async () => {
  ({ ws, cleanup } = await tempWorkspace());
  const commercials = (
    ws.sqlite.prepare("SELECT id FROM reason_categories WHERE name = 'Price/Commercials'").get() as {
      id: number;
    }
  ).id;
  cost = addReason(ws.sqlite, commercials, 'Cost');
  price = reasonId(ws.sqlite, 'Price');
  const deals = insertDeals(ws.sqlite, [
    { outcome: 'lost' },
    { outcome: 'lost' },
    { outcome: 'won' },
    { outcome: 'won' },
  ]);
  setDeal(ws.sqlite, deals[0]!, { repReason: 'Cost' });
  insertInterviews(ws.sqlite, [
    // both, Price primary
    { dealId: deals[0]!, reasons: ['Price', 'Cost'], quotes: [{ text: 'Too dear.', reason: 'Cost' }] },
    // Cost only, primary
    { dealId: deals[1]!, reasons: ['Cost'] },
    // Cost secondary (win)
    { dealId: deals[2]!, reasons: ['Product fit', { name: 'Cost', driver: 'win', primary: false }] },
    // both, Cost primary (win), Price secondary (win)
    {
      dealId: deals[3]!,
      reasons: [
        { name: 'Cost', driver: 'win' },
        { name: 'Price', driver: 'win', primary: false },
      ],
    },
  ]);
});
afterEach(() => cleanup());

const find = (name: string): TaxonomyReason =>
  readTaxonomy(ws.sqlite)
    .categories.flatMap((c) => c.reasons)
    .find((r) => r.name === name)!;
const codings = () =>
  ws.sqlite
    .prepare(
      'SELECT interview_id AS i, reason_id AS r, is_primary AS p, driver AS d FROM interview_reasons ORDER BY interview_id, reason_id',
    )
    .all();

describe('merge', () => {
  it('moves every coding, quote and rep-stated deal to the target, and logs it', () => {
    expect(find('Cost').counts).toMatchObject({ interviews: 4, primary: 2, deals: 4, repStated: 1, quotes: 1 });
    expect(find('Price').counts).toMatchObject({ interviews: 2, primary: 1 });
    const moved = mergeReason(ws.sqlite, cost, price);
    expect(moved).toEqual({ interviews: 4, quotes: 1, repDeals: 1 });
    const fit = reasonId(ws.sqlite, 'Product fit');
    expect(codings()).toEqual([
      { i: 1, r: price, p: 1, d: 'loss' }, // kept Price's primary coding
      { i: 2, r: price, p: 1, d: 'loss' }, // followed the merge
      { i: 3, r: fit, p: 1, d: 'win' },
      { i: 3, r: price, p: 0, d: 'win' },
      { i: 4, r: price, p: 1, d: 'win' }, // Cost was primary: the merged coding is primary
    ]);
    expect(find('Price').counts).toMatchObject({ interviews: 4, primary: 3, deals: 4, repStated: 1, quotes: 1 });
    const old = find('Cost');
    expect(old.counts.interviews).toBe(0);
    expect(old.mergedInto).toMatchObject({ id: price, name: 'Price' });
    expect(reasonOptions(ws.sqlite).some((r) => r.id === cost)).toBe(false);
    expect(reasonHistory(ws.sqlite, 1)[0]).toMatchObject({
      action: 'merge',
      subject: 'reason',
      description: 'Merged "Cost" into "Price": 4 interview codings, 1 quotes and 1 rep-stated deals followed',
    });
  });

  it('changes the Pareto counts: a deal citing both reasons counts once for the survivor', () => {
    const settings = readSettings(ws.sqlite);
    const before = reasonAnalysis(ws.sqlite, {}, 'reason', false, settings);
    expect(before.panels[1]!.rows.map((r) => [r.label, r.deals])).toEqual([
      ['Cost', 2],
      ['Price', 1],
    ]);
    mergeReason(ws.sqlite, cost, price);
    const after = reasonAnalysis(ws.sqlite, {}, 'reason', false, settings);
    expect(after.panels[1]!.rows.map((r) => [r.label, r.deals])).toEqual([['Price', 2]]);
    expect(after.panels[0]!.rows.map((r) => [r.label, r.deals])).toEqual([
      ['Price', 2],
      ['Product fit', 1],
    ]);
  });

  it('flattens chains and refuses what makes no sense', () => {
    const commercials = find('Price').categoryId;
    const fee = addReason(ws.sqlite, commercials, 'Fees');
    mergeReason(ws.sqlite, fee, cost);
    mergeReason(ws.sqlite, cost, price);
    expect(find('Fees').mergedInto?.id).toBe(price);
    expect(() => mergeReason(ws.sqlite, price, price)).toThrow('A reason cannot be merged into itself.');
    expect(() => mergeReason(ws.sqlite, price, cost)).toThrow(/was itself merged away/);
    expect(() => mergeReason(ws.sqlite, cost, price)).toThrow(/was merged into another reason/);
    expect(() => setReasonRetired(ws.sqlite, cost, false)).toThrow(/a merge cannot be undone by restoring it/);
    setReasonRetired(ws.sqlite, reasonId(ws.sqlite, 'Budget'), true);
    expect(() => mergeReason(ws.sqlite, price, reasonId(ws.sqlite, 'Budget'))).toThrow(/"Budget" is retired/);
  });
});

describe('retire and restore', () => {
  it('old interviews keep a retired reason and it still counts; it is no longer offered', () => {
    setReasonRetired(ws.sqlite, cost, true);
    const r = find('Cost');
    expect(r.retiredAt).not.toBeNull();
    expect(r.counts.interviews).toBe(4);
    expect(codings()).toHaveLength(7);
    expect(reasonOptions(ws.sqlite).find((o) => o.id === cost)?.active).toBe(false);
    const lost = reasonAnalysis(ws.sqlite, {}, 'reason', false, readSettings(ws.sqlite)).panels[1]!;
    expect(lost.rows[0]).toMatchObject({ label: 'Cost', deals: 2, retired: true });
    setReasonRetired(ws.sqlite, cost, false);
    expect(find('Cost').retiredAt).toBeNull();
    expect(reasonHistory(ws.sqlite, 2).map((h) => h.description)).toEqual(['Restored "Cost"', 'Retired "Cost"']);
  });

  it('a retired category hides its reasons from new coding', () => {
    const cat = find('Budget').categoryId;
    setCategoryRetired(ws.sqlite, cat, true);
    expect(
      reasonOptions(ws.sqlite)
        .filter((o) => o.categoryId === cat)
        .every((o) => !o.active),
    ).toBe(true);
    expect(() => addReason(ws.sqlite, cat, 'Procurement')).toThrow(/is retired; restore it/);
    setCategoryRetired(ws.sqlite, cat, false);
    expect(addReason(ws.sqlite, cat, 'Procurement')).toBeGreaterThan(0);
  });
});

describe('add, rename, reorder, move', () => {
  it('renames keep codings; the log keeps the names of the time', () => {
    renameReason(ws.sqlite, cost, 'Total price');
    renameReason(ws.sqlite, cost, 'Overall price');
    expect(find('Overall price').counts.interviews).toBe(4);
    expect(reasonHistory(ws.sqlite, 2).map((h) => h.description)).toEqual([
      'Renamed "Total price" to "Overall price"',
      'Renamed "Cost" to "Total price"',
    ]);
    expect(() => renameReason(ws.sqlite, cost, 'price')).toThrow(
      'A reason named "price" already exists (in Price/Commercials).',
    );
    expect(() => addReason(ws.sqlite, find('Budget').categoryId, 'PRODUCT FIT')).toThrow(
      /already exists \(in Product\/Solution\)/,
    );
  });

  it('reorders within a category and moves between categories', () => {
    const names = (category: string) =>
      readTaxonomy(ws.sqlite)
        .categories.find((c) => c.name === category)!
        .reasons.map((r) => r.name);
    expect(names('Price/Commercials')).toEqual(['Price', 'Contract terms', 'Total cost of ownership', 'Cost']);
    reorderReason(ws.sqlite, cost, 'up');
    reorderReason(ws.sqlite, cost, 'up');
    reorderReason(ws.sqlite, price, 'up'); // already first: nothing to do, nothing logged
    expect(names('Price/Commercials')).toEqual(['Price', 'Cost', 'Contract terms', 'Total cost of ownership']);
    moveReason(ws.sqlite, cost, find('Budget').categoryId);
    expect(names('Buyer side').at(-1)).toBe('Cost');
    expect(find('Cost').counts.interviews).toBe(4);
    expect(reasonHistory(ws.sqlite, 3).map((h) => h.description)).toEqual([
      'Moved "Cost" from "Price/Commercials" to "Buyer side"',
      'Moved "Cost" up',
      'Moved "Cost" up',
    ]);
  });

  it('categories: add, rename, reorder, with clear refusals', () => {
    addCategory(ws.sqlite, 'Partner');
    const t = readTaxonomy(ws.sqlite);
    const partner = t.categories.at(-1)!;
    expect(partner.name).toBe('Partner');
    renameCategory(ws.sqlite, partner.id, 'Partner channel');
    moveCategory(ws.sqlite, partner.id, 'up');
    const order = readTaxonomy(ws.sqlite).categories.map((c) => c.name);
    expect(order.slice(-2)).toEqual(['Partner channel', 'Buyer side']);
    expect(() => addCategory(ws.sqlite, 'buyer SIDE')).toThrow('A category named "buyer SIDE" already exists.');
    expect(() => renameReason(ws.sqlite, cost, '  \u0001 ')).toThrow('Give it a name.');
    expect(reasonHistory(ws.sqlite, 3).map((h) => [h.subject, h.description])).toEqual([
      ['category', 'Moved category "Partner channel" up'],
      ['category', 'Renamed category "Partner" to "Partner channel"'],
      ['category', 'Added category "Partner"'],
    ]);
  });

  it('the default taxonomy was logged when the workspace was made', () => {
    const all = reasonHistory(ws.sqlite, 1000);
    expect(all.filter((h) => h.description.endsWith('(default taxonomy)')).length).toBe(
      DEFAULT_TAXONOMY.reduce((n, c) => n + c.reasons.length, 0),
    );
  });
});
