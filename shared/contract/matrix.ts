// Win-rate matrices: any two allowlisted dimensions, change between periods, trends, drill-down,
// CSV. Dimensions are names from the shared allowlist; values are bound as parameters by the core.
import { z } from 'zod';
import type { DimValue, Dimension } from '../domain/win-rates.ts';
import type { DealPage, MatrixChange, MatrixResult, MatrixTrend } from '../domain/win-rates.ts';
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

const cellSchema = z.object({ row: key.optional(), col: key.optional() }).strict();
const grain = z.enum(['closeMonth', 'closeQuarter', 'closeYear']);

export interface DimensionInfo {
  id: Dimension;
  label: string;
}

export const matrixChannels = namespace('matrix', {
  'matrix:dimensions': channel(
    z.object({}).strict().optional(),
    'The dimensions a matrix can use, and the first and last close dates',
  ).returns<{ dimensions: DimensionInfo[]; firstCloseDate: string | null; lastCloseDate: string | null }>(),
  'matrix:values': channel(
    z.object({ dim: dimension }).strict(),
    'Values of one dimension among closed deals (for filters)',
  ).returns<DimValue[]>(),
  'matrix:compute': channel(
    matrixQuerySchema,
    'Win-rate matrix: per cell won, closed, rate, 95% Wilson interval; totals per row, column and overall',
  ).returns<MatrixResult>(),
  'matrix:compare': channel(
    z.object({ query: matrixQuerySchema, periodA: periodSchema, periodB: periodSchema }).strict(),
    'The matrix over two periods with each change and its Newcombe interval',
  ).returns<MatrixChange>(),
  'matrix:trend': channel(
    z.object({ query: matrixQuerySchema, grain }).strict(),
    'Win rate per period for every row of a matrix (sparklines)',
  ).returns<MatrixTrend>(),
  'matrix:deals': channel(
    z
      .object({
        query: matrixQuerySchema,
        cell: cellSchema,
        offset: z.number().int().min(0).max(100_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(50),
        sort: z.enum(['closeDate', 'amount', 'name']).default('closeDate'),
        descending: z.boolean().default(true),
      })
      .strict(),
    'The deals a matrix cell or total counts, a page at a time',
  ).returns<DealPage>(),
  'matrix:exportCsv': channel(
    z.object({ query: matrixQuerySchema }).strict(),
    'Save the matrix as CSV (asks where)',
  ).returns<{ path: string | null }>(),
});
