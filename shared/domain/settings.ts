// Workspace settings: what they are, their defaults, and how they are validated.
import { z } from 'zod';
import { CURRENCY_CODES } from './currencies.ts';

/** A whole number in [min, max], with messages in plain words (not the library's). */
function count(min: number, max: number) {
  return z
    .number({ error: 'Enter a number' })
    .int('Use a whole number')
    .min(min, `At least ${min.toLocaleString('en-US')}`)
    .max(max, `At most ${max.toLocaleString('en-US')}`);
}

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
    includeNoDecision: z.boolean({ error: 'Choose yes or no' }),
    lowConfidenceBelowN: count(1, 10_000),
    hideRateBelowN: count(0, 10_000),
    /**
     * The currency every stored amount is in (ISO 4217). Changed only through settings:currency,
     * which converts the amounts or states that they were already in it (docs/METRICS.md#currency).
     */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Choose a currency from the list')
      .refine((c) => CURRENCY_CODES.has(c), 'Choose a currency from the list'),
    /** Set once the user has chosen "start empty" or loaded data; hides the welcome panel. */
    onboarded: z.boolean(),
    /**
     * Retention: a customer is active in a month with revenue above zero ('revenue'), or with any
     * imported purchase line, even of amount zero ('anyPurchase'; docs/METRICS.md#activity).
     */
    retentionActivity: z.enum(['revenue', 'anyPurchase'], { error: 'Choose revenue or any purchase' }),
    /** Rolling backups beside the workspace: keep this many of the newest ... */
    backupKeepLast: count(1, 100),
    /** ... plus the newest of each of this many days (docs/internals/storage-and-safety.md). */
    backupKeepDays: count(0, 90),
  })
  .strict();

export const settingsSchema = settingsFields.refine((s) => s.hideRateBelowN <= s.lowConfidenceBelowN, {
  message: 'Must not be more than the low-confidence threshold',
  path: ['hideRateBelowN'],
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  includeNoDecision: true,
  lowConfidenceBelowN: 10,
  hideRateBelowN: 5,
  currency: 'USD',
  onboarded: false,
  retentionActivity: 'revenue',
  backupKeepLast: 10,
  backupKeepDays: 7,
};

/** What the UI prints beside every win rate so the definition in force is never hidden. */
export function closedDefinition(s: Pick<Settings, 'includeNoDecision'>): string {
  return s.includeNoDecision
    ? 'Win rate = won / closed, closed = won + lost + no decision; open deals excluded.'
    : 'Win rate = won / (won + lost); no-decision and open deals excluded.';
}

/** Deals per currency code stored on them. */
export interface CurrencyUse {
  currency: string;
  deals: number;
}

/** What a change of the reporting currency did. */
export interface CurrencyChange {
  settings: Settings;
  from: string;
  mode: 'convert' | 'relabel';
  rate: number | null;
  /** Rows whose amounts were multiplied (deals, stage history, revenue lines, products). */
  converted: { deals: number; stageHistory: number; revenueLines: number; products: number };
  /** Deals whose currency code moved from the old reporting currency to the new one. */
  relabelled: number;
}
