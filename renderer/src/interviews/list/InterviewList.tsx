// The interview list: drafts to finish, filters, full-text search with the matches marked, and a
// virtualised table that loads pages from SQL as it scrolls (sorting and filtering in SQL too).
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { OUTCOME_LABEL, OUTCOMES } from '#shared/domain/enums.ts';
import type { IntervieweeRole, InterviewStatus, Outcome } from '#shared/domain/enums.ts';
import type {
  InterviewFacets,
  InterviewFilters,
  InterviewListRow,
  InterviewPage,
  InterviewSort,
} from '#shared/domain/interviews.ts';
import {
  CHANNEL_LABEL,
  DRIVER_LABEL,
  INTERVIEWER_LABEL,
  ROLE_LABEL,
  SEARCH_FIELD_LABEL,
  STATUS_LABEL,
} from '#shared/domain/interviews.ts';
import { useQuery } from '../../api/use-query.ts';
import { Highlighted } from '../../components/Highlighted.tsx';
import { EmptyState, ErrorMessage } from '../../components/Notice.tsx';
import { formatInt } from '../../lib/format.ts';
import { ExportButton } from '../ExportButton.tsx';
import { intParam, interviewsHref } from '../hash-query.ts';
import { fromLabels, SelectField, UserText } from '../options.tsx';
import { usePaged } from '../use-paged.ts';
import type { Paged } from '../use-paged.ts';
import { DraftsPanel } from './DraftsPanel.tsx';
import { DateInput } from '../../components/DateInput.tsx';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, InterviewListRow>();

const outcomeBadge = (o: Outcome) => <span className={`badge outcome-${o}`}>{OUTCOME_LABEL[o]}</span>;

const columns = helper.columns([
  helper.accessor('interviewDate', {
    id: 'date',
    header: 'Date',
    cell: (c) => <span className="date">{c.getValue() ?? '–'}</span>,
  }),
  helper.display({
    id: 'deal',
    header: 'Deal',
    cell: ({ row }) => (
      <div className="cell-stack">
        <a href={interviewsHref({ id: row.original.id })} className="deal-link">
          <UserText>{row.original.dealName}</UserText>
        </a>
        {row.original.accountName && <UserText className="muted small">{row.original.accountName}</UserText>}
      </div>
    ),
  }),
  helper.display({ id: 'outcome', header: 'Outcome', cell: ({ row }) => outcomeBadge(row.original.outcome) }),
  helper.display({
    id: 'role',
    header: 'Interviewee',
    cell: ({ row }) => {
      const r = row.original;
      return (
        <div className="cell-stack">
          <span>
            {r.intervieweeRole ? ROLE_LABEL[r.intervieweeRole] : '–'}
            {r.intervieweeTitle && (
              <>
                {' · '}
                <UserText>{r.intervieweeTitle}</UserText>
              </>
            )}
          </span>
          {r.anonymous ? (
            <span className="muted small">Anonymous</span>
          ) : (
            r.intervieweeName && (
              <span className="muted small">
                <UserText>{r.intervieweeName}</UserText>
              </span>
            )
          )}
        </div>
      );
    },
  }),
  helper.display({
    id: 'how',
    header: 'Interviewer · channel',
    cell: ({ row }) =>
      `${row.original.interviewerType ? INTERVIEWER_LABEL[row.original.interviewerType] : '–'} · ${row.original.channel ? CHANNEL_LABEL[row.original.channel] : '–'}`,
  }),
  helper.display({
    id: 'reason',
    header: 'Primary reason',
    cell: ({ row }) =>
      row.original.primaryReason ? (
        <span>
          <UserText>{row.original.primaryReason.name}</UserText>{' '}
          <span className={`driver driver-${row.original.primaryReason.driver}`}>
            {DRIVER_LABEL[row.original.primaryReason.driver]}
          </span>
        </span>
      ) : (
        <span className="muted">–</span>
      ),
  }),
  helper.accessor('quotes', { header: 'Quotes', cell: (c) => formatInt(c.getValue()) }),
  helper.display({
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className={`badge status-${row.original.status}`}>{STATUS_LABEL[row.original.status]}</span>
    ),
  }),
]);

const SORTABLE: Partial<Record<string, InterviewSort>> = {
  date: 'date',
  deal: 'deal',
  outcome: 'outcome',
  role: 'role',
  status: 'status',
};

const ROW_HEIGHT = 52;
const EMPTY: InterviewListRow[] = [];

function filtersFrom(params: URLSearchParams): InterviewFilters {
  const f: InterviewFilters = {};
  const outcome = params.get('outcome');
  if (outcome && (OUTCOMES as readonly string[]).includes(outcome)) f.outcome = outcome as Outcome;
  const competitorId = intParam(params, 'competitor');
  if (competitorId) f.competitorId = competitorId;
  const reasonId = intParam(params, 'reason');
  if (reasonId) f.reasonId = reasonId;
  const themeId = intParam(params, 'theme');
  if (themeId) f.themeId = themeId;
  const role = params.get('role');
  if (role && role in ROLE_LABEL) f.role = role as IntervieweeRole;
  const status = params.get('status');
  if (status === 'draft' || status === 'complete') f.status = status as InterviewStatus;
  const from = params.get('from');
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) f.from = from;
  const to = params.get('to');
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(to)) f.to = to;
  const q = params.get('q');
  if (q) f.search = q.slice(0, 500);
  return f;
}

export function InterviewList({ params }: { params: URLSearchParams }) {
  const facets = useQuery((api) => api.interviews.facets(), []);
  const [filters, setFilters] = useState<InterviewFilters>(() => filtersFrom(params));
  const [searchText, setSearchText] = useState(filters.search ?? '');
  const [sort, setSort] = useState<{ by: InterviewSort; dir: 'asc' | 'desc' }>({ by: 'date', dir: 'desc' });

  // The search box filters 250 ms after typing stops; the URL keeps the filters for Back.
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => ({ ...f, search: searchText.trim() || undefined })), 250);
    return () => clearTimeout(t);
  }, [searchText]);
  useEffect(() => {
    const p: Record<string, string | number | undefined> = {
      q: filters.search,
      outcome: filters.outcome,
      competitor: filters.competitorId,
      reason: filters.reasonId,
      theme: filters.themeId,
      role: filters.role,
      status: filters.status,
      from: filters.from,
      to: filters.to,
    };
    window.history.replaceState(null, '', interviewsHref(p));
  }, [filters]);

  const searching = !!filters.search;
  const effectiveSort: InterviewSort = searching && sort.by === 'date' && sort.dir === 'desc' ? 'relevance' : sort.by;
  const request = { filters, sort: effectiveSort, dir: sort.dir };
  const paged = usePaged<InterviewListRow, InterviewPage>(JSON.stringify(request), (api, offset, limit) =>
    api.interviews.list({ ...request, offset, limit }),
  );

  const set = <K extends keyof InterviewFilters>(key: K, value: InterviewFilters[K] | undefined) =>
    setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value }));

  return (
    <div className="interview-list">
      <DraftsPanel />
      <section className="panel filters" aria-label="Filter interviews">
        <label className="field search-field">
          <span className="field-label">Search notes, statements, answers and quotes</span>
          <input
            type="search"
            value={searchText}
            placeholder="e.g. security review, “row-level security”"
            maxLength={500}
            onChange={(e) => setSearchText(e.target.value)}
            data-testid="interview-search"
          />
        </label>
        <FilterSelects facets={facets.data} filters={filters} set={set} />
        <div className="filter-actions">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSearchText('');
              setFilters({});
            }}
          >
            Clear filters
          </button>
          <ExportButton kind="interviews" filters={filters} />
        </div>
      </section>
      {facets.error && <ErrorMessage error={facets.error} />}
      <Results
        paged={paged}
        searching={searching}
        sort={sort}
        onSort={setSort}
        noInterviewsYet={facets.data?.counts.interviews === 0}
      />
    </div>
  );
}

function FilterSelects({
  facets,
  filters,
  set,
}: {
  facets: InterviewFacets | undefined;
  filters: InterviewFilters;
  set: <K extends keyof InterviewFilters>(key: K, value: InterviewFilters[K] | undefined) => void;
}) {
  const num = (v: string) => (v ? Number(v) : undefined);
  return (
    <div className="filter-grid">
      <SelectField
        label="Outcome"
        value={filters.outcome ?? ''}
        onChange={(v) => set('outcome', (v || undefined) as Outcome | undefined)}
        choices={OUTCOMES.filter((o) => o !== 'open').map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
        testId="filter-outcome"
      />
      <SelectField
        label="Competitor"
        value={String(filters.competitorId ?? '')}
        onChange={(v) => set('competitorId', num(v))}
        choices={(facets?.competitors ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
      />
      <SelectField
        label="Reason"
        value={String(filters.reasonId ?? '')}
        onChange={(v) => set('reasonId', num(v))}
        choices={(facets?.reasons ?? []).map((r) => ({
          value: String(r.id),
          label: `${r.categoryName} › ${r.name}${r.active ? '' : ' (retired)'}`,
        }))}
        testId="filter-reason"
      />
      <SelectField
        label="Theme"
        value={String(filters.themeId ?? '')}
        onChange={(v) => set('themeId', num(v))}
        choices={(facets?.themes ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
      />
      <SelectField
        label="Interviewee role"
        value={filters.role ?? ''}
        onChange={(v) => set('role', (v || undefined) as IntervieweeRole | undefined)}
        choices={fromLabels(ROLE_LABEL)}
      />
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        onChange={(v) => set('status', (v || undefined) as InterviewStatus | undefined)}
        choices={fromLabels(STATUS_LABEL)}
        testId="filter-status"
      />
      <label className="field">
        <span className="field-label">Interviewed from</span>
        <DateInput value={filters.from ?? ''} onChange={(e) => set('from', e.target.value || undefined)} />
      </label>
      <label className="field">
        <span className="field-label">to</span>
        <DateInput value={filters.to ?? ''} onChange={(e) => set('to', e.target.value || undefined)} />
      </label>
    </div>
  );
}

function Results({
  paged,
  searching,
  sort,
  onSort,
  noInterviewsYet,
}: {
  paged: Paged<InterviewListRow, InterviewPage>;
  searching: boolean;
  sort: { by: InterviewSort; dir: 'asc' | 'desc' };
  onSort: (s: { by: InterviewSort; dir: 'asc' | 'desc' }) => void;
  noInterviewsYet: boolean;
}) {
  const rows = paged.rows.length ? paged.rows : EMPTY;
  const table = useTable({ features, columns, data: rows, getRowId: (r) => String(r.id) });
  const scrollRef = useRef<HTMLDivElement>(null);
  const modelRows = table.getRowModel().rows;
  // The virtualizer's functions are read on every render here, never memoised: safe to skip the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => modelRows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { loadMore } = paged;
  useEffect(() => {
    if (lastIndex >= modelRows.length - 15) loadMore();
  }, [lastIndex, modelRows.length, loadMore]);
  const summary = useMemo(() => {
    if (paged.total === null || !paged.extra) return '';
    return `${formatInt(paged.total)} interview${paged.total === 1 ? '' : 's'} on ${formatInt(paged.extra.deals)} deal${paged.extra.deals === 1 ? '' : 's'}${searching ? ', best matches first' : ''}`;
  }, [paged.total, paged.extra, searching]);

  if (paged.error) return <ErrorMessage error={paged.error} title="The interviews could not be loaded" />;
  if (noInterviewsYet)
    return (
      <EmptyState title="No interviews yet">
        <p>
          Log what a buyer said after a deal closed: press <strong>New interview</strong>, pick the deal, and type as
          you listen. Everything is saved as you go.
        </p>
      </EmptyState>
    );
  return (
    <section className="panel list-panel" aria-label="Interviews">
      <p className="muted" role="status" data-testid="interview-count">
        {paged.loading && !summary ? 'Loading…' : summary}
      </p>
      <div className="vtable" role="table" aria-rowcount={paged.total ?? undefined} data-testid="interview-table">
        <div className="vrow vhead" role="row">
          {table.getHeaderGroups()[0]!.headers.map((h) => {
            const key = SORTABLE[h.column.id];
            const active = key && sort.by === key;
            return (
              <div
                key={h.id}
                role="columnheader"
                className={`vcell col-${h.column.id}`}
                aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {key ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort({ by: key, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })}
                  >
                    <table.FlexRender header={h} />
                    {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                ) : (
                  <table.FlexRender header={h} />
                )}
              </div>
            );
          })}
        </div>
        <div ref={scrollRef} className="vbody" role="rowgroup">
          {modelRows.length === 0 && !paged.loading && (
            <p className="muted empty-line">
              {searching ? 'Nothing matches this search.' : 'No interview matches these filters.'}
            </p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = modelRows[item.index]!;
              return (
                <div
                  key={row.id}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="vrow-wrap"
                  style={{ transform: `translateY(${item.start}px)` }}
                  data-testid="interview-row"
                >
                  <div className="vrow" role="row">
                    {row.getAllCells().map((cell) => (
                      <div key={cell.id} role="cell" className={`vcell col-${cell.column.id}`}>
                        <table.FlexRender cell={cell} />
                      </div>
                    ))}
                  </div>
                  {row.original.matches.length > 0 && (
                    <ul className="matches" aria-label="Where the search matched">
                      {row.original.matches.map((m, k) => (
                        <li key={k} data-testid="search-match">
                          <span className="match-field">{SEARCH_FIELD_LABEL[m.field]}:</span>{' '}
                          <Highlighted segments={m.segments} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
