// The needed-MQL planner: what history says for a window and a target period, and plans saved by
// name. The plan itself is computed from these in shared/analytics/planner.ts, on the screen.
import { z } from 'zod';
import type { PlanHistory, SavedPlan } from '../domain/plans.ts';
import { planInputsSchema, planPeriodText } from '../domain/plans.ts';
import { channel, namespace } from './define.ts';
import { isoDate, rowId } from './fields.ts';

const planName = z.string().trim().min(1, 'Name the plan').max(120, 'Keep the name under 120 characters');

export const plansChannels = namespace('plans', {
  'plans:history': channel(
    z
      .object({
        period: planPeriodText.nullable().default(null),
        from: isoDate.nullable().default(null),
        to: isoDate.nullable().default(null),
      })
      .strict(),
    'MQL-to-won (mature cohorts), won deal size, MQL run-rate and lag for the planner',
  ).returns<PlanHistory>(),
  'plans:list': channel(z.object({}).strict().optional(), 'Saved needed-MQL plans').returns<SavedPlan[]>(),
  'plans:save': channel(
    z.object({ name: planName, inputs: planInputsSchema }).strict(),
    'Save a needed-MQL plan (replaces one of the same name)',
    'write',
  ).returns<SavedPlan>(),
  'plans:delete': channel(z.object({ id: rowId }).strict(), 'Delete a saved plan', 'write').returns<{
    deleted: boolean;
  }>(),
});
