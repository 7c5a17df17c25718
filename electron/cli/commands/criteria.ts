// winnow criteria [--from D] [--to D] [--json]: which qualification criteria predict closed revenue,
// the same query and maths as Funnel → Qualification criteria (docs/METRICS.md#qualification-criteria).
import { parseArgs } from 'node:util';
import { liftPoints, liftRange, pValueText } from '#shared/analytics/describe-lift.ts';
import type { CriteriaReport, CriterionResult } from '#shared/domain/criteria.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { criteriaReport } from '#core/funnel/criteria-queries.ts';
import { dataAsOf, maturityDays } from '#core/funnel/funnel-queries.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import type { CliIO } from '../io.ts';
import { date, rateText } from './funnel.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const criteriaHelp =
  'winnow criteria [--from D --to D] [--db FILE] [--json]   qualification criteria against MQL-to-won and win rate';

const USAGE = [
  criteriaHelp,
  '',
  'For each of the seven qualification criteria, over MQLs of mature quarterly cohorts (MQL date in the',
  'period): MQL-to-won conversion and win rate with the criterion met vs not met (95% Wilson intervals),',
  'the lift with its Newcombe interval and its interval corrected for testing seven criteria at once',
  '(Benjamini-Hochberg), revenue per MQL, and MQL-to-won by how many criteria were met.',
  '',
  '  --from D, --to D   MQL dates, like 2025-01-01 (default: all mature cohorts)',
  '  --db FILE          the workspace (default: the one the app last opened)',
  '  --json             the full report as JSON',
].join('\n');

const money = (x: number | null, currency: string) =>
  x === null ? '–' : `${Math.round(x).toLocaleString('en-US')} ${currency}`;
const int = (x: number) => x.toLocaleString('en-US');

function criterionLines(c: CriterionResult, r: CriteriaReport): string[] {
  return [
    `  ${String(c.rank).padStart(2)}. ${c.label}${c.predicts ? '  [predicts]' : ''}`,
    `      MQL → won   met ${rateText(c.met.conversion)}   not met ${rateText(c.notMet.conversion)}   unknown ${int(c.unknown)}`,
    `      lift ${liftPoints(c.lift)}  95% CI ${liftRange(c.lift)}  corrected CI ${liftRange(c.liftCorrected)}  p ${pValueText(c.p)}  q ${pValueText(c.q)}`,
    `      win rate    met ${rateText(c.met.winRate)}   not met ${rateText(c.notMet.winRate)}   difference ${liftPoints(c.winRateDifference)} (${liftRange(c.winRateDifference)})`,
    `      revenue per MQL  met ${money(c.met.revenuePerMql, r.currency)}   not met ${money(c.notMet.revenuePerMql, r.currency)}`,
    ...(c.warning ? [`      ! ${c.warning}`] : []),
  ];
}

export async function criteriaCommand(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const q = { from: date(values.from, 'from'), to: date(values.to, 'to') };
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open' });
  try {
    const r = criteriaReport(ws.sqlite, q, readSettings(ws.sqlite), {
      asOf: dataAsOf(ws.sqlite),
      days: maturityDays(ws.sqlite),
    });
    if (values.json) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    const lines = [
      `Qualification criteria, MQL dates ${q.from ?? 'start'} to ${q.to ?? 'today'}: ${int(r.mqls)} mature MQLs (cohorts to ${r.matureTo ?? '–'}, data until ${r.asOf ?? '–'})`,
      r.definition,
      `${r.selected} of ${r.tested} criteria predict conversion (BH q ≤ ${r.alpha}); corrected intervals at ${(r.correctedLevel * 100).toFixed(1)}% (z = ${r.correctedZ.toFixed(2)}).`,
    ];
    for (const [kind, title] of [
      ['fit', 'Static fit'],
      ['dynamic', 'Dynamic criteria'],
    ] as const) {
      lines.push('', title);
      for (const c of r.criteria.filter((x) => x.kind === kind)) lines.push(...criterionLines(c, r));
    }
    lines.push('', 'MQL → won by criteria met (MQLs with at least one answer; unknown counts as not met)');
    for (const g of r.byCount) lines.push(`  ${g.met}  ${rateText(g.conversion)}`);
    io.out(lines.join('\n'));
    return 0;
  } finally {
    ws.close();
  }
}
