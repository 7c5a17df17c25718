import type { HandlersOf } from '#shared/contract/index.ts';
import type { dashboardChannels } from '#shared/contract/dashboard.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { dashboardSummary } from './dashboard-queries.ts';
import { dataQuality } from './data-quality.ts';

export const dashboardHandlers: HandlersOf<typeof dashboardChannels, CoreContext> = {
  'dashboard:summary': (_arg, s) => {
    const ws = s.require();
    return dashboardSummary(ws.sqlite, readSettings(ws.sqlite));
  },
  'dashboard:dataQuality': (_arg, s) => dataQuality(s.require().sqlite),
};
