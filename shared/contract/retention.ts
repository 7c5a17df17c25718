// Retention cohorts and revenue growth: the cohort matrix, revenue movements, drill to customers,
// the values to filter by, and the maintained tables' status and rebuild.
import { z } from 'zod';
import type {
  CohortField,
  CohortReport,
  DimensionValue,
  DrillReport,
  MovementsReport,
  RetentionStatus,
} from '../domain/retention.ts';
import { COHORT_FIELDS, DRILL_SORTS, DRILL_STATUSES, GRAINS } from '../domain/retention.ts';
import { channel, namespace } from './define.ts';
import { noArg } from './fields.ts';

const field = z.enum(COHORT_FIELDS);
/** A value of a field: a name (segment, region ...) or an id as text; '' means "not recorded". */
const key = z.string().max(200, 'That value is too long');

const filters = z
  .array(
    z.object({ field, values: z.array(key).min(1, 'Choose at least one value').max(500, 'Too many values') }).strict(),
  )
  .max(COHORT_FIELDS.length)
  .refine((fs) => new Set(fs.map((f) => f.field)).size === fs.length, 'Each field may be filtered once')
  .default([]);

const scope = {
  grain: z.enum(GRAINS),
  filters,
  /** Split by this field. */
  by: field.nullable().default(null),
  /** With `by`: one group of it (its key). */
  group: key.nullable().default(null),
};

/** A period index (month, quarter or year number) as returned in reports. */
const periodIndex = z.number().int().min(0).max(200_000);

/**
 * The retention reads only read the maintained per-customer tables, which the writes and jobs that
 * change data keep up to date (electron/core/retention/keep-derived.ts), so they run on the
 * read-only pool beside every other read.
 */
const readsKept = 'read' as const;

export const retentionChannels = namespace('retention', {
  'retention:status': channel(
    noArg,
    'Whether the retention figures match the data, how many customers, and which won deals make no revenue',
    readsKept,
  ).returns<RetentionStatus>(),
  'retention:rebuild': channel(
    z.object({ full: z.boolean().optional() }).strict().optional(),
    'Bring the per-customer revenue tables up to date (or rebuild them all with full); runs as a job',
    'write',
  ).returns<{ jobId: string }>(),
  'retention:cohorts': channel(
    z.object(scope).strict(),
    'Cohort matrix (logo retention, NRR, GRR with counts and amounts), optionally filtered and split',
    readsKept,
  ).returns<CohortReport>(),
  'retention:movements': channel(
    z.object(scope).strict(),
    'Revenue movements per period (new, expansion, contraction, churn, reactivation) and TTM NRR/GRR',
    readsKept,
  ).returns<MovementsReport>(),
  'retention:customers': channel(
    z
      .object({
        ...scope,
        cohort: periodIndex,
        k: z.number().int().min(0).max(2_400),
        status: z.enum(DRILL_STATUSES).default('all'),
        sort: z.enum(DRILL_SORTS).default('name'),
        desc: z.boolean().default(false),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    'The customers behind one cohort cell, sorted and paged',
    readsKept,
  ).returns<DrillReport>(),
  'retention:dimensions': channel(
    noArg,
    'Values of each field customers can be filtered or split by, with customer counts',
    readsKept,
  ).returns<Record<CohortField, DimensionValue[]>>(),
});
