// The reason taxonomy editor: categories, then reasons; add, rename, reorder, move, merge,
// retire and restore. Every edit is logged with its date and returns the taxonomy as it now is.
import { z } from 'zod';
import type { ReasonChange, Taxonomy } from '../domain/reasons.ts';
import { channel, namespace } from './define.ts';
import { byId, rowId } from './fields.ts';

const name = z.string().trim().min(1, 'Give it a name').max(80, 'The name is too long (at most 80 characters)');
const direction = z.enum(['up', 'down']);

export const reasonsChannels = namespace('reasons', {
  'reasons:taxonomy': channel(
    z.object({}).strict().optional(),
    'Categories and reasons with their counts',
  ).returns<Taxonomy>(),
  'reasons:history': channel(
    z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    'Changes to the taxonomy, newest first',
  ).returns<ReasonChange[]>(),
  'reasons:addCategory': channel(z.object({ name }).strict(), 'Add a category', 'write').returns<Taxonomy>(),
  'reasons:renameCategory': channel(
    z.object({ id: rowId, name }).strict(),
    'Rename a category',
    'write',
  ).returns<Taxonomy>(),
  'reasons:moveCategory': channel(
    z.object({ id: rowId, direction }).strict(),
    'Move a category up or down',
    'write',
  ).returns<Taxonomy>(),
  'reasons:retireCategory': channel(
    byId,
    'Retire a category: its reasons are no longer offered',
    'write',
  ).returns<Taxonomy>(),
  'reasons:restoreCategory': channel(byId, 'Bring a retired category back', 'write').returns<Taxonomy>(),
  'reasons:add': channel(
    z.object({ categoryId: rowId, name }).strict(),
    'Add a reason to a category',
    'write',
  ).returns<Taxonomy>(),
  'reasons:rename': channel(
    z.object({ id: rowId, name }).strict(),
    'Rename a reason (codings keep it)',
    'write',
  ).returns<Taxonomy>(),
  'reasons:reorder': channel(
    z.object({ id: rowId, direction }).strict(),
    'Move a reason up or down in its category',
    'write',
  ).returns<Taxonomy>(),
  'reasons:move': channel(
    z.object({ id: rowId, categoryId: rowId }).strict(),
    'Move a reason to another category',
    'write',
  ).returns<Taxonomy>(),
  'reasons:merge': channel(
    z.object({ id: rowId, intoId: rowId }).strict(),
    'Merge a reason into another: its interviews, quotes and rep-stated deals follow',
    'write',
  ).returns<Taxonomy>(),
  'reasons:retire': channel(
    byId,
    'Retire a reason: old interviews keep it, new ones cannot use it',
    'write',
  ).returns<Taxonomy>(),
  'reasons:restore': channel(byId, 'Bring a retired reason back', 'write').returns<Taxonomy>(),
});
