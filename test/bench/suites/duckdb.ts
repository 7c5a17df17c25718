// A columnar reference for the matrix and the competitor profile (issue 10): the same deals and
// competitor links loaded into DuckDB (2 threads, in memory), the same GROUP BYs timed there, and
// Winnow / DuckDB printed beside each (goal <= 1.5x). DuckDB is never a dependency of the app:
// this suite installs its Node package, at a pinned version, into ~/.cache/winnow-bench/duckdb on
// first use (npm install --prefix) and loads it from there.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { computeMatrix } from '#core/win-rates/matrix-queries.ts';
import { competitorProfile } from '#core/win-rates/profile-queries.ts';
import type { MatrixQuery } from '#shared/domain/win-rates.ts';
import { competitorsSql } from '../bench-queries.ts';
import type { Figure, Suite } from '../harness.ts';
import { timeMedian } from '../harness.ts';

const DUCKDB_VERSION = '1.5.6-r.1';
const PREFIX = join(homedir(), '.cache', 'winnow-bench', 'duckdb');

interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
}
interface DuckModule {
  DuckDBInstance: {
    create(path: string, options: Record<string, string>): Promise<{ connect(): Promise<DuckConnection> }>;
  };
}

function loadDuckDb(): DuckModule {
  const pkg = join(PREFIX, 'node_modules', '@duckdb', 'node-api', 'package.json');
  const installed = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : null;
  if (installed !== DUCKDB_VERSION) {
    console.error(`  installing @duckdb/node-api ${DUCKDB_VERSION} into ${PREFIX} (once) …`);
    mkdirSync(PREFIX, { recursive: true });
    if (!existsSync(join(PREFIX, 'package.json'))) writeFileSync(join(PREFIX, 'package.json'), '{ "private": true }\n');
    execFileSync(
      'npm',
      ['install', '--prefix', PREFIX, '--no-audit', '--no-fund', `@duckdb/node-api@${DUCKDB_VERSION}`],
      {
        stdio: 'inherit',
      },
    );
  }
  return createRequire(join(PREFIX, 'package.json'))('@duckdb/node-api') as DuckModule;
}

/** Rows of a query as CSV (values are ids, names without commas, dates and numbers). */
async function writeCsv(path: string, header: string, rows: Iterable<unknown[]>): Promise<void> {
  const building = `${path}.building`;
  const out = createWriteStream(building);
  out.write(`${header}\n`);
  for (const r of rows) {
    if (!out.write(`${r.map((v) => (v === null ? '' : String(v))).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(building, path);
}

async function timeAsync(fn: () => Promise<unknown>, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export const duckdbSuite: Suite = {
  name: 'duckdb',
  async run(ctx) {
    const duck = loadDuckDb();
    const ws = await openWorkspace(ctx.workspacePath, { mode: 'open' });
    const figures: Figure[] = [];
    try {
      const sql = ws.sqlite;
      const settings = readSettings(sql);
      const top = sql.prepare(competitorsSql).get() as { id: number };
      const links = join(ctx.scratchDir, `duck-links-${ctx.deals}-${ctx.seed}.csv`);
      const deals = join(ctx.scratchDir, `duck-deals-${ctx.deals}-${ctx.seed}.csv`);
      if (!existsSync(links)) {
        await writeCsv(
          links,
          'competitor_id,deal_segment,deal_outcome,first_for_deal,is_primary,deal_close_date,deal_amount,deal_created_date,deal_type,deal_region,deal_product_id',
          sql
            .prepare(
              'SELECT competitor_id, deal_segment, deal_outcome, first_for_deal, is_primary, deal_close_date, deal_amount, deal_created_date, deal_type, deal_region, deal_product_id FROM deal_competitors',
            )
            .raw()
            .iterate() as Iterable<unknown[]>,
        );
      }
      if (!existsSync(deals)) {
        await writeCsv(
          deals,
          'segment,outcome,deal_type,close_date,competitor_count,lost_to_competitor_id',
          sql
            .prepare(
              'SELECT segment, outcome, deal_type, close_date, competitor_count, lost_to_competitor_id FROM deals',
            )
            .raw()
            .iterate() as Iterable<unknown[]>,
        );
      }
      const instance = await duck.DuckDBInstance.create(':memory:', { threads: '2' });
      const db = await instance.connect();
      await db.run(`CREATE TABLE dc AS SELECT * FROM read_csv('${links}', header = true)`);
      await db.run(`CREATE TABLE deals AS SELECT * FROM read_csv('${deals}', header = true)`);
      const closed = settings.includeNoDecision ? "('won', 'lost', 'no_decision')" : "('won', 'lost')";

      // The matrix: competitor links by competitor, segment and outcome, and the deals that met no
      // competitor by segment and outcome (the "No competitor recorded" row), as Winnow counts them.
      const matrixQuery: MatrixQuery = {
        rows: 'competitor',
        cols: 'segment',
        measure: 'count',
        period: {},
        filters: [],
      };
      const winnowMatrix = timeMedian(() => computeMatrix(sql, matrixQuery, settings), 7, 2);
      const duckMatrix = await timeAsync(
        async () => {
          await db.runAndReadAll('SELECT competitor_id, deal_segment, deal_outcome, count(*) FROM dc GROUP BY ALL');
          await db.runAndReadAll(
            'SELECT segment, outcome, count(*) FROM deals WHERE competitor_count = 0 GROUP BY ALL',
          );
        },
        7,
        2,
      );

      // The profile's GROUP BYs over deals: its summary, its rates by quarter, segment, region and
      // product, deal size and cycle for every competitor, and the deals lost to it.
      const id = top.id;
      const cycle = "date_diff('day', deal_created_date, deal_close_date)";
      const duckProfile = await timeAsync(
        async () => {
          await db.runAndReadAll(
            `SELECT count(*), count(*) FILTER (deal_outcome IN ${closed}), count(*) FILTER (deal_outcome = 'won'),
                  count(*) FILTER (deal_outcome IN ${closed} AND is_primary = 1), max(deal_close_date)
             FROM dc WHERE competitor_id = ${id}`,
          );
          await db.runAndReadAll(
            `SELECT deal_segment, deal_region, deal_product_id, year(deal_close_date) * 10 + quarter(deal_close_date) AS q,
                  count(*), count(*) FILTER (deal_outcome = 'won'), count(*) FILTER (is_primary = 1),
                  count(*) FILTER (is_primary = 1 AND deal_outcome = 'won')
             FROM dc WHERE competitor_id = ${id} AND deal_outcome IN ${closed}
            GROUP BY GROUPING SETS ((deal_segment), (deal_region), (deal_product_id), (q))`,
          );
          await db.runAndReadAll(
            `SELECT competitor_id, count(*), sum(deal_amount), count(deal_amount), sum(${cycle}), count(${cycle}),
                  count(*) FILTER (first_for_deal = 1), sum(deal_amount) FILTER (first_for_deal = 1)
             FROM dc WHERE deal_outcome IN ${closed} GROUP BY competitor_id`,
          );
          await db.runAndReadAll(`SELECT count(*) FROM deals WHERE lost_to_competitor_id = ${id} AND outcome = 'lost'`);
        },
        5,
        1,
      );
      const winnowProfile = timeMedian(() => competitorProfile(sql, id, settings), 5, 1);

      const ratio = (a: number, b: number) => a / b;
      figures.push(
        {
          suite: 'duckdb',
          name: 'matrix competitor x segment: Winnow',
          value: winnowMatrix,
          unit: 'ms',
          target: '<= 1.5x DuckDB',
          met: ratio(winnowMatrix, duckMatrix) <= 1.5,
          note: `Winnow / DuckDB = ${ratio(winnowMatrix, duckMatrix).toFixed(2)}x`,
        },
        {
          suite: 'duckdb',
          name: 'matrix competitor x segment: DuckDB (2 threads), same GROUP BYs',
          value: duckMatrix,
          unit: 'ms',
        },
        {
          suite: 'duckdb',
          name: 'competitor profile (most met): Winnow',
          value: winnowProfile,
          unit: 'ms',
          target: '<= 1.5x DuckDB',
          met: ratio(winnowProfile, duckProfile) <= 1.5,
          note: `Winnow / DuckDB = ${ratio(winnowProfile, duckProfile).toFixed(2)}x; Winnow also reads interviews, reasons, ratings, quotes and recent deals, which DuckDB is not given`,
        },
        {
          suite: 'duckdb',
          name: "competitor profile's deal GROUP BYs: DuckDB (2 threads)",
          value: duckProfile,
          unit: 'ms',
        },
      );
    } finally {
      ws.close();
    }
    return figures;
  },
};
