// Retention calls. The reads only read the maintained tables (writes and jobs keep them up to
// date: keep-derived.ts); a large change not yet derived needs the rebuild job, which the UI runs
// with progress.
import type { HandlersOf } from '#shared/contract/index.ts';
import type { retentionChannels } from '#shared/contract/retention.ts';
import type { RetentionStatus } from '#shared/domain/retention.ts';
import { AppError } from '../errors.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { cohortReport, retentionScope } from './cohort-queries.ts';
import { dimensionValues } from './group-cells.ts';
import { drillReport } from './drill-queries.ts';
import { movementsReport } from './movement-queries.ts';
import { leftOutDeals, planRefresh, zeroOnlyAccounts } from './retention-refresh.ts';

/**
 * The open workspace and the maintained tables as they are: these reads run on read-only
 * connections, so the writes and jobs that change data keep the tables up to date
 * (keep-derived.ts). A change not yet derived is refused with what to do.
 */
function current(s: CoreContext) {
  const ws = s.require();
  const plan = planRefresh(ws.sqlite);
  if (!plan.upToDate && plan.accounts > 0) {
    throw new AppError(
      'conflict',
      `Revenue data changed for ${plan.accounts.toLocaleString('en-US')} accounts; rebuild the retention figures first (Retention, "Prepare retention figures").`,
    );
  }
  return { ws, plan, settings: readSettings(ws.sqlite) };
}

export const retentionHandlers: HandlersOf<typeof retentionChannels, CoreContext> = {
  'retention:status': async (_arg, s): Promise<RetentionStatus> => {
    const ws = s.require();
    const plan = planRefresh(ws.sqlite);
    const scope = retentionScope(ws.sqlite, plan, 'month', readSettings(ws.sqlite));
    // Not up to date here means changed outside the app's writes (another process) or by more
    // than a write refreshes inline: the screen starts the rebuild job, with its progress.
    const state: RetentionStatus['state'] =
      !plan.upToDate && plan.accounts > 0 ? 'rebuild' : scope.customers === 0 ? 'empty' : 'ready';
    return {
      state,
      pendingAccounts: plan.upToDate ? 0 : plan.accounts,
      busy: await s.jobsRunning(),
      builtAt: plan.builtAt,
      asOf: plan.asOf,
      customers: scope.customers,
      sources: scope.sources,
      leftOut: leftOutDeals(ws.sqlite),
      zeroOnly: zeroOnlyAccounts(ws.sqlite),
      activity: readSettings(ws.sqlite).retentionActivity,
    };
  },
  'retention:rebuild': async (arg, s) => {
    s.require();
    const status = await s.startJob('retention', { full: arg?.full === true });
    return { jobId: status.id };
  },
  'retention:cohorts': async (arg, s) => {
    const { ws, plan, settings } = current(s);
    return cohortReport(ws.sqlite, plan, arg, settings);
  },
  'retention:movements': async (arg, s) => {
    const { ws, plan, settings } = current(s);
    return movementsReport(ws.sqlite, plan, arg, settings);
  },
  'retention:customers': async (arg, s) => {
    const { ws, plan, settings } = current(s);
    return drillReport(ws.sqlite, plan, arg, settings);
  },
  'retention:dimensions': async (_arg, s) => {
    const { ws } = current(s);
    return dimensionValues(ws.sqlite);
  },
};
