// winnow reasons [--db FILE] [--json] [--all]: the reason taxonomy with how often each reason is
// coded (interviews, primary, win/loss driver, deals) and stated by reps. --all adds reasons
// that were merged away.
import { parseArgs } from '../args.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { readTaxonomy } from '#core/reasons/taxonomy-queries.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { num } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const reasonsHelp =
  'winnow reasons [--db FILE] [--json] [--all]        the reason taxonomy with counts (interviews, deals, rep-stated)';

export const reasonsDetails = () =>
  helpText(
    'winnow reasons [--all] [--db FILE] [--json]',
    'The reason taxonomy by category, with how often each reason is coded in interviews (all, primary, as a win\n' +
      'or loss driver), on how many deals, and how often reps state it. Counts include drafts.',
    [['--all', 'also list reasons merged into others'], DB_OPTION, JSON_OPTION],
  );

const n = (x: number) => num(x);

export async function reasonsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' } },
    strict: true,
  });
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const taxonomy = readTaxonomy(ws.sqlite);
    if (values.json) {
      io.out(JSON.stringify(taxonomy, null, 2));
      return 0;
    }
    const cols = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(46) : c.padStart(i === 6 ? 11 : 8))).join('');
    io.out(`${n(taxonomy.codedInterviews)} interviews have reasons coded. Counts include drafts.`);
    for (const c of taxonomy.categories) {
      io.out('');
      io.out(
        cols([
          `${c.name}${c.retiredAt ? ` (retired ${c.retiredAt.slice(0, 10)})` : ''}`,
          'Intvws',
          'Primary',
          'Win',
          'Loss',
          'Deals',
          'Rep-stated',
        ]),
      );
      const shown = c.reasons.filter((r) => values.all || r.mergedInto === null);
      if (shown.length === 0) io.out('  (no reasons)');
      for (const r of shown) {
        const k = r.counts;
        const state = r.mergedInto
          ? ` → merged into "${r.mergedInto.name}"`
          : r.retiredAt
            ? ` (retired ${r.retiredAt.slice(0, 10)})`
            : '';
        io.out(
          cols([
            `  ${r.name}${state}`,
            n(k.interviews),
            n(k.primary),
            n(k.winDriver),
            n(k.lossDriver),
            n(k.deals),
            n(k.repStated),
          ]),
        );
      }
    }
    return 0;
  } finally {
    ws.close();
  }
}
