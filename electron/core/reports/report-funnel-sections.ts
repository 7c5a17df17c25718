// The funnel and velocity sections of a report: the Funnel screen's figures (funnel:report,
// funnel:velocity) as tables and vector charts, with the screen's wording (docs/METRICS.md#funnel).
import type { EChartsCoreOption } from 'echarts/core';
import type { Rate } from '#shared/analytics/rate.ts';
import type { FunnelGroup, FunnelReport, Spread, VelocityReport, VelocityStep } from '#shared/domain/funnel.ts';
import { MODE_LABEL, STAGE_LABEL } from '#shared/domain/funnel.ts';
import { funnelChart, velocityChart } from './report-charts.ts';
import { esc, int, intervalText, note, pct, rateText, table } from './html.ts';

/** Where a section draws its charts (report-sections' chartDrawer; declared here to keep imports one-way). */
export interface Charts {
  draw(option: EChartsCoreOption, caption: string, wide: boolean): string;
}

/** Period mode compares different items from stage to stage: a ratio, with no interval. */
function stepCells(r: Rate | null, cohort: boolean): [string, string] {
  if (!r) return ['–', '–'];
  return cohort ? [rateText(r), intervalText(r)] : [pct(r.rate), '– (ratio)'];
}

function funnelTable(g: FunnelGroup, cohort: boolean): string {
  const columns = [
    { label: 'Stage' },
    { label: 'Count', num: true },
    ...(cohort
      ? [
          { label: 'Still open here', num: true },
          { label: 'Out here', num: true },
        ]
      : []),
    { label: 'Step conversion', num: true },
    { label: '95% interval' },
    { label: 'Cumulative', num: true },
    { label: '95% interval' },
  ];
  const blank = cohort ? ['', ''] : [];
  const rows = g.steps.map((s) => [
    esc(STAGE_LABEL[s.stage]),
    int(s.count),
    ...(cohort ? [int(s.open), int(s.out)] : []),
    ...stepCells(s.step, cohort),
    ...stepCells(s.cumulative, cohort),
  ]);
  rows.push(['Lost', int(g.lost), ...blank, '', '', '', '']);
  rows.push(['No decision', int(g.noDecision), ...blank, '', '', '', '']);
  return table(columns, rows, undefined, 'funnel');
}

export function funnelSection(r: FunnelReport, charts: Charts, wide: boolean): string {
  const cohort = r.mode === 'cohort';
  const maturity =
    cohort && r.mature === false
      ? ` This cohort is not mature yet (90% of won MQLs close within ${int(r.maturityDays ?? 0)} days): later stages will still grow.`
      : '';
  return [
    `<p class="lead">${esc(MODE_LABEL[r.mode])}. From ${esc(r.from ?? '…')} to ${esc(r.to ?? '…')}; the data's last date is ${esc(r.asOf ?? 'unknown')}.${esc(maturity)}</p>`,
    charts.draw(
      funnelChart(r.total.steps.map((s) => ({ label: STAGE_LABEL[s.stage], count: s.count, won: s.stage === 'won' }))),
      'Items reaching each stage',
      wide,
    ),
    funnelTable(r.total, cohort),
    note(r.definition),
    cohort
      ? note('Step conversion: this stage’s count / the previous stage’s, with its 95% Wilson interval.')
      : note('Period mode counts different items at each stage: its conversions are ratios, with no interval.'),
  ].join('\n');
}

const days = (x: number | null) => (x === null ? '–' : `${x.toFixed(0)} d`);
const quartiles = (s: Spread) => (s.n === 0 ? '–' : `${s.q1!.toFixed(0)}–${s.q3!.toFixed(0)} d`);

function stepsTable(steps: VelocityStep[], caption: string): string {
  return table(
    [
      { label: 'Step' },
      { label: 'Median', num: true },
      { label: 'Quartiles' },
      { label: 'n', num: true },
      { label: 'Previous median', num: true },
      { label: 'n before', num: true },
      { label: 'Change', num: true },
      { label: 'Out of order', num: true },
    ],
    steps.map((s) => [
      esc(s.label),
      days(s.current.median),
      quartiles(s.current),
      int(s.current.n),
      days(s.previous.median),
      int(s.previous.n),
      s.change === null ? '–' : `${s.change > 0 ? '+' : ''}${s.change.toFixed(0)} d`,
      int(s.outOfOrder),
    ]),
    caption,
  );
}

export function velocitySection(r: VelocityReport, charts: Charts, wide: boolean): string {
  const parts = [
    `<p class="lead">Steps ending ${esc(r.from ?? '…')} to ${esc(r.to ?? '…')}, against ${esc(r.previousFrom ?? '…')} to ${esc(r.previousTo ?? '…')}. Whole days between the stage dates; items whose dates run backwards are left out and counted.</p>`,
  ];
  if (r.steps.some((s) => s.current.n > 0 || s.previous.n > 0))
    parts.push(
      charts.draw(
        velocityChart(r.steps.map((s) => ({ label: s.label, current: s.current.median, previous: s.previous.median }))),
        'Median days per funnel step, this period and the previous one',
        wide,
      ),
    );
  parts.push(stepsTable(r.steps, 'Funnel steps'));
  parts.push(stepsTable(r.byOutcome, 'Created to close, by outcome'));
  if (r.dealStages.length) parts.push(stepsTable(r.dealStages, 'Days in each deal stage (stage history)'));
  parts.push('<h2>Stuck</h2>');
  parts.push(
    `<p>${int(r.stuckMqls.total)} MQLs without an SQL date after more than ${int(r.stuckDays)} days; ${int(r.stuckDeals.total)} open deals longer in their stage than its P90.</p>`,
  );
  if (r.stuckDeals.items.length)
    parts.push(
      table(
        [
          { label: 'Deal' },
          { label: 'Stage' },
          { label: 'Days in stage', num: true },
          { label: 'Stage P90', num: true },
        ],
        r.stuckDeals.items
          .slice(0, 20)
          .map((d) => [esc(d.name), esc(d.stage), int(d.days), `${int(Math.round(d.p90))} d`]),
        r.stuckDeals.total > 20 ? `The 20 longest of ${int(r.stuckDeals.total)}` : 'Every stuck deal',
      ),
    );
  return parts.join('\n');
}
