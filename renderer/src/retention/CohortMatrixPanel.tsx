// The cohort matrix as a triangle heatmap (ECharts) or, for exact figures and the keyboard, as a
// table of the same cells. Clicking a cell in either drills to its customers.
import { useCallback, useMemo, useState } from 'react';
import type { CohortReport, RetentionMetric } from '#shared/domain/retention.ts';
import { METRIC_LABEL, RETENTION_DEFINITIONS } from '#shared/domain/retention.ts';
import type { Display, HeatmapCellRef } from '../charts/retention-charts.ts';
import {
  cohortHeatmapOption,
  heatColor,
  heatmapCells,
  heatmapHeight,
  heatScale,
  showHeatmapLabels,
  HIDDEN_FILL,
  textOn,
} from '../charts/retention-charts.ts';
import type { HeatScale } from '../charts/retention-charts.ts';
import { EChart } from '../components/EChart.tsx';
import { EmptyState } from '../components/Notice.tsx';
import { SegmentedControl } from '../components/SegmentedControl.tsx';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { CohortTable } from './CohortTable.tsx';
import { retentionContext } from './export-context.ts';

const VIEW_OPTIONS = [
  { value: 'heatmap' as const, label: 'Heatmap' },
  { value: 'table' as const, label: 'Table' },
];

export interface CohortMatrixPanelProps {
  report: CohortReport;
  metric: RetentionMetric;
  display: Display;
  selected: HeatmapCellRef | null;
  onSelect: (cell: HeatmapCellRef) => void;
  loading: boolean;
}

export function CohortMatrixPanel({ report, metric, display, selected, onSelect, loading }: CohortMatrixPanelProps) {
  const [view, setView] = useState<'heatmap' | 'table'>('heatmap');
  const m = report.matrix;
  const scale = useMemo(() => heatScale(m, metric), [m, metric]);
  const option = useMemo(
    () => cohortHeatmapOption(m, { metric, scale, display, currency: report.currency, grain: report.grain, selected }),
    [m, metric, scale, display, report.currency, report.grain, selected],
  );
  const cells = useMemo(() => heatmapCells(m), [m]);
  const onItemClick = useCallback(
    ({ dataIndex }: { dataIndex: number }) => {
      const cell = cells[dataIndex];
      if (cell && cell.cohort !== null) onSelect(cell);
    },
    [cells, onSelect],
  );
  const title = report.groupLabel ? `${METRIC_LABEL[metric]} · ${report.groupLabel}` : METRIC_LABEL[metric];
  const context = retentionContext(
    `${METRIC_LABEL[metric]} by cohort and ${report.grain} since first revenue`,
    {
      ...report,
      group: report.by && report.groupLabel ? { field: report.by, label: report.groupLabel } : null,
      customers: m.customers,
    },
    `${METRIC_LABEL[metric]} (${display === 'percent' ? 'percent of the cohort’s start' : `amounts in ${report.currency}`}); * incomplete period`,
    metric === 'logo' ? '95% Wilson intervals of logo retention (in the table)' : 'none for revenue ratios',
  );

  return (
    <section className="panel cohort-panel" aria-busy={loading} data-testid="cohort-panel">
      <div className="panel-head">
        <h2 data-testid="cohort-title">
          {title}
          <span className="muted"> · {report.matrix.customers.toLocaleString('en-US')} customers</span>
        </h2>
        <SegmentedControl label="View" value={view} options={VIEW_OPTIONS} onChange={setView} testId="cohort-view" />
      </div>
      {m.rows.length === 0 ? (
        <EmptyState title="No customers here">
          <p>No customer matches these filters. Remove a filter or choose another group.</p>
        </EmptyState>
      ) : view === 'heatmap' ? (
        <>
          <EChart
            option={option}
            height={heatmapHeight(m)}
            label={`Heatmap of ${METRIC_LABEL[metric]} by cohort and period since first revenue`}
            testId="cohort-heatmap"
            onItemClick={onItemClick}
            exportAs={context}
          />
          {!showHeatmapLabels(m, display) && (
            <p className="muted small">Too many periods to label every cell: hover a cell, or switch to Table.</p>
          )}
        </>
      ) : (
        <ExportableTable context={context} testId="cohort-table-export">
          <CohortTable
            report={report}
            metric={metric}
            scale={scale}
            display={display}
            selected={selected}
            onSelect={onSelect}
          />
        </ExportableTable>
      )}
      <Legend scale={scale} />
      <p className="muted small footnote">
        {RETENTION_DEFINITIONS[metric]} Rows are cohorts with their size; columns are periods since first revenue.{' '}
        {RETENTION_DEFINITIONS.average} * {RETENTION_DEFINITIONS.incomplete} Grey cells: fewer customers than the hide
        threshold, so counts are shown instead of a rate; lighter cells are below the low-confidence threshold.
        {metric === 'logo' ? ' Logo retention cells carry a 95% Wilson interval (in the tooltip and table).' : ''}{' '}
        {report.grain !== 'month' ? RETENTION_DEFINITIONS.periodRevenue : ''} Click a cell to see its customers.
      </p>
    </section>
  );
}

function Legend({ scale }: { scale: HeatScale }) {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((f) => scale.lo + f * (scale.hi - scale.lo));
  return (
    <div className="heat-legend" aria-hidden="true">
      {stops.map((v, i) => {
        const fill = heatColor(v, scale);
        return (
          <span key={v} className="heat-legend-step" style={{ background: fill, color: textOn(fill) }}>
            {i === 0 && scale.lo > 0 ? '≤ ' : ''}
            {i === stops.length - 1 && scale.hi > 1 ? '≥ ' : ''}
            {Math.round(v * 100)}%
          </span>
        );
      })}
      <span className="heat-legend-step" style={{ background: HIDDEN_FILL, color: textOn(HIDDEN_FILL) }}>
        n too small
      </span>
    </div>
  );
}
