// winnow plan --target AMOUNT [--period P] [--deal-size X] [--rate R] [--from D --to D] [--market N] [--json]
// The needed-MQL planner (docs/METRICS.md#needed-mqls): the same history query and maths as the
// Funnel area's Planner tab.
import { parseArgs } from 'node:util';
import { formatAmount, formatRate, planFormulas } from '#shared/analytics/plan-formulas.ts';
import { computePlan } from '#shared/analytics/planner.ts';
import { parsePlanPeriod } from '#shared/domain/plan-period.ts';
import type { PlanInputs } from '#shared/domain/plans.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { planHistory } from '#core/funnel/planner-queries.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { AppError } from '#core/errors.ts';
import type { CliIO } from '../io.ts';
import { UsageError } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const planHelp =
  'winnow plan --target AMOUNT [--period 2026-Q3|2026|2026-07] [--deal-size X] [--rate R] [--from D --to D] [--market N] [--db FILE] [--json]   MQLs needed for a revenue target';

const HELP = `${planHelp}

  --target AMOUNT   new-name revenue to win in the period (750000, 750,000, 750k, 1.2m)
  --period P        the target period: a year, a quarter or a month (default: the quarter after the data's last date)
  --deal-size X     average won deal size; default: mean of won new-business deals closed in the history window
  --rate R          MQL-to-won conversion, 0.25 or 25%; default: pooled over the window's mature MQL cohorts
  --from D --to D   the history window (default: the last four complete quarters)
  --market N        accounts that could buy in the period; warns when the plan needs more MQLs
  --json            the history and the plan as JSON (unrounded)
Exit codes: 0 plan printed, 1 no plan possible (missing history: give --deal-size or --rate), 2 usage error.`;

/** 750000 | 750,000 | 750k | 1.2m */
export function parseAmount(text: string, option: string): number {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([km])?$/i.exec(text.trim());
  const value = m
    ? Number(`${m[1]!.replace(/,/g, '')}${m[2] ?? ''}`) * (m[3] ? (m[3].toLowerCase() === 'k' ? 1e3 : 1e6) : 1)
    : NaN;
  if (!(value > 0))
    throw new UsageError(`--${option} takes an amount above 0 such as 750000, 750,000 or 750k; got "${text}"`);
  return value;
}

/** 0.25 | 25% */
export function parseRate(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(text.trim());
  const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value <= 1))
    throw new UsageError(`--rate takes a share above 0 and at most 1, or a percentage (25%); got "${text}"`);
  return value;
}

function date(value: string | undefined, option: string): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UsageError(`--${option} takes a date like 2025-03-31; got "${value}"`);
  return value;
}

export async function planCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      target: { type: 'string' },
      period: { type: 'string' },
      'deal-size': { type: 'string' },
      rate: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      market: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (values.target === undefined) throw new UsageError('--target is required (the new-name revenue to win)');
  if (values.market !== undefined && !/^[1-9]\d{0,8}$/.test(values.market.replace(/,/g, '')))
    throw new UsageError(`--market takes a whole number of accounts; got "${values.market}"`);
  if (values.period !== undefined && parsePlanPeriod(values.period) === null)
    throw new UsageError(
      `--period takes a year (2026), a quarter (2026-Q3) or a month (2026-07); got "${values.period}"`,
    );
  const inputs: PlanInputs = {
    target: parseAmount(values.target, 'target'),
    period: values.period ?? null,
    dealSize: values['deal-size'] === undefined ? null : parseAmount(values['deal-size'], 'deal-size'),
    rate: values.rate === undefined ? null : parseRate(values.rate),
    from: date(values.from, 'from'),
    to: date(values.to, 'to'),
    market: values.market === undefined ? null : Number(values.market.replace(/,/g, '')),
  };
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open' });
  try {
    const today = new Date().toISOString().slice(0, 10);
    const history = planHistory(ws.sqlite, inputs, readSettings(ws.sqlite), today);
    const plan = computePlan(history, inputs);
    if (values.json) {
      io.out(JSON.stringify({ inputs, history, plan }, null, 2));
      return plan.needed === null ? 1 : 0;
    }
    if (plan.needed === null) {
      const why = plan.missing.map((m) =>
        m === 'rate'
          ? 'no MQL-to-won conversion (no won MQL in the window’s mature cohorts): give --rate'
          : 'no won new-business deal with an amount in the window: give --deal-size',
      );
      throw new AppError('not_found', `cannot plan: ${why.join('; ')}`);
    }
    const s = plan.dealSize!;
    const r = plan.rate!;
    const lines = [
      `Needed-MQL plan for ${plan.period.label} (${plan.period.from} to ${plan.period.to}), data until ${history.asOf ?? '–'}`,
      `  Target (new-name revenue)   ${formatAmount(plan.target)}`,
      `  Average won deal size       ${formatAmount(s.value)}${
        s.source === 'override'
          ? ' (given)'
          : `  [${formatAmount(s.low)} – ${formatAmount(s.high)}] n=${formatAmount(history.dealSize!.n)}, won new business closed ${history.window!.from} to ${history.window!.to}, log-scale 95%`
      }`,
      `  MQL-to-won conversion       ${formatRate(r.value)}${
        r.source === 'override'
          ? ' (given)'
          : `  [${formatRate(r.low)} – ${formatRate(r.high)}] ${formatAmount(history.rate!.hits)} won of ${formatAmount(history.rate!.n)} MQLs, mature cohorts ${history.window!.from} to ${history.matureTo}, Wilson 95%`
      }`,
      '',
      `  Needed MQLs                 ${formatAmount(plan.needed)}  (range ${formatAmount(plan.range!.low)} – ${formatAmount(plan.range!.high)})`,
      `  MQLs to hit the target      ${plan.odds.map((o) => `${formatRate(o.level).replace('.0', '')}: ${formatAmount(o.mqls)}`).join('   ')}`,
      `  Chance of hitting it        ${formatRate(plan.hitAtNeeded!)} with ${formatAmount(plan.needed)} MQLs${
        plan.runRate === null || plan.runRate.hit === null ? '' : `, ${formatRate(plan.runRate.hit)} at the run-rate`
      }`,
      '',
      ...planFormulas(history, plan, inputs.market).map((f) => `  ${f.label}: ${f.text}`),
    ];
    if (plan.marketShort) lines.push('', `  Warning: the plan needs more MQLs than the market holds.`);
    io.out(lines.join('\n'));
    return 0;
  } finally {
    ws.close();
  }
}
