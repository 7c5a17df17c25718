// The deals workspace: the table (a page, its totals, the filter options), one deal, the deal
// form (create, edit, delete, each undoable), saved views, and CSV exports.
import { z } from 'zod';
import type { DealDetail, DealOptions, DealsPage, DealsSummary, SavedView, UndoToken } from '../domain/deals.ts';
import {
  DEAL_COLUMN_IDS,
  dealFilterSchema,
  dealInputSchema,
  dealSortSchema,
  dealViewStateSchema,
} from '../domain/deals.ts';
import { channel } from './define.ts';

const id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 53);
const token = z.string().regex(/^[a-f0-9-]{36}$/, 'Not an undo token');
const viewName = z.string().trim().min(1, 'Give the view a name').max(80, 'Keep the name under 80 characters');

export const dealsChannels = {
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
  'deals:create': channel(dealInputSchema, 'Add a deal by hand').returns<{ deal: DealDetail; undo: UndoToken }>(),
  'deals:update': channel(
    z.object({ id, deal: dealInputSchema }).strict(),
    'Change a deal (every field, its competitors)',
  ).returns<{ deal: DealDetail; undo: UndoToken }>(),
  'deals:delete': channel(z.object({ id }).strict(), 'Delete a deal (undoable)').returns<{ undo: UndoToken }>(),
  'deals:undo': channel(z.object({ token }).strict(), 'Undo a create, edit or delete').returns<{
    label: string;
    dealId: number | null;
  }>(),
  'deals:exportView': channel(
    z
      .object({
        filter: dealFilterSchema,
        sort: dealSortSchema,
        columns: z.array(z.enum(DEAL_COLUMN_IDS)).min(1),
      })
      .strict(),
    'Save the current table view (filters, sort, columns) as CSV (asks where); runs as a job',
  ).returns<{ jobId: string; path: string } | null>(),
  'export:csv': channel(
    z.object({ what: z.enum(['deals', 'competitors', 'accounts']) }).strict(),
    'Save all deals, competitors or accounts of the workspace as CSV (asks where); runs as a job',
  ).returns<{ jobId: string; path: string } | null>(),
  'views:list': channel(z.object({}).strict().optional(), 'Saved views of the deals table').returns<SavedView[]>(),
  'views:save': channel(
    z.object({ name: viewName, state: dealViewStateSchema, replace: z.boolean().default(false) }).strict(),
    'Save the current view by name',
  ).returns<SavedView>(),
  'views:delete': channel(z.object({ id }).strict(), 'Delete a saved view').returns<{ deleted: boolean }>(),
} as const;
