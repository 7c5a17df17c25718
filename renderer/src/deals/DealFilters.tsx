// The deals table's filters: search, outcome, close period, competitor, segment, region,
// product, owner, team, lead source, deal type and amount range. Each control changes the view's
// filter; the query runs in SQL.
import { useEffect, useState } from 'react';
import type { DealFilter, DealOptions, NamedOption } from '#shared/domain/deals.ts';
import { DEAL_TYPE_LABEL, DEAL_TYPES, OUTCOME_LABEL, OUTCOMES } from '#shared/domain/enums.ts';
import type { DealType } from '#shared/domain/enums.ts';
import { cleanFilter, filterCount, quarterRange, quartersBetween } from './deal-view-state.ts';
import { DateInput } from '../components/DateInput.tsx';

interface Props {
  filter: DealFilter;
  options: DealOptions | undefined;
  onChange: (filter: DealFilter) => void;
}

function IdSelect({
  label,
  testId,
  items,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  items: NamedOption[];
  value: number | undefined;
  onChange: (id: number | undefined) => void;
}) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
        data-testid={testId}
      >
        <option value="">Any</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function TextSelect({
  label,
  testId,
  items,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  items: string[];
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
        <option value="">Any</option>
        {items.map((i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DealFilters({ filter, options, onChange }: Props) {
  const [search, setSearch] = useState(filter.search ?? '');
  const [typedSearch, setTypedSearch] = useState(filter.search ?? '');
  // The search box follows the view (a saved view may set it) unless the user is typing.
  if ((filter.search ?? '') !== typedSearch) {
    setTypedSearch(filter.search ?? '');
    setSearch(filter.search ?? '');
  }
  useEffect(() => {
    if (search === (filter.search ?? '')) return;
    const timer = setTimeout(() => onChange(cleanFilter({ ...filter, search: search.trim() || undefined })), 250);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  const set = (patch: Partial<DealFilter>) => onChange(cleanFilter({ ...filter, ...patch }));
  const quarters = quartersBetween(options?.firstCloseDate ?? null, options?.lastCloseDate ?? null);
  const currentQuarter = quarters.find((q) => {
    const r = quarterRange(q);
    return r && r[0] === filter.closeFrom && r[1] === filter.closeTo;
  });
  const outcomes = filter.outcomes ?? [];

  return (
    <div className="deal-filters" role="search" aria-label="Filter deals">
      <label className="filter filter-search">
        <span>Search</span>
        <input
          type="search"
          placeholder="Deal, account or CRM id"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="deal-search"
        />
      </label>
      <fieldset className="filter outcome-filter">
        <legend>Outcome</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="chip">
            <input
              type="checkbox"
              checked={outcomes.includes(o)}
              onChange={(e) => set({ outcomes: e.target.checked ? [...outcomes, o] : outcomes.filter((x) => x !== o) })}
              data-testid={`outcome-${o}`}
            />
            {OUTCOME_LABEL[o]}
          </label>
        ))}
      </fieldset>
      <label className="filter">
        <span>Close period</span>
        <select
          value={currentQuarter ?? (filter.closeFrom || filter.closeTo ? 'custom' : '')}
          onChange={(e) => {
            const r = quarterRange(e.target.value);
            if (e.target.value === '') set({ closeFrom: undefined, closeTo: undefined });
            else if (r) set({ closeFrom: r[0], closeTo: r[1] });
          }}
          data-testid="period-filter"
        >
          <option value="">Any time</option>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
          {!currentQuarter && (filter.closeFrom || filter.closeTo) && <option value="custom">Custom dates</option>}
        </select>
      </label>
      <fieldset className="filter filter-range">
        <legend>Closed between</legend>
        <DateInput
          aria-label="Closed on or after"
          value={filter.closeFrom ?? ''}
          onChange={(e) => set({ closeFrom: e.target.value || undefined })}
          data-testid="close-from"
        />
        <DateInput
          aria-label="Closed on or before"
          value={filter.closeTo ?? ''}
          onChange={(e) => set({ closeTo: e.target.value || undefined })}
          data-testid="close-to"
        />
      </fieldset>
      <IdSelect
        label="Competitor"
        testId="competitor-filter"
        items={options?.competitors ?? []}
        value={filter.competitorId}
        onChange={(v) => set({ competitorId: v })}
      />
      <TextSelect
        label="Segment"
        testId="segment-filter"
        items={options?.segments ?? []}
        value={filter.segments?.[0]}
        onChange={(v) => set({ segments: v ? [v] : undefined })}
      />
      <TextSelect
        label="Region"
        testId="region-filter"
        items={options?.regions ?? []}
        value={filter.regions?.[0]}
        onChange={(v) => set({ regions: v ? [v] : undefined })}
      />
      <IdSelect
        label="Product"
        testId="product-filter"
        items={options?.products ?? []}
        value={filter.productIds?.[0]}
        onChange={(v) => set({ productIds: v ? [v] : undefined })}
      />
      <IdSelect
        label="Owner"
        testId="owner-filter"
        items={options?.owners ?? []}
        value={filter.ownerIds?.[0]}
        onChange={(v) => set({ ownerIds: v ? [v] : undefined })}
      />
      <IdSelect
        label="Team"
        testId="team-filter"
        items={options?.teams ?? []}
        value={filter.teamIds?.[0]}
        onChange={(v) => set({ teamIds: v ? [v] : undefined })}
      />
      <IdSelect
        label="Lead source"
        testId="source-filter"
        items={options?.leadSources ?? []}
        value={filter.leadSourceIds?.[0]}
        onChange={(v) => set({ leadSourceIds: v ? [v] : undefined })}
      />
      <label className="filter">
        <span>Deal type</span>
        <select
          value={filter.dealTypes?.[0] ?? ''}
          onChange={(e) => set({ dealTypes: e.target.value ? [e.target.value as DealType] : undefined })}
          data-testid="type-filter"
        >
          <option value="">Any</option>
          {DEAL_TYPES.map((t) => (
            <option key={t} value={t}>
              {DEAL_TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="filter filter-range filter-narrow">
        <legend>Amount between</legend>
        <input
          type="number"
          min={0}
          aria-label="Amount at least"
          value={filter.amountMin ?? ''}
          onChange={(e) => set({ amountMin: e.target.value === '' ? undefined : Math.max(0, Number(e.target.value)) })}
          data-testid="amount-min"
        />
        <input
          type="number"
          min={0}
          aria-label="Amount at most"
          value={filter.amountMax ?? ''}
          onChange={(e) => set({ amountMax: e.target.value === '' ? undefined : Math.max(0, Number(e.target.value)) })}
          data-testid="amount-max"
        />
      </fieldset>
      {filterCount(filter) > 0 && (
        <button
          type="button"
          className="secondary clear-filters"
          onClick={() => onChange({})}
          data-testid="clear-filters"
        >
          Clear {filterCount(filter)} filter{filterCount(filter) === 1 ? '' : 's'}
        </button>
      )}
    </div>
  );
}
