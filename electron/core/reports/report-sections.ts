// The body of each report section, from the figures the contract's handlers returned
// (report-data.ts). Each function returns HTML and the charts it drew; wording and definitions
// follow docs/METRICS.md.
import { parseMarkdown } from '#shared/text/markdown.ts';
import type { Block, Inline } from '#shared/text/markdown.ts';
import type { QuoteRow } from '#shared/domain/interviews.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import type { ReportSection } from '#shared/domain/reports.ts';
import type { MatrixFigures } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL } from '#shared/domain/win-rates.ts';
import {
  CHART_COLORS,
  competitorsChart,
  movementsChart,
  rateBandChart,
  reasonsChart,
  renderSvg,
  trendLinesChart,
  ttmChart,
} from './report-charts.ts';
import type { EChartsCoreOption } from 'echarts/core';
import { funnelSection, velocitySection } from './report-funnel-sections.ts';
import { criteriaSection } from './report-criteria-section.ts';
import { planSection } from './report-plan-section.ts';
import { esc, figure, int, intervalText, money, note, pct, rateClass, rateText, table } from './html.ts';
import type { SectionData } from './report-data.ts';

export interface Charts {
  count: number;
  draw(option: EChartsCoreOption, caption: string, wide: boolean): string;
}

export function chartDrawer(): Charts {
  const c: Charts = {
    count: 0,
    draw(option, caption, wide) {
      c.count++;
      return figure(renderSvg(option, wide ? 960 : 640, wide ? 300 : 260, c.count), caption);
    },
  };
  return c;
}

export function sectionBody(section: ReportSection, data: SectionData, charts: Charts): string {
  const wide = section.orientation === 'landscape';
  switch (data.kind) {
    case 'summary':
      return summary(data, charts, wide);
    case 'matrix':
      return matrix(data, charts, wide);
    case 'competitors':
      return competitors(data, charts, wide);
    case 'reasons':
      return reasons(data, charts, wide);
    case 'quotes':
      return quotes(data.page.rows, data.page.total);
    case 'retention':
      return retention(data, charts, wide);
    case 'funnel':
      return funnelSection(data.report, charts, wide);
    case 'velocity':
      return velocitySection(data.report, charts, wide);
    case 'criteria':
      return criteriaSection(data.report, charts, wide);
    case 'plan':
      return planSection(data.name, data.saved);
    case 'notes':
      return notes(data.markdown);
  }
}

function summary(data: Extract<SectionData, { kind: 'summary' }>, charts: Charts, wide: boolean): string {
  const o = data.overview;
  const nd = o.noDecisionShare;
  const lost = Math.max(0, nd.n - o.overall.won - nd.hits);
  const lastTtm = data.nrr?.periods.filter((p) => p.ttm && !p.incomplete).at(-1) ?? null;
  const rows: string[][] = [
    ['Won vs lost', `${int(o.overall.won)} won, ${int(lost)} lost, ${int(nd.hits)} no decision`, int(nd.n), '–'],
    ['Win rate', rateText(o.overall.rate), int(o.overall.rate.n), intervalText(o.overall.rate)],
    ['No-decision share', rateText(nd), int(nd.n), intervalText(nd)],
    lastTtm?.ttm
      ? [
          `NRR (TTM, ${esc(lastTtm.label)})`,
          pct(lastTtm.ttm.nrr.value),
          int(lastTtm.ttm.baseCustomers),
          '– (no interval for revenue ratios)',
        ]
      : ['NRR (TTM)', 'no revenue data', '0', '–'],
  ];
  const movers = o.movers.slice(0, 3);
  const moverRows = movers.map((m) => [
    esc(DIMENSION_LABEL[m.dimension]),
    esc(m.label),
    `${rateText(m.a!.rate)} → ${rateText(m.b!.rate)}`,
    signedPoints(m.difference),
    `${signedPoints(m.low)} to ${signedPoints(m.high)}`,
  ]);
  return [
    `<p class="lead">New-business deals closed ${esc(o.period.from ?? '…')} to ${esc(o.period.to ?? '…')}. ${esc(o.definition)}</p>`,
    `<h2>Headline figures</h2>`,
    table(
      [{ label: 'Figure' }, { label: 'Value' }, { label: 'n', num: true }, { label: '95% interval' }],
      rows,
      undefined,
      'headline',
    ),
    note(
      'Deal size and cycle length against each competitor are in the competitor sections (and each profile under Competitors); MQL-to-won conversion is in the Marketing funnel section.',
    ),
    `<h2>Three significant changes</h2>`,
    moverRows.length
      ? table(
          [
            { label: 'Dimension' },
            { label: 'Value' },
            { label: 'Win rate before → after' },
            { label: 'Change', num: true },
            { label: '95% interval' },
          ],
          moverRows,
          o.moversA && o.moversB
            ? `${o.moversB.from} to ${o.moversB.to} against ${o.moversA.from} to ${o.moversA.to}`
            : undefined,
        )
      : note('No change between the last 12 months and the 12 before is significant (no 95% interval excludes 0).'),
    o.winRateOverTime.length > 1
      ? charts.draw(rateBandChart(o.winRateOverTime), 'Win rate per close quarter with its 95% interval', wide)
      : '',
  ].join('\n');
}

function signedPoints(x: number | null): string {
  if (x === null) return '–';
  const v = (x * 100).toFixed(1);
  return `${x > 0 ? '+' : ''}${v} pts`;
}

function figuresCell(f: MatrixFigures | undefined, measure: 'count' | 'amount'): string {
  if (!f || f.closed === 0) return '<span class="empty">–</span>';
  const r = f.rate;
  const shown = measure === 'amount' && r.confidence !== 'hidden' ? pct(f.amountRate) : rateText(r);
  const shade = r.confidence === 'hidden' || r.rate === null ? 'hx' : `h${Math.min(4, Math.floor(r.rate * 5))}`;
  return `<span class="cell ${shade} ${rateClass(r)}">${shown}<small>n ${int(f.closed)}</small></span>`;
}

function matrix(data: Extract<SectionData, { kind: 'matrix' }>, charts: Charts, wide: boolean): string {
  const m = data.matrix;
  const q = m.query;
  const key = (v: string | null) => JSON.stringify(v);
  const cells = new Map(m.cells.map((c) => [`${key(c.row)}|${key(c.col)}`, c]));
  const colTotals = new Map(m.colTotals.map((c) => [key(c.col), c]));
  const columns = [
    { label: DIMENSION_LABEL[q.rows] },
    ...m.cols.map((c) => ({ label: q.cols === 'none' ? 'All deals' : c.label, num: true })),
    ...(q.cols === 'none' ? [] : [{ label: 'Total', num: true }]),
  ];
  const rows = m.rows.map((r) => {
    const total = m.rowTotals.find((t) => t.row === r.key);
    return [
      esc(r.label),
      ...m.cols.map((c) => figuresCell(cells.get(`${key(r.key)}|${key(c.key)}`), q.measure)),
      ...(q.cols === 'none' ? [] : [figuresCell(total, q.measure)]),
    ];
  });
  rows.push([
    '<strong>Total</strong>',
    ...m.cols.map((c) => figuresCell(colTotals.get(key(c.key)), q.measure)),
    ...(q.cols === 'none' ? [] : [figuresCell(m.overall, q.measure)]),
  ]);
  const title = `Win rate by ${DIMENSION_LABEL[q.rows]}${q.cols === 'none' ? '' : ` and ${DIMENSION_LABEL[q.cols]}`}`;
  const parts = [
    `<p class="lead">${esc(title)}, ${q.measure === 'amount' ? 'by amount' : 'by count'}; overall ${esc(rateText(m.overall.rate))} (95% CI ${esc(intervalText(m.overall.rate))}, n = ${int(m.overall.closed)}).</p>`,
    table(columns, rows, title, 'matrix'),
    note(m.definition),
    ...m.notes.map(note),
    note(
      `Cells greyed have n below ${m.thresholds.lowConfidenceBelowN} (low confidence); below ${m.thresholds.hideRateBelowN} only the counts are shown.`,
    ),
  ];
  const t = data.trend;
  if (t && t.periods.length > 1) {
    const labels = new Map(m.rows.map((r) => [r.key, r.label]));
    const top = [...t.rows]
      .sort((a, b) => b.points.reduce((s, p) => s + p.closed, 0) - a.points.reduce((s, p) => s + p.closed, 0))
      .slice(0, 5)
      .map((r) => ({ label: labels.get(r.row) ?? r.row ?? 'Not set', points: r.points }));
    parts.push('<h2>Change over time</h2>');
    parts.push(
      charts.draw(
        trendLinesChart(t.periods, [{ label: 'All deals', points: t.overall }, ...top]),
        `Win rate per close quarter: all deals and the ${top.length} largest rows`,
        wide,
      ),
    );
    parts.push(
      table(
        [
          { label: 'Quarter' },
          { label: 'Won', num: true },
          { label: 'Closed', num: true },
          { label: 'Win rate', num: true },
          { label: '95% interval' },
        ],
        t.overall.map((p) => [esc(p.period), int(p.won), int(p.closed), rateText(p.rate), intervalText(p.rate)]),
        'All deals of the matrix, per close quarter',
      ),
    );
  }
  return parts.join('\n');
}

function competitors(data: Extract<SectionData, { kind: 'competitors' }>, charts: Charts, wide: boolean): string {
  const parts = [
    charts.draw(
      competitorsChart(data.list),
      'Competitors met most often (deals where they were involved, open included)',
      wide,
    ),
    table(
      [
        { label: 'Competitor' },
        { label: 'Deals met', num: true },
        { label: 'Win rate (involved)', num: true },
        { label: '95% interval' },
        { label: 'Head-to-head', num: true },
        { label: '95% interval' },
      ],
      data.list.map((c) => [
        esc(c.name),
        int(c.encounters),
        rateText(c.involved),
        intervalText(c.involved),
        rateText(c.headToHead),
        intervalText(c.headToHead),
      ]),
      'Every competitor',
    ),
  ];
  for (const p of data.profiles) {
    parts.push(`<h2>${esc(p.name)}</h2>`);
    parts.push(
      table(
        [{ label: 'Figure' }, { label: 'Value' }, { label: 'n', num: true }, { label: '95% interval' }],
        [
          ['Deals met', int(p.encounters), '–', '–'],
          ['Lost to them (CRM)', int(p.lostToThem), '–', '–'],
          ['Win rate when involved', rateText(p.involved), int(p.involved.n), intervalText(p.involved)],
          ['Win rate head-to-head', rateText(p.headToHead), int(p.headToHead.n), intervalText(p.headToHead)],
          [
            'Average deal size',
            money(p.sizeAndCycle.them.averageAmount, p.currency),
            int(p.sizeAndCycle.them.deals),
            '–',
          ],
          [
            'Average cycle length',
            p.sizeAndCycle.them.averageCycleDays === null
              ? '–'
              : `${p.sizeAndCycle.them.averageCycleDays.toFixed(0)} days`,
            int(p.sizeAndCycle.them.deals),
            '–',
          ],
        ],
      ),
    );
    const reasonRows = [
      ...p.interviewReasons.win.slice(0, 5).map((r) => ['Win', esc(r.reason), int(r.count)]),
      ...p.interviewReasons.loss.slice(0, 5).map((r) => ['Loss', esc(r.reason), int(r.count)]),
    ];
    if (reasonRows.length)
      parts.push(
        table([{ label: 'Driver' }, { label: 'Reason (interviews)' }, { label: 'Times coded', num: true }], reasonRows),
      );
  }
  return parts.join('\n');
}

function quoteList(rows: QuoteRow[]): string {
  return `<ul class="quotes">${rows
    .map(
      (q) =>
        `<li><blockquote dir="auto">${esc(q.text)}</blockquote><p class="attribution">— ${esc(q.attribution)} · ${esc(OUTCOME_LABEL[q.outcome])} deal${q.interviewDate ? ` · ${esc(q.interviewDate)}` : ''}${q.themes.length ? ` · ${esc(q.themes.map((t) => t.name).join(', '))}` : ''}</p></li>`,
    )
    .join('')}</ul>`;
}

function reasons(data: Extract<SectionData, { kind: 'reasons' }>, charts: Charts, wide: boolean): string {
  const a = data.analysis;
  const parts = [
    `<p class="lead">${int(a.scope.deals)} interviewed deals (${int(a.scope.interviews)} interviews${a.scope.includeDrafts ? ', drafts included' : ', complete ones'}). A deal counts once per reason however many of its interviews cite it; shares are of interviewed deals of that outcome, with 95% Wilson intervals.</p>`,
  ];
  for (const panel of a.panels) {
    if (panel.rows.length === 0) continue;
    const heading = `${panel.driver === 'win' ? 'Why we win' : 'Why we lose'} (${OUTCOME_LABEL[panel.outcome].toLowerCase()} deals, n = ${int(panel.n)})`;
    parts.push(`<h2>${esc(heading)}</h2>`);
    const color =
      panel.outcome === 'won'
        ? CHART_COLORS.won
        : panel.outcome === 'lost'
          ? CHART_COLORS.lost
          : CHART_COLORS.noDecision;
    parts.push(charts.draw(reasonsChart(panel.rows, color), `${heading}: share of deals citing each reason`, wide));
    const rows = panel.rows.map((r) => {
      const quotes = data.quotes[`${panel.outcome}:${r.id}`] ?? [];
      return [
        `${esc(r.label)}${quotes.length ? quoteList(quotes) : ''}`,
        int(r.deals),
        rateText(r.share),
        intervalText(r.share),
      ];
    });
    parts.push(
      table(
        [
          { label: 'Reason, with shareable quotes' },
          { label: 'Deals citing', num: true },
          { label: 'Share', num: true },
          { label: '95% interval' },
        ],
        rows,
      ),
    );
  }
  return parts.join('\n');
}

function quotes(rows: QuoteRow[], total: number): string {
  if (rows.length === 0)
    return note('No quote is cleared for sharing (shareable, with the interviewee\u2019s consent).');
  return [
    `<p class="lead">${int(rows.length)} of ${int(total)} quotes cleared for use outside the company (marked shareable, with the interviewee\u2019s consent). Names are left out where the interview is anonymous. The quote library has no period filter: quotes from any date are eligible.</p>`,
    quoteList(rows),
  ].join('\n');
}

function retention(data: Extract<SectionData, { kind: 'retention' }>, charts: Charts, wide: boolean): string {
  const c = data.cohorts;
  const mv = data.movements;
  const cur = c.currency;
  const ks = Array.from({ length: Math.min(c.matrix.maxK, 8) + 1 }, (_, k) => k);
  const cohortRows = c.matrix.rows.map((r) => [
    esc(r.label),
    int(r.size),
    money(r.startRevenue, cur),
    ...ks.map((k) => {
      const cell = r.cells.find((x) => x.k === k);
      if (!cell) return '';
      const v = cell.nrr.value;
      return `${pct(v, 0)}${cell.incomplete ? '*' : ''}`;
    }),
  ]);
  cohortRows.push([
    '<strong>Weighted average</strong>',
    '',
    '',
    ...ks.map((k) => pct(c.matrix.average.find((a) => a.k === k)?.nrr.value ?? null, 0)),
  ]);
  const parts = [
    `<p class="lead">${int(c.customers)} customers; the data's last date is ${esc(c.asOf ?? 'unknown')}${c.asOfComplete ? '' : ` (period ${esc(c.asOfLabel ?? '')} incomplete, marked *)`}. Revenue per month in the workspace currency (${esc(cur)}).</p>`,
    '<h2>Cohorts: net revenue retention</h2>',
    table(
      [
        { label: 'Cohort' },
        { label: 'Customers', num: true },
        { label: 'Start revenue', num: true },
        ...ks.map((k) => ({ label: `+${k}`, num: true })),
      ],
      cohortRows,
      `NRR by periods since the cohort's first ${c.grain}`,
      'cohorts',
    ),
    '<h2>Revenue movements</h2>',
    charts.draw(movementsChart(mv.periods), `Revenue movements per ${mv.grain}`, wide),
    charts.draw(ttmChart(mv.periods), 'Twelve-month lookback NRR and GRR', wide),
    table(
      [
        { label: 'Period' },
        { label: 'Revenue', num: true },
        { label: 'New', num: true },
        { label: 'Expansion', num: true },
        { label: 'Reactivation', num: true },
        { label: 'Contraction', num: true },
        { label: 'Churn', num: true },
        { label: 'TTM NRR', num: true },
        { label: 'n', num: true },
      ],
      mv.periods.map((p) => [
        `${esc(p.label)}${p.incomplete ? '*' : ''}`,
        money(p.revenue, cur),
        money(p.newRevenue, cur),
        money(p.expansion, cur),
        money(p.reactivation, cur),
        money(p.contraction, cur),
        money(p.churn, cur),
        p.ttm ? pct(p.ttm.nrr.value) : '–',
        p.ttm ? int(p.ttm.baseCustomers) : '–',
      ]),
      'Every period',
    ),
  ];
  return parts.join('\n');
}

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return esc(n.text);
        case 'strong':
          return `<strong>${inline(n.children)}</strong>`;
        case 'em':
          return `<em>${inline(n.children)}</em>`;
        case 'code':
          return `<code>${esc(n.text)}</code>`;
        // Links are shown, never followed: the text and the address as text.
        case 'link':
          return `${inline(n.children)} <span class="url">(${esc(n.url)})</span>`;
        case 'br':
          return '<br>';
      }
    })
    .join('');
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p dir="auto">${inline(b.content)}</p>`;
    case 'heading':
      // Notes' headings sit below the section's own heading in the outline.
      return `<h${Math.min(b.level + 1, 4)} dir="auto">${inline(b.content)}</h${Math.min(b.level + 1, 4)}>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}${b.ordered && b.start !== 1 ? ` start="${b.start}"` : ''}>${b.items.map((i) => `<li dir="auto">${inline(i)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote dir="auto">${inline(b.content)}</blockquote>`;
    case 'code':
      return `<pre>${esc(b.text)}</pre>`;
  }
}

/** The author's notes: the safe Markdown subset (no HTML in or out; links as text). */
export function notes(markdown: string): string {
  const blocks = parseMarkdown(markdown);
  return blocks.length ? blocks.map(block).join('\n') : note('No notes.');
}
