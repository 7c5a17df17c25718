// Funnel calls: read-only, on the read pool.
import type { funnelChannels } from '#shared/contract/funnel.ts';
import type { HandlersOf } from '#shared/contract/index.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { criteriaReport } from './criteria-queries.ts';
import { dataAsOf, funnelItems, funnelReport, maturityDays, trapReport } from './funnel-queries.ts';
import { velocityReport } from './velocity-queries.ts';

export const funnelHandlers: HandlersOf<typeof funnelChannels, CoreContext> = {
  'funnel:report': (arg, s) => {
    const { sqlite } = s.require();
    return funnelReport(sqlite, arg, readSettings(sqlite), { asOf: dataAsOf(sqlite), days: maturityDays(sqlite) });
  },
  'funnel:items': (arg, s) => funnelItems(s.require().sqlite, arg),
  'funnel:trap': (_arg, s) => {
    const { sqlite } = s.require();
    return trapReport(sqlite, readSettings(sqlite), { asOf: dataAsOf(sqlite), days: maturityDays(sqlite) });
  },
  'funnel:velocity': (arg, s) => {
    const { sqlite } = s.require();
    return velocityReport(sqlite, arg, dataAsOf(sqlite));
  },
  'funnel:criteria': (arg, s) => {
    const { sqlite } = s.require();
    return criteriaReport(sqlite, arg, readSettings(sqlite), { asOf: dataAsOf(sqlite), days: maturityDays(sqlite) });
  },
};
