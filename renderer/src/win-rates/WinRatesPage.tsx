// The Win rates area: the overview, the matrix, and change over time, as tabs that keep one query.
import { useState } from 'react';
import type { MatrixQuery } from '#shared/domain/win-rates.ts';
import { PERIOD_DIMENSIONS } from '#shared/domain/win-rates.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import { useQuery } from '../api/use-query.ts';
import { TabPanel, Tabs } from '../components/Tabs.tsx';
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
  // Change over time already sets two periods side by side: a close period as rows or columns
  // would split each side into parts of itself, so the view falls back to competitors / one column.
  const changeQuery: MatrixQuery = {
    ...query,
    rows: PERIOD_DIMENSIONS.has(query.rows) ? 'competitor' : query.rows,
    cols: query.cols !== 'none' && PERIOD_DIMENSIONS.has(query.cols) ? 'none' : query.cols,
  };
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
      <Tabs
        label="Win-rate views"
        idBase="win-rates"
        className="underlined"
        selected={view}
        items={VIEWS.map(([v, label]) => ({ id: v, label, href: `#/win-rates?view=${v}`, testId: `tab-${v}` }))}
      />
      <TabPanel idBase="win-rates" selected={view}>
        {view === 'overview' && <OverviewPanel />}
        {view === 'matrix' && <MatrixControls query={query} onChange={setQuery} />}
        {view === 'change' && (
          <MatrixControls query={changeQuery} onChange={setQuery} showPeriod={false} exclude={PERIOD_DIMENSIONS} />
        )}
        {view === 'matrix' && <MatrixPanel query={query} />}
        {view === 'change' && info.data && <ChangePanel query={changeQuery} lastCloseDate={info.data.lastCloseDate} />}
      </TabPanel>
    </div>
  );
}
