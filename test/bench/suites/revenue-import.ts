// Revenue import figures: a generated 1,000,000-row purchase log (100,000 customers, 800,000
// monthly lines) imported the way the app's job worker does it, against a bare baseline in the
// same run (papaparse + an account per new id + one INSERT per row), each in a process of its own;
// then the retention rebuild that follows such an import.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { refreshRetention } from '#core/retention/retention-refresh.ts';
import type { ImportMapping } from '#shared/domain/import-mapping.ts';
import type { Figure, Suite } from '../harness.ts';
import { LINES_PER_CUSTOMER, ROWS_PER_CUSTOMER, writeRevenueCsv } from '../revenue-csv.ts';

const ROWS = 1_000_000;
const CHILD = fileURLToPath(new URL('../import-child.ts', import.meta.url));
const BASELINE = fileURLToPath(new URL('../revenue-baseline-child.ts', import.meta.url));
const WORKER_FLAGS = ['--max-semi-space-size=4'];

const MAPPING: ImportMapping = {
  kind: 'revenue',
  fields: { customerId: { column: 'customer_id' }, date: { column: 'date' }, amount: { column: 'dollar_value' } },
  values: {},
  options: { lines: 'invoice', newCustomers: 'create' },
};

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

function runChild(args: string[]): ChildResult & { wallSeconds: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...WORKER_FLAGS, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').at(-1)!;
  return { ...(JSON.parse(last) as ChildResult), wallSeconds: (performance.now() - started) / 1000 };
}

export const revenueImportSuite: Suite = {
  name: 'revenue-import',
  async run(ctx) {
    const csv = join(ctx.scratchDir, `revenue-${ROWS}.csv`);
    if (!existsSync(csv) || statSync(csv).size < 20_000_000) {
      console.error(`  writing a ${ROWS.toLocaleString('en-US')}-row purchase log …`);
      writeRevenueCsv(csv, ROWS);
    }
    const mb = statSync(csv).size / 1e6;
    const lines = (ROWS / ROWS_PER_CUSTOMER) * LINES_PER_CUSTOMER;

    const basePath = join(ctx.scratchDir, 'revenue-baseline.winnow');
    console.error('  bare baseline: papaparse + INSERT …');
    const base = runChild([BASELINE, basePath, String(await freshWorkspace(basePath)), csv]);

    const importPath = join(ctx.scratchDir, 'revenue-bench.winnow');
    const version = await freshWorkspace(importPath);
    console.error('  revenue import, end to end …');
    const imp = runChild([CHILD, importPath, String(version), csv, JSON.stringify(MAPPING), 'revenue']);
    const ws = await openWorkspace(importPath, { mode: 'open' });
    const measured = (() => {
      try {
        const n = (ws.sqlite.prepare('SELECT count(*) AS n FROM revenue_lines').get() as { n: number }).n;
        console.error('  retention rebuild after it …');
        const started = performance.now();
        refreshRetention(ws.sqlite);
        return { made: n, rebuild: (performance.now() - started) / 1000 };
      } finally {
        ws.close();
      }
    })();
    const { made, rebuild } = measured;
    const ok = imp.totals?.rowsRead === ROWS && imp.totals.inserted === ROWS && made === lines;
    const ratio = imp.wallSeconds / base.wallSeconds;
    const figures: Figure[] = [
      {
        suite: 'revenue-import',
        name: `revenue import ${ROWS.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB) end to end`,
        value: imp.wallSeconds,
        unit: 's',
        note: `${Math.round(ROWS / imp.wallSeconds).toLocaleString('en-US')} rows/s; ${ratio.toFixed(2)}x baseline; ${
          ok ? `${made.toLocaleString('en-US')} lines` : 'ROWS OR LINES MISSING'
        }; peak ${(imp.maxRssKb / 1024).toFixed(0)} MB`,
      },
      {
        suite: 'revenue-import',
        name: 'bare baseline: papaparse + an account per id + one INSERT per row',
        value: base.wallSeconds,
        unit: 's',
        note: `${base.rows?.toLocaleString('en-US')} rows; peak ${(base.maxRssKb / 1024).toFixed(0)} MB`,
      },
      {
        suite: 'revenue-import',
        name: 'retention rebuild after it (100,000 customers)',
        value: rebuild,
        unit: 's',
      },
    ];
    for (const p of [basePath, importPath]) for (const s of ['', '-wal', '-shm']) rmSync(`${p}${s}`, { force: true });
    return figures;
  },
};
