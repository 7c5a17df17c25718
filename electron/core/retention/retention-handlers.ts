// Retention calls. Every read first brings the maintained tables up to date (inline when few
// accounts changed); a large change needs the rebuild job, which the UI runs with progress.
import type { HandlersOf } from '#shared/contract/index.ts';
import type { retentionChannels } from '#shared/contract/retention.ts';
import type { RetentionStatus } from '#shared/domain/retention.ts';
import { AppError } from '../errors.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { cohortReport, retentionScope } from './cohort-queries.ts';
import { dimensionValues } from './customer-dims.ts';
import { drillReport } from './drill-queries.ts';
import { movementsReport } from './movement-queries.ts';
import { ensureFresh, INLINE_REFRESH_LIMIT, leftOutDeals, planRefresh } from './retention-refresh.ts';

/** The open workspace, refreshed, unless a long task holds it (its writes would block ours). */
async function fresh(s: CoreContext) {
  const ws = s.require();
  const plan = planRefresh(ws.sqlite);
  if (!plan.upToDate && (await s.jobsRunning())) {
    throw new AppError('conflict', 'A long task is running; the retention figures will be ready when it finishes.');
  }
  return { ws, plan: ensureFresh(ws.sqlite), settings: readSettings(ws.sqlite) };
}

export const retentionHandlers: HandlersOf<typeof retentionChannels, CoreContext> = {
  'retention:status': async (_arg, s): Promise<RetentionStatus> => {
    const ws = s.require();
    let plan = planRefresh(ws.sqlite);
    // A small change is refreshed now, so the screen decides on the real figures.
    if (!plan.upToDate && plan.accounts <= INLINE_REFRESH_LIMIT && !(await s.jobsRunning()))
      plan = ensureFresh(ws.sqlite);
    const scope = retentionScope(ws.sqlite, plan, 'month', readSettings(ws.sqlite));
    const state: RetentionStatus['state'] = !plan.upToDate
      ? plan.accounts > INLINE_REFRESH_LIMIT
        ? 'rebuild'
        : 'stale'
      : scope.customers === 0
        ? 'empty'
        : 'ready';
    return {
      state,
      pendingAccounts: plan.upToDate ? 0 : plan.accounts,
      busy: await s.jobsRunning(),
      builtAt: plan.builtAt,
      asOf: plan.asOf,
      customers: scope.customers,
      sources: scope.sources,
      leftOut: leftOutDeals(ws.sqlite),
    };
  },
  'retention:rebuild': async (arg, s) => {
    s.require();
    const status = await s.startJob('retention', { full: arg?.full === true });
    return { jobId: status.id };
  },
  'retention:cohorts': async (arg, s) => {
    const { ws, plan, settings } = await fresh(s);
    return cohortReport(ws.sqlite, plan, arg, settings);
  },
  'retention:movements': async (arg, s) => {
    const { ws, plan, settings } = await fresh(s);
    return movementsReport(ws.sqlite, plan, arg, settings);
  },
  'retention:customers': async (arg, s) => {
    const { ws, plan, settings } = await fresh(s);
    return drillReport(ws.sqlite, plan, arg, settings);
  },
  'retention:dimensions': async (_arg, s) => {
    const { ws } = await fresh(s);
    return dimensionValues(ws.sqlite);
  },
};
