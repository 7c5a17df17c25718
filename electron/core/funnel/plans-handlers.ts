// Planner calls: history on the read pool, saved plans through the writer.
import type { plansChannels } from '#shared/contract/plans.ts';
import type { HandlersOf } from '#shared/contract/index.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { deletePlan, listPlans, savePlan } from './plan-store.ts';
import { planHistory } from './planner-queries.ts';

const today = () => new Date().toISOString().slice(0, 10);

export const plansHandlers: HandlersOf<typeof plansChannels, CoreContext> = {
  'plans:history': (arg, s) => {
    const { sqlite } = s.require();
    return planHistory(sqlite, arg, readSettings(sqlite), today());
  },
  'plans:list': (_arg, s) => listPlans(s.require().sqlite),
  'plans:save': ({ name, inputs }, s) => savePlan(s.require().sqlite, name, inputs),
  'plans:delete': ({ id }, s) => ({ deleted: deletePlan(s.require().sqlite, id) }),
};
