// winnow demo --db FILE [--deals N] [--seed S]: write the demo company into an empty workspace.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from '../args.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { DEMO_DEFAULTS } from '#core/demo/generate.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { endProgress, num, progress, UsageError } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const demoHelp =
  'winnow demo [--db FILE] [--deals N] [--seed S]   fill an empty workspace with the demo company';

export const demoDetails = () =>
  helpText(
    'winnow demo [--db FILE] [--deals N] [--seed S] [--json]',
    'Creates a workspace (or fills an empty one) with the demo company: deals, accounts, competitors, leads,\n' +
      'interviews and revenue, the same data every time for the same seed.',
    [
      ['--deals N', `how many deals, 100 to 2,000,000 (default ${num(DEMO_DEFAULTS.deals)})`],
      ['--seed S', `the random seed (default ${DEMO_DEFAULTS.seed})`],
      DB_OPTION,
      JSON_OPTION,
    ],
  );

function intOption(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, deals: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const deals = intOption(values.deals, 'deals', 100, 2_000_000, DEMO_DEFAULTS.deals);
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1, DEMO_DEFAULTS.seed);
  const path = workspacePathFrom(values.db);
  mkdirSync(dirname(path), { recursive: true });
  const ws = await openWorkspace(path, { mode: 'create', verify: 'quick' });
  try {
    const started = performance.now();
    const result = loadDemo(
      ws.sqlite,
      { deals, seed },
      {
        progress: (done, total) => {
          progress(io, `Writing demo deals: ${num(done)} of ${num(total)}`);
        },
      },
    );
    endProgress(io);
    const seconds = (performance.now() - started) / 1000;
    if (values.json) io.out(JSON.stringify({ path, ...result, seed, seconds }));
    else
      io.out(
        `Demo workspace written to ${path}: ${num(result.deals)} deals, ${num(result.accounts)} accounts, ` +
          `${num(result.leads)} leads, ${num(result.interviews)} interviews (seed ${seed}, ${seconds.toFixed(1)} s).`,
      );
    return 0;
  } finally {
    ws.close();
  }
}
