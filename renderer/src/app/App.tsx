// The app shell: navigation, the workspace menu, and the current area inside an error boundary.
import { useState } from 'react';
import { useQuery } from '../api/use-query.ts';
import { PendingArea } from '../areas/PendingArea.tsx';
import { CompetitorsPage } from '../competitors/CompetitorsPage.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { DealsArea } from '../deals/DealsArea.tsx';
import { ErrorMessage } from '../components/Notice.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { InterviewsArea } from '../interviews/InterviewsArea.tsx';
import { RetentionPage } from '../retention/RetentionPage.tsx';
import { SafetyBanner } from '../safety/SafetyBanner.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { WinRatesPage } from '../win-rates/WinRatesPage.tsx';
import { WorkspaceMenu } from '../workspace/WorkspaceMenu.tsx';
import { AREAS, areaForPath } from './routes.ts';
import { useHashRoute } from './use-hash-route.ts';

export function App() {
  const path = useHashRoute();
  const [generation, setGeneration] = useState(0);
  const info = useQuery((api) => api.app.info(), [generation]);
  const area = areaForPath(path);

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
  else if (area.id === 'settings')
    body = <SettingsPage info={info.data} onRestored={() => setGeneration((g) => g + 1)} />;
  else if (area.id === 'deals') body = <DealsArea />;
  else if (area.id === 'win-rates') body = <WinRatesPage />;
  else if (area.id === 'competitors') body = <CompetitorsPage />;
  else if (area.id === 'interviews') body = <InterviewsArea />;
  else if (area.id === 'retention') body = <RetentionPage />;
  else body = <PendingArea area={area} />;

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Areas">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Winnow
        </div>
        <ul>
          {AREAS.map((a) => (
            <li key={a.id}>
              <a
                href={`#${a.path}`}
                aria-current={a.id === area.id ? 'page' : undefined}
                className={a.pending ? 'nav-pending' : ''}
              >
                {a.label}
                {a.pending && <span className="nav-badge">soon</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          {info.data && <WorkspaceMenu info={info.data} onChanged={() => setGeneration((g) => g + 1)} />}
        </header>
        <main key={generation}>
          {info.data?.workspace && <SafetyBanner onRestored={() => setGeneration((g) => g + 1)} />}
          <ErrorBoundary resetKey={`${path}:${generation}`}>{body}</ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
