// Filters on what ties a customer to why we won it: one drop-down per field with a checkbox per
// value (and its customers). Customers must match every field; within a field, any checked value.
import type { CohortField, CohortFilter, DimensionValue } from '#shared/domain/retention.ts';
import { COHORT_FIELDS, FIELD_LABEL } from '#shared/domain/retention.ts';
import { formatInt } from '../lib/format.ts';

export interface FilterBarProps {
  dimensions: Record<CohortField, DimensionValue[]> | undefined;
  filters: CohortFilter[];
  onChange: (filters: CohortFilter[]) => void;
}

export function FilterBar({ dimensions, filters, onChange }: FilterBarProps) {
  const chosen = (field: CohortField) => filters.find((f) => f.field === field)?.values ?? [];
  const toggle = (field: CohortField, key: string, on: boolean) => {
    const values = on ? [...chosen(field), key] : chosen(field).filter((v) => v !== key);
    const rest = filters.filter((f) => f.field !== field);
    onChange(values.length > 0 ? [...rest, { field, values }] : rest);
  };
  return (
    <div className="filter-bar" role="group" aria-label="Filters" data-testid="filters">
      <span className="filter-bar-label">Filter</span>
      {COHORT_FIELDS.map((field) => {
        const values = dimensions?.[field] ?? [];
        const picked = chosen(field);
        const summary =
          picked.length === 0
            ? 'all'
            : picked.length === 1
              ? (values.find((v) => v.key === picked[0])?.label ?? '1 value')
              : `${picked.length} values`;
        return (
          <details
            key={field}
            className={picked.length > 0 ? 'filter active' : 'filter'}
            data-testid={`filter-${field}`}
            onKeyDown={(e) => {
              // Escape closes the open menu and returns to its summary, as in a native select.
              if (e.key !== 'Escape' || !e.currentTarget.open) return;
              e.currentTarget.open = false;
              e.currentTarget.querySelector('summary')?.focus();
            }}
          >
            <summary>
              {FIELD_LABEL[field]}: <strong>{summary}</strong>
            </summary>
            <div className="filter-menu">
              {values.length === 0 && <p className="muted small">No values yet.</p>}
              {values.map((v) => (
                <label key={v.key} className="check">
                  <input
                    type="checkbox"
                    checked={picked.includes(v.key)}
                    onChange={(e) => toggle(field, v.key, e.target.checked)}
                  />
                  <span>{v.label}</span>
                  <span className="muted small">{formatInt(v.customers)}</span>
                </label>
              ))}
              {picked.length > 0 && (
                <button
                  type="button"
                  className="secondary small-button"
                  onClick={() => onChange(filters.filter((f) => f.field !== field))}
                >
                  Clear {FIELD_LABEL[field].toLowerCase()}
                </button>
              )}
            </div>
          </details>
        );
      })}
      {filters.length > 0 && (
        <button
          type="button"
          className="secondary small-button"
          onClick={() => onChange([])}
          data-testid="clear-filters"
        >
          Clear all filters
        </button>
      )}
    </div>
  );
}
