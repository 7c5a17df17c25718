// Win-rate matrices, change over time, competitor profiles and the overview (issue 5). Dimensions
// are names from the shared allowlist; values are bound as parameters by the core.
import { z } from 'zod';
import type { DimValue, Dimension } from '../domain/win-rates.ts';
import type {
  CompetitorProfile,
  CompetitorSummary,
  DealPage,
  MatrixChange,
  MatrixResult,
  MatrixTrend,
  OverviewSummary,
} from '../domain/win-rates.ts';
import { DIMENSIONS } from '../domain/win-rates.ts';
import { channel } from './define.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-03-31')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Not a real date');

export const periodSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'The period ends before it starts', path: ['to'] });

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
const competitorId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export interface DimensionInfo {
  id: Dimension;
  label: string;
}

export const winRatesChannels = {
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
  'overview:summary': channel(
    z
      .object({ period: periodSchema.default({}), scope: z.enum(['newBusiness', 'all']).default('newBusiness') })
      .strict(),
    'Win rate over time, no-decision share, competitors ranked, significant movers',
  ).returns<OverviewSummary>(),
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
} as const;
