// Competitors as the UI and CLI see them: encounters and win rates against each, their aliases,
// notes, and merges that can be undone.
import { z } from 'zod';
import type { Rate } from '../analytics/rate.ts';

export interface CompetitorRow {
  id: number;
  name: string;
  website: string | null;
  /** Deals where it was involved, open included. */
  encounters: number;
  /** Closed deals where it was involved: the n of the win rate. */
  closed: number;
  won: number;
  /** Our win rate over closed deals where it was involved. */
  winRate: Rate;
  /** Over closed deals where it was the primary competitor. */
  headToHead: Rate;
  aliases: number;
  lastMet: string | null;
  hasNotes: boolean;
}

export interface CompetitorAlias {
  id: number;
  alias: string;
  key: string;
  /** The alias made from the competitor's own name (kept while the name is). */
  isName: boolean;
}

export interface CompetitorMerge {
  id: number;
  fromName: string;
  fromCompetitorId: number;
  intoCompetitorId: number;
  intoName: string;
  mergedAt: string;
  undoneAt: string | null;
  /** Deals whose links moved. */
  deals: number;
}

export interface CompetitorDetail extends CompetitorRow {
  notes: string | null;
  aliasList: CompetitorAlias[];
  merges: CompetitorMerge[];
  createdAt: string;
  updatedAt: string;
}

const name = z.string().trim().min(1, 'Give the competitor a name').max(200, 'Keep the name under 200 characters');
const website = z
  .string()
  .trim()
  .max(300, 'Keep the address under 300 characters')
  .transform((s) => (s === '' ? null : s))
  .nullable();
const notes = z
  .string()
  .max(20_000, 'Notes are limited to 20,000 characters')
  .transform((s) => (s.trim() === '' ? null : s))
  .nullable();

export const competitorInputSchema = z.object({ name, website: website.optional(), notes: notes.optional() }).strict();
export const competitorPatchSchema = z
  .object({ id: z.number().int().min(1), name: name.optional(), website: website.optional(), notes: notes.optional() })
  .strict();
export const aliasSchema = z
  .string()
  .trim()
  .min(1, 'Type the spelling to add')
  .max(200, 'Keep it under 200 characters');
