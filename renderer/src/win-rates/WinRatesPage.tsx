// The Win rates area: the overview, the matrix, and change over time, as tabs that keep one query.
import { useState } from 'react';
import type { MatrixQuery } from '#shared/domain/win-rates.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import { useQuery } from '../api/use-query.ts';
import { useSettings } from '../settings/use-settings.ts';
import { ChangePanel } from './ChangePanel.tsx';
import { MatrixControls } from './MatrixControls.tsx';
import { MatrixPanel } from './MatrixPanel.tsx';
import { OverviewPanel } from './OverviewPanel.tsx';
import { DEFAULT_QUERY, useHashParam } from './query.ts';
import './win-rates.css';

const VIEWS = [
  ['overview', 'Overview'],
  ['matrix', 'Matrix'],
  ['change', 'Change over time'],
] as const;
type View = (typeof VIEWS)[number][0];

export function WinRatesPage() {
  const [param] = useHashParam('view');
  const view: View = VIEWS.some(([v]) => v === param) ? (param as View) : 'overview';
  const [query, setQuery] = useState<MatrixQuery>(DEFAULT_QUERY);
  const info = useQuery((api) => api.matrix.dimensions(), []);
  const settings = useSettings();
  return (
    <div className="win-rates" data-testid="win-rates">
      <header className="page-head">
        <h1>Win rates</h1>
        {settings.data && (
          <p className="muted definition" data-testid="closed-definition">
            {closedDefinition(settings.data)} No-decision deals are{' '}
            {settings.data.includeNoDecision ? 'included in' : 'left out of'} closed (Settings).
          </p>
        )}
      </header>
      <nav className="tabs" aria-label="Win-rate views">
        {VIEWS.map(([v, label]) => (
          <a
            key={v}
            href={`#/win-rates?view=${v}`}
            aria-current={view === v ? 'page' : undefined}
            data-testid={`tab-${v}`}
          >
            {label}
          </a>
        ))}
      </nav>
      {view === 'overview' && <OverviewPanel />}
      {view !== 'overview' && <MatrixControls query={query} onChange={setQuery} showPeriod={view === 'matrix'} />}
      {view === 'matrix' && <MatrixPanel query={query} />}
      {view === 'change' && info.data && <ChangePanel query={query} lastCloseDate={info.data.lastCloseDate} />}
    </div>
  );
}
