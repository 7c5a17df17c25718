// Reports: templates (saved specs), the report document (the preview is the printed HTML) and its
// PDF. Building and printing a report are reads (the read pool): every figure comes from read
// handlers, and the retention tables are kept up to date by the writes and jobs that change data.
import { z } from 'zod';
import type { PdfResult, ReportDocument, ReportTemplate } from '../domain/reports.ts';
import { CRITERIA_SCOPES, ORIENTATIONS, PAGE_SIZES, RELATIVE_PERIODS } from '../domain/reports.ts';
import { FUNNEL_MODES, FUNNEL_STARTS } from '../domain/funnel.ts';
import { DIMENSIONS } from '../domain/win-rates.ts';
import { channel, namespace } from './define.ts';
import { isoDate, rowId } from './fields.ts';

const dimension = z.enum(DIMENSIONS);
const base = { id: z.string().regex(/^[\w-]{1,40}$/), orientation: z.enum(ORIENTATIONS).default('portrait') };

export const reportSectionSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('summary') }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('matrix'),
      rows: dimension,
      cols: z.union([dimension, z.literal('none')]),
      measure: z.enum(['count', 'amount']).default('count'),
      trend: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('competitors'),
      competitorIds: z.array(rowId).max(200).default([]),
      limit: z.number().int().min(1).max(200).default(5),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('reasons'),
      quotesPerReason: z.number().int().min(0).max(10).default(2),
      limit: z.number().int().min(1).max(100).default(8),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('quotes'), limit: z.number().int().min(1).max(500).default(20) }).strict(),
  z
    .object({ ...base, kind: z.literal('retention'), grain: z.enum(['month', 'quarter', 'year']).default('quarter') })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('funnel'),
      mode: z.enum(FUNNEL_MODES).default('cohort'),
      start: z.enum(FUNNEL_STARTS).default('lead'),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('velocity') }).strict(),
  z.object({ ...base, kind: z.literal('criteria'), mqls: z.enum(CRITERIA_SCOPES).default('all') }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('plan'),
      plan: z.string().trim().min(1, 'Choose a saved plan for the plan section').max(120),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('notes'), markdown: z.string().max(100_000).default('') }).strict(),
]);

export const reportPeriodSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('absolute'), from: isoDate, to: isoDate })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'The period ends before it starts', path: ['to'] }),
  z.object({ kind: z.literal('relative'), preset: z.enum(RELATIVE_PERIODS) }).strict(),
]);

export const reportSpecSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the report a title').max(200),
    author: z.string().trim().max(200).default(''),
    period: reportPeriodSchema,
    filters: z
      .array(z.object({ dim: dimension, values: z.array(z.string().max(200).nullable()).min(1).max(500) }).strict())
      .max(20)
      .default([]),
    pageSize: z.enum(PAGE_SIZES).default('A4'),
    sections: z.array(reportSectionSchema).min(1, 'Add at least one section').max(40),
  })
  .strict();

const templateName = z.string().trim().min(1, 'Name the template').max(120);

export const reportsChannels = namespace('reports', {
  'reports:templates': channel(z.object({}).strict().optional(), 'Saved report templates').returns<ReportTemplate[]>(),
  'reports:saveTemplate': channel(
    z.object({ name: templateName, spec: reportSpecSchema }).strict(),
    'Save a report template (replaces one of the same name)',
    'write',
  ).returns<ReportTemplate>(),
  'reports:deleteTemplate': channel(z.object({ id: rowId }).strict(), 'Delete a report template', 'write').returns<{
    deleted: boolean;
  }>(),
  'reports:render': channel(
    z.object({ spec: reportSpecSchema }).strict(),
    'The report as one self-contained HTML document (the preview shows exactly what is printed)',
  ).returns<ReportDocument>(),
  'reports:exportPdf': channel(
    z
      .object({
        spec: reportSpecSchema,
        printId: z
          .string()
          .regex(/^[\w-]{1,64}$/)
          .optional(),
      })
      .strict(),
    'Print the report to PDF through Chromium (asks where to save)',
  ).returns<PdfResult | null>(),
  'reports:cancelPdf': channel(
    z.object({ printId: z.string().regex(/^[\w-]{1,64}$/) }).strict(),
    'Cancel a PDF being printed',
    'session',
  ).returns<{ cancelled: boolean }>(),
});
