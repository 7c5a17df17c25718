// Upsert on the CRM id, the change log, and undo: the same file twice changes nothing; a newer
// export updates only what changed and says what; undo puts the workspace back exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { batchDetail, listBatches } from '#core/import/import-log.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { dealsView, importFiles, workspaceDump } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('upsert, change log and undo', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  it('importing the same file twice changes nothing, not even the log', () => {
    const first = importFiles(ws.sqlite, [{ file: 'export-v1.csv' }]);
    expect(first.totals).toEqual({ rowsRead: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const before = workspaceDump(ws.sqlite);
    const again = importFiles(ws.sqlite, [{ file: 'export-v1.csv' }]);
    expect(again).toMatchObject({ committed: false, batchId: null });
    expect(again.totals).toEqual({ rowsRead: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(workspaceDump(ws.sqlite)).toBe(before);
  });

  it('a newer export updates the changed fields only, and the log says which', () => {
    importFiles(ws.sqlite, [{ file: 'export-v1.csv' }]);
    const v1 = dealsView(ws.sqlite);
    const r = importFiles(ws.sqlite, [{ file: 'export-v2.csv' }]);
    // rows read = imported + updated + unchanged + rejected
    expect(r.totals).toEqual({ rowsRead: 4, inserted: 1, updated: 2, unchanged: 1, rejected: 0 });
    expect(r.files[0]!.changedFields).toEqual([
      { field: 'amount', count: 1 },
      { field: 'close date', count: 1 },
      { field: 'stage', count: 1 },
      { field: 'outcome', count: 1 },
      { field: 'competitors', count: 1 },
    ]);
    expect(
      dealsView(ws.sqlite).map((d) => [d.externalId, d.amount, d.closeDate, d.stage, d.outcome, d.competitors]),
    ).toEqual([
      ['V-1', 150, '2024-01-20', 'Closed Won', 'won', 'Acme*'],
      ['V-2', 200, '2024-01-11', 'Closed Won', 'won', 'Brightline*'],
      ['V-3', 300, '2024-01-12', 'Closed Lost', 'lost', 'Acme*'],
      ['V-4', 400, '2024-02-01', 'Closed Won', 'won', ''],
    ]);
    const detail = batchDetail(ws.sqlite, r.batchId!);
    expect(detail).toMatchObject({
      rowsRead: 4,
      rowsInserted: 1,
      rowsUpdated: 2,
      rowsUnchanged: 1,
      canUndo: true,
      undoNote: null,
    });
    expect(detail.changes).toEqual([
      { entity: 'deal_competitors', inserted: 0, updated: 1 },
      { entity: 'deals', inserted: 1, updated: 1 },
    ]);
    expect(detail.sample.map((s) => [s.externalId, s.change, s.fields])).toEqual([
      ['V-1', 'update', ['amount', 'close date', 'stage', 'outcome']],
      ['V-4', 'insert', []],
    ]);
    // V-2 was untouched: still stamped with the first batch.
    const stamps = ws.sqlite
      .prepare('SELECT external_id AS id, import_batch_id AS batch FROM deals ORDER BY external_id')
      .all();
    expect(stamps).toEqual([
      { id: 'V-1', batch: r.batchId },
      { id: 'V-2', batch: r.batchId! - 1 },
      { id: 'V-3', batch: r.batchId! - 1 },
      { id: 'V-4', batch: r.batchId },
    ]);
    expect(v1[0]).toMatchObject({ amount: 100, outcome: 'open' });
  });

  it('undo of the newer import restores the earlier values exactly; undo of the first leaves an empty workspace', () => {
    const first = importFiles(ws.sqlite, [{ file: 'export-v1.csv' }]);
    const afterFirst = dealsView(ws.sqlite);
    const second = importFiles(ws.sqlite, [{ file: 'export-v2.csv' }]);
    // The first batch's deals changed after it: undoing it out of order needs confirmation.
    expect(() => undoImport(ws.sqlite, first.batchId!)).toThrow(
      'Undoing the import of test import would lose later work: 1 of its deals changed after it (a later import or an edit). Undo the later imports first, or confirm to undo anyway.',
    );
    const undone = undoImport(ws.sqlite, second.batchId!);
    expect(undone).toEqual({ batchId: second.batchId, removed: 1, restored: 2 });
    expect(dealsView(ws.sqlite)).toEqual(afterFirst);
    expect(listBatches(ws.sqlite).map((b) => [b.id, b.status])).toEqual([
      [second.batchId, 'undone'],
      [first.batchId, 'committed'],
    ]);
    expect(() => undoImport(ws.sqlite, second.batchId!)).toThrow('The import of test import was already undone.');
    undoImport(ws.sqlite, first.batchId!);
    for (const t of ['deals', 'accounts', 'competitors', 'competitor_aliases', 'deal_competitors']) {
      expect(ws.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    }
  });

  it('undo keeps a competitor the import added once another deal uses it', () => {
    const r = importFiles(ws.sqlite, [{ file: 'export-v1.csv' }]);
    ws.sqlite.prepare("INSERT INTO deals (id, name, outcome) VALUES (900, 'Typed by hand', 'open')").run();
    ws.sqlite
      .prepare(
        "INSERT INTO deal_competitors (deal_id, competitor_id) SELECT 900, id FROM competitors WHERE name = 'Acme'",
      )
      .run();
    undoImport(ws.sqlite, r.batchId!);
    expect(ws.sqlite.prepare('SELECT name FROM competitors').all()).toEqual([{ name: 'Acme' }]);
    expect(dealsView(ws.sqlite).map((d) => [d.name, d.competitors])).toEqual([['Typed by hand', 'Acme']]);
  });
});
