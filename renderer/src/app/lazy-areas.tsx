// Each area is its own chunk, loaded the first time the user opens it, so the first screen (Home)
// loads only the shell, Home and the charts it draws. Chunks are files next to index.html, so
// the strict CSP ("script-src 'self'") allows them.
import { lazy } from 'react';

export const HomePage = lazy(() => import('../home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
export const DealsArea = lazy(() => import('../deals/DealsArea.tsx').then((m) => ({ default: m.DealsArea })));
export const InterviewsArea = lazy(() =>
  import('../interviews/InterviewsArea.tsx').then((m) => ({ default: m.InterviewsArea })),
);
export const WinRatesPage = lazy(() =>
  import('../win-rates/WinRatesPage.tsx').then((m) => ({ default: m.WinRatesPage })),
);
export const CompetitorsPage = lazy(() =>
  import('../competitors/CompetitorsPage.tsx').then((m) => ({ default: m.CompetitorsPage })),
);
export const RetentionPage = lazy(() =>
  import('../retention/RetentionPage.tsx').then((m) => ({ default: m.RetentionPage })),
);
export const SettingsPage = lazy(() =>
  import('../settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);

/** While an area's chunk loads (a few ms from disk): a quiet line, shown only after a short delay. */
export function AreaLoading() {
  return (
    <p className="muted area-loading" aria-busy="true">
      Loading…
    </p>
  );
}
