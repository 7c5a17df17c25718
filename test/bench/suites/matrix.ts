// Win-rate matrix figures (issue 5) on a market of 30 competitors and 12 segments: the suite
// builds its own workspace of the asked size in scratch (once; reused by later runs), then times
// the competitor x segment matrix beside the bare GROUP BY on the same covering index, measured
// in the same run. Other matrices, change, trend, profile and overview are printed without target.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { compareMatrix, matrixTrend } from '#core/win-rates/change-queries.ts';
import { drillDeals } from '#core/win-rates/drill-queries.ts';
import { computeMatrix, copiesSql } from '#core/win-rates/matrix-queries.ts';
import { overviewSummary, trailingYears } from '#core/win-rates/overview-queries.ts';
import { competitorProfile, listCompetitors } from '#core/win-rates/profile-queries.ts';
import type { MatrixQuery } from '#shared/domain/win-rates.ts';
import type { Figure, Suite } from '../harness.ts';
import { timeMedian } from '../harness.ts';

const COMPETITORS = 30;
const SEGMENTS = 12;

export const matrixSuite: Suite = {
  name: 'matrix',
  async run(ctx) {
    const path = join(ctx.scratchDir, `matrix-${ctx.deals}-${ctx.seed}-c${COMPETITORS}-s${SEGMENTS}.winnow`);
    const figures: Figure[] = [];
    const fig = (name: string, value: number, extra: Partial<Figure> = {}) =>
      figures.push({ suite: 'matrix', name, value, unit: 'ms', ...extra });
    if (!existsSync(path)) {
      console.error(
        `  building ${ctx.deals.toLocaleString('en-US')} deals, ${COMPETITORS} competitors, ${SEGMENTS} segments …`,
      );
      const building = `${path}.building`;
      rmSync(building, { force: true });
      const ws = await openWorkspace(building, { mode: 'create' });
      const started = performance.now();
      loadDemo(ws.sqlite, { deals: ctx.deals, seed: ctx.seed, competitorCount: COMPETITORS, segmentCount: SEGMENTS });
      ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      ws.close();
      renameSync(building, path);
      figures.push({
        suite: 'matrix',
        name: 'build workspace (30 competitors, 12 segments)',
        value: (performance.now() - started) / 1000,
        unit: 's',
      });
    }
    const ws = await openWorkspace(path, { mode: 'open' });
    try {
      const s = readSettings(ws.sqlite);
      const sql = ws.sqlite;
      const counts = sql
        .prepare(
          'SELECT (SELECT count(*) FROM deals) AS deals, (SELECT count(*) FROM deal_competitors) AS links, (SELECT count(*) FROM competitors) AS competitors, (SELECT count(DISTINCT segment) FROM deals) AS segments',
        )
        .get() as { deals: number; links: number; competitors: number; segments: number };
      const last = (
        sql.prepare("SELECT max(close_date) AS d FROM deals WHERE outcome <> 'open'").get() as { d: string }
      ).d;
      const year = trailingYears(last).b;
      const base: MatrixQuery = { rows: 'competitor', cols: 'segment', measure: 'count', period: {}, filters: [] };
      const dataset = `${counts.deals.toLocaleString('en-US')} deals, ${counts.links.toLocaleString('en-US')} competitor links, ${counts.competitors} x ${counts.segments}`;

      const bare = timeMedian(
        () =>
          sql
            .prepare(
              'SELECT competitor_id, deal_segment, deal_outcome, count(*) FROM deal_competitors INDEXED BY deal_competitors_matrix GROUP BY 1, 2, 3',
            )
            .all(),
        9,
        2,
      );
      const bareYear = timeMedian(
        () =>
          sql
            .prepare(
              'SELECT competitor_id, deal_segment, deal_outcome, count(*) FROM deal_competitors INDEXED BY deal_competitors_matrix WHERE deal_close_date >= ? AND deal_close_date <= ? GROUP BY 1, 2, 3',
            )
            .all(year.from, year.to),
        9,
        2,
      );
      const matrix = timeMedian(() => computeMatrix(sql, base, s), 9, 2);
      const matrixYear = timeMedian(() => computeMatrix(sql, { ...base, period: year }, s), 9, 2);
      const matrixAmount = timeMedian(() => computeMatrix(sql, { ...base, measure: 'amount' }, s), 5, 1);
      const plans = copiesSql(base, true)
        .map((p) =>
          (sql.prepare(`EXPLAIN QUERY PLAN ${p.sql}`).all(...p.params) as { detail: string }[])
            .map((r) => r.detail)
            .join('; '),
        )
        .join(' + ');

      fig(`competitor x segment matrix (${dataset})`, matrix, {
        target: '<= 300 ms',
        met: matrix <= 300,
        note: `${(matrix / bare).toFixed(2)}x bare GROUP BY (target <= 1.5x: ${matrix / bare <= 1.5 ? 'met' : 'NOT met'}); plan: ${plans}`,
      });
      fig('bare GROUP BY competitor, segment, outcome on deal_competitors_matrix (baseline)', bare);
      fig(`same matrix, closed ${year.from} to ${year.to}`, matrixYear, {
        target: '<= 500 ms',
        met: matrixYear <= 500,
        note: `${(matrixYear / bareYear).toFixed(2)}x bare GROUP BY with the same period (target <= 1.5x: ${matrixYear / bareYear <= 1.5 ? 'met' : 'NOT met'})`,
      });
      fig('bare GROUP BY with the same close period (baseline)', bareYear);
      fig('same matrix by amount', matrixAmount);

      const once = (name: string, fn: () => unknown) => fig(name, timeMedian(fn, 3, 1));
      once('competitor x close quarter (copies, sorted)', () =>
        computeMatrix(sql, { ...base, cols: 'closeQuarter' }, s),
      );
      once('competitor x region (copies, sorted)', () => computeMatrix(sql, { ...base, cols: 'region' }, s));
      once('segment x close quarter (deals segment index)', () =>
        computeMatrix(sql, { ...base, rows: 'segment', cols: 'closeQuarter' }, s),
      );
      once('owner x segment (join plan)', () => computeMatrix(sql, { ...base, rows: 'owner' }, s));
      once('competitor x segment, new business only', () =>
        computeMatrix(sql, { ...base, filters: [{ dim: 'dealType', values: ['new_business'] }] }, s),
      );
      once('quarterly trend per competitor (sparklines)', () => matrixTrend(sql, base, 'closeQuarter', s));
      once('change: last 12 months vs the 12 before', () => compareMatrix(sql, base, trailingYears(last).a, year, s));
      once('drill-down: first page of one cell', () =>
        drillDeals(sql, base, { row: '1', col: 'SMB' }, s, {
          offset: 0,
          limit: 50,
          sort: 'closeDate',
          descending: true,
        }),
      );
      once('competitor list', () => listCompetitors(sql, s));
      once('competitor profile', () => competitorProfile(sql, 1, s));
      once('overview (new business)', () => overviewSummary(sql, s));
      return figures;
    } finally {
      ws.close();
    }
  },
};
