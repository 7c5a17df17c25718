import type { HandlerMap } from '#shared/contract/index.ts';
import type { Session } from '../session/session.ts';
import { readSettings } from '../settings/settings-store.ts';
import { agreementAnalysis } from './agreement-analysis.ts';
import { ratingAnalysis } from './rating-analysis.ts';
import { reasonAnalysis } from './reason-analysis.ts';
import { themeTrend } from './theme-analysis.ts';

type Channels = 'winloss:reasons' | 'winloss:ratings' | 'winloss:agreement' | 'winloss:themes';

export const winlossHandlers: Pick<HandlerMap<Session>, Channels> = {
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
