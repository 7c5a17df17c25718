// The quote library: browse buyers' words by theme, competitor, reason, sentiment and outcome,
// search them, and copy one with its attribution ("VP Finance, mid-market retailer"), which
// honours anonymity, consent and the shareable flag (quotes not cleared say "internal only").
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { OUTCOME_LABEL, OUTCOMES, SENTIMENTS } from '#shared/domain/enums.ts';
import type { Outcome, Sentiment } from '#shared/domain/enums.ts';
import type { QuoteFilters, QuotePage, QuoteRow } from '#shared/domain/interviews.ts';
import { SENTIMENT_LABEL } from '#shared/domain/interviews.ts';
import { useQuery } from '../../api/use-query.ts';
import { Highlighted } from '../../components/Highlighted.tsx';
import { EmptyState, ErrorMessage } from '../../components/Notice.tsx';
import { formatInt } from '../../lib/format.ts';
import { ExportButton } from '../ExportButton.tsx';
import { intParam, interviewsHref } from '../hash-query.ts';
import { SelectField, UserText } from '../options.tsx';
import { usePaged } from '../use-paged.ts';
import type { Paged } from '../use-paged.ts';

function filtersFrom(params: URLSearchParams): QuoteFilters {
  const f: QuoteFilters = {};
  const theme = intParam(params, 'theme');
  if (theme) f.themeId = theme;
  const competitor = intParam(params, 'competitor');
  if (competitor) f.competitorId = competitor;
  const reason = intParam(params, 'reason');
  if (reason) f.reasonId = reason;
  const sentiment = params.get('sentiment');
  if (sentiment && (SENTIMENTS as readonly string[]).includes(sentiment)) f.sentiment = sentiment as Sentiment;
  const outcome = params.get('outcome');
  if (outcome && (OUTCOMES as readonly string[]).includes(outcome)) f.outcome = outcome as Outcome;
  if (params.get('shareable') === '1') f.shareableOnly = true;
  if (params.get('drafts') === '1') f.includeDrafts = true;
  const q = params.get('q');
  if (q) f.search = q.slice(0, 500);
  return f;
}

/** Clipboard: the async API where allowed, else a selected textarea and the copy command. */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function QuoteBrowser({ params }: { params: URLSearchParams }) {
  const facets = useQuery((api) => api.interviews.facets(), []);
  const [filters, setFilters] = useState<QuoteFilters>(() => filtersFrom(params));
  const [searchText, setSearchText] = useState(filters.search ?? '');
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => ({ ...f, search: searchText.trim() || undefined })), 250);
    return () => clearTimeout(t);
  }, [searchText]);
  useEffect(() => {
    window.history.replaceState(
      null,
      '',
      interviewsHref({
        view: 'quotes',
        q: filters.search,
        theme: filters.themeId,
        competitor: filters.competitorId,
        reason: filters.reasonId,
        sentiment: filters.sentiment,
        outcome: filters.outcome,
        shareable: filters.shareableOnly ? 1 : undefined,
        drafts: filters.includeDrafts ? 1 : undefined,
      }),
    );
  }, [filters]);
  const paged = usePaged<QuoteRow, QuotePage>(JSON.stringify(filters), (api, offset, limit) =>
    api.quotes.list({ filters, offset, limit }),
  );
  const set = <K extends keyof QuoteFilters>(key: K, value: QuoteFilters[K] | undefined) =>
    setFilters((f) => {
      const next = { ...f };
      if (value === undefined || value === '' || value === false) delete next[key];
      else next[key] = value;
      return next;
    });
  const num = (v: string) => (v ? Number(v) : undefined);

  const copy = async (q: QuoteRow) => {
    const ok = await copyToClipboard(q.copyText);
    setCopied({ text: q.copyText, ok });
  };

  return (
    <div className="quote-browser" data-testid="quote-browser">
      <section className="panel filters" aria-label="Filter quotes">
        <label className="field search-field">
          <span className="field-label">Search quotes</span>
          <input
            type="search"
            value={searchText}
            maxLength={500}
            placeholder="e.g. onboarding, “price gap”"
            onChange={(e) => setSearchText(e.target.value)}
            data-testid="quote-search"
          />
        </label>
        <div className="filter-grid">
          <SelectField
            label="Theme"
            value={String(filters.themeId ?? '')}
            onChange={(v) => set('themeId', num(v))}
            choices={(facets.data?.themes ?? []).map((t) => ({
              value: String(t.id),
              label: `${t.name} (${t.quotes})`,
            }))}
            testId="quote-theme"
          />
          <SelectField
            label="Competitor"
            value={String(filters.competitorId ?? '')}
            onChange={(v) => set('competitorId', num(v))}
            choices={(facets.data?.competitors ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          />
          <SelectField
            label="Reason"
            value={String(filters.reasonId ?? '')}
            onChange={(v) => set('reasonId', num(v))}
            choices={(facets.data?.reasons ?? []).map((r) => ({
              value: String(r.id),
              label: `${r.categoryName} › ${r.name}`,
            }))}
          />
          <SelectField
            label="Sentiment"
            value={filters.sentiment ?? ''}
            onChange={(v) => set('sentiment', (v || undefined) as Sentiment | undefined)}
            choices={SENTIMENTS.map((s) => ({ value: s, label: SENTIMENT_LABEL[s] }))}
          />
          <SelectField
            label="Deal outcome"
            value={filters.outcome ?? ''}
            onChange={(v) => set('outcome', (v || undefined) as Outcome | undefined)}
            choices={OUTCOMES.filter((o) => o !== 'open').map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
          />
        </div>
        <div className="checks">
          <label className="check">
            <input
              type="checkbox"
              checked={filters.shareableOnly ?? false}
              onChange={(e) => set('shareableOnly', e.target.checked || undefined)}
            />
            Only quotes cleared for sharing
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.includeDrafts ?? false}
              onChange={(e) => set('includeDrafts', e.target.checked || undefined)}
            />
            Include draft interviews
          </label>
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
          <ExportButton kind="quotes" filters={filters} />
        </div>
      </section>
      <p className="copy-status" role="status" aria-live="polite" data-testid="copy-status">
        {copied &&
          (copied.ok ? (
            <>
              Copied: <UserText>{copied.text}</UserText>
            </>
          ) : (
            'The clipboard could not be reached: select the text of the quote and copy it by hand.'
          ))}
      </p>
      {facets.data?.counts.quotes === 0 ? (
        <EmptyState title="No quotes yet">
          <p>
            Quotes are captured in interviews (Alt+Q in the interview form). They appear here with their attribution.
          </p>
        </EmptyState>
      ) : paged.error ? (
        <ErrorMessage error={paged.error} />
      ) : (
        <QuoteList paged={paged} onCopy={(q) => void copy(q)} />
      )}
    </div>
  );
}

function QuoteList({ paged, onCopy }: { paged: Paged<QuoteRow, QuotePage>; onCopy: (q: QuoteRow) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer's functions are read on every render here, never memoised: safe to skip the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: paged.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 6,
    getItemKey: (i) => paged.rows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  const { loadMore } = paged;
  useEffect(() => {
    if (last >= paged.rows.length - 10) loadMore();
  }, [last, paged.rows.length, loadMore]);
  return (
    <section className="panel" aria-label="Quotes">
      <p className="muted" data-testid="quote-count">
        {paged.total === null ? 'Loading…' : `${formatInt(paged.total)} quote${paged.total === 1 ? '' : 's'}`}
      </p>
      <div ref={scrollRef} className="quote-scroll">
        {paged.rows.length === 0 && !paged.loading && <p className="muted">No quote matches these filters.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const q = paged.rows[item.index]!;
            return (
              <article
                key={q.id}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="quote-card"
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid="quote-card"
              >
                <blockquote className={`quote-text sentiment-${q.sentiment}`}>
                  {q.segments ? <Highlighted segments={q.segments} /> : <UserText>{q.text}</UserText>}
                </blockquote>
                <p className="attribution">
                  — <UserText>{q.attribution}</UserText>
                </p>
                <div className="quote-facts">
                  <span className={`chip ${q.cleared ? 'chip-ok' : 'chip-warn'}`}>
                    {q.cleared ? 'Cleared for sharing' : 'Internal only'}
                  </span>
                  <span className={`chip sentiment-${q.sentiment}`}>{SENTIMENT_LABEL[q.sentiment]}</span>
                  {q.themes.map((t) => (
                    <span key={t.id} className="chip">
                      <UserText>{t.name}</UserText>
                    </span>
                  ))}
                  {q.competitor && (
                    <span className="chip">
                      vs <UserText>{q.competitor.name}</UserText>
                    </span>
                  )}
                  {q.reason && (
                    <span className="chip">
                      <UserText>{q.reason.name}</UserText>
                    </span>
                  )}
                  <span className="muted small">
                    <a href={interviewsHref({ id: q.interviewId })}>
                      <UserText>{q.dealName}</UserText>
                    </a>{' '}
                    · {OUTCOME_LABEL[q.outcome]} · {q.interviewDate ?? 'no date'}
                    {q.status === 'draft' ? ' · draft' : ''}
                  </span>
                  <button
                    type="button"
                    className="secondary small-button copy"
                    onClick={() => onCopy(q)}
                    data-testid="copy-quote"
                  >
                    Copy quote
                  </button>
                </div>
              </article>
            );
          })}
        </div>
      </div>
    </section>
  );
}
