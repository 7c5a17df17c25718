import type { HandlersOf } from '#shared/contract/index.ts';
import type { dealsChannels } from '#shared/contract/deals.ts';
import type { exportChannels } from '#shared/contract/export.ts';
import type { viewsChannels } from '#shared/contract/views.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { getDeal } from './deal-detail.ts';
import { createDeal, deleteDeal, updateDeal } from './deal-write.ts';
import { dealOptions } from './deal-options.ts';
import { dealsSummary, listDeals } from './deals-queries.ts';
import { deleteView, listViews, saveView } from './saved-views.ts';
import { runUndo } from './undo-store.ts';

const CSV = [{ name: 'CSV files', extensions: ['csv'] }];
const stamp = () => new Date().toISOString().slice(0, 10);

export const dealsHandlers: HandlersOf<
  typeof dealsChannels & Pick<typeof exportChannels, 'export:csv'> & typeof viewsChannels,
  CoreContext
> = {
  'deals:list': ({ filter, sort, offset, limit }, s) => listDeals(s.require().sqlite, filter, sort, offset, limit),
  'deals:summary': ({ filter }, s) => {
    const { sqlite } = s.require();
    return dealsSummary(sqlite, filter, readSettings(sqlite));
  },
  'deals:options': (_arg, s) => dealOptions(s.require().sqlite),
  'deals:get': ({ id }, s) => getDeal(s.require().sqlite, id),
  'deals:create': (input, s) => {
    const ws = s.require();
    const { id, undo } = createDeal(ws.sqlite, ws.path, input);
    return { deal: getDeal(ws.sqlite, id), undo };
  },
  'deals:update': ({ id, deal }, s) => {
    const ws = s.require();
    const undo = updateDeal(ws.sqlite, ws.path, id, deal);
    return { deal: getDeal(ws.sqlite, id), undo };
  },
  'deals:delete': ({ id }, s) => {
    const ws = s.require();
    return { undo: deleteDeal(ws.sqlite, ws.path, id) };
  },
  'deals:undo': ({ token }, s) => {
    const ws = s.require();
    return runUndo(ws.sqlite, ws.path, token);
  },
  'deals:exportView': async ({ filter, sort, columns }, s) => {
    s.require();
    const path = await s.platform.pickSaveFile({
      title: 'Export this view as CSV',
      filters: CSV,
      defaultName: `deals-${stamp()}.csv`,
    });
    if (!path) return null;
    const job = await s.startJob('exportCsv', { what: 'view', path, filter, sort, columns });
    return { jobId: job.id, path };
  },
  'export:csv': async ({ what }, s) => {
    s.require();
    const path = await s.platform.pickSaveFile({
      title: `Export all ${what} as CSV`,
      filters: CSV,
      defaultName: `${what}-${stamp()}.csv`,
    });
    if (!path) return null;
    const job = await s.startJob('exportCsv', { what, path });
    return { jobId: job.id, path };
  },
  'views:list': (_arg, s) => listViews(s.require().sqlite),
  'views:save': ({ name, state, replace }, s) => saveView(s.require().sqlite, name, state, replace),
  'views:delete': ({ id }, s) => ({ deleted: deleteView(s.require().sqlite, id) }),
};
