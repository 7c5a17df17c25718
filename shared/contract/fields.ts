// Argument pieces several namespaces share: ids, dates, periods, job ids. Each namespace file
// keeps the schemas only it uses.
import { z } from 'zod';

/** No argument (or an empty object). */
export const noArg = z.object({}).strict().optional();

/** A row id of the workspace. */
export const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const byId = z.object({ id: rowId }).strict();

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-03-31')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Not a real date');

/** A close-date period; either end may be open. */
export const periodSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'The period ends before it starts', path: ['to'] });

export const jobIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Not a job id');
