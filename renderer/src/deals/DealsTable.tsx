// The deals table: filters, saved views, column chooser, exports, a virtualised body that fetches
// 100-row pages from SQL as it scrolls (a million deals stay smooth), and a totals row with the
// win rate, its n and 95% interval.
import { useTable } from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DealColumnId, DealFilter, DealListRow, DealViewState } from '#shared/domain/deals.ts';
import { DEAL_COLUMNS } from '#shared/domain/deals.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { formatInt, formatMoney } from '../lib/format.ts';
import { navigate } from '../lib/hash-params.ts';
import { COLUMN_WIDTH, DEAL_TABLE_COLUMNS, NUMERIC_COLUMNS, dealTableFeatures } from './deal-columns.tsx';
import { DealFilters } from './DealFilters.tsx';
import { useDealPages } from './use-deal-pages.ts';
import { ViewControls } from './ViewControls.tsx';

const ROW_HEIGHT = 30;
const NO_ROWS: DealListRow[] = [];

interface Props {
  view: DealViewState;
  onView: (view: DealViewState) => void;
}

export function DealsTable({ view, onView }: Props) {
  const summary = useQuery((api) => api.deals.summary({ filter: view.filter }), [view.filter]);
  const options = useQuery((api) => api.deals.options(), []);
  const pages = useDealPages(view.filter, view.sort);

  const total = summary.data?.deals ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser's functions change as it scrolls; this component re-renders with it on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { want } = pages;
  useEffect(() => {
    if (total > 0) want(first, last);
  }, [first, last, total, want, pages.version]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [view.filter, view.sort]);

  // The table model holds only the rows around the viewport.
  const data = useMemo(() => {
    if (total === 0) return NO_ROWS;
    const rows: DealListRow[] = [];
    for (let i = first; i <= last; i++) {
      const r = pages.row(i);
      if (r) rows.push(r);
    }
    return rows;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pages.version says when pages arrived
  }, [first, last, total, pages.version]);

  const sorting: SortingState = useMemo(
    () => [{ id: view.sort.column, desc: view.sort.direction === 'desc' }],
    [view.sort],
  );
  const columnVisibility = useMemo(
    () => Object.fromEntries(DEAL_COLUMNS.map((c) => [c.id, view.columns.includes(c.id)])),
    [view.columns],
  );
  const onSortingChange = useCallback(
    (updater: SortingState | ((old: SortingState) => SortingState)) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const s = next[0];
      if (s) onView({ ...view, sort: { column: s.id as DealColumnId, direction: s.desc ? 'desc' : 'asc' } });
    },
    [sorting, view, onView],
  );
  const table = useTable({
    features: dealTableFeatures,
    columns: DEAL_TABLE_COLUMNS,
    data,
    getRowId: (r) => String(r.id),
    state: { sorting, columnVisibility },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: true,
  });
  const rowsById = new Map(table.getRowModel().rows.map((r) => [r.original.id, r]));
  const visibleColumns = table.getVisibleLeafColumns();
  const width = visibleColumns.reduce((w, c) => w + COLUMN_WIDTH[c.id as DealColumnId], 0);
  const setFilter = useCallback((filter: DealFilter) => onView({ ...view, filter }), [view, onView]);

  const s = summary.data;
  return (
    <div className="deals-table-area">
      <DealFilters filter={view.filter} options={options.data} onChange={setFilter} />
      <ViewControls view={view} onView={onView} />
      {summary.error && <ErrorMessage error={summary.error} title="The deals could not be counted" />}
      {pages.error && <ErrorMessage error={pages.error} title="Some deals could not be loaded" />}
      <div className="deals-grid" role="table" aria-label="Deals" aria-rowcount={total + 1} data-testid="deals-table">
        <div className="deals-scroll" ref={scroller}>
          <div className="deals-head" role="rowgroup" style={{ width }}>
            {table.getHeaderGroups().map((group) => (
              <div key={group.id} role="row" className="deals-row deals-head-row">
                {group.headers.map((header) => {
                  const id = header.column.id as DealColumnId;
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <div
                      key={header.id}
                      role="columnheader"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                      className={`deals-cell ${NUMERIC_COLUMNS.has(id) ? 'num' : ''}`}
                      style={{ width: COLUMN_WIDTH[id] }}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                          title={`Sort by ${String(header.column.columnDef.header)}`}
                          data-testid={`sort-${id}`}
                        >
                          <table.FlexRender header={header} />
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          <div role="rowgroup" className="deals-body" style={{ height: virtualizer.getTotalSize(), width }}>
            {items.map((item) => {
              const deal = pages.row(item.index);
              const row = deal ? rowsById.get(deal.id) : undefined;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`deals-row ${row ? 'deals-row-link' : 'deals-row-loading'}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}
                  tabIndex={row ? 0 : -1}
                  onClick={() => deal && navigate('/deals', { deal: deal.id })}
                  onKeyDown={(e) => {
                    if (deal && e.key === 'Enter') navigate('/deals', { deal: deal.id });
                  }}
                  data-testid={row ? 'deal-row' : undefined}
                >
                  {row
                    ? row.getVisibleCells().map((cell) => (
                        <div
                          key={cell.id}
                          role="cell"
                          className={`deals-cell ${NUMERIC_COLUMNS.has(cell.column.id as DealColumnId) ? 'num' : ''}`}
                          style={{ width: COLUMN_WIDTH[cell.column.id as DealColumnId] }}
                        >
                          <table.FlexRender cell={cell} />
                        </div>
                      ))
                    : visibleColumns.map((c) => (
                        <div
                          key={c.id}
                          role="cell"
                          className="deals-cell"
                          style={{ width: COLUMN_WIDTH[c.id as DealColumnId] }}
                        >
                          <span className="skeleton" />
                        </div>
                      ))}
                </div>
              );
            })}
          </div>
        </div>
        <div className="deals-totals" role="row" data-testid="deals-totals">
          {s ? (
            <>
              <span>
                <strong>{formatInt(s.deals)}</strong> deals
              </span>
              <span>
                Amount <strong>{formatMoney(s.amount, s.currency)}</strong>
              </span>
              <span>
                Won {formatInt(s.won)} of {formatInt(s.closed)} closed
              </span>
              <span className="totals-rate">
                Win rate <RateView rate={s.winRate} />
              </span>
              <span className="muted small" title={closedDefinition(s)}>
                {s.includeNoDecision ? 'No-decision deals count as closed' : 'No-decision deals left out'} · 95% Wilson
                interval
              </span>
            </>
          ) : (
            <span className="muted">Counting…</span>
          )}
        </div>
      </div>
      {s && s.deals === 0 && (
        <p className="muted empty-note" data-testid="no-matching-deals">
          No deal matches these filters. Clear a filter or search for something else.
        </p>
      )}
    </div>
  );
}
