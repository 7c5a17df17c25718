import type { HandlersOf } from '#shared/contract/index.ts';
import type { winlossChannels } from '#shared/contract/winloss.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { agreementAnalysis } from './agreement-analysis.ts';
import { ratingAnalysis } from './rating-analysis.ts';
import { reasonAnalysis } from './reason-analysis.ts';
import { themeTrend } from './theme-analysis.ts';

export const winlossHandlers: HandlersOf<typeof winlossChannels, CoreContext> = {
  'winloss:reasons': (arg, s) => {
    const { sqlite } = s.require();
    return reasonAnalysis(sqlite, arg.filters, arg.level, arg.primaryOnly, readSettings(sqlite));
  },
  'winloss:ratings': (arg, s) => {
    const { sqlite } = s.require();
    return ratingAnalysis(sqlite, arg.filters, readSettings(sqlite));
  },
  'winloss:agreement': (arg, s) => {
    const { sqlite } = s.require();
    return agreementAnalysis(sqlite, arg.filters, arg.level, readSettings(sqlite));
  },
  'winloss:themes': (arg, s) => {
    const { sqlite } = s.require();
    return themeTrend(sqlite, arg.filters, arg.granularity, readSettings(sqlite));
  },
};
