// The competitors import kind: website, notes and spellings read from Winnow's own export (its
// headers recognised), matched on the name's key as deals' names are, unchanged on re-import,
// undone exactly; and the "(primary)" mark rule for deals (a marked file's unmarked row has no primary).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { importFiles, suggested } from '../../support/import.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

/** Winnow's competitors export as it writes it (the counts columns are not read back). */
const EXPORT_HEADER = 'Competitor,Website,Aliases,Deals met,Closed,Won,Win rate,95% CI low,95% CI high,Notes';

describe('competitors import', () => {
  let ws: Workspace;
  let dir: string;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, dir, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  function csv(name: string, lines: string[]): string {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    return path;
  }

  const competitors = () =>
    ws.sqlite
      .prepare(
        `SELECT c.name, c.website, c.notes,
                (SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM competitor_aliases WHERE competitor_id = c.id ORDER BY alias))
           FROM competitors c ORDER BY c.name`,
      )
      .raw()
      .all();

  it("reads the export's own headers: website, notes and quoted spellings; the same file again is unchanged", () => {
    const file = csv('competitors.csv', [
      EXPORT_HEADER,
      'Acme Corp,https://acme.example,"Acme Corp; ""Acme; the old one""; ACME Labs",3,2,1,0.5,0.1,0.9,"Cheap, ""fast""\nloud"',
      'Brightline,,,0,0,0,,,,',
    ]);
    expect(suggested('competitors', file).fields).toEqual({
      name: { column: 'Competitor' },
      website: { column: 'Website' },
      aliases: { column: 'Aliases' },
      notes: { column: 'Notes' },
    });
    const first = importFiles(ws.sqlite, [{ kind: 'competitors', file }]);
    expect(first.problems).toEqual([]);
    expect(first.totals).toEqual({ rowsRead: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(competitors()).toEqual([
      ['Acme Corp', 'https://acme.example', 'Cheap, "fast"\nloud', 'ACME Labs | Acme Corp | Acme; the old one'],
      ['Brightline', null, null, 'Brightline'],
    ]);
    const again = importFiles(ws.sqlite, [{ kind: 'competitors', file }]);
    expect(again).toMatchObject({ committed: false, batchId: null });
    expect(again.totals).toEqual({ rowsRead: 2, inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('matches on the name key, keeps the name, adds spellings, and undo puts everything back', () => {
    importFiles(ws.sqlite, [
      { kind: 'competitors', file: csv('a.csv', ['Competitor,Website,Notes', 'Acme Corp,https://acme.example,Old']) },
    ]);
    const before = competitors();
    const r = importFiles(ws.sqlite, [
      {
        kind: 'competitors',
        file: csv('b.csv', ['Name,URL,Alias,Notes', '"ACME, Inc.",https://acme.example,Acme Analytics,New notes']),
      },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.totals).toEqual({ rowsRead: 1, inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(r.files[0]!.changedFields).toEqual([
      { field: 'notes', count: 1 },
      { field: 'aliases', count: 1 },
    ]);
    expect(competitors()).toEqual([['Acme Corp', 'https://acme.example', 'New notes', 'Acme Analytics | Acme Corp']]);
    undoImport(ws.sqlite, r.batchId!);
    expect(competitors()).toEqual(before);
    expect(before).toEqual([['Acme Corp', 'https://acme.example', 'Old', 'Acme Corp']]);
  });

  it("rejects a spelling that is another competitor's, all or nothing", () => {
    importFiles(ws.sqlite, [{ kind: 'competitors', file: csv('a.csv', ['Competitor', 'Acme', 'Brightline']) }]);
    const r = importFiles(ws.sqlite, [
      {
        kind: 'competitors',
        file: csv('b.csv', ['Competitor,Aliases,Website', 'Zenith,Z1,https://z.example', 'Acme,Bright-line,']),
      },
    ]);
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.line, p.field, p.value, p.reason])).toEqual([
      [
        3,
        'Aliases',
        'Bright-line',
        'already a spelling of Brightline: merge the two competitors in the app, or remove it from this row',
      ],
    ]);
    expect(competitors()).toEqual([
      ['Acme', null, null, 'Acme'],
      ['Brightline', null, null, 'Brightline'],
    ]);
  });

  it("a deals file's names resolve to the competitors file of the same import", () => {
    const r = importFiles(ws.sqlite, [
      {
        kind: 'deals',
        file: csv('deals.csv', [
          'Deal ID,Deal,Stage,Close date,Competitors',
          'D-1,One,Closed Won,2025-01-31,ACME; Zed',
        ]),
      },
      { kind: 'competitors', file: csv('c.csv', ['Competitor,Aliases', 'Acme Corp,Zed Systems']) },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.files.map((f) => [f.kind, f.inserted])).toEqual([
      ['competitors', 1],
      ['deals', 1],
    ]);
    // "ACME" is Acme Corp's key, "Zed" a new competitor (its key "zed" is not "zedsystems").
    expect(
      ws.sqlite
        .prepare(
          'SELECT c.name, dc.is_primary FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id ORDER BY c.name',
        )
        .raw()
        .all(),
    ).toEqual([
      ['Acme Corp', 1],
      ['Zed', 0],
    ]);
  });
});

describe('the primary competitor of a deal', () => {
  let ws: Workspace;
  let dir: string;
  let cleanup: () => void;
  beforeEach(async () => ({ ws, dir, cleanup } = await tempWorkspace()));
  afterEach(() => cleanup());

  const links = () =>
    ws.sqlite
      .prepare(
        `SELECT d.external_id, c.name, dc.is_primary FROM deal_competitors dc JOIN deals d ON d.id = dc.deal_id
           JOIN competitors c ON c.id = dc.competitor_id ORDER BY d.external_id, c.name`,
      )
      .raw()
      .all();

  function deals(): string {
    const path = join(dir, 'deals.csv');
    writeFileSync(
      path,
      [
        'Deal ID,Deal,Stage,Close date,Competitors',
        'D-1,One,Closed Won,2025-01-31,Acme; Brightline (primary)',
        'D-2,Two,Closed Lost,2025-02-28,Acme; Brightline',
      ].join('\n'),
    );
    return path;
  }

  it('a CRM file: the first listed is primary unless one is marked', () => {
    importFiles(ws.sqlite, [{ kind: 'deals', file: deals() }]);
    expect(links()).toEqual([
      ['D-1', 'Acme', 0],
      ['D-1', 'Brightline', 1],
      ['D-2', 'Acme', 1],
      ['D-2', 'Brightline', 0],
    ]);
  });

  it('a file that marks its primaries (Winnow export): a row without a mark has none, and re-imports unchanged', () => {
    const file = deals();
    const marked = {
      kind: 'deals' as const,
      file,
      adjust: (m: { options?: Record<string, string> }) => {
        m.options = { competitorPrimary: 'marked' };
      },
    };
    importFiles(ws.sqlite, [marked]);
    expect(links()).toEqual([
      ['D-1', 'Acme', 0],
      ['D-1', 'Brightline', 1],
      ['D-2', 'Acme', 0],
      ['D-2', 'Brightline', 0],
    ]);
    const again = importFiles(ws.sqlite, [marked]);
    expect(again.totals).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    // The same file as a CRM's: D-2's first competitor becomes primary (the one update).
    const crm = importFiles(ws.sqlite, [{ kind: 'deals', file }]);
    expect(crm.totals).toMatchObject({ updated: 1, unchanged: 1 });
    expect(links()[2]).toEqual(['D-2', 'Acme', 1]);
  });

  it("Winnow's deals export preset turns the mark rule on", () => {
    const path = join(dir, 'export.csv');
    writeFileSync(
      path,
      'CRM id,Deal,Account CRM id,Stage,Close date,Outcome,Competitors,Rep reason\nD-1,One,,Closed Won,2025-01-31,Won,Acme,\n',
    );
    expect(suggested('deals', path).options).toEqual({ competitorPrimary: 'marked' });
  });
});
