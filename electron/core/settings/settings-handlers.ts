import type { HandlersOf } from '#shared/contract/index.ts';
import type { settingsChannels } from '#shared/contract/settings.ts';
import type { CoreContext } from '../rpc/context.ts';
import { changeCurrency, currencyUse } from './currency-change.ts';
import { readSettings, updateSettings } from './settings-store.ts';

export const settingsHandlers: HandlersOf<typeof settingsChannels, CoreContext> = {
  'settings:get': (_arg, s) => readSettings(s.require().sqlite),
  'settings:update': (patch, s) => updateSettings(s.require().sqlite, patch),
  'settings:currencies': (_arg, s) => currencyUse(s.require().sqlite),
  'settings:currency': (arg, s) => changeCurrency(s.require().sqlite, arg.currency, arg.mode, arg.rate),
};
