// The deals table (a page, its totals, the filter options), one deal, and the deal form (create,
// edit, delete, each undoable); exporting the current view as CSV.
import { z } from 'zod';
import type { DealDetail, DealOptions, DealsPage, DealsSummary, UndoToken } from '../domain/deals.ts';
import { DEAL_COLUMN_IDS, dealFilterSchema, dealInputSchema, dealSortSchema } from '../domain/deals.ts';
import { channel, namespace } from './define.ts';

const id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 53);
const token = z.string().regex(/^[a-f0-9-]{36}$/, 'Not an undo token');

export const dealsChannels = namespace('deals', {
  'deals:list': channel(
    z
      .object({
        filter: dealFilterSchema,
        sort: dealSortSchema,
        offset: z.number().int().min(0).max(100_000_000),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    'One page of the deals table, filtered and sorted in SQL',
  ).returns<DealsPage>(),
  'deals:summary': channel(
    z.object({ filter: dealFilterSchema }).strict(),
    'Totals of the filtered deals: count, amount, win rate with n and interval',
  ).returns<DealsSummary>(),
  'deals:options': channel(
    z.object({}).strict().optional(),
    'Values to filter by, and names for the deal form',
  ).returns<DealOptions>(),
  'deals:get': channel(
    z.object({ id }).strict(),
    'One deal with competitors, stage history and interviews',
  ).returns<DealDetail>(),
  'deals:create': channel(dealInputSchema, 'Add a deal by hand', 'write').returns<{
    deal: DealDetail;
    undo: UndoToken;
  }>(),
  'deals:update': channel(
    z.object({ id, deal: dealInputSchema }).strict(),
    'Change a deal (every field, its competitors)',
    'write',
  ).returns<{ deal: DealDetail; undo: UndoToken }>(),
  'deals:delete': channel(z.object({ id }).strict(), 'Delete a deal (undoable)', 'write').returns<{
    undo: UndoToken;
  }>(),
  'deals:undo': channel(z.object({ token }).strict(), 'Undo a create, edit or delete', 'write').returns<{
    label: string;
    dealId: number | null;
  }>(),
  'deals:exportView': channel(
    z
      .object({
        filter: dealFilterSchema,
        sort: dealSortSchema,
        // Each column at most once: a page cannot make the export loop over a million names.
        columns: z.array(z.enum(DEAL_COLUMN_IDS)).min(1).max(DEAL_COLUMN_IDS.length),
      })
      .strict(),
    'Save the current table view (filters, sort, columns) as CSV (asks where); runs as a job',
  ).returns<{ jobId: string; path: string } | null>(),
});
