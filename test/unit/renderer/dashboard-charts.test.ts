import { describe, expect, it } from 'vitest';
import { rateOf } from '#shared/analytics/rate.ts';
import {
  competitorsOption,
  outcomesOption,
  winRateTrendOption,
} from '../../../renderer/src/charts/dashboard-charts.ts';
import { formatMoney, formatPercent } from '../../../renderer/src/lib/format.ts';

const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
type Series = { data: unknown[]; name?: string };

describe('dashboard chart options', () => {
  it('plots deals by outcome in domain order with their counts', () => {
    const option = outcomesOption([
      { outcome: 'open', deals: 3, amount: 0 },
      { outcome: 'won', deals: 5, amount: 0 },
      { outcome: 'lost', deals: 7, amount: 0 },
      { outcome: 'no_decision', deals: 1, amount: 0 },
    ]) as { xAxis: { data: string[] }; series: Series[] };
    expect(option.xAxis.data).toEqual(['Open', 'Won', 'Lost', 'No decision']);
    expect(option.series[0]!.data.map((d) => (d as { value: number }).value)).toEqual([3, 5, 7, 1]);
  });

  it('draws the win-rate line with its interval band, and no point where n is too small', () => {
    const option = winRateTrendOption([
      { period: '2025-Q1', winRate: rateOf(3, 10, t) },
      { period: '2025-Q2', winRate: rateOf(1, 3, t) },
      { period: '2025-Q3', winRate: rateOf(4, 8, t) },
    ]) as { series: Series[] };
    const [low, band, line] = option.series as [Series, Series, Series];
    expect(low.data[0]).toBeCloseTo(10.8, 1); // Wilson low of 3/10 = 10.78%
    expect((low.data[0] as number) + (band.data[0] as number)).toBeCloseTo(60.3, 1); // high = 60.32%
    expect(line.data[0]).toMatchObject({ value: 30 });
    expect(line.data[1]).toBeNull(); // n = 3 < 5: hidden
    expect(line.data[2]).toMatchObject({ value: 50, itemStyle: { color: '#b8c0cc' } }); // n = 8: low confidence
  });

  it('lists competitors largest first', () => {
    const option = competitorsOption([
      { id: 1, name: 'Acme', encounters: 30, closed: 20, winRate: rateOf(5, 20, t) },
      { id: 2, name: 'Brightline', encounters: 10, closed: 9, winRate: rateOf(3, 9, t) },
    ]) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['Brightline', 'Acme']); // bottom to top
  });

  it('formats figures', () => {
    expect(formatPercent(0.2834)).toBe('28.3%');
    expect(formatPercent(null)).toBe('–');
    expect(formatMoney(98_980_000)).toBe('$98.98M');
    expect(formatMoney(950)).toBe('$950');
  });
});

describe('dashboard tooltips', () => {
  it('escape competitor names, which come from imported files', () => {
    const option = competitorsOption([
      { id: 1, name: '<img src=x onerror=alert(1)>', encounters: 30, closed: 20, winRate: rateOf(5, 20, t) },
    ]) as { tooltip: { formatter: (p: { dataIndex: number }) => string } };
    const html = option.tooltip.formatter({ dataIndex: 0 });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
