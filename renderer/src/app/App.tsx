// The app shell: navigation, the workspace menu, and the current area inside an error boundary.
import { Suspense, useEffect, useState } from 'react';
import type { MouseEvent } from 'react';
import { useQuery } from '../api/use-query.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { ErrorMessage } from '../components/Notice.tsx';
import { queryClient } from '../api/query-client.ts';
import { SafetyBanner } from '../safety/SafetyBanner.tsx';
import { WorkspaceMenu } from '../workspace/WorkspaceMenu.tsx';
import {
  AreaLoading,
  preloadAreas,
  CompetitorsPage,
  DealsArea,
  FunnelPage,
  HomePage,
  InterviewsArea,
  ReportsPage,
  RetentionPage,
  SettingsPage,
  WinRatesPage,
} from './lazy-areas.tsx';
import { AREAS, areaForPath } from './routes.ts';
import { useHashRoute } from './use-hash-route.ts';
import { useSidebar } from './use-sidebar.ts';

/** The hash is the route: the skip link moves the focus instead of following its href. */
function skipToMain(e: MouseEvent) {
  e.preventDefault();
  document.getElementById('main-content')?.focus();
}

export function App() {
  const path = useHashRoute();
  // Opening or creating a workspace resets every query (api/domains.ts): this one loads again and
  // the areas below remount on the new workspace.
  const info = useQuery((api) => api.app.info(), []);
  const workspacePath = info.data?.workspace?.path ?? '';
  const area = areaForPath(path);
  // A restore swaps the file under the same path: every answer is stale, every area remounts.
  const [restores, setRestores] = useState(0);
  const restored = () => {
    void queryClient.resetQueries();
    setRestores((n) => n + 1);
  };
  const ready = info.data !== undefined;
  useEffect(() => {
    if (ready) preloadAreas();
  }, [ready]);

  const sidebar = useSidebar();
  let body;
  if (info.error) body = <ErrorMessage error={info.error} title="Winnow could not start" />;
  else if (!info.data) body = <p className="muted">Opening workspace…</p>;
  else if (!info.data.workspace)
    body = (
      <section className="panel" role="alert" data-testid="no-workspace">
        <h1>No workspace is open</h1>
        <p>
          {info.data.workspaceError?.message ??
            'Create a new workspace or open an existing one from the Workspace menu.'}
        </p>
        <p className="muted">Winnow never deletes or rewrites a workspace it cannot open.</p>
      </section>
    );
  else if (area.id === 'home') body = <HomePage info={info.data} />;
  else if (area.id === 'settings') body = <SettingsPage info={info.data} onRestored={restored} />;
  else if (area.id === 'deals') body = <DealsArea />;
  else if (area.id === 'win-rates') body = <WinRatesPage />;
  else if (area.id === 'competitors') body = <CompetitorsPage />;
  else if (area.id === 'interviews') body = <InterviewsArea />;
  else if (area.id === 'retention') body = <RetentionPage />;
  else if (area.id === 'funnel') body = <FunnelPage />;
  else body = <ReportsPage />; // the last area left: 'reports'

  return (
    <div className={`shell${sidebar.collapsed ? ' sidebar-collapsed' : ''}`}>
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        Skip to the content
      </a>
      <nav className="sidebar" aria-label="Areas" data-testid="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Winnow</span>
        </div>
        <button
          type="button"
          className="sidebar-toggle"
          aria-expanded={!sidebar.collapsed}
          aria-controls="area-links"
          title={sidebar.collapsed ? 'Show the area names' : 'Show icons only'}
          onClick={sidebar.toggle}
          data-testid="sidebar-toggle"
        >
          <span aria-hidden="true">{sidebar.collapsed ? '»' : '«'}</span>
          <span className="sidebar-label">{sidebar.collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}</span>
        </button>
        <ul id="area-links">
          {AREAS.map((a) => (
            <li key={a.id}>
              <a href={`#${a.path}`} aria-current={a.id === area.id ? 'page' : undefined} title={a.purpose}>
                <span className="sidebar-icon" aria-hidden="true">
                  {a.icon}
                </span>
                <span className="sidebar-label">{a.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">{info.data && <WorkspaceMenu info={info.data} />}</header>
        <main key={`${workspacePath}:${restores}`} id="main-content" tabIndex={-1}>
          {info.data?.workspace && <SafetyBanner onRestored={restored} />}
          <ErrorBoundary resetKey={`${path}:${workspacePath}:${restores}`}>
            <Suspense fallback={<AreaLoading />}>{body}</Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
