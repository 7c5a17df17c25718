// winnow export deals|competitors|accounts --out FILE [--db FILE]: the workspace as CSV, the same
// files the app's Export menu writes (cells a spreadsheet would run are escaped).
import { resolve } from 'node:path';
import { parseArgs } from '../args.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { exportAccounts, exportAllDeals, exportCompetitors } from '#core/export/csv-exports.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { UsageError, num } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const exportHelp = 'winnow export deals|competitors|accounts --out FILE [--db FILE]   write them as CSV';

export const exportDetails = () =>
  helpText(
    'winnow export deals|competitors|accounts --out FILE [--db FILE] [--json]',
    "Writes deals, competitors (with their win rates) or accounts as CSV, the same files as the app's Export\n" +
      'menu; cells a spreadsheet would run as formulas are written as text.',
    [['--out FILE', 'the CSV file to write (required)'], DB_OPTION, JSON_OPTION],
  );

const WHAT = ['deals', 'competitors', 'accounts'] as const;

export async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const what = positionals[0] as (typeof WHAT)[number] | undefined;
  if (positionals.length !== 1 || !what || !WHAT.includes(what)) {
    throw new UsageError(
      `say what to export: deals, competitors or accounts${positionals.length > 0 ? `; got "${positionals.join(' ')}"` : ''}`,
    );
  }
  if (!values.out) throw new UsageError('--out FILE is required');
  const out = resolve(values.out);
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const rows =
      what === 'deals'
        ? exportAllDeals(ws.sqlite, out)
        : what === 'competitors'
          ? exportCompetitors(ws.sqlite, out, readSettings(ws.sqlite))
          : exportAccounts(ws.sqlite, out);
    if (values.json) io.out(JSON.stringify({ what, path: out, rows }));
    else io.out(`Wrote ${num(rows)} ${what} to ${out}.`);
    return 0;
  } finally {
    ws.close();
  }
}
