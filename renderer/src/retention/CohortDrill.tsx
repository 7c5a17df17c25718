// The customers behind a cohort cell: who was in the cohort, who still paid in the period, and
// why we won each of them. Sorting and paging happen in SQL; a page holds 100 customers.
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import type {
  CohortField,
  CohortFilter,
  CustomerTrend,
  DrillCustomer,
  DrillSort,
  DrillStatus,
  Grain,
} from '#shared/domain/retention.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatInt, formatMoney } from '../lib/format.ts';

const PAGE = 100;

const TREND_LABEL: Record<CustomerTrend, string> = {
  expanded: 'Expanded',
  flat: 'Same',
  contracted: 'Contracted',
  inactive: 'No revenue',
};

const SOURCE_LABEL: Record<DrillCustomer['source'], string> = {
  deals: 'Won deals',
  mrr: 'MRR file',
  invoice: 'Invoices',
};

/** One row as displayed; amounts already formatted in the report's currency. */
interface Row {
  id: string;
  name: string;
  externalId: string;
  source: string;
  segment: string;
  region: string;
  product: string;
  competitor: string;
  reason: string;
  leadSource: string;
  startRevenue: string;
  revenue: string;
  change: string;
  trend: CustomerTrend;
}

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Row>();
const columns = helper.columns([
  helper.accessor('name', { header: 'Customer' }),
  helper.accessor('segment', { header: 'Segment' }),
  helper.accessor('region', { header: 'Region' }),
  helper.accessor('product', { header: 'Product' }),
  helper.accessor('competitor', { header: 'Competitor displaced' }),
  helper.accessor('reason', { header: 'Primary win reason' }),
  helper.accessor('leadSource', { header: 'Lead source' }),
  helper.accessor('startRevenue', { header: 'First period' }),
  helper.accessor('revenue', { header: 'This period' }),
  helper.accessor('change', { header: 'Change' }),
  helper.accessor('trend', { header: 'Status', cell: (info) => TREND_LABEL[info.getValue()] }),
]);

/** Columns the core can sort by (the others sort by what they show). */
const SORT_OF: Partial<Record<keyof Row, DrillSort>> = {
  name: 'name',
  segment: 'segment',
  region: 'region',
  product: 'product',
  competitor: 'competitor',
  reason: 'reason',
  leadSource: 'leadSource',
  startRevenue: 'startRevenue',
  revenue: 'revenue',
  change: 'change',
};
const NUMERIC = new Set(['startRevenue', 'revenue', 'change']);

export interface DrillScope {
  grain: Grain;
  filters: CohortFilter[];
  by: CohortField | null;
  group: string | null;
}

export function CohortDrill({
  scope,
  cohort,
  k,
  onClose,
}: {
  scope: DrillScope;
  cohort: number;
  k: number;
  onClose: () => void;
}) {
  const [status, setStatus] = useState<DrillStatus>('all');
  const [sort, setSort] = useState<{ by: DrillSort; desc: boolean }>({ by: 'name', desc: false });
  const [offset, setOffset] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const arg = { ...scope, cohort, k, status, sort: sort.by, desc: sort.desc, offset, limit: PAGE };
  const drill = useQuery((api) => api.retention.customers(arg), [arg]);
  const d = drill.data;

  // A new cell starts from its first page, and focus moves to the list so keyboard users follow.
  const cellKey = `${cohort}:${k}`;
  const [shownCell, setShownCell] = useState(cellKey);
  if (shownCell !== cellKey) {
    setShownCell(cellKey);
    setOffset(0);
    setStatus('all');
  }
  useEffect(() => {
    heading.current?.focus();
  }, [cellKey]);

  const rows = useMemo<Row[]>(
    () =>
      (d?.rows ?? []).map((r) => ({
        id: String(r.accountId),
        name: r.name,
        externalId: r.externalId ?? '',
        source: SOURCE_LABEL[r.source],
        segment: r.segment ?? '–',
        region: r.region ?? '–',
        product: r.product ?? '–',
        competitor: r.competitor ?? 'None recorded',
        reason: r.reason ? `${r.reason} (${r.reasonSource === 'buyer' ? 'buyer' : 'rep'})` : 'None recorded',
        leadSource: r.leadSource ?? '–',
        startRevenue: formatMoney(r.startRevenue, d!.currency),
        revenue: r.trend === 'inactive' ? '–' : formatMoney(r.revenue, d!.currency),
        change: formatMoney(r.revenue - r.startRevenue, d!.currency),
        trend: r.trend,
      })),
    [d],
  );
  const table = useTable({ features, columns, data: rows });

  const sortBy = (key: keyof Row) => {
    const by = SORT_OF[key];
    if (!by) return;
    setSort((s) => ({ by, desc: s.by === by ? !s.desc : NUMERIC.has(key) }));
    setOffset(0);
  };
  const choose = (next: DrillStatus) => {
    setStatus(next);
    setOffset(0);
  };

  return (
    <section
      className="panel drill-panel"
      data-testid="cohort-drill"
      aria-busy={drill.loading}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="panel-head">
        <h2 ref={heading} tabIndex={-1} data-testid="drill-title">
          {d
            ? `Cohort ${d.cohortLabel}, ${d.periodLabel} (${k} ${scope.grain === 'month' ? 'months' : scope.grain === 'quarter' ? 'quarters' : 'years'} after first revenue)${d.incomplete ? ' · incomplete period' : ''}`
            : 'Customers'}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {drill.error && <ErrorMessage error={drill.error} title="The customers could not be listed" />}
      {d && (
        <>
          <p className="muted" data-testid="drill-summary">
            {formatInt(d.counts.active)} of {formatInt(d.counts.all)} customers had revenue in {d.periodLabel}; amounts
            are revenue per month in {d.currency}, in the first period and in this one. The win reason is the
            buyer&apos;s from a complete interview, else the rep&apos;s.
          </p>
          <div className="drill-tabs" role="group" aria-label="Which customers">
            {(
              [
                ['all', `All (${formatInt(d.counts.all)})`],
                ['active', `With revenue (${formatInt(d.counts.active)})`],
                ['inactive', `Without (${formatInt(d.counts.inactive)})`],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                className={status === value ? '' : 'secondary'}
                aria-pressed={status === value}
                onClick={() => choose(value)}
                data-testid={`drill-${value}`}
              >
                {label}
              </button>
            ))}
          </div>
          <div className="drill-table-wrap">
            <table className="data-table drill-table" data-testid="drill-table">
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const key = header.column.id as keyof Row;
                      const sortable = SORT_OF[key];
                      const active = sortable !== undefined && sort.by === sortable;
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          className={NUMERIC.has(key) ? 'num' : ''}
                          aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
                        >
                          {sortable ? (
                            <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                              <table.FlexRender header={header} />
                              {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
                            </button>
                          ) : (
                            <table.FlexRender header={header} />
                          )}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className={`trend-${row.original.trend}`}>
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id} className={NUMERIC.has(cell.column.id) ? 'num' : ''}>
                        {cell.column.id === 'name' ? (
                          <>
                            <span className="drill-name">{row.original.name}</span>
                            <span className="muted small">
                              {row.original.externalId ? `${row.original.externalId} · ` : ''}
                              {row.original.source}
                            </span>
                          </>
                        ) : (
                          <table.FlexRender cell={cell} />
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.total === 0 && <p className="muted">No customers in this list.</p>}
          <div className="pager">
            <button
              type="button"
              className="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              Previous
            </button>
            <span className="muted" data-testid="drill-range">
              {d.total === 0 ? '0' : `${formatInt(offset + 1)}–${formatInt(Math.min(d.total, offset + PAGE))}`} of{' '}
              {formatInt(d.total)}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={offset + PAGE >= d.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
