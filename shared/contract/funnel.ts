// The funnel: counts per stage (cohort or period), drill to the items, the MQL trap and velocity.
import { z } from 'zod';
import type { CriteriaReport } from '../domain/criteria.ts';
import type { FunnelItemsReport, FunnelReport, TrapReport, VelocityReport } from '../domain/funnel.ts';
import { FUNNEL_FIELDS, FUNNEL_MODES, FUNNEL_STAGES, FUNNEL_STARTS } from '../domain/funnel.ts';
import { channel, namespace } from './define.ts';
import { isoDate, noArg } from './fields.ts';

const scope = {
  mode: z.enum(FUNNEL_MODES).default('cohort'),
  start: z.enum(FUNNEL_STARTS).default('lead'),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  by: z.enum(FUNNEL_FIELDS).nullable().default(null),
};

export const funnelChannels = namespace('funnel', {
  'funnel:report': channel(
    z.object(scope).strict(),
    'Funnel counts per stage with step and cumulative conversion, optionally split by a field',
  ).returns<FunnelReport>(),
  'funnel:items': channel(
    z
      .object({
        ...scope,
        stage: z.enum(FUNNEL_STAGES),
        kind: z.enum(['reached', 'open', 'out', 'lost', 'no_decision']).default('reached'),
        group: z.string().max(200).nullable().default(null),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    'The leads and deals behind one count of the funnel',
  ).returns<FunnelItemsReport>(),
  'funnel:trap': channel(noArg, 'MQL volume per quarter beside mature MQL-to-won conversion').returns<TrapReport>(),
  'funnel:velocity': channel(
    z
      .object({
        from: isoDate.nullable().default(null),
        to: isoDate.nullable().default(null),
        stuckDays: z.number().int().min(1).max(3650).nullable().default(null),
        stepsOnly: z.boolean().default(false),
      })
      .strict(),
    'Days between stages (median, quartiles, change), days in deal stages, stuck MQLs and deals',
  ).returns<VelocityReport>(),
  'funnel:criteria': channel(
    z.object({ from: isoDate.nullable().default(null), to: isoDate.nullable().default(null) }).strict(),
    'Qualification criteria met vs not met: MQL-to-won conversion, win rate, lift with BH correction',
  ).returns<CriteriaReport>(),
});
