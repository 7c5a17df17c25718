// "Why we win, why we lose": top reasons (Pareto), the rating gap, rep-stated vs buyer-stated
// reasons, and themes over time. Every figure has its n; rates their Wilson interval, means
// their t-interval. A deal with several interviews counts once everywhere.
import { useEffect, useState } from 'react';
import type { AnalysisFilters, Granularity, ReasonLevel } from '#shared/domain/winloss.ts';
import { useQuery } from '../../api/use-query.ts';
import { useSettings } from '../../settings/use-settings.ts';
import type { FigureContext } from '../../components/figure-context.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { periodText } from '#shared/export/context.ts';
import { formatInt } from '../../lib/format.ts';
import { intParam, interviewsHref } from '../hash-query.ts';
import { SelectField } from '../options.tsx';
import { AgreementSection } from './AgreementSection.tsx';
import { RatingSection } from './RatingSection.tsx';
import { ReasonsSection } from './ReasonsSection.tsx';
import { ThemeSection } from './ThemeSection.tsx';
import { DateInput } from '../../components/DateInput.tsx';

function filtersFrom(params: URLSearchParams): AnalysisFilters {
  const f: AnalysisFilters = {};
  const c = intParam(params, 'competitor');
  if (c) f.competitorId = c;
  const p = intParam(params, 'product');
  if (p) f.productId = p;
  const s = params.get('segment');
  if (s) f.segment = s.slice(0, 200);
  const from = params.get('from');
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) f.from = from;
  const to = params.get('to');
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(to)) f.to = to;
  if (params.get('drafts') === '1') f.includeDrafts = true;
  return f;
}

export function AnalysisPage({ params }: { params: URLSearchParams }) {
  const facets = useQuery((api) => api.interviews.facets(), []);
  const settings = useSettings();
  const [filters, setFilters] = useState<AnalysisFilters>(() => filtersFrom(params));
  const [level, setLevel] = useState<ReasonLevel>(params.get('level') === 'category' ? 'category' : 'reason');
  const [primaryOnly, setPrimaryOnly] = useState(params.get('primary') === '1');
  const [granularity, setGranularity] = useState<Granularity>(params.get('by') === 'year' ? 'year' : 'quarter');
  useEffect(() => {
    window.history.replaceState(
      null,
      '',
      interviewsHref({
        view: 'analysis',
        competitor: filters.competitorId,
        segment: filters.segment,
        product: filters.productId,
        from: filters.from,
        to: filters.to,
        drafts: filters.includeDrafts ? 1 : undefined,
        level: level === 'category' ? 'category' : undefined,
        primary: primaryOnly ? 1 : undefined,
        by: granularity === 'year' ? 'year' : undefined,
      }),
    );
  }, [filters, level, primaryOnly, granularity]);

  const reasons = useQuery(
    (api) => api.winloss.reasons({ filters, level, primaryOnly }),
    [filters, level, primaryOnly],
  );
  const ratings = useQuery((api) => api.winloss.ratings({ filters }), [filters]);
  const agreement = useQuery((api) => api.winloss.agreement({ filters, level }), [filters, level]);
  const themes = useQuery((api) => api.winloss.themes({ filters, granularity }), [filters, granularity]);
  const set = <K extends keyof AnalysisFilters>(key: K, value: AnalysisFilters[K] | undefined) =>
    setFilters((f) => {
      const next = { ...f };
      if (value === undefined || value === '' || value === false) delete next[key];
      else next[key] = value;
      return next;
    });
  const f = facets.data;
  const scope = reasons.data?.scope;
  const thresholds = settings.data;
  // What every figure below shares, for its export: the interview scope and its filters.
  const named = (list: { id: number; name: string }[] | undefined, id: number | undefined) =>
    id === undefined ? [] : [list?.find((x) => x.id === id)?.name ?? String(id)];
  const context: FigureContext = {
    title: '',
    n: scope ? { value: scope.deals, of: `interviewed deals (${formatInt(scope.interviews)} interviews)` } : null,
    filters: [
      { label: 'Competitor involved', values: named(f?.competitors, filters.competitorId) },
      { label: 'Segment', values: filters.segment ? [filters.segment] : [] },
      { label: 'Product', values: named(f?.products, filters.productId) },
      { label: 'Interviews', values: [filters.includeDrafts ? 'complete and drafts' : 'complete only'] },
      { label: 'Reasons', values: [primaryOnly ? 'primary only' : 'primary and secondary'] },
    ],
    period: periodText(filters.from, filters.to, 'deal close date'),
  };

  return (
    <div className="analysis" data-testid="analysis">
      <header className="page-head">
        <h1>Why we win, why we lose</h1>
        <p className="muted definition">
          From {filters.includeDrafts ? 'all' : 'complete'} interviews on closed deals. A deal with several interviews
          counts once in every figure. Shares are of interviewed deals, with 95% Wilson intervals; ratings are means
          with 95% t-intervals.
          {thresholds &&
            ` Greyed below n = ${thresholds.lowConfidenceBelowN}; below n = ${thresholds.hideRateBelowN} only counts are shown.`}
        </p>
      </header>
      <section className="panel filters" aria-label="Filter the analyses">
        <div className="filter-grid">
          <SelectField
            label="Competitor involved"
            value={String(filters.competitorId ?? '')}
            onChange={(v) => set('competitorId', v ? Number(v) : undefined)}
            choices={(f?.competitors ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            testId="analysis-competitor"
          />
          <SelectField
            label="Segment"
            value={filters.segment ?? ''}
            onChange={(v) => set('segment', v || undefined)}
            choices={(f?.segments ?? []).map((s) => ({ value: s, label: s }))}
          />
          <SelectField
            label="Product"
            value={String(filters.productId ?? '')}
            onChange={(v) => set('productId', v ? Number(v) : undefined)}
            choices={(f?.products ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          />
          <label className="field">
            <span className="field-label">Deals closed from</span>
            <DateInput value={filters.from ?? ''} onChange={(e) => set('from', e.target.value || undefined)} />
          </label>
          <label className="field">
            <span className="field-label">to</span>
            <DateInput value={filters.to ?? ''} onChange={(e) => set('to', e.target.value || undefined)} />
          </label>
          <SelectField
            label="Group by"
            value={level}
            onChange={(v) => setLevel(v === 'category' ? 'category' : 'reason')}
            choices={[
              { value: 'reason', label: 'Reason' },
              { value: 'category', label: 'Category' },
            ]}
            empty={null}
            testId="analysis-level"
          />
        </div>
        <div className="checks">
          <label className="check">
            <input type="checkbox" checked={primaryOnly} onChange={(e) => setPrimaryOnly(e.target.checked)} />
            Primary reasons only
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.includeDrafts ?? false}
              onChange={(e) => set('includeDrafts', e.target.checked || undefined)}
            />
            Include draft interviews
          </label>
          <button type="button" className="secondary" onClick={() => setFilters({})}>
            Clear filters
          </button>
        </div>
        {scope && (
          <p className="muted" data-testid="analysis-scope">
            {formatInt(scope.interviews)} interviews on {formatInt(scope.deals)} deals:{' '}
            {scope.byOutcome
              .map((o) => `${formatInt(o.deals)} ${o.outcome === 'no_decision' ? 'no decision' : o.outcome}`)
              .join(', ')}
            .
          </p>
        )}
      </section>
      {scope && scope.interviews === 0 && (
        <p className="notice" role="status">
          No {filters.includeDrafts ? '' : 'complete '}interview matches these filters yet. Complete interviews in the
          Interviews tab, or widen the filters.
        </p>
      )}
      {reasons.error ? (
        <ErrorMessage error={reasons.error} />
      ) : (
        reasons.data && <ReasonsSection analysis={reasons.data} context={context} />
      )}
      {ratings.error ? (
        <ErrorMessage error={ratings.error} />
      ) : (
        ratings.data && <RatingSection analysis={ratings.data} context={context} />
      )}
      {agreement.error ? (
        <ErrorMessage error={agreement.error} />
      ) : (
        agreement.data && <AgreementSection analysis={agreement.data} context={context} />
      )}
      {themes.error ? (
        <ErrorMessage error={themes.error} />
      ) : (
        themes.data && (
          <ThemeSection
            trend={themes.data}
            granularity={granularity}
            onGranularity={setGranularity}
            context={context}
          />
        )
      )}
    </div>
  );
}
