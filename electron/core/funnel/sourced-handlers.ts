// The Sourced tab's call: read-only, on the read pool.
import type { HandlersOf } from '#shared/contract/index.ts';
import type { sourcedChannels } from '#shared/contract/sourced.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { sourcedReport } from './sourced-report.ts';

export const sourcedHandlers: HandlersOf<typeof sourcedChannels, CoreContext> = {
  'sourced:report': (arg, s) => {
    const { sqlite } = s.require();
    return sourcedReport(sqlite, arg, readSettings(sqlite));
  },
};
