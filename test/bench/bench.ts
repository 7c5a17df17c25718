// npm run bench [-- --deals N] [--seed S] [--only SUITE]
// Builds (once, then reuses) a workspace of N generated deals (default 1,000,000) and prints a
// table of figures from every suite. Each issue adds its suite to SUITES below.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { refreshDerived } from '#core/retention/keep-derived.ts';
import { groupsFresh } from '#core/retention/group-cells.ts';
import { planRefresh } from '#core/retention/retention-refresh.ts';
import type { Figure, Suite } from './harness.ts';
import { printTable } from './harness.ts';
import { foundationSuite } from './suites/foundation.ts';
import { funnelSuite } from './suites/funnel.ts';
import { importSuite } from './suites/import.ts';
import { interviewImportSuite } from './suites/interview-import.ts';
import { interviewsSuite } from './suites/interviews.ts';
import { matrixSuite } from './suites/matrix.ts';
import { reportsSuite } from './suites/reports.ts';
import { retentionSuite } from './suites/retention.ts';
import { screensSuite } from './suites/screens.ts';
import { duckdbSuite } from './suites/duckdb.ts';
import { revenueImportSuite } from './suites/revenue-import.ts';

const SUITES: Suite[] = [
  foundationSuite,
  importSuite,
  matrixSuite,
  interviewsSuite,
  retentionSuite,
  revenueImportSuite,
  interviewImportSuite,
  screensSuite,
  duckdbSuite,
  reportsSuite,
  funnelSuite,
];

const { values } = parseArgs({
  options: {
    deals: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    only: { type: 'string' },
  },
});
const deals = Number(values.deals);
const seed = Number(values.seed);
const root = fileURLToPath(new URL('../../test-results/bench/', import.meta.url));
mkdirSync(root, { recursive: true });
const workspacePath = join(root, `bench-${deals}-${seed}.winnow`);
const figures: Figure[] = [];

if (!existsSync(workspacePath)) {
  console.error(
    `Building a workspace of ${deals.toLocaleString('en-US')} deals (seed ${seed}); reused by later runs …`,
  );
  const building = `${workspacePath}.building`;
  rmSync(building, { force: true });
  const ws = await openWorkspace(building, { mode: 'create' });
  const started = performance.now();
  const result = loadDemo(
    ws.sqlite,
    { deals, seed },
    {
      progress: (done, total) =>
        process.stderr.isTTY &&
        process.stderr.write(`\r  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`),
    },
  );
  const seconds = (performance.now() - started) / 1000;
  // What the demo job does at its end: the derived tables, so the first screen reads them as they are.
  const derived = performance.now();
  refreshDerived(ws.sqlite);
  figures.push({
    suite: 'demo',
    name: 'derive retention tables and splits (end of the demo job)',
    value: (performance.now() - derived) / 1000,
    unit: 's',
  });
  ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  ws.close();
  renameSync(building, workspacePath);
  process.stderr.write('\n');
  figures.push({
    suite: 'demo',
    name: 'generate and write demo workspace',
    value: seconds,
    unit: 's',
    note: `${Math.round(result.deals / seconds).toLocaleString('en-US')} deals/s`,
  });
}

{
  // A workspace built before the demo job derived its tables: derive them once now.
  const ws = await openWorkspace(workspacePath, { mode: 'open' });
  if (!planRefresh(ws.sqlite).upToDate || !groupsFresh(ws.sqlite)) {
    console.error('Deriving the retention tables of the cached workspace (once) …');
    refreshDerived(ws.sqlite);
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
  ws.close();
}

const scratchDir = join(root, 'scratch');
mkdirSync(scratchDir, { recursive: true });
for (const suite of SUITES) {
  if (values.only && suite.name !== values.only) continue;
  console.error(`Running ${suite.name} …`);
  figures.push(...(await suite.run({ workspacePath, deals, seed, scratchDir })));
}
printTable(figures);
