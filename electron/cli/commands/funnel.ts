// winnow funnel [--mode cohort|period] [--start lead|mql] [--from D] [--to D] [--by FIELD] [--json]
// winnow velocity [--from D] [--to D] [--stuck-days N] [--json]
// The same queries and maths as the Funnel area.
import { parseArgs } from '../args.ts';
import type { Rate } from '#shared/analytics/rate.ts';
import type { FunnelField, FunnelGroup, Spread, VelocityStep } from '#shared/domain/funnel.ts';
import { FIELD_LABEL, FUNNEL_FIELDS, FUNNEL_MODES, FUNNEL_STARTS, STAGE_LABEL } from '#shared/domain/funnel.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { dataAsOf, funnelReport, maturityDays, trapReport } from '#core/funnel/funnel-queries.ts';
import { velocityReport } from '#core/funnel/velocity-queries.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { UsageError, num, pct } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const funnelHelp =
  'winnow funnel [--mode cohort|period] [--start lead|mql] [--from D --to D] [--by FIELD] [--db FILE] [--json]   funnel counts and conversions';
export const velocityHelp =
  'winnow velocity [--from D --to D] [--stuck-days N] [--db FILE] [--json]   days between stages, stuck MQLs and deals';

export const funnelDetails = () =>
  helpText(
    'winnow funnel [--mode cohort|period] [--start lead|mql] [--from DATE] [--to DATE] [--by FIELD] [--db FILE] [--json]',
    'Funnel counts per stage with step and cumulative conversions (95% intervals), lost and no-decision, then\n' +
      `the MQL trap per quarter. FIELD is one of ${FUNNEL_FIELDS.join(', ')}.`,
    [
      [
        '--mode M',
        'cohort (items that started in the period, followed to today; default) or period (stage dates in it)',
      ],
      ['--start S', 'lead (default) or mql: where the funnel starts'],
      ['--from DATE', 'the first day of the period (YYYY-MM-DD)'],
      ['--to DATE', 'the last day of the period (YYYY-MM-DD)'],
      ['--by FIELD', 'one funnel per value of FIELD'],
      DB_OPTION,
      JSON_OPTION,
    ],
  );
export const velocityDetails = () =>
  helpText(
    'winnow velocity [--from DATE] [--to DATE] [--stuck-days N] [--db FILE] [--json]',
    'Days between funnel stages (median and quartiles, against the period before), created to close by outcome,\n' +
      "days in each deal stage, stuck MQLs and open deals past their stage's 90th percentile.",
    [
      ['--from DATE', 'steps ending on or after DATE (YYYY-MM-DD)'],
      ['--to DATE', 'steps ending on or before DATE (YYYY-MM-DD)'],
      ['--stuck-days N', 'an MQL is stuck after N days without SQL (default: the 75th percentile)'],
      DB_OPTION,
      JSON_OPTION,
    ],
  );

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  const v = value.replace(/-/g, '_');
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${option} must be ${allowed.join(', ')}; got "${value}"`);
  return v as T;
}

export function date(value: string | undefined, option: string): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UsageError(`--${option} takes a date like 2025-03-31; got "${value}"`);
  return value;
}

const int = (x: number) => num(x);

export function rateText(r: Rate | null): string {
  if (r === null) return '';
  if (r.n === 0) return '–';
  if (r.confidence === 'hidden') return `${r.hits}/${r.n}`;
  const ci = r.low !== null && r.high !== null ? ` [${pct(r.low)}–${pct(r.high)}]` : '';
  return `${pct(r.rate)}${ci} n=${int(r.n)}${r.confidence === 'low' ? ' low confidence' : ''}`;
}

function groupLines(g: FunnelGroup, cohort: boolean): string[] {
  const lines = g.steps.map((s) =>
    [
      `  ${STAGE_LABEL[s.stage].padEnd(12)}`,
      int(s.count).padStart(9),
      cohort ? `  open ${int(s.open).padStart(6)}  out ${int(s.out).padStart(6)}` : '',
      s.step ? `  step ${rateText(s.step)}` : '',
      s.cumulative ? `  cumulative ${rateText(s.cumulative)}` : '',
    ].join(''),
  );
  lines.push(
    `  ${'Lost'.padEnd(12)}${int(g.lost).padStart(9)}`,
    `  ${'No decision'.padEnd(12)}${int(g.noDecision).padStart(9)}`,
  );
  return lines;
}

export async function funnelCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      mode: { type: 'string' },
      start: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const q = {
    mode: oneOf(values.mode, FUNNEL_MODES, 'mode', 'cohort'),
    start: oneOf(values.start, FUNNEL_STARTS, 'start', 'lead'),
    from: date(values.from, 'from'),
    to: date(values.to, 'to'),
    by: values.by === undefined ? null : oneOf<FunnelField>(values.by, FUNNEL_FIELDS, 'by', 'source'),
  };
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open' });
  try {
    const maturity = { asOf: dataAsOf(ws.sqlite), days: maturityDays(ws.sqlite) };
    const settings = readSettings(ws.sqlite);
    const report = funnelReport(ws.sqlite, q, settings, maturity);
    const trap = trapReport(ws.sqlite, settings, maturity);
    if (values.json) {
      io.out(JSON.stringify({ ...report, trap }, null, 2));
      return 0;
    }
    const cohort = q.mode === 'cohort';
    const lines = [
      `Funnel, ${cohort ? 'cohort' : 'period'} mode, ${q.from ?? 'start'} to ${q.to ?? 'today'} (data until ${report.asOf ?? '–'})`,
      report.definition,
    ];
    if (report.mature === false)
      lines.push(
        `Immature cohort: younger than the P90 MQL-to-won time (${report.maturityDays} days); open items are shown as open.`,
      );
    lines.push('', ...groupLines(report.total, cohort));
    for (const g of report.groups) lines.push('', `${FIELD_LABEL[q.by!]}: ${g.label}`, ...groupLines(g, cohort));
    lines.push('', `MQL trap (mature cohorts: P90 MQL-to-won = ${report.maturityDays ?? '–'} days)`);
    for (const t of trap.quarters)
      lines.push(
        `  ${t.quarter}  MQLs ${int(t.mqls).padStart(7)}  ${t.mature ? `MQL→won ${rateText(t.conversion)}` : 'immature'}${t.flagged ? '  ▼ volume up, conversion significantly down' : ''}`,
      );
    io.out(lines.join('\n'));
    return 0;
  } finally {
    ws.close();
  }
}

const spreadText = (s: Spread) =>
  s.n === 0 ? 'n=0' : `median ${num(s.median, 1)} d (quartiles ${num(s.q1, 1)}–${num(s.q3, 1)}) n=${int(s.n)}`;

function stepLine(s: VelocityStep): string {
  const change = s.change === null ? '' : `  change ${s.change >= 0 ? '+' : ''}${num(s.change, 1)} d`;
  const bad = s.outOfOrder > 0 ? `  (${int(s.outOfOrder)} with dates out of order)` : '';
  return `  ${s.label.padEnd(24)}${spreadText(s.current)}${change}${bad}`;
}

export async function velocityCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'stuck-days': { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const stuck = values['stuck-days'];
  if (stuck !== undefined && !/^[1-9]\d{0,3}$/.test(stuck))
    throw new UsageError(`--stuck-days takes a whole number of days from 1 to 9,999; got "${stuck}"`);
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open' });
  try {
    const r = velocityReport(
      ws.sqlite,
      {
        from: date(values.from, 'from'),
        to: date(values.to, 'to'),
        stuckDays: stuck === undefined ? null : Number(stuck),
      },
      dataAsOf(ws.sqlite),
    );
    if (values.json) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    const lines = [
      `Velocity, steps ending ${r.from} to ${r.to}, against ${r.previousFrom} to ${r.previousTo}`,
      ...r.steps.map(stepLine),
      'Created to close, by outcome',
      ...r.byOutcome.map(stepLine),
      'Days in deal stages (stage history)',
      ...r.dealStages.map(stepLine),
      `Stuck MQLs (no SQL, not disqualified, over ${r.stuckDays} days${r.stuckDaysDefault !== null ? `; default P75 = ${r.stuckDaysDefault}` : ''}): ${int(r.stuckMqls.total)}`,
      ...r.stuckMqls.items
        .slice(0, 10)
        .map((m) => `  ${m.externalId ?? m.leadId}  MQL ${m.mqlDate}  ${num(m.days)} d  ${m.owner ?? ''}`),
      `Open deals past their stage's P90: ${int(r.stuckDeals.total)}`,
      ...r.stuckDeals.items
        .slice(0, 10)
        .map((d) => `  ${d.externalId ?? d.dealId}  ${d.stage}  ${num(d.days)} d (P90 ${num(d.p90)})`),
    ];
    io.out(lines.join('\n'));
    return 0;
  } finally {
    ws.close();
  }
}
