// winnow sourced [--model first|last|linear|u|w] [--from D --to D] [--db FILE] [--json]
// The Funnel area's Sourced tab: the same report (electron/core/funnel/sourced-report.ts).
import { parseArgs } from 'node:util';
import type { Rate } from '#shared/analytics/rate.ts';
import { DEAL_TYPE_LABEL, DEAL_TYPES } from '#shared/domain/enums.ts';
import type { AttributionReport, SourcedMeasure } from '#shared/domain/sourced.ts';
import { ATTRIBUTION_MODELS, MODEL_LABEL, SOURCED_LABEL } from '#shared/domain/sourced.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { sourcedReport } from '#core/funnel/sourced-report.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const sourcedHelp =
  'winnow sourced [--model first|last|linear|u|w] [--from D --to D] [--db FILE] [--json]   pipeline and won revenue by who sourced it, marketing influence, attribution to campaigns';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const int = (x: number) => x.toLocaleString('en-US');
const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function rateText(r: Rate): string {
  if (r.n === 0) return '–';
  if (r.confidence === 'hidden') return `${int(r.hits)}/${int(r.n)}`;
  const ci = r.low !== null && r.high !== null ? ` [${pct(r.low)}–${pct(r.high)}]` : '';
  return `${pct(r.rate)}${ci} n=${int(r.n)}${r.confidence === 'low' ? ' low confidence' : ''}`;
}

function date(value: string | undefined, option: string): string | null {
  if (value === undefined) return null;
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new UsageError(`--${option} takes a date like 2025-03-31; got "${value}"`);
  return value;
}

function measureLines(m: SourcedMeasure): string[] {
  const types = DEAL_TYPES.filter((t) => m.lines.some((l) => l.byType[t].n > 0));
  const out = [m.label];
  for (const l of m.lines) {
    const name = l.sourcedBy === 'all' ? 'All' : SOURCED_LABEL[l.sourcedBy];
    const split = types.map((t) => `${DEAL_TYPE_LABEL[t]} ${money(l.byType[t].amount)} (n=${int(l.byType[t].n)})`);
    out.push(
      `  ${name.padEnd(13)}${int(l.total.n).padStart(8)} ${l.total.n === 1 ? 'deal ' : 'deals'} ${money(l.total.amount).padStart(18)}  ${pct(l.amountShare).padStart(6)} of amount` +
        (l.sourcedBy === 'all' ? '' : `  deals ${rateText(l.share)}`),
      `  ${''.padEnd(13)}influenced by marketing: ${money(l.total.influencedAmount)} (${pct(l.influencedAmountShare)} of amount), deals ${rateText(l.influenced)}`,
      `  ${''.padEnd(13)}${split.join(' · ')}`,
    );
  }
  return out;
}

function attributionLines(a: AttributionReport): string[] {
  const out = [
    `Won revenue attributed to campaigns, ${MODEL_LABEL[a.model]}`,
    `  ${int(a.attributedDeals)} of ${int(a.wonDeals)} won deals touched on or before close: ${money(a.attributedAmount)} of ${money(a.wonAmount)}; unattributed ${int(a.unattributedDeals)} deals, ${money(a.unattributedAmount)}`,
    '  Weights (share of a deal per touch, in date order):',
    ...a.weights.map(
      (w) =>
        `    ${w.touches} touch${w.touches === 1 ? '' : 'es'}${w.opportunityAt === null ? '' : `, opportunity T${w.opportunityAt}`}: ${w.weights.map((x) => `${+(x * 100).toFixed(2)}%`).join(' / ')}`,
    ),
    '  By campaign:',
    ...a.campaigns.map(
      (c) =>
        `    ${c.campaign.padEnd(52)} ${c.channel.padEnd(16)} ${money(c.amount).padStart(18)} ${pct(c.share).padStart(6)}  ${int(c.deals)} won deals`,
    ),
    '  By channel:',
    ...a.channels.map(
      (c) =>
        `    ${c.channel.padEnd(52)} ${money(c.amount).padStart(18)} ${pct(c.share).padStart(6)}  ${int(c.deals)} won deals`,
    ),
  ];
  return out;
}

export async function sourcedCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      model: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(
      [
        sourcedHelp,
        '',
        '  --model   attribution model: first, last, linear (default), u (40/40/20), w (30/30/30/10)',
        '  --from, --to   period (YYYY-MM-DD): pipeline counts deals created in it, revenue the won deals closed in it',
        '  --json    the whole report as JSON',
        'Definitions: docs/METRICS.md#sourced-and-influenced and #attribution.',
      ].join('\n'),
    );
    return 0;
  }
  const model = values.model ?? 'linear';
  if (!(ATTRIBUTION_MODELS as readonly string[]).includes(model))
    throw new UsageError(`--model must be ${ATTRIBUTION_MODELS.join(', ')}; got "${model}"`);
  const from = date(values.from, 'from');
  const to = date(values.to, 'to');
  if (from !== null && to !== null && from > to) throw new UsageError(`--to (${to}) is before --from (${from})`);
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open' });
  try {
    const r = sourcedReport(
      ws.sqlite,
      { model: model as (typeof ATTRIBUTION_MODELS)[number], from, to },
      readSettings(ws.sqlite),
    );
    if (values.json) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    io.out(
      [
        `Sourced vs influenced, ${from ?? 'start'} to ${to ?? 'today'}`,
        r.definition,
        '',
        ...measureLines(r.pipeline),
        '',
        ...measureLines(r.won),
        '',
        ...attributionLines(r.attribution),
      ].join('\n'),
    );
    return 0;
  } finally {
    ws.close();
  }
}
