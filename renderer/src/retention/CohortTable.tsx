// The cohort matrix as a table: exact figures, a title with numerator, denominator and interval
// on every cell, and each cell a button (keyboard: Tab, Enter) that drills to its customers.
import type { CohortReport, RetentionMetric } from '#shared/domain/retention.ts';
import { ageLabel } from '#shared/analytics/cohort-periods.ts';
import { metricOf } from '#shared/analytics/cohort-metric.ts';
import type { MetricValue } from '#shared/analytics/cohort-metric.ts';
import type { Display, HeatmapCellRef, HeatScale } from '../charts/retention-charts.ts';
import { AVERAGE_LABEL, cellShade, cellText, describeCell, heatColor, textOn } from '../charts/retention-charts.ts';
import { formatInt, formatMoney } from '../lib/format.ts';

export interface CohortTableProps {
  report: CohortReport;
  metric: RetentionMetric;
  scale: HeatScale;
  display: Display;
  selected: HeatmapCellRef | null;
  onSelect: (cell: HeatmapCellRef) => void;
}

function cellClass(v: MetricValue, incomplete: boolean): string {
  return ['cohort-cell', incomplete && 'incomplete', `conf-${v.confidence}`].filter(Boolean).join(' ');
}

export function CohortTable({ report, metric, scale, display, selected, onSelect }: CohortTableProps) {
  const m = report.matrix;
  const ages = Array.from({ length: m.maxK + 1 }, (_, k) => k);
  const style = (v: MetricValue) => {
    const fill = heatColor(cellShade(v), scale);
    return { background: fill, color: textOn(fill) };
  };
  return (
    <div className="cohort-table-wrap">
      <table className="data-table cohort-table" data-testid="cohort-table">
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col" className="num">
              Customers
            </th>
            <th scope="col" className="num">
              First-period revenue
            </th>
            {ages.map((k) => (
              <th key={k} scope="col" className="num">
                {ageLabel(k, report.grain)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="average-row" data-testid="cohort-average">
            <th scope="row">{AVERAGE_LABEL}</th>
            <td className="num" />
            <td className="num" />
            {m.average.map((a) => {
              const v = metricOf(a, metric);
              return (
                <td
                  key={a.k}
                  className={cellClass(v, false)}
                  style={style(v)}
                  title={`${describeCell(v, metric, report.currency)}; ${formatInt(a.cohorts)} complete cohorts`}
                >
                  {a.cohorts === 0 ? '–' : cellText(v, display, report.currency)}
                </td>
              );
            })}
          </tr>
          {m.rows.map((row) => (
            <tr key={row.cohort} data-cohort={row.label}>
              <th scope="row">{row.label}</th>
              <td className="num">{formatInt(row.size)}</td>
              <td className="num">{formatMoney(row.startRevenue, report.currency)}</td>
              {ages.map((k) => {
                const cell = row.cells[k];
                if (!cell) return <td key={k} className="cohort-empty" />;
                const v = metricOf(cell, metric);
                const isSelected = selected?.cohort === row.cohort && selected.k === k;
                return (
                  <td key={k} className={cellClass(v, cell.incomplete)} style={style(v)}>
                    <button
                      type="button"
                      className={isSelected ? 'cell-button selected' : 'cell-button'}
                      aria-pressed={isSelected}
                      title={`${row.label}, ${cell.periodLabel}: ${describeCell(v, metric, report.currency)}${cell.incomplete ? ' (incomplete period)' : ''}`}
                      onClick={() => onSelect({ cohort: row.cohort, k })}
                      data-testid={`cell-${row.label}-${k}`}
                    >
                      {cellText(v, display, report.currency)}
                      {cell.incomplete ? '*' : ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
