// Exports: whole-table CSVs (deals, competitors, accounts), each run as a job; and one figure of
// a screen (a chart as PNG or SVG, a table as CSV) made in the page with its context, saved where
// the user chooses.
import { z } from 'zod';
import { channel, namespace } from './define.ts';

export const FIGURE_FILE_KINDS = ['png', 'svg', 'csv'] as const;

export const exportChannels = namespace('export', {
  'export:csv': channel(
    z.object({ what: z.enum(['deals', 'competitors', 'accounts']) }).strict(),
    'Save all deals, competitors or accounts of the workspace as CSV (asks where); runs as a job',
  ).returns<{ jobId: string; path: string } | null>(),
  'export:saveFigure': channel(
    z
      .object({
        kind: z.enum(FIGURE_FILE_KINDS),
        defaultName: z
          .string()
          .regex(/^[\w .()-]{1,120}\.(png|svg|csv)$/, 'A file name ending in .png, .svg or .csv')
          .max(124),
        /** PNG: a data URL; SVG and CSV: the text. */
        content: z.string().max(40_000_000, 'The file is too large'),
      })
      .strict(),
    'Save a chart (PNG, SVG) or a table (CSV) of a screen, with its context, where the user chooses',
  ).returns<{ path: string | null }>(),
});
