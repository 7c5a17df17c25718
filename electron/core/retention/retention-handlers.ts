// Retention calls. Every read first brings the maintained tables up to date (inline when few
// accounts changed); a large change needs the rebuild job, which the UI runs with progress.
import type { HandlerMap } from '#shared/contract/index.ts';
import type { RetentionStatus } from '#shared/domain/retention.ts';
import { AppError } from '../errors.ts';
import type { Session } from '../session/session.ts';
import { readSettings } from '../settings/settings-store.ts';
import { cohortReport, retentionScope } from './cohort-queries.ts';
import { dimensionValues } from './customer-dims.ts';
import { drillReport } from './drill-queries.ts';
import { movementsReport } from './movement-queries.ts';
import { ensureFresh, INLINE_REFRESH_LIMIT, leftOutDeals, planRefresh } from './retention-refresh.ts';

type RetentionChannels =
  | 'retention:status'
  | 'retention:rebuild'
  | 'retention:cohorts'
  | 'retention:movements'
  | 'retention:customers'
  | 'retention:dimensions';

/** The open workspace, refreshed, unless a long task holds it (its writes would block ours). */
function fresh(s: Session) {
  const ws = s.require();
  const plan = planRefresh(ws.sqlite);
  if (!plan.upToDate && s.jobs.anyRunning()) {
    throw new AppError('conflict', 'A long task is running; the retention figures will be ready when it finishes.');
  }
  return { ws, plan: ensureFresh(ws.sqlite), settings: readSettings(ws.sqlite) };
}

export const retentionHandlers: Pick<HandlerMap<Session>, RetentionChannels> = {
  'retention:status': (_arg, s): RetentionStatus => {
    const ws = s.require();
    let plan = planRefresh(ws.sqlite);
    // A small change is refreshed now, so the screen decides on the real figures.
    if (!plan.upToDate && plan.accounts <= INLINE_REFRESH_LIMIT && !s.jobs.anyRunning()) plan = ensureFresh(ws.sqlite);
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
      busy: s.jobs.anyRunning(),
      builtAt: plan.builtAt,
      asOf: plan.asOf,
      customers: scope.customers,
      sources: scope.sources,
      leftOut: leftOutDeals(ws.sqlite),
    };
  },
  'retention:rebuild': (arg, s) => {
    const ws = s.require();
    const status = s.jobs.start('retention', { full: arg?.full === true }, ws.path, ws.schemaVersion);
    return { jobId: status.id };
  },
  'retention:cohorts': (arg, s) => {
    const { ws, plan, settings } = fresh(s);
    return cohortReport(ws.sqlite, plan, arg, settings);
  },
  'retention:movements': (arg, s) => {
    const { ws, plan, settings } = fresh(s);
    return movementsReport(ws.sqlite, plan, arg, settings);
  },
  'retention:customers': (arg, s) => {
    const { ws, plan, settings } = fresh(s);
    return drillReport(ws.sqlite, plan, arg, settings);
  },
  'retention:dimensions': (_arg, s) => {
    const { ws } = fresh(s);
    return dimensionValues(ws.sqlite);
  },
};
