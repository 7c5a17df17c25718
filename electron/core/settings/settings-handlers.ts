import type { HandlerMap } from '#shared/contract/index.ts';
import type { Session } from '../session/session.ts';
import { readSettings, updateSettings } from './settings-store.ts';

export const settingsHandlers: Pick<HandlerMap<Session>, 'settings:get' | 'settings:update'> = {
  'settings:get': (_arg, s) => readSettings(s.require().sqlite),
  'settings:update': (patch, s) => updateSettings(s.require().sqlite, patch),
};
