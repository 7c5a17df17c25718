import { z } from 'zod';
import type { Settings } from '../domain/settings.ts';
import { settingsFields } from '../domain/settings.ts';
import { channel, namespace } from './define.ts';

export const settingsChannels = namespace('settings', {
  'settings:get': channel(z.object({}).strict().optional(), 'All workspace settings').returns<Settings>(),
  'settings:update': channel(
    // A patch: any subset of the settings; the merged result is validated again as a whole.
    settingsFields.partial().strict(),
    'Change some settings; returns them all',
    'write',
  ).returns<Settings>(),
});
