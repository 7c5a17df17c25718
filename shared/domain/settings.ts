// Workspace settings: what they are, their defaults, and how they are validated.
import { z } from 'zod';

export interface ConfidenceThresholds {
  /** Below this n a rate is shown greyed as low-confidence (docs/METRICS.md#low-n; default 10). */
  lowConfidenceBelowN: number;
  /** Below this n the rate is hidden and only counts are shown (docs/METRICS.md#low-n; default 5). */
  hideRateBelowN: number;
}

/** The fields, without cross-field rules (patches validate against this, partially). */
export const settingsFields = z
  .object({
    /** closed = won + lost + no decision; when false, no-decision deals leave the denominator. */
    includeNoDecision: z.boolean(),
    lowConfidenceBelowN: z.number().int().min(1).max(10_000),
    hideRateBelowN: z.number().int().min(0).max(10_000),
    /** Reporting currency code for amounts (ISO 4217). */
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD'),
    /** Set once the user has chosen "start empty" or loaded data; hides the welcome panel. */
    onboarded: z.boolean(),
    /** Rolling backups beside the workspace: keep this many of the newest ... */
    backupKeepLast: z.number().int().min(1).max(100),
    /** ... plus the newest of each of this many days (docs/ARCHITECTURE.md#storage). */
    backupKeepDays: z.number().int().min(0).max(90),
  })
  .strict();

export const settingsSchema = settingsFields.refine((s) => s.hideRateBelowN <= s.lowConfidenceBelowN, {
  message: 'The "hide rate" threshold must not exceed the low-confidence threshold',
  path: ['hideRateBelowN'],
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  includeNoDecision: true,
  lowConfidenceBelowN: 10,
  hideRateBelowN: 5,
  currency: 'USD',
  onboarded: false,
  backupKeepLast: 10,
  backupKeepDays: 7,
};

/** What the UI prints beside every win rate so the definition in force is never hidden. */
export function closedDefinition(s: Pick<Settings, 'includeNoDecision'>): string {
  return s.includeNoDecision
    ? 'Win rate = won / closed, closed = won + lost + no decision; open deals excluded.'
    : 'Win rate = won / (won + lost); no-decision and open deals excluded.';
}
