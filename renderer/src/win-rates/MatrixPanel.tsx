// The win-rate matrix: heatmap and table of the same result, rows sorted by rate, n or an interval
// bound, trend sparklines, drill-down from any cell or total, and the shared export menu.
import { useMemo, useState } from 'react';
import type { CellRef, MatrixQuery, MatrixResult } from '#shared/domain/win-rates.ts';
import { PERIOD_DIMENSIONS } from '#shared/domain/win-rates.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { heatmapOption } from '../charts/win-rates-charts.ts';
import { DataQualityNote } from '../components/DataQualityNote.tsx';
import { EChart } from '../components/EChart.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { TabPanel, Tabs } from '../components/Tabs.tsx';
import { formatInt } from '../lib/format.ts';
import { DrillDown } from './DrillDown.tsx';
import { MatrixTable } from './MatrixTable.tsx';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { matrixTitle, winRateContext } from './export-context.ts';
import type { RowSort } from './query.ts';
import { periodText, ROW_SORT_LABEL, sortRows } from './query.ts';

export function MatrixNotes({ m }: { m: MatrixResult }) {
  return (
    <div className="notes muted small" data-testid="matrix-notes">
      <p data-testid="definition">{m.definition}</p>
      {m.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
      <p>
        Intervals are 95% Wilson score intervals. Greyed: n below {m.thresholds.lowConfidenceBelowN} (low confidence);
        below n = {m.thresholds.hideRateBelowN} only the counts are shown. Thresholds and the no-decision rule are in
        Settings.
      </p>
    </div>
  );
}

export function MatrixPanel({ query }: { query: MatrixQuery }) {
  const [view, setView] = useState<'table' | 'heatmap'>('table');
  const [sort, setSort] = useState<RowSort>('label');
  const [descending, setDescending] = useState(false);
  const [drill, setDrill] = useState<{ cell: CellRef; title: string } | null>(null);
  const result = useQuery((api) => api.matrix.compute(query), [query]);
  const wantsTrend = !PERIOD_DIMENSIONS.has(query.rows);
  const trend = useQuery(
    (api) =>
      wantsTrend
        ? api.matrix.trend({ query, grain: 'closeQuarter' })
        : Promise.resolve({ ok: true as const, value: undefined }),
    [query, wantsTrend],
  );
  const m = result.data;
  const rows = useMemo(() => (m ? sortRows(m, sort, descending) : []), [m, sort, descending]);
  const option = useMemo(() => (m ? heatmapOption(m, rows) : null), [m, rows]);
  const onEvents = useMemo(
    () => ({
      click: (p: unknown) => {
        const d = (p as { data?: { row: string | null; col: string | null; title: string } }).data;
        if (d) setDrill({ cell: { row: d.row, col: d.col }, title: d.title });
      },
    }),
    [],
  );

  // The core's CSV has every figure of every cell (won, n, interval, amounts), with the same context.
  const fullCsv = [
    {
      label: 'Every figure of every cell as CSV',
      testId: 'export-csv',
      save: async () => (await call((api) => api.matrix.exportCsv({ query }))).path,
    },
  ];

  if (result.error && !m) return <ErrorMessage error={result.error} title="The matrix could not be computed" />;
  if (!m) return <p className="muted">Computing the matrix…</p>;
  return (
    <div className="matrix-panel" aria-busy={result.loading}>
      {result.error && <ErrorMessage error={result.error} title="The matrix could not be computed" />}
      <div className="toolbar">
        <Tabs
          label="View"
          idBase="matrix-view"
          className="toggle"
          selected={view}
          onSelect={setView}
          items={[
            { id: 'table', label: 'Table', testId: 'view-table' },
            { id: 'heatmap', label: 'Heatmap', testId: 'view-heatmap' },
          ]}
        />
        <label className="control inline">
          Sort rows by
          <select value={sort} onChange={(e) => setSort(e.target.value as RowSort)} data-testid="sort-rows">
            {(Object.keys(ROW_SORT_LABEL) as RowSort[]).map((s) => (
              <option key={s} value={s}>
                {ROW_SORT_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={descending}
            onChange={(e) => setDescending(e.target.checked)}
            data-testid="sort-descending"
          />
          descending
        </label>
        <span className="spacer" />
        <span className="muted small" data-testid="matrix-summary">
          {formatInt(m.overall.closed)} closed deals · {periodText(query.period)}
          {result.loading ? ' · updating…' : ''}
        </span>
      </div>
      <TabPanel idBase="matrix-view" selected={view}>
        {m.rows.length === 0 ? (
          <EmptyState title="No closed deals match">
            <p>Widen the close period or remove a filter. Open deals never count in a win rate.</p>
          </EmptyState>
        ) : view === 'table' ? (
          <ExportableTable
            context={winRateContext(matrixTitle(query), query, m)}
            testId="matrix-export"
            extra={fullCsv}
          >
            <MatrixTable m={m} rows={rows} trend={trend.data} onDrill={(cell, title) => setDrill({ cell, title })} />
          </ExportableTable>
        ) : (
          <section className="panel">
            <EChart
              option={option!}
              height={Math.max(220, 60 + rows.length * 28)}
              label="Heatmap of win rate by row and column; click a cell for its deals"
              testId="matrix-heatmap"
              onEvents={onEvents}
              exportAs={winRateContext(`${matrixTitle(query)} (heatmap)`, query, m)}
            />
            <p className="muted small">
              Colour: green above the overall rate (
              {m.overall.rate.rate === null ? '–' : `${(m.overall.rate.rate * 100).toFixed(1)}%`}), red below; pale when
              n is low, grey with counts when n is too small. Click a cell for its deals.
            </p>
          </section>
        )}
      </TabPanel>
      {drill && (
        <DrillDown
          key={JSON.stringify([query, drill.cell])}
          query={query}
          cell={drill.cell}
          title={drill.title}
          currency={m.currency}
          onClose={() => setDrill(null)}
        />
      )}
      {query.measure === 'amount' && <DataQualityNote />}
      <MatrixNotes m={m} />
    </div>
  );
}
