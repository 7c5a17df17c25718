// Competitors: the list with encounters and win rates, one competitor, edits, aliases, merges.
import { z } from 'zod';
import type { CompetitorDetail, CompetitorMerge, CompetitorRow } from '../domain/competitors.ts';
import { aliasSchema, competitorInputSchema, competitorPatchSchema } from '../domain/competitors.ts';
import { channel, namespace } from './define.ts';

const id = z
  .number()
  .int()
  .min(1)
  .max(2 ** 53);

export const competitorsChannels = namespace('competitors', {
  'competitors:list': channel(
    z.object({}).strict().optional(),
    'Every competitor with deals met and our win rate against it (n, 95% interval)',
  ).returns<CompetitorRow[]>(),
  'competitors:get': channel(
    z.object({ id }).strict(),
    'One competitor: aliases, notes, merges',
  ).returns<CompetitorDetail>(),
  'competitors:create': channel(competitorInputSchema, 'Add a competitor', 'write').returns<CompetitorDetail>(),
  'competitors:update': channel(
    competitorPatchSchema,
    'Rename a competitor, or edit its website or notes',
    'write',
  ).returns<CompetitorDetail>(),
  'competitors:addAlias': channel(
    z.object({ id, alias: aliasSchema }).strict(),
    'Add a spelling that means this competitor',
    'write',
  ).returns<CompetitorDetail>(),
  'competitors:removeAlias': channel(
    z.object({ aliasId: id }).strict(),
    'Remove a spelling',
    'write',
  ).returns<CompetitorDetail>(),
  'competitors:merge': channel(
    z.object({ fromId: id, intoId: id }).strict(),
    'Merge one competitor into another: its deals, aliases and ratings follow; undoable',
    'write',
  ).returns<{ mergeId: number; into: CompetitorDetail }>(),
  'competitors:undoMerge': channel(
    z.object({ mergeId: id }).strict(),
    'Undo a merge',
    'write',
  ).returns<CompetitorDetail>(),
  'competitors:merges': channel(z.object({}).strict().optional(), 'Every merge, newest first').returns<
    CompetitorMerge[]
  >(),
});
