// Interview figures on the bench workspace: the list and its full-text search, the quote library,
// the four analyses, the taxonomy with counts, the deal search of the capture form, an autosave,
// a merge, the CSV export, and rebuilding the search index. Writes run inside a savepoint that is
// rolled back, so the cached workspace is left as it was.
import { join } from 'node:path';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { exportInterviewsCsv } from '#core/interviews/interview-export.ts';
import { listInterviews } from '#core/interviews/interview-list.ts';
import { findDeals } from '#core/interviews/interview-lookups.ts';
import { getInterview, saveInterview } from '#core/interviews/interview-store.ts';
import { listQuotes } from '#core/interviews/quote-queries.ts';
import { mergeReason } from '#core/reasons/taxonomy-edits.ts';
import { readTaxonomy } from '#core/reasons/taxonomy-queries.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { agreementAnalysis } from '#core/winloss/agreement-analysis.ts';
import { ratingAnalysis } from '#core/winloss/rating-analysis.ts';
import { reasonAnalysis } from '#core/winloss/reason-analysis.ts';
import { themeTrend } from '#core/winloss/theme-analysis.ts';
import type { Figure, Suite } from '../harness.ts';
import { timeMedian } from '../harness.ts';

export const interviewsSuite: Suite = {
  name: 'interviews',
  async run(ctx) {
    const ws = await openWorkspace(ctx.workspacePath, { mode: 'open' });
    const figures: Figure[] = [];
    const add = (name: string, value: number, extra: Partial<Figure> = {}) =>
      figures.push({ suite: 'interviews', name, value, unit: 'ms', ...extra });
    try {
      const db = ws.sqlite;
      const settings = readSettings(db);
      const counts = db
        .prepare('SELECT (SELECT count(*) FROM interviews) AS interviews, (SELECT count(*) FROM quotes) AS quotes')
        .get() as { interviews: number; quotes: number };
      figures.push({
        suite: 'interviews',
        name: 'interviews / quotes in the workspace',
        value: counts.interviews,
        unit: 'interviews',
        note: `${counts.quotes.toLocaleString('en-US')} quotes`,
      });
      const bare = timeMedian(() => db.prepare('SELECT count(*) FROM interviews').get(), 5, 1);
      add('bare count(*) of interviews (baseline)', bare);

      const page = (filters = {}, sort: 'date' | 'relevance' = 'date') =>
        listInterviews(db, { filters, sort, dir: 'desc', offset: 0, limit: 100 });
      const first = timeMedian(() => page(), 5, 1);
      add('interview list, first page of 100 (all, by date)', first, { target: '<= 300 ms', met: first <= 300 });
      const deep = timeMedian(
        () => listInterviews(db, { filters: {}, sort: 'deal', dir: 'asc', offset: 20_000, limit: 100 }),
        5,
        1,
      );
      add('interview list, page at offset 20,000 sorted by deal', deep, { target: '<= 500 ms', met: deep <= 500 });
      const common = page({ search: 'security' }, 'relevance');
      const searchCommon = timeMedian(() => page({ search: 'security' }, 'relevance'), 5, 1);
      add('full-text search "security" (first page, marked)', searchCommon, {
        target: '<= 300 ms',
        met: searchCommon <= 300,
        note: `${common.total.toLocaleString('en-US')} matches`,
      });
      const searchPhrase = timeMedian(() => page({ search: '"audit logs" sso' }, 'relevance'), 5, 1);
      add('full-text search phrase + word', searchPhrase, { target: '<= 300 ms', met: searchPhrase <= 300 });
      const filtered = timeMedian(() => page({ outcome: 'lost', status: 'complete', reasonId: 2 }), 5, 1);
      add('interview list with outcome + status + reason filters', filtered, {
        target: '<= 300 ms',
        met: filtered <= 300,
      });
      const quotes = timeMedian(() => listQuotes(db, { themeId: 1 }, 0, 100), 5, 1);
      add('quote library, first page for a theme', quotes, { target: '<= 300 ms', met: quotes <= 300 });
      const quoteSearch = timeMedian(() => listQuotes(db, { search: 'price gap' }, 0, 100), 5, 1);
      add('quote library search "price gap"', quoteSearch, { target: '<= 300 ms', met: quoteSearch <= 300 });

      for (const [name, fn] of [
        ['top reasons (Pareto, 3 outcomes)', () => reasonAnalysis(db, {}, 'reason', false, settings)],
        ['rating gap (won vs lost, us vs competitors)', () => ratingAnalysis(db, {}, settings)],
        ['rep vs buyer agreement matrix', () => agreementAnalysis(db, {}, 'reason', settings)],
        ['theme frequency by quarter', () => themeTrend(db, {}, 'quarter', settings)],
        ['taxonomy with counts', () => readTaxonomy(db)],
      ] as const) {
        const t = timeMedian(fn, 3, 1);
        add(name, t, { target: '<= 1000 ms', met: t <= 1000, note: `${(t / bare).toFixed(0)}x baseline` });
      }

      for (const [label, q] of [
        ['deal search: recently closed without interview', ''],
        ['deal search: "ridge" (many matches)', 'ridge'],
        ['deal search: no match (full scan)', 'zzqx'],
      ] as const) {
        const t = timeMedian(() => findDeals(db, q, 12), 5, 1);
        add(label, t, { target: '<= 300 ms', met: t <= 300 });
      }

      db.exec('SAVEPOINT bench');
      try {
        const id = (db.prepare('SELECT id FROM interviews ORDER BY id DESC LIMIT 1').get() as { id: number }).id;
        const draft = getInterview(db, id).draft;
        let k = 0;
        const save = timeMedian(
          () => saveInterview(db, id, { ...draft, notes: `${draft.notes} ${k++}`.slice(0, 90_000) }),
          21,
          3,
        );
        add('autosave of one interview (whole form)', save, { target: '<= 50 ms', met: save <= 50 });
        const merge = timeMedian(
          () => {
            const [a, b] = db
              .prepare('SELECT id FROM reasons WHERE merged_into_id IS NULL AND retired_at IS NULL LIMIT 2')
              .all() as {
              id: number;
            }[];
            if (a && b) mergeReason(db, a.id, b.id);
          },
          1,
          0,
        );
        add('merge a reason (codings, quotes, rep reasons follow)', merge, {
          target: '<= 3000 ms',
          met: merge <= 3000,
        });
        const started = performance.now();
        db.exec('DELETE FROM interview_fts; DELETE FROM quote_fts;');
        db.exec(`INSERT INTO interview_fts (rowid, statement, notes, answers)
          SELECT id, coalesce(buyer_statement, ''), coalesce(notes, ''),
                 CASE WHEN json_valid(answers_json) THEN coalesce((SELECT group_concat(value, char(10)) FROM json_each(answers_json) WHERE type = 'text'), '') ELSE '' END
            FROM interviews;
          INSERT INTO quote_fts (rowid, text) SELECT id, text FROM quotes;`);
        add('rebuild the search index (what the migration does)', performance.now() - started, {
          note: `${counts.interviews.toLocaleString('en-US')} interviews + ${counts.quotes.toLocaleString('en-US')} quotes`,
        });
      } finally {
        db.exec('ROLLBACK TO bench; RELEASE bench');
      }

      const path = join(ctx.scratchDir, 'interviews.csv');
      const started = performance.now();
      const rows = exportInterviewsCsv(db, {}, path, { includeAnonymousNames: false });
      const seconds = (performance.now() - started) / 1000;
      add('CSV export of every interview', seconds * 1000, {
        note: `${rows.toLocaleString('en-US')} rows, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`,
      });
      return figures;
    } finally {
      ws.close();
    }
  },
};
