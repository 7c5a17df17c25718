// The needed-MQL planner (docs/METRICS.md#needed-mqls): what it reads from history, what the user
// enters, and a plan saved by name.
import { z } from 'zod';
import type { DealSizeEstimate } from '../analytics/deal-size.ts';
import type { Rate } from '../analytics/rate.ts';
import { isoDate } from '../contract/fields.ts';
import type { PlanPeriod } from './plan-period.ts';
import { parsePlanPeriod } from './plan-period.ts';

export const planPeriodText = z
  .string()
  .trim()
  .max(10)
  .refine((s) => parsePlanPeriod(s) !== null, 'Name a year (2026), a quarter (2026-Q3) or a month (2026-07)');

/** What the user enters; null = take it from history. */
export const planInputsSchema = z
  .object({
    target: z.number().positive('The target must be above 0').max(1e13),
    period: planPeriodText.nullable().default(null),
    dealSize: z.number().positive('The deal size must be above 0').max(1e12).nullable().default(null),
    rate: z.number().gt(0, 'The rate must be above 0%').max(1, 'The rate is at most 100%').nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    market: z.number().int().min(1).max(1e9).nullable().default(null),
  })
  .strict();
export type PlanInputs = z.output<typeof planInputsSchema>;

export interface SavedPlan {
  id: number;
  name: string;
  inputs: PlanInputs;
  updatedAt: string;
}

/** What history says, for a window and a target period (plans:history). */
export interface PlanHistory {
  asOf: string | null;
  window: { from: string; to: string } | null;
  /** P90 MQL-to-won days; cohorts (quarters) whose end + this is after asOf are left out. */
  maturityDays: number | null;
  /** The last day of the window's mature cohorts; null when none is mature. */
  matureTo: string | null;
  /** MQL-to-won over the window's mature cohorts (hits = won, n = MQLs); null when there are none. */
  rate: Rate | null;
  /** Won new-business deals closed in the window with an amount above 0. */
  dealSize: DealSizeEstimate | null;
  /** MQLs (MQL date) in the last three complete months. */
  runRate: { from: string; to: string; mqls: number; perMonth: number } | null;
  /** Median days from MQL to close of won MQLs (all history), and how many. */
  lag: { days: number; n: number } | null;
  period: PlanPeriod;
}
