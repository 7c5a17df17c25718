// Competitor profiles: every competitor with its win rates, one competitor's full profile, its CSV.
import { z } from 'zod';
import type { Dimension } from '../domain/win-rates.ts';
import type { CompetitorProfile, CompetitorSummary } from '../domain/win-rates.ts';
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

const competitorId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export interface DimensionInfo {
  id: Dimension;
  label: string;
}

export const competitorProfileChannels = namespace('competitorProfile', {
  'competitorProfile:list': channel(
    z.object({ period: periodSchema.default({}) }).strict(),
    'Every competitor with encounters and win rates',
  ).returns<CompetitorSummary[]>(),
  'competitorProfile:get': channel(
    z.object({ id: competitorId, period: periodSchema.default({}) }).strict(),
    'One competitor: rates over time and by segment, size and cycle, reasons, ratings, quotes, deals',
  ).returns<CompetitorProfile>(),
  'competitorProfile:exportCsv': channel(
    z.object({ id: competitorId, period: periodSchema.default({}) }).strict(),
    'Save a competitor profile as CSV (asks where)',
  ).returns<{ path: string | null }>(),
});
