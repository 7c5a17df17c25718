// Competitors: the list with encounters and win rates, one competitor, edits, aliases, merges.
import { z } from 'zod';
import type { CompetitorDetail, CompetitorMerge, CompetitorRow } from '../domain/competitors.ts';
import { aliasSchema, competitorInputSchema, competitorPatchSchema } from '../domain/competitors.ts';
import { channel } from './define.ts';

const id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 53);

export const competitorsChannels = {
  'competitors:list': channel(
    z.object({}).strict().optional(),
    'Every competitor with deals met and our win rate against it (n, 95% interval)',
  ).returns<CompetitorRow[]>(),
  'competitors:get': channel(
    z.object({ id }).strict(),
    'One competitor: aliases, notes, merges',
  ).returns<CompetitorDetail>(),
  'competitors:create': channel(competitorInputSchema, 'Add a competitor').returns<CompetitorDetail>(),
  'competitors:update': channel(
    competitorPatchSchema,
    'Rename a competitor, or edit its website or notes',
  ).returns<CompetitorDetail>(),
  'competitors:addAlias': channel(
    z.object({ id, alias: aliasSchema }).strict(),
    'Add a spelling that means this competitor',
  ).returns<CompetitorDetail>(),
  'competitors:removeAlias': channel(
    z.object({ aliasId: id }).strict(),
    'Remove a spelling',
  ).returns<CompetitorDetail>(),
  'competitors:merge': channel(
    z.object({ fromId: id, intoId: id }).strict(),
    'Merge one competitor into another: its deals, aliases and ratings follow; undoable',
  ).returns<{ mergeId: number; into: CompetitorDetail }>(),
  'competitors:undoMerge': channel(z.object({ mergeId: id }).strict(), 'Undo a merge').returns<CompetitorDetail>(),
  'competitors:merges': channel(z.object({}).strict().optional(), 'Every merge, newest first').returns<
    CompetitorMerge[]
  >(),
} as const;
