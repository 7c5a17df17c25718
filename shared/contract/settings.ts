import { z } from 'zod';
import type { CurrencyChange, CurrencyUse, Settings } from '../domain/settings.ts';
import { settingsFields } from '../domain/settings.ts';
import { channel, namespace } from './define.ts';

export const settingsChannels = namespace('settings', {
  'settings:get': channel(z.object({}).strict().optional(), 'All workspace settings').returns<Settings>(),
  'settings:update': channel(
    // A patch: any subset of the settings but the currency (settings:currency converts amounts);
    // the merged result is validated again as a whole.
    settingsFields.omit({ currency: true }).partial().strict(),
    'Change some settings; returns them all',
    'write',
  ).returns<Settings>(),
  'settings:currencies': channel(
    z.object({}).strict().optional(),
    'How many deals carry each currency code (a deal in another currency is added as it is)',
  ).returns<CurrencyUse[]>(),
  'settings:currency': channel(
    z
      .object({
        currency: settingsFields.shape.currency,
        /** convert: multiply every stored amount by rate; relabel: the amounts were already in it. */
        mode: z.enum(['convert', 'relabel']),
        /** 1 unit of the current currency = rate units of the new one. */
        rate: z
          .number({ error: 'Enter the exchange rate' })
          .positive('The rate must be more than 0')
          .max(1_000_000_000, 'That rate is too large')
          .optional(),
      })
      .strict()
      .refine((a) => a.mode === 'relabel' || a.rate !== undefined, {
        message: 'Enter the exchange rate to convert with',
        path: ['rate'],
      }),
    'Change the reporting currency: convert every stored amount with a rate, or relabel amounts already in it',
    'write',
  ).returns<CurrencyChange>(),
});
