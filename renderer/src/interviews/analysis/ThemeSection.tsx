// Theme frequency over time: a heatmap of the share of interviewed deals citing each theme.
import { useMemo } from 'react';
import type { Granularity, ThemeTrend } from '#shared/domain/winloss.ts';
import { themeHeatmapOption } from '../../charts/winloss-charts.ts';
import { EChart } from '../../components/EChart.tsx';
import type { FigureContext } from '../../components/figure-context.ts';
import { ExportableTable } from '../../components/ExportableTable.tsx';
import { RateView } from '../../components/RateView.tsx';
import { formatInt } from '../../lib/format.ts';
import { SelectField, UserText } from '../options.tsx';

export function ThemeSection({
  trend,
  granularity,
  onGranularity,
  context: base,
}: {
  context: FigureContext;
  trend: ThemeTrend;
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
}) {
  const option = useMemo(() => themeHeatmapOption(trend), [trend]);
  const shown = trend.themes.slice(0, 12);
  const context: FigureContext = {
    ...base,
    title: `Themes over time, by close ${granularity}`,
    n: { value: trend.periods.reduce((a, p) => a + p.deals, 0), of: 'interviewed deals' },
    interval: '95% Wilson intervals of each share',
    measure: 'share of interviewed deals with a quote tagged with the theme',
  };
  return (
    <section className="panel" data-testid="theme-trend">
      <h2>Themes over time</h2>
      <p className="muted small">
        Share of interviewed deals with at least one quote tagged with the theme, by the {granularity} the deal closed.
        Faded: low confidence; empty: too few deals to show a share (the count is in the tooltip and the table).
      </p>
      <SelectField
        label="Period"
        value={granularity}
        onChange={(v) => onGranularity(v === 'year' ? 'year' : 'quarter')}
        choices={[
          { value: 'quarter', label: 'Quarter' },
          { value: 'year', label: 'Year' },
        ]}
        empty={null}
      />
      {shown.length === 0 ? (
        <p className="muted">No quote is tagged with a theme in these interviews yet.</p>
      ) : (
        <>
          <EChart
            option={option}
            height={80 + shown.length * 30}
            label="Heatmap of theme frequency per period"
            testId="chart-themes"
            exportAs={context}
          />
          <details>
            <summary>Show as a table</summary>
            <ExportableTable context={context} testId="theme-export">
              <div className="table-scroll">
                <table className="data-table" data-testid="theme-table">
                  <thead>
                    <tr>
                      <th>Theme (deals)</th>
                      {trend.periods.map((p) => (
                        <th key={p.period}>
                          {p.period} <span className="muted">n={formatInt(p.deals)}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {trend.themes.map((t) => (
                      <tr key={t.id}>
                        <td>
                          <UserText>{t.name}</UserText> <span className="muted">({formatInt(t.deals)})</span>
                        </td>
                        {t.cells.map((c, i) => (
                          <td key={trend.periods[i]!.period}>
                            <RateView rate={c} hitsLabel="citing" />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </ExportableTable>
          </details>
        </>
      )}
    </section>
  );
}
