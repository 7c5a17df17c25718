// Import figures: a generated 1,000,000-row CRM export (~115 MB) imported end to end the way the
// app's job worker does it, against a bare baseline in the same run (papaparse + one INSERT per
// row, one transaction), each in a process of its own for a clean peak-memory reading; then the
// deals table's page and totals over the million-deal bench workspace.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { competitorsSql } from '../bench-queries.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { dealOptions, readOptions } from '#core/deals/deal-options.ts';
import { dealsSummary, listDeals } from '#core/deals/deals-queries.ts';
import { setupFile } from '#core/import/file-setup.ts';
import { KINDS } from '#core/import/kinds/index.ts';
import { suggestMapping } from '#core/import/mapping-rules.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import type { Figure, Suite } from '../harness.ts';
import { timeMedian } from '../harness.ts';
import { writeBenchCsv } from '../import-csv.ts';

const IMPORT_ROWS = 1_000_000;
const CHILD = fileURLToPath(new URL('../import-child.ts', import.meta.url));
const BASELINE = fileURLToPath(new URL('../import-baseline-child.ts', import.meta.url));

interface ChildResult {
  seconds: number;
  maxRssKb: number;
  rows?: number;
  totals?: { rowsRead: number; inserted: number; rejected: number };
}

async function freshWorkspace(path: string): Promise<number> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const ws = await openWorkspace(path, { mode: 'create' });
  const version = ws.schemaVersion;
  ws.close();
  return version;
}

/** V8 flags matching the app's job workers (a 12 MB young generation, see job-runner.ts). */
const WORKER_FLAGS = ['--max-semi-space-size=4'];

function runChild(args: string[]): ChildResult & { wallSeconds: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...WORKER_FLAGS, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').at(-1)!;
  return { ...(JSON.parse(last) as ChildResult), wallSeconds: (performance.now() - started) / 1000 };
}

export const importSuite: Suite = {
  name: 'import',
  async run(ctx) {
    const figures: Figure[] = [];
    const csv = join(ctx.scratchDir, `import-${IMPORT_ROWS}.csv`);
    if (!existsSync(csv) || statSync(csv).size < 50_000_000) {
      console.error(`  writing a ${IMPORT_ROWS.toLocaleString('en-US')}-row CSV …`);
      writeBenchCsv(csv, IMPORT_ROWS);
    }
    const mb = statSync(csv).size / 1e6;
    const mapping = suggestMapping(KINDS.deals, setupFile(csv).headers).mapping;

    const basePath = join(ctx.scratchDir, 'import-baseline.winnow');
    const baseVersion = await freshWorkspace(basePath);
    console.error('  bare baseline: papaparse + INSERT …');
    const base = runChild([BASELINE, basePath, String(baseVersion), csv]);

    const importPath = join(ctx.scratchDir, 'import-bench.winnow');
    const version = await freshWorkspace(importPath);
    console.error('  import, end to end …');
    const imp = runChild([CHILD, importPath, String(version), csv, JSON.stringify(mapping)]);
    const ok = imp.totals?.rowsRead === IMPORT_ROWS && imp.totals.inserted === IMPORT_ROWS;
    const ratio = imp.wallSeconds / base.wallSeconds;
    const rss = imp.maxRssKb / 1024;
    figures.push(
      {
        suite: 'import',
        name: `import ${IMPORT_ROWS.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB) end to end`,
        value: imp.wallSeconds,
        unit: 's',
        target: '<= 20 s, <= 2x baseline',
        met: imp.wallSeconds <= 20 && ratio <= 2,
        note: `${Math.round(IMPORT_ROWS / imp.wallSeconds).toLocaleString('en-US')} rows/s; ${ratio.toFixed(2)}x baseline; ${ok ? 'all rows imported' : 'ROWS MISSING'}`,
      },
      {
        suite: 'import',
        name: 'import peak memory (process RSS)',
        value: rss,
        unit: 'MB',
        target: '< 500 MB',
        met: rss < 500,
      },
      {
        suite: 'import',
        name: 'bare baseline: papaparse + one INSERT per row',
        value: base.wallSeconds,
        unit: 's',
        note: `${base.rows?.toLocaleString('en-US')} rows; peak ${(base.maxRssKb / 1024).toFixed(0)} MB`,
      },
    );
    for (const p of [basePath, importPath]) for (const s of ['', '-wal', '-shm']) rmSync(`${p}${s}`, { force: true });

    // The deals table over the million-deal workspace.
    const ws = await openWorkspace(ctx.workspacePath, { mode: 'open' });
    try {
      const settings = readSettings(ws.sqlite);
      const competitor = ws.sqlite.prepare(competitorsSql).get() as { id: number; name: string; deals: number };
      const filter = { competitorId: competitor.id, closeFrom: '2025-07-01', closeTo: '2025-09-30' };
      const page = timeMedian(
        () => listDeals(ws.sqlite, filter, { column: 'amount', direction: 'desc' }, 0, 100),
        9,
        2,
      );
      const rows = listDeals(ws.sqlite, filter, { column: 'amount', direction: 'desc' }, 0, 100).rows.length;
      const plain = timeMedian(
        () => listDeals(ws.sqlite, {}, { column: 'closeDate', direction: 'desc' }, 0, 100),
        9,
        2,
      );
      const deep = timeMedian(
        () => listDeals(ws.sqlite, {}, { column: 'amount', direction: 'desc' }, 500_000, 100),
        5,
        1,
      );
      const totals = timeMedian(() => dealsSummary(ws.sqlite, filter, settings), 5, 1);
      const options = timeMedian(() => readOptions(ws.sqlite), 3, 1);
      dealOptions(ws.sqlite);
      const optionsAgain = timeMedian(() => dealOptions(ws.sqlite), 9, 0);
      const bare = timeMedian(() => ws.sqlite.prepare('SELECT id FROM deals ORDER BY id DESC LIMIT 100').all(), 9, 2);
      figures.push(
        {
          suite: 'import',
          name: `deals page: by amount, ${competitor.name} + 2025-Q3 (${ctx.deals.toLocaleString('en-US')} deals)`,
          value: page,
          unit: 'ms',
          target: '<= 100 ms',
          met: page <= 100 && rows === 100,
          note: `${rows} rows; ${competitor.name} met on ${competitor.deals.toLocaleString('en-US')} deals`,
        },
        {
          suite: 'import',
          name: 'deals page: no filter, by close date',
          value: plain,
          unit: 'ms',
          target: '<= 100 ms',
          met: plain <= 100,
        },
        {
          suite: 'import',
          name: 'deals page: rows 500,001-500,100 by amount',
          value: deep,
          unit: 'ms',
          target: '<= 100 ms',
          met: deep <= 100,
        },
        { suite: 'import', name: 'deals totals (count, amount, win rate) for that filter', value: totals, unit: 'ms' },
        { suite: 'import', name: 'deals filter options, read', value: options, unit: 'ms' },
        {
          suite: 'import',
          name: 'deals filter options, remembered (no write since)',
          value: optionsAgain,
          unit: 'ms',
        },
        { suite: 'import', name: 'bare: 100 ids by primary key (baseline)', value: bare, unit: 'ms' },
      );
    } finally {
      ws.close();
    }
    return figures;
  },
};
