// The cohort view and revenue movements for one choice of grain, metric, display, filters and
// split. Switching metric or display redraws from the same report; grain, filters and split ask
// the core again.
import { useMemo, useState } from 'react';
import type { CohortField, CohortFilter, Grain, RetentionMetric, RetentionStatus } from '#shared/domain/retention.ts';
import { FIELD_LABEL, GRAIN_LABEL, METRIC_LABEL, RETENTION_DEFINITIONS } from '#shared/domain/retention.ts';
import { useQuery } from '../api/use-query.ts';
import type { Display, HeatmapCellRef } from '../charts/retention-charts.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { SegmentedControl } from '../components/SegmentedControl.tsx';
import { formatInt } from '../lib/format.ts';
import { ActivityNote } from './ActivityNote.tsx';
import { CohortDrill } from './CohortDrill.tsx';
import { CohortMatrixPanel } from './CohortMatrixPanel.tsx';
import { Definitions } from './Definitions.tsx';
import { FilterBar } from './FilterBar.tsx';
import { MovementsPanel } from './MovementsPanel.tsx';
import { LeftOut } from './RetentionPage.tsx';
import { SplitComparison } from './SplitComparison.tsx';

const GRAIN_OPTIONS = (['month', 'quarter', 'year'] as const).map((g) => ({ value: g, label: GRAIN_LABEL[g] }));
const METRIC_OPTIONS = (['logo', 'nrr', 'grr'] as const).map((m) => ({
  value: m,
  label: m === 'logo' ? 'Logo retention' : m.toUpperCase(),
  title: METRIC_LABEL[m],
}));
const DISPLAY_OPTIONS = [
  { value: 'percent' as const, label: '%' },
  { value: 'absolute' as const, label: 'Counts & amounts' },
];

export function RetentionView({ status, onRebuild }: { status: RetentionStatus; onRebuild: () => void }) {
  const [grain, setGrain] = useState<Grain>('quarter');
  const [metric, setMetric] = useState<RetentionMetric>('logo');
  const [display, setDisplay] = useState<Display>('percent');
  const [filters, setFilters] = useState<CohortFilter[]>([]);
  const [by, setBy] = useState<CohortField | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [selected, setSelected] = useState<HeatmapCellRef | null>(null);

  const scope = useMemo(() => ({ grain, filters, by, group }), [grain, filters, by, group]);
  const report = useQuery((api) => api.retention.cohorts(scope), [scope]);
  const dimensions = useQuery((api) => api.retention.dimensions(), []);

  // A new question clears the drilled cell: its cohort may not exist any more.
  const ask =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setSelected(null);
    };
  const changeBy = (field: CohortField | null) => {
    setBy(field);
    setGroup(null);
    setSelected(null);
  };

  const r = report.data;
  return (
    <div className="retention" data-testid="retention">
      <header className="page-head">
        <h1>Retention</h1>
        <p className="muted definition" data-testid="retention-scope">
          {r?.asOf
            ? r.asOfComplete
              ? `Data through ${r.asOf}, the last day of ${r.asOfLabel}: every period shown is complete. `
              : `Data through ${r.asOf}: the period containing it (${r.asOfLabel}) is incomplete and marked *. `
            : ''}
          {formatInt(status.customers)} customers: {formatInt(status.sources.deals)} from won deals,{' '}
          {formatInt(status.sources.mrr)} from imported MRR, {formatInt(status.sources.invoice)} from imported invoices.{' '}
          {RETENTION_DEFINITIONS.cohort}
        </p>
        <LeftOut status={status} />
        <ActivityNote status={status} />
      </header>

      <section className="panel retention-controls" aria-label="What to show">
        <SegmentedControl
          label="Cohort by"
          value={grain}
          options={GRAIN_OPTIONS}
          onChange={ask(setGrain)}
          testId="grain"
        />
        <SegmentedControl label="Metric" value={metric} options={METRIC_OPTIONS} onChange={setMetric} testId="metric" />
        <SegmentedControl
          label="Show"
          value={display}
          options={DISPLAY_OPTIONS}
          onChange={setDisplay}
          testId="display"
        />
        <label className="split-by">
          Split by
          <select
            value={by ?? ''}
            onChange={(e) => changeBy(e.target.value === '' ? null : (e.target.value as CohortField))}
            data-testid="split-by"
          >
            <option value="">Nothing</option>
            {(Object.keys(FIELD_LABEL) as CohortField[]).map((f) => (
              <option key={f} value={f}>
                {FIELD_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        <FilterBar dimensions={dimensions.data} filters={filters} onChange={ask(setFilters)} />
      </section>

      {report.error && <ErrorMessage error={report.error} title="The cohorts could not be computed" />}
      {!r && !report.error && <p className="muted">Computing cohorts…</p>}
      {r && by && r.groups && (
        <SplitComparison
          report={r}
          metric={metric}
          onGroup={(g) => {
            setGroup(g);
            setSelected(null);
          }}
        />
      )}
      {r && (
        <CohortMatrixPanel
          report={r}
          metric={metric}
          display={display}
          selected={selected}
          onSelect={setSelected}
          loading={report.loading}
        />
      )}
      {r && selected && selected.cohort !== null && (
        <CohortDrill scope={scope} cohort={selected.cohort} k={selected.k} onClose={() => setSelected(null)} />
      )}
      {r && <MovementsPanel scope={scope} />}
      <Definitions builtAt={status.builtAt} onRebuild={onRebuild} />
    </div>
  );
}
