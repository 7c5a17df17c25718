// Every handler, keyed by channel. Typed as the full HandlerMap: a channel added to the contract
// without a handler here does not compile.
import type { HandlerMap } from '#shared/contract/index.ts';
import { competitorsHandlers } from '../competitors/competitors-handlers.ts';
import { dashboardHandlers } from '../dashboard/dashboard-handlers.ts';
import { interviewsHandlers } from '../interviews/interviews-handlers.ts';
import { dealsHandlers } from '../deals/deals-handlers.ts';
import { importHandlers } from '../import/import-handlers.ts';
import { jobsHandlers } from '../jobs/jobs-handlers.ts';
import { reasonsHandlers } from '../reasons/reasons-handlers.ts';
import { retentionHandlers } from '../retention/retention-handlers.ts';
import { appHandlers } from '../session/app-handlers.ts';
import type { Session } from '../session/session.ts';
import { settingsHandlers } from '../settings/settings-handlers.ts';
import { winRatesHandlers } from '../win-rates/win-rates-handlers.ts';
import { winlossHandlers } from '../winloss/winloss-handlers.ts';

export const handlers: HandlerMap<Session> = {
  ...appHandlers,
  ...dashboardHandlers,
  ...settingsHandlers,
  ...jobsHandlers,
  ...winRatesHandlers,
  ...interviewsHandlers,
  ...reasonsHandlers,
  ...winlossHandlers,
  ...retentionHandlers,
  ...importHandlers,
  ...dealsHandlers,
  ...competitorsHandlers,
};
