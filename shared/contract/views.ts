// Saved views of the deals table (filters, sort, columns) by name.
import { z } from 'zod';
import type { SavedView } from '../domain/deals.ts';
import { dealViewStateSchema } from '../domain/deals.ts';
import { channel, namespace } from './define.ts';

const id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 53);
const viewName = z.string().trim().min(1, 'Give the view a name').max(80, 'Keep the name under 80 characters');

export const viewsChannels = namespace('views', {
  'views:list': channel(z.object({}).strict().optional(), 'Saved views of the deals table').returns<SavedView[]>(),
  'views:save': channel(
    z.object({ name: viewName, state: dealViewStateSchema, replace: z.boolean().default(false) }).strict(),
    'Save the current view by name',
    'write',
  ).returns<SavedView>(),
  'views:delete': channel(z.object({ id }).strict(), 'Delete a saved view', 'write').returns<{ deleted: boolean }>(),
});
