// The Competitors area: every competitor ranked, and a profile per competitor (#/competitors?id=3).
import { useMemo, useState } from 'react';
import type { CompetitorSummary } from '#shared/domain/win-rates.ts';
import { useQuery } from '../api/use-query.ts';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { formatInt } from '../lib/format.ts';
import { rankByLowerBound, useHashParam } from '../win-rates/query.ts';
import '../win-rates/win-rates.css';
import { CompetitorProfileView } from './CompetitorProfileView.tsx';

type Order = 'encounters' | 'lower' | 'name';

function ordered(rows: CompetitorSummary[], order: Order): CompetitorSummary[] {
  if (order === 'lower') return rankByLowerBound(rows);
  if (order === 'name') return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return rows;
}

export function CompetitorsPage() {
  const [id] = useHashParam('id');
  const numeric = id !== null && /^\d+$/.test(id) ? Number(id) : null;
  if (numeric !== null) return <CompetitorProfileView id={numeric} />;
  return <CompetitorList />;
}

function CompetitorList() {
  const list = useQuery((api) => api.competitorProfile.list({ period: {} }), []);
  const [order, setOrder] = useState<Order>('encounters');
  const rows = useMemo(() => (list.data ? ordered(list.data, order) : []), [list.data, order]);
  if (list.error) return <ErrorMessage error={list.error} title="Competitors could not be loaded" />;
  if (!list.data) return <p className="muted">Loading…</p>;
  if (list.data.length === 0)
    return (
      <EmptyState title="No competitors yet">
        <p>Competitors come with your deals (the CRM&apos;s competitor field) or with the demo company on Home.</p>
      </EmptyState>
    );
  return (
    <div className="competitors" data-testid="competitor-list">
      <header className="page-head">
        <h1>Competitors</h1>
        <p className="muted">
          Open a competitor for its profile: win rate over time, by segment, reasons, ratings and quotes.
        </p>
      </header>
      <section className="panel">
        <label className="control inline">
          Order by
          <select value={order} onChange={(e) => setOrder(e.target.value as Order)} data-testid="competitor-order">
            <option value="encounters">Deals met (most first)</option>
            <option value="lower">Win rate, lower end of the 95% interval (strongest first)</option>
            <option value="name">Name</option>
          </select>
        </label>
        <table className="data-table">
          <thead>
            <tr>
              <th>Competitor</th>
              <th className="num">Deals met</th>
              <th>Win rate, involved (95% CI, n)</th>
              <th>Head-to-head (primary)</th>
              <th>Last closed deal</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/competitors?id=${c.id}`} data-testid="competitor-link">
                    {c.name}
                  </a>
                </td>
                <td className="num">{formatInt(c.encounters)}</td>
                <td>
                  <RateView rate={c.involved} />
                </td>
                <td>
                  <RateView rate={c.headToHead} />
                </td>
                <td>{c.lastCloseDate ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
