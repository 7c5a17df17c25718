// The saved-plan section of a report: a needed-MQL plan saved by name in the Funnel area, computed by
// the planner's own pure functions (computePlan, planFormulas: the same seeded simulation), so the
// printed needed MQLs, range and odds are the figures the Planner tab shows for that plan.
import { formatAmount, formatOne, formatRate, planFormulas } from '#shared/analytics/plan-formulas.ts';
import { computePlan } from '#shared/analytics/planner.ts';
import type { PlanResult, PlanValue } from '#shared/analytics/planner.ts';
import type { PlanHistory, SavedPlan } from '#shared/domain/plans.ts';
import { esc, note, table } from './html.ts';

const facts = (rows: [string, string][]) =>
  `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;

function valueText(v: PlanValue | null, show: (x: number) => string, history: string): string {
  if (!v) return 'none: history has none for this window and the plan gives none';
  if (v.source === 'override') return `${show(v.value)} (entered in the plan)`;
  return `${show(v.value)} [${show(v.low)} – ${show(v.high)}], ${history}`;
}

function inputs(plan: SavedPlan, h: PlanHistory, p: PlanResult): string {
  const w = h.window ? `${h.window.from} to ${h.window.to}` : 'no data yet';
  const size = h.dealSize
    ? `from history: n = ${h.dealSize.n} won new-business deals closed ${w} (95% interval on the log scale)`
    : '';
  const rate = h.rate
    ? `from history: ${formatAmount(h.rate.hits)} won of ${formatAmount(h.rate.n)} MQLs, mature cohorts ${h.window?.from ?? '…'} to ${h.matureTo ?? '…'} (95% Wilson)`
    : '';
  const i = plan.inputs;
  return facts([
    ['Revenue target', formatAmount(i.target)],
    [
      'Target period',
      `${p.period.label}: ${p.period.from} to ${p.period.to}${i.period === null ? ' (the default)' : ''}`,
    ],
    ['History window', `${w}${i.from === null && i.to === null ? ' (default: the last four complete quarters)' : ''}`],
    ['Average won deal size', valueText(p.dealSize, formatAmount, size)],
    ['MQL-to-won rate', valueText(p.rate, formatRate, rate)],
    ['Addressable market', i.market === null ? 'not given' : `${formatAmount(i.market)} accounts`],
    ['Data until', h.asOf ?? '–'],
    ['Plan saved', plan.updatedAt.slice(0, 10)],
  ]);
}

function figures(p: PlanResult, market: number | null): string {
  const rows: string[][] = [
    ['Needed MQLs', esc(formatAmount(p.needed!))],
    ['Range (from the inputs’ intervals)', esc(`${formatAmount(p.range!.low)} to ${formatAmount(p.range!.high)}`)],
    [`Chance of the target with ${esc(formatAmount(p.needed!))} MQLs`, esc(formatRate(p.hitAtNeeded!))],
    ...p.odds.map((o) => [`MQLs for a ${Math.round(o.level * 100)}% chance`, esc(formatAmount(o.mqls))]),
  ];
  if (p.runRate)
    rows.push([
      'MQL run-rate',
      esc(
        `${formatOne(p.runRate.perMonth)} a month → ${formatOne(p.runRate.mqls)} in ${p.period.label}${p.runRate.hit !== null ? `, ${formatRate(p.runRate.hit)} chance of the target` : ''}`,
      ),
    ]);
  if (p.gap !== null)
    rows.push(['Gap', esc(p.gap > 0 ? `${formatOne(p.gap)} MQLs short` : `${formatOne(-p.gap)} MQLs to spare`)]);
  if (p.reverse)
    rows.push([
      'Revenue the run-rate implies',
      esc(`${formatAmount(p.reverse.value)} (range ${formatAmount(p.reverse.low)} to ${formatAmount(p.reverse.high)})`),
    ]);
  if (p.arrive)
    rows.push([
      'MQLs must arrive',
      esc(`${p.arrive.from} to ${p.arrive.to} (median MQL-to-won ${p.arrive.lagDays} days earlier)`),
    ]);
  if (p.marketShort)
    rows.push([
      'Addressable market',
      esc(
        `The plan needs more MQLs (${formatAmount(p.needed!)}) than the market holds (${formatAmount(market!)} accounts).`,
      ),
    ]);
  return table([{ label: 'Figure' }, { label: 'Value' }], rows, undefined, 'plan');
}

export function planSection(name: string, saved: { plan: SavedPlan; history: PlanHistory } | null): string {
  if (!saved)
    return note(
      `No plan called “${name}” is saved any more (deleted or renamed in Funnel → Needed-MQL planner): choose another plan for this section in the report builder.`,
    );
  const { plan, history: h } = saved;
  const p = computePlan(h, plan.inputs);
  const parts = [
    `<p class="lead">Plan “${esc(plan.name)}”: needed MQLs for ${esc(formatAmount(p.target))} of new-name revenue in ${esc(p.period.label)}.</p>`,
    '<h2>Inputs</h2>',
    inputs(plan, h, p),
  ];
  if (p.needed === null) {
    parts.push(
      note(
        `This plan cannot be computed any more: history has no ${p.missing.map((m) => (m === 'rate' ? 'MQL-to-won rate' : 'average deal size')).join(' and no ')} for its window. Open it in the planner and enter the missing figure.`,
      ),
    );
    return parts.join('\n');
  }
  parts.push(
    `<h2>Needed MQLs: ${esc(formatAmount(p.needed))}</h2>`,
    figures(p, plan.inputs.market),
    '<h2>How each figure is worked out</h2>',
    facts(planFormulas(h, p, plan.inputs.market).map((f) => [f.label, f.text])),
  );
  return parts.join('\n');
}
