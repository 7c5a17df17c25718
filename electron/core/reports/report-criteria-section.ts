// The qualification-criteria section of a report: the Criteria tab's figures (funnel:criteria) as
// its tables, ranked as on screen, and its conversion-by-criteria-met chart drawn by the screen's
// own option builder (docs/METRICS.md#qualification-criteria).
import { liftPoints, liftRange, pValueText } from '#shared/analytics/describe-lift.ts';
import { criteriaByCountOption } from '#shared/charts/criteria-chart.ts';
import type { CriteriaReport, CriterionResult } from '#shared/domain/criteria.ts';
import type { Charts } from './report-funnel-sections.ts';
import { esc, int, intervalText, money, note, rateText, table } from './html.ts';
import type { Rate } from '#shared/analytics/rate.ts';

/** A rate with its interval and n in one cell, as the screen's RateView reads. */
const rateCell = (r: Rate) => {
  if (r.n === 0) return '–';
  const ci = intervalText(r);
  return `${rateText(r)}<small>${ci === '–' ? '' : `${esc(ci)} · `}n ${int(r.n)}</small>`;
};

function criteriaTable(rows: CriterionResult[], title: string, r: CriteriaReport): string {
  const level = `${(r.correctedLevel * 100).toFixed(1)}%`;
  const revenue = (x: number | null) => (x === null ? '–' : money(x, r.currency));
  return table(
    [
      { label: 'Rank', num: true },
      { label: 'Criterion' },
      { label: 'MQL → won, met' },
      { label: 'MQL → won, not met' },
      { label: `Lift (corrected ${level} CI)` },
      { label: 'p / BH q', num: true },
      { label: 'Win rate, met' },
      { label: 'Win rate, not met' },
      { label: 'Revenue per MQL, met / not met' },
      { label: 'Unknown', num: true },
    ],
    rows.map((c) => [
      int(c.rank),
      `${esc(c.label)}${c.predicts ? ' <strong>predicts</strong>' : ''}${c.warning ? `<small class="warning">${esc(c.warning)}</small>` : ''}`,
      rateCell(c.met.conversion),
      rateCell(c.notMet.conversion),
      `<span class="nowrap"><strong>${esc(liftPoints(c.lift))}</strong> (${esc(liftRange(c.liftCorrected))})</span><small>95% CI ${esc(liftRange(c.lift))}</small>`,
      `${esc(pValueText(c.p))} / ${esc(pValueText(c.q))}`,
      rateCell(c.met.winRate),
      `${rateCell(c.notMet.winRate)}<small>difference ${esc(liftPoints(c.winRateDifference))} (${esc(liftRange(c.winRateDifference))})</small>`,
      `${revenue(c.met.revenuePerMql)} / ${revenue(c.notMet.revenuePerMql)}`,
      int(c.unknown),
    ]),
    title,
    'criteria',
  );
}

export function criteriaSection(r: CriteriaReport, charts: Charts, wide: boolean): string {
  const answered = r.criteria.some((c) => c.met.mqls + c.notMet.mqls > 0);
  const scope = r.from || r.to ? `MQL dates ${r.from ?? '…'} to ${r.to ?? '…'}` : 'every MQL date';
  if (!answered)
    return note(
      r.matureTo === null
        ? 'No MQL cohort is mature yet: the data needs won deals and enough time after their MQL dates.'
        : `${int(r.mqls)} mature MQLs (${scope}, MQL dates up to ${r.matureTo}) carry no qualification answers. Import leads with yes / no / unknown columns for the criteria to fill this section.`,
    );
  // The screen's option without its tooltip: a printed chart has no pointer.
  const chart: Record<string, unknown> = { ...criteriaByCountOption(r.byCount) };
  delete chart.tooltip;
  return [
    `<p class="lead">${int(r.mqls)} mature MQLs (${esc(scope)}; mature cohorts up to ${esc(r.matureTo ?? '…')}). ${esc(r.definition)} ${int(r.selected)} of ${int(r.tested)} criteria predict conversion after the correction (q ≤ ${r.alpha}); corrected intervals use z = ${r.correctedZ.toFixed(2)}.</p>`,
    criteriaTable(
      r.criteria.filter((c) => c.kind === 'fit'),
      'Static fit',
      r,
    ),
    criteriaTable(
      r.criteria.filter((c) => c.kind === 'dynamic'),
      'Dynamic criteria',
      r,
    ),
    '<h2>Conversion by how many criteria were met</h2>',
    note(
      'MQLs with at least one answer recorded; an unknown answer counts as not met. Bars: MQLs; line: MQL-to-won conversion with its 95% Wilson band.',
    ),
    table(
      [
        { label: 'Criteria met', num: true },
        { label: 'MQLs', num: true },
        { label: 'Won', num: true },
        { label: 'MQL → won' },
      ],
      r.byCount.map((g) => [int(g.met), int(g.conversion.n), int(g.conversion.hits), rateCell(g.conversion)]),
      undefined,
      'by-count',
    ),
    charts.draw(chart, 'MQLs and MQL-to-won conversion by number of criteria met', wide),
  ].join('\n');
}
