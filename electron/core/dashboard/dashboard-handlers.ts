import type { HandlerMap } from '#shared/contract/index.ts';
import type { Session } from '../session/session.ts';
import { readSettings } from '../settings/settings-store.ts';
import { dashboardSummary } from './dashboard-queries.ts';

export const dashboardHandlers: Pick<HandlerMap<Session>, 'dashboard:summary'> = {
  'dashboard:summary': (_arg, s) => {
    const ws = s.require();
    return dashboardSummary(ws.sqlite, readSettings(ws.sqlite));
  },
};
