// The matrix's question: rows, columns, measure, close period and filters. Native controls with
// labels, so it works from the keyboard; the query changes only through onChange.
import { useState } from 'react';
import type { Dimension, MatrixFilter, MatrixQuery } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL, DIMENSIONS, dimValueLabel } from '#shared/domain/win-rates.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { DateInput } from '../components/DateInput.tsx';

export function DimensionSelect({
  label,
  value,
  onChange,
  allowNone = false,
  testId,
  exclude,
}: {
  label: string;
  value: Dimension | 'none';
  onChange: (d: Dimension | 'none') => void;
  allowNone?: boolean;
  testId: string;
  /** Dimensions not offered here (close periods, where the view already compares periods). */
  exclude?: ReadonlySet<Dimension>;
}) {
  return (
    <label className="control">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as Dimension | 'none')} data-testid={testId}>
        {allowNone && <option value="none">(none: one column)</option>}
        {DIMENSIONS.filter((d) => !exclude?.has(d)).map((d) => (
          <option key={d} value={d}>
            {DIMENSION_LABEL[d]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PeriodInputs({
  value,
  onChange,
  legend = 'Close period',
  testId = 'period',
}: {
  value: MatrixQuery['period'];
  onChange: (p: MatrixQuery['period']) => void;
  legend?: string;
  testId?: string;
}) {
  const set = (k: 'from' | 'to', v: string) => onChange({ ...value, [k]: v === '' ? undefined : v });
  return (
    <fieldset className="control period">
      <legend>{legend}</legend>
      <label>
        from
        <DateInput
          value={value.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
          data-testid={`${testId}-from`}
        />
      </label>
      <label>
        to
        <DateInput value={value.to ?? ''} onChange={(e) => set('to', e.target.value)} data-testid={`${testId}-to`} />
      </label>
    </fieldset>
  );
}

function FilterEditor({ onAdd, onCancel }: { onAdd: (f: MatrixFilter) => void; onCancel: () => void }) {
  const [dim, setDim] = useState<Dimension>('segment');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const values = useQuery((api) => api.matrix.values({ dim }), [dim]);
  const NULL = '\u0000';
  const toggle = (k: string) =>
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  return (
    <div
      className="filter-editor"
      role="group"
      aria-label="Add a filter"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      data-testid="filter-editor"
    >
      <label className="control">
        Filter on
        <select
          value={dim}
          onChange={(e) => {
            setDim(e.target.value as Dimension);
            setPicked(new Set());
          }}
          data-testid="filter-dim"
        >
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {DIMENSION_LABEL[d]}
            </option>
          ))}
        </select>
      </label>
      {values.error && <ErrorMessage error={values.error} />}
      <div className="filter-values">
        {values.loading && <span className="muted">Loading values…</span>}
        {values.data?.length === 0 && <span className="muted">No closed deals have a value here.</span>}
        {!values.loading &&
          values.data?.map((v) => (
            <label key={v.key ?? NULL} className="check">
              <input type="checkbox" checked={picked.has(v.key ?? NULL)} onChange={() => toggle(v.key ?? NULL)} />
              {v.label}
            </label>
          ))}
      </div>
      <div className="row-actions">
        <button
          type="button"
          disabled={picked.size === 0}
          onClick={() => onAdd({ dim, values: [...picked].map((k) => (k === NULL ? null : k)) })}
          data-testid="filter-apply"
        >
          Apply filter
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Labels of filter values, fetched once per dimension, for the filter chips. */
function FilterChip({ filter, onRemove }: { filter: MatrixFilter; onRemove: () => void }) {
  const values = useQuery((api) => api.matrix.values({ dim: filter.dim }), [filter.dim]);
  const labels = filter.values.map((k) => dimValueLabel(values.data, k));
  return (
    <span className="chip">
      {DIMENSION_LABEL[filter.dim]}: {labels.join(' or ')}
      <button
        type="button"
        className="chip-remove"
        aria-label={`Remove filter on ${DIMENSION_LABEL[filter.dim]}`}
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}

export function MatrixControls({
  query,
  onChange,
  showPeriod = true,
  exclude,
}: {
  query: MatrixQuery;
  onChange: (q: MatrixQuery) => void;
  showPeriod?: boolean;
  exclude?: ReadonlySet<Dimension>;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="matrix-controls panel">
      <div className="controls-row">
        <DimensionSelect
          label="Rows"
          value={query.rows}
          onChange={(d) => onChange({ ...query, rows: d as Dimension })}
          testId="rows-select"
          exclude={exclude}
        />
        <DimensionSelect
          label="Columns"
          value={query.cols}
          allowNone
          onChange={(d) => onChange({ ...query, cols: d })}
          testId="cols-select"
          exclude={exclude}
        />
        <button
          type="button"
          className="secondary swap"
          disabled={query.cols === 'none'}
          onClick={() => query.cols !== 'none' && onChange({ ...query, rows: query.cols, cols: query.rows })}
          title="Swap rows and columns"
        >
          ⇅ Swap
        </button>
        <fieldset className="control measure">
          <legend>Measure</legend>
          <label className="check">
            <input
              type="radio"
              name="measure"
              checked={query.measure === 'count'}
              onChange={() => onChange({ ...query, measure: 'count' })}
            />
            by count
          </label>
          <label className="check">
            <input
              type="radio"
              name="measure"
              checked={query.measure === 'amount'}
              onChange={() => onChange({ ...query, measure: 'amount' })}
              data-testid="measure-amount"
            />
            by amount
          </label>
        </fieldset>
        {showPeriod && <PeriodInputs value={query.period} onChange={(period) => onChange({ ...query, period })} />}
      </div>
      <div className="controls-row filters">
        {query.filters.map((f, i) => (
          <FilterChip
            key={`${f.dim}:${i}`}
            filter={f}
            onRemove={() => onChange({ ...query, filters: query.filters.filter((_, j) => j !== i) })}
          />
        ))}
        {!adding && (
          <button type="button" className="secondary" onClick={() => setAdding(true)} data-testid="add-filter">
            + Filter
          </button>
        )}
      </div>
      {adding && (
        <FilterEditor
          onCancel={() => setAdding(false)}
          onAdd={(f) => {
            setAdding(false);
            onChange({ ...query, filters: [...query.filters.filter((x) => x.dim !== f.dim), f] });
          }}
        />
      )}
    </div>
  );
}
