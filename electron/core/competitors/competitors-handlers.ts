import type { HandlersOf } from '#shared/contract/index.ts';
import type { competitorsChannels } from '#shared/contract/competitors.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { addAlias, createCompetitor, removeAlias, updateCompetitor } from './competitor-edit.ts';
import { mergeCompetitors, undoMerge } from './competitor-merge.ts';
import { getCompetitor, listCompetitors, listMerges } from './competitors-queries.ts';

export const competitorsHandlers: HandlersOf<typeof competitorsChannels, CoreContext> = {
  'competitors:list': (_arg, s) => {
    const { sqlite } = s.require();
    return listCompetitors(sqlite, readSettings(sqlite));
  },
  'competitors:get': ({ id }, s) => {
    const { sqlite } = s.require();
    return getCompetitor(sqlite, id, readSettings(sqlite));
  },
  'competitors:create': (input, s) => {
    const { sqlite } = s.require();
    return getCompetitor(sqlite, createCompetitor(sqlite, input), readSettings(sqlite));
  },
  'competitors:update': (patch, s) => {
    const { sqlite } = s.require();
    updateCompetitor(sqlite, patch);
    return getCompetitor(sqlite, patch.id, readSettings(sqlite));
  },
  'competitors:addAlias': ({ id, alias }, s) => {
    const { sqlite } = s.require();
    addAlias(sqlite, id, alias);
    return getCompetitor(sqlite, id, readSettings(sqlite));
  },
  'competitors:removeAlias': ({ aliasId }, s) => {
    const { sqlite } = s.require();
    return getCompetitor(sqlite, removeAlias(sqlite, aliasId), readSettings(sqlite));
  },
  'competitors:merge': ({ fromId, intoId }, s) => {
    const { sqlite } = s.require();
    const mergeId = mergeCompetitors(sqlite, fromId, intoId);
    return { mergeId, into: getCompetitor(sqlite, intoId, readSettings(sqlite)) };
  },
  'competitors:undoMerge': ({ mergeId }, s) => {
    const { sqlite } = s.require();
    return getCompetitor(sqlite, undoMerge(sqlite, mergeId), readSettings(sqlite));
  },
  'competitors:merges': (_arg, s) => listMerges(s.require().sqlite),
};
