// Chart images of the win-rate screens, saved where the user chooses.
import { z } from 'zod';
import type { Dimension } from '../domain/win-rates.ts';
import { DIMENSIONS } from '../domain/win-rates.ts';
import { channel, namespace } from './define.ts';
import { periodSchema } from './fields.ts';

const dimension = z.enum(DIMENSIONS);
const key = z.string().max(200, 'Value too long').nullable();

export const matrixQuerySchema = z
  .object({
    rows: dimension,
    cols: z.union([dimension, z.literal('none')]),
    measure: z.enum(['count', 'amount']).default('count'),
    period: periodSchema.default({}),
    filters: z
      .array(z.object({ dim: dimension, values: z.array(key).min(1, 'Pick at least one value').max(500) }).strict())
      .max(20)
      .default([]),
  })
  .strict();

export interface DimensionInfo {
  id: Dimension;
  label: string;
}

export const winRatesChannels = namespace('winRates', {
  'winRates:savePng': channel(
    z
      .object({
        defaultName: z
          .string()
          .regex(/^[\w .()-]{1,120}\.png$/, 'A file name ending in .png')
          .max(124),
        dataUrl: z
          .string()
          .max(40_000_000, 'The image is too large')
          .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'Not a PNG data URL'),
      })
      .strict(),
    'Save a chart image as PNG (asks where)',
  ).returns<{ path: string | null }>(),
});
