// The win-rate matrix's question (rows, columns, measure, period, filters), shared by its channels.
import { z } from 'zod';
import type { Dimension } from '../domain/win-rates.ts';
import { DIMENSIONS } from '../domain/win-rates.ts';
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
