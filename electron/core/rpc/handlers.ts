// Every handler, keyed by channel, in two maps: the session thread's (workspace, jobs, calls) and
// the data handlers that run on a pool connection. Together they are the full HandlerMap: a
// channel added to the contract without a handler does not compile.
import type { HandlerMap } from '#shared/contract/index.ts';
import { backupHandlers } from '../backup/backup-handlers.ts';
import { competitorsHandlers } from '../competitors/competitors-handlers.ts';
import { dashboardHandlers } from '../dashboard/dashboard-handlers.ts';
import { dealsHandlers } from '../deals/deals-handlers.ts';
import { importHandlers } from '../import/import-handlers.ts';
import { interviewsHandlers } from '../interviews/interviews-handlers.ts';
import { reasonsHandlers } from '../reasons/reasons-handlers.ts';
import { retentionHandlers } from '../retention/retention-handlers.ts';
import { sessionHandlers } from '../session/session-handlers.ts';
import type { Session } from '../session/session.ts';
import { settingsHandlers } from '../settings/settings-handlers.ts';
import { winRatesHandlers } from '../win-rates/win-rates-handlers.ts';
import { winlossHandlers } from '../winloss/winloss-handlers.ts';

/** Handlers that read or write the workspace; each needs only a CoreContext. */
export const dataHandlers = {
  ...backupHandlers,
  ...dashboardHandlers,
  ...settingsHandlers,
  ...winRatesHandlers,
  ...interviewsHandlers,
  ...reasonsHandlers,
  ...winlossHandlers,
  ...retentionHandlers,
  ...importHandlers,
  ...dealsHandlers,
  ...competitorsHandlers,
};

/** All of them, for in-process use (the CLI, integration tests), where the Session is the context. */
export const handlers: HandlerMap<Session> = { ...sessionHandlers, ...dataHandlers };
