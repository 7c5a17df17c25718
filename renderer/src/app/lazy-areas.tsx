// Each area is its own chunk, loaded the first time the user opens it, so the first screen (Home)
// loads only the shell, Home and the charts it draws. Chunks are files next to index.html, so
// the strict CSP ("script-src 'self'") allows them.
import { lazy } from 'react';

const load = {
  home: () => import('../home/HomePage.tsx'),
  deals: () => import('../deals/DealsArea.tsx'),
  interviews: () => import('../interviews/InterviewsArea.tsx'),
  winRates: () => import('../win-rates/WinRatesPage.tsx'),
  competitors: () => import('../competitors/CompetitorsPage.tsx'),
  retention: () => import('../retention/RetentionPage.tsx'),
  funnel: () => import('../funnel/FunnelPage.tsx'),
  reports: () => import('../reports/ReportsPage.tsx'),
  settings: () => import('../settings/SettingsPage.tsx'),
};

/**
 * Once the first screen has painted and the page is idle, fetch the other areas' chunks (and
 * ECharts), so the first click on an area does not wait for its code. Nothing runs: a module's
 * top level only declares components.
 */
export function preloadAreas(): void {
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  idle(() => {
    for (const chunk of Object.values(load)) void chunk().catch(() => {});
    void import('../components/EChartCanvas.tsx').catch(() => {});
  });
}

export const HomePage = lazy(() => load.home().then((m) => ({ default: m.HomePage })));
export const DealsArea = lazy(() => load.deals().then((m) => ({ default: m.DealsArea })));
export const InterviewsArea = lazy(() => load.interviews().then((m) => ({ default: m.InterviewsArea })));
export const WinRatesPage = lazy(() => load.winRates().then((m) => ({ default: m.WinRatesPage })));
export const CompetitorsPage = lazy(() => load.competitors().then((m) => ({ default: m.CompetitorsPage })));
export const RetentionPage = lazy(() => load.retention().then((m) => ({ default: m.RetentionPage })));
export const FunnelPage = lazy(() => load.funnel().then((m) => ({ default: m.FunnelPage })));
export const ReportsPage = lazy(() => load.reports().then((m) => ({ default: m.ReportsPage })));
export const SettingsPage = lazy(() => load.settings().then((m) => ({ default: m.SettingsPage })));

/** While an area's chunk loads (a few ms from disk): a quiet line, shown only after a short delay. */
export function AreaLoading() {
  return (
    <p className="muted area-loading" aria-busy="true">
      Loading…
    </p>
  );
}
