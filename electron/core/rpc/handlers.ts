// Every handler, keyed by channel, in two maps: the session thread's (workspace, jobs, calls) and
// the data handlers that run on a pool connection. Together they are the full HandlerMap: a
// channel added to the contract without a handler does not compile.
import { contract } from '#shared/contract/index.ts';
import type { HandlerMap } from '#shared/contract/index.ts';
import { refreshAfterWrite } from '../retention/keep-derived.ts';
import type { CoreContext } from './context.ts';
import { isChannel } from './dispatch.ts';
import type { SomeHandlers } from './dispatch.ts';
import { backupHandlers } from '../backup/backup-handlers.ts';
import { competitorsHandlers } from '../competitors/competitors-handlers.ts';
import { dashboardHandlers } from '../dashboard/dashboard-handlers.ts';
import { dealsHandlers } from '../deals/deals-handlers.ts';
import { exportFigureHandlers } from '../export/save-figure.ts';
import { funnelHandlers } from '../funnel/funnel-handlers.ts';
import { sourcedHandlers } from '../funnel/sourced-handlers.ts';
import { plansHandlers } from '../funnel/plans-handlers.ts';
import { importHandlers } from '../import/import-handlers.ts';
import { interviewsHandlers } from '../interviews/interviews-handlers.ts';
import { reasonsHandlers } from '../reasons/reasons-handlers.ts';
import { reportsHandlers } from '../reports/reports-handlers.ts';
import { retentionHandlers } from '../retention/retention-handlers.ts';
import { sessionHandlers } from '../session/session-handlers.ts';
import type { Session } from '../session/session.ts';
import { settingsHandlers } from '../settings/settings-handlers.ts';
import { winRatesHandlers } from '../win-rates/win-rates-handlers.ts';
import { winlossHandlers } from '../winloss/winloss-handlers.ts';

/**
 * Write handlers, then the derived tables brought up to date in the same call on the same (writer)
 * connection, so that reads, which run read-only, never have to (retention/keep-derived.ts).
 */
function refreshingAfterWrites<M extends SomeHandlers<CoreContext>>(map: M): M {
  const out: Record<string, unknown> = { ...map };
  for (const [channel, handler] of Object.entries(map)) {
    if (!isChannel(channel) || contract[channel].access !== 'write' || channel === 'retention:rebuild') continue;
    const run = handler as (arg: unknown, ctx: CoreContext) => unknown;
    out[channel] = async (arg: unknown, ctx: CoreContext) => {
      const result = await run(arg, ctx);
      // A job the write started (an import) derives at its own end.
      if (!(await ctx.jobsRunning())) refreshAfterWrite(ctx.require().sqlite);
      return result;
    };
  }
  return out as M;
}

/** Handlers that read or write the workspace; each needs only a CoreContext. */
export const dataHandlers = refreshingAfterWrites({
  ...backupHandlers,
  ...dashboardHandlers,
  ...settingsHandlers,
  ...winRatesHandlers,
  ...interviewsHandlers,
  ...reasonsHandlers,
  ...winlossHandlers,
  ...retentionHandlers,
  ...reportsHandlers,
  ...importHandlers,
  ...dealsHandlers,
  ...exportFigureHandlers,
  ...competitorsHandlers,
  ...funnelHandlers,
  ...sourcedHandlers,
  ...plansHandlers,
});

/** All of them, for in-process use (the CLI, integration tests), where the Session is the context. */
export const handlers: HandlerMap<Session> = { ...sessionHandlers, ...dataHandlers };
