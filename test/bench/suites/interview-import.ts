// Interview import figures on a copy of the bench workspace (an import nested in a savepoint of
// the cached one would pay SQLite's statement journal, up to 10x slower than the app's own
// top-level transaction): a generated spreadsheet of 20,000 interviews on its closed deals
// checked, imported, imported again (nothing changes) and undone, and the round trip of every
// interview the workspace has through the CSV export. The baseline is a bare INSERT of the same
// number of interviews (search-index triggers included), rolled back, in the same run.
import { closeSync, copyFileSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_BOM, csvLine } from '#shared/export/csv.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { setupFile } from '#core/import/file-setup.ts';
import { KINDS } from '#core/import/kinds/index.ts';
import { suggestMapping } from '#core/import/mapping-rules.ts';
import type { ImportParams } from '#core/import/run-import.ts';
import { runImport } from '#core/import/run-import.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { exportInterviewsCsv } from '#core/interviews/interview-export.ts';
import type { Figure, Suite } from '../harness.ts';

const ROWS = 20_000;

const HEADER = [
  'Interview ID',
  'Deal ID',
  'Date',
  'Role',
  'Interviewer',
  'Channel',
  'Consent',
  'In their words',
  'Primary reason',
  'Other reasons',
  'Product fit',
  'Price / value',
  'Support',
  'Notes',
];
const ROLES = ['Economic buyer', 'Champion', 'Technical evaluator', 'User'];
const CHANNELS = ['Call', 'Zoom', 'Survey', 'Phone'];

export const interviewImportSuite: Suite = {
  name: 'interview-import',
  async run(ctx) {
    const copy = join(ctx.scratchDir, 'interview-import.winnow');
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
    copyFileSync(ctx.workspacePath, copy);
    if (existsSync(`${ctx.workspacePath}-wal`)) copyFileSync(`${ctx.workspacePath}-wal`, `${copy}-wal`);
    const ws = await openWorkspace(copy, { mode: 'open' });
    const figures: Figure[] = [];
    const add = (name: string, ms: number, rows: number, extra: Partial<Figure> = {}) =>
      figures.push({
        suite: 'interview-import',
        name,
        value: ms,
        unit: 'ms',
        note: `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`,
        ...extra,
      });
    try {
      const db = ws.sqlite;
      const deals = db
        .prepare(
          `SELECT external_id AS id, close_date AS closed FROM deals
            WHERE outcome <> 'open' AND external_id IS NOT NULL AND close_date IS NOT NULL ORDER BY id LIMIT ?`,
        )
        .all(ROWS) as { id: string; closed: string }[];
      const reasons = (
        db.prepare('SELECT name FROM reasons WHERE merged_into_id IS NULL AND retired_at IS NULL').all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      const sheet = join(ctx.scratchDir, `interviews-sheet-${deals.length}.csv`);
      const fd = openSync(sheet, 'w');
      let buffer = CSV_BOM + csvLine(HEADER);
      deals.forEach((d, i) => {
        buffer += csvLine([
          `BENCH-${i + 1}`,
          d.id,
          d.closed,
          ROLES[i % ROLES.length],
          i % 3 === 0 ? 'Third party' : 'Internal',
          CHANNELS[i % CHANNELS.length],
          i % 2 === 0 ? 'yes' : 'no',
          `Interview ${i + 1}: the ${reasons[i % reasons.length]} mattered most, said the buyer.`,
          reasons[i % reasons.length],
          `${reasons[(i + 3) % reasons.length]}; ${reasons[(i + 7) % reasons.length]}`,
          1 + (i % 5),
          1 + ((i * 3) % 5),
          i % 4 === 0 ? 'n/a' : 1 + ((i * 7) % 5),
          i % 10 === 0 ? `Follow up on pricing.\nSecond line ${i}.` : '',
        ]);
        if (buffer.length > 1_000_000) {
          writeSync(fd, buffer);
          buffer = '';
        }
      });
      writeSync(fd, buffer);
      closeSync(fd);
      const params = (path: string, kind: 'interviews', mode: ImportParams['mode']): ImportParams => ({
        files: [{ kind, path, mapping: suggestMapping(KINDS[kind], setupFile(path).headers).mapping }],
        mode,
        onProblems: 'all_or_nothing',
        sourceName: 'bench',
        mappingName: null,
        rejectedDir: null,
      });

      db.exec('BEGIN');
      let started = performance.now();
      try {
        db.prepare(
          `INSERT INTO interviews (external_id, deal_id, status, interview_date, buyer_statement, notes)
           SELECT 'BASE-' || id, id, 'complete', close_date, 'Interview: the price mattered most, said the buyer.', NULL
             FROM deals WHERE outcome <> 'open' AND external_id IS NOT NULL AND close_date IS NOT NULL ORDER BY external_id LIMIT ?`,
        ).run(ROWS);
      } finally {
        db.exec('ROLLBACK');
      }
      const bare = performance.now() - started;
      add(
        `bare INSERT of ${deals.length.toLocaleString('en-US')} interviews, with search triggers (baseline)`,
        bare,
        deals.length,
      );

      started = performance.now();
      const check = runImport(db, params(sheet, 'interviews', 'preview'));
      const checkMs = performance.now() - started;
      add(`check of a ${deals.length.toLocaleString('en-US')}-row interviews sheet`, checkMs, deals.length, {
        note: `${Math.round(deals.length / (checkMs / 1000)).toLocaleString('en-US')} rows/s, ${(checkMs / bare).toFixed(0)}x baseline; ${check.totals.inserted.toLocaleString('en-US')} new, ${check.totals.rejected} rejected`,
      });

      started = performance.now();
      const done = runImport(db, params(sheet, 'interviews', 'commit'));
      const importMs = performance.now() - started;
      add('import of the same sheet (committed)', importMs, deals.length, {
        note: `${Math.round(deals.length / (importMs / 1000)).toLocaleString('en-US')} rows/s; ${done.totals.inserted.toLocaleString('en-US')} added`,
      });
      started = performance.now();
      const again = runImport(db, params(sheet, 'interviews', 'commit'));
      const againMs = performance.now() - started;
      add('the same sheet again (nothing changes)', againMs, deals.length, {
        note: `${Math.round(deals.length / (againMs / 1000)).toLocaleString('en-US')} rows/s; ${again.totals.unchanged.toLocaleString('en-US')} unchanged`,
      });
      started = performance.now();
      const undone = undoImport(db, done.batchId!);
      const undoMs = performance.now() - started;
      add('undo of that import', undoMs, deals.length, {
        note: `${Math.round(deals.length / (undoMs / 1000)).toLocaleString('en-US')} rows/s; ${undone.removed.toLocaleString('en-US')} removed`,
      });

      const exported = join(ctx.scratchDir, 'interviews-export.csv');
      const rows = exportInterviewsCsv(db, {}, exported, { includeAnonymousNames: false });
      started = performance.now();
      const trip = runImport(db, params(exported, 'interviews', 'preview'));
      const tripMs = performance.now() - started;
      add('round trip: the export of every interview checked back in', tripMs, rows, {
        note: `${Math.round(rows / (tripMs / 1000)).toLocaleString('en-US')} rows/s; ${trip.totals.unchanged.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} unchanged, ${trip.totals.updated} updated, ${trip.totals.rejected} rejected`,
      });
      return figures;
    } finally {
      ws.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
    }
  },
};
