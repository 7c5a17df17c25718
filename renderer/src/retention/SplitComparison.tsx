// A split compares groups (win reasons, competitors displaced ...) by their weighted-average
// curve: a chart of the curves and a table of the values at key ages, each group a button that
// shows its own cohorts below.
import { useMemo } from 'react';
import { ageLabel } from '#shared/analytics/cohort-periods.ts';
import { metricOf } from '#shared/analytics/cohort-metric.ts';
import type { CohortReport, RetentionMetric } from '#shared/domain/retention.ts';
import { FIELD_LABEL, METRIC_LABEL } from '#shared/domain/retention.ts';
import { describeCell, keyAges, splitCurvesOption } from '../charts/retention-charts.ts';
import { EChart } from '../components/EChart.tsx';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { retentionContext } from './export-context.ts';
import { formatInt, formatPercent } from '../lib/format.ts';

export function SplitComparison({
  report,
  metric,
  onGroup,
}: {
  report: CohortReport;
  metric: RetentionMetric;
  onGroup: (key: string | null) => void;
}) {
  const groups = useMemo(() => report.groups ?? [], [report.groups]);
  const option = useMemo(
    () => splitCurvesOption(groups, metric, report.grain, report.currency),
    [groups, metric, report.grain, report.currency],
  );
  const maxK = Math.max(0, ...groups.map((g) => g.average.length - 1));
  const ages = keyAges(report.grain, maxK);
  const field = FIELD_LABEL[report.by!];
  const context = retentionContext(
    `${METRIC_LABEL[metric]} by ${field.toLowerCase()}: weighted average of complete cohorts`,
    { ...report, group: null, customers: report.matrix.customers },
    `${METRIC_LABEL[metric]} by ${report.grain} since first revenue, weighted by cohort start`,
  );
  return (
    <section className="panel split-panel" data-testid="split-panel">
      <h2>
        {METRIC_LABEL[metric]} by {field.toLowerCase()}: weighted average of complete cohorts
      </h2>
      {groups.length === 0 ? (
        <p className="muted">No customers match the filters.</p>
      ) : (
        <>
          <EChart
            option={option}
            height={280}
            label={`Line chart of ${METRIC_LABEL[metric]} by ${field}`}
            testId="split-chart"
            exportAs={context}
          />
          {groups.length > 12 && (
            <p className="muted small">The chart shows the 12 largest groups; the table lists all.</p>
          )}
          <ExportableTable context={context} testId="split-export">
            <table className="data-table split-table" data-testid="split-table">
              <thead>
                <tr>
                  <th scope="col">{field}</th>
                  <th scope="col" className="num">
                    Customers
                  </th>
                  {ages.map((k) => (
                    <th key={k} scope="col" className="num">
                      {ageLabel(k, report.grain)}
                    </th>
                  ))}
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.key} className={g.key === report.group ? 'selected-row' : ''}>
                    <th scope="row">{g.label}</th>
                    <td className="num">{formatInt(g.customers)}</td>
                    {ages.map((k) => {
                      const a = g.average[k];
                      if (!a || a.cohorts === 0)
                        return (
                          <td key={k} className="num muted">
                            –
                          </td>
                        );
                      const v = metricOf(a, metric);
                      // Below the hide threshold: the counts behind logo retention, only n for revenue.
                      const text =
                        v.confidence !== 'hidden'
                          ? formatPercent(v.value)
                          : v.counts
                            ? `${formatInt(v.numerator)}/${formatInt(v.denominator)}`
                            : `n=${formatInt(a.size)}`;
                      return (
                        <td
                          key={k}
                          className={`num conf-${v.confidence}`}
                          title={describeCell(v, metric, report.currency)}
                        >
                          {text}
                          {v.low !== null && v.high !== null && v.confidence !== 'hidden' && (
                            <span className="rate-ci">
                              {formatPercent(v.low, 0)}–{formatPercent(v.high, 0)}
                            </span>
                          )}
                        </td>
                      );
                    })}
                    <td>
                      <button
                        type="button"
                        className="secondary small-button"
                        aria-pressed={g.key === report.group}
                        onClick={() => onGroup(g.key === report.group ? null : g.key)}
                        data-testid={`show-group-${g.label}`}
                      >
                        {g.key === report.group ? 'Showing' : 'Show cohorts'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ExportableTable>
          <p className="muted small">
            {report.group === null
              ? `The cohorts below are all customers in the filters; choose a ${field.toLowerCase()} to see its own.`
              : `The cohorts below are ${report.groupLabel}'s. `}
            {report.group !== null && (
              <button type="button" className="link-button" onClick={() => onGroup(null)}>
                Show all customers again
              </button>
            )}{' '}
            Values below the low-confidence threshold are grey; below the hide threshold only counts are shown.
            Intervals are 95% Wilson intervals of logo retention.
          </p>
        </>
      )}
    </section>
  );
}
