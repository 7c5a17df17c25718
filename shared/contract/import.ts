// The importer: kinds and presets, picking and inspecting a file, mapping checks, the check
// (preview) and the import as jobs, saved mappings, the import log and undo. The renderer never
// sees a file path it could reuse: a picked file is known by an id the main process gave it.
import { z } from 'zod';
import type {
  FileInspection,
  ImportBatchDetail,
  ImportBatchSummary,
  ImportKindSpec,
  SavedMapping,
} from '../domain/imports.ts';
import type { ImportMapping } from '../domain/import-mapping.ts';
import {
  DELIMITERS,
  ENCODINGS,
  IMPORT_KINDS,
  importMappingSchema,
  mappingNameSchema,
} from '../domain/import-mapping.ts';
import { channel, namespace } from './define.ts';
import { jobIdSchema } from './fields.ts';

const fileId = z.string().regex(/^[a-f0-9-]{36}$/, 'Not a file id');
const kind = z.enum(IMPORT_KINDS);
const batchId = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31);
const jobId = jobIdSchema;
const headers = z.array(z.string().max(300)).max(500);

const importFiles = z
  .array(z.object({ fileId, kind, mapping: importMappingSchema }).strict())
  .min(1, 'Choose a file to import')
  .max(8, 'At most 8 files in one import');

export const importChannels = namespace('import', {
  'import:kinds': channel(z.object({}).strict().optional(), 'The kinds of file, their fields and presets').returns<
    ImportKindSpec[]
  >(),
  'import:pick': channel(
    z.object({ kind }).strict(),
    'Ask the user for a CSV file and inspect it (null when the dialog was cancelled)',
    'write',
  ).returns<FileInspection | null>(),
  'import:inspect': channel(
    z
      .object({ fileId, kind, encoding: z.enum(ENCODINGS).optional(), delimiter: z.enum(DELIMITERS).optional() })
      .strict(),
    'Inspect a picked file again with a stated encoding or separator',
    'write',
  ).returns<FileInspection>(),
  'import:applyPreset': channel(
    z.object({ kind, presetId: z.string().max(40), headers }).strict(),
    'The mapping a preset gives for these columns',
  ).returns<{ mapping: ImportMapping; matched: number }>(),
  'import:checkMapping': channel(
    z.object({ mapping: importMappingSchema, headers }).strict(),
    'Problems with a mapping itself (a column mapped twice, a required field missing ...)',
  ).returns<string[]>(),
  'import:preview': channel(
    z.object({ files: importFiles }).strict(),
    'Check the files: every problem row, values to map, what would change; runs as a job, writes nothing',
    'write',
  ).returns<{ jobId: string }>(),
  'import:commit': channel(
    z
      .object({
        files: importFiles,
        onProblems: z.enum(['all_or_nothing', 'valid_rows']),
        mappingName: mappingNameSchema.nullable().optional(),
      })
      .strict(),
    'Import the files in one transaction as one batch; runs as a job',
    'write',
  ).returns<{ jobId: string }>(),
  'import:saveRejected': channel(
    z.object({ jobId, fileIndex: z.number().int().min(0).max(7) }).strict(),
    'Save the rejected rows of a check or import, with their reasons, as CSV (asks where)',
    'write',
  ).returns<{ path: string; rows: number } | null>(),
  'import:mappings': channel(z.object({ kind: kind.optional() }).strict(), 'Mappings saved in this workspace').returns<
    SavedMapping[]
  >(),
  'import:saveMapping': channel(
    z.object({ name: mappingNameSchema, mapping: importMappingSchema, replace: z.boolean().default(false) }).strict(),
    'Save a mapping by name for reuse',
    'write',
  ).returns<SavedMapping>(),
  'import:deleteMapping': channel(z.object({ id: batchId }).strict(), 'Delete a saved mapping', 'write').returns<{
    deleted: boolean;
  }>(),
  'import:batches': channel(z.object({}).strict().optional(), 'The import log, newest first').returns<
    ImportBatchSummary[]
  >(),
  'import:batch': channel(
    z.object({ id: batchId }).strict(),
    'One import: files, what changed, undo',
  ).returns<ImportBatchDetail>(),
  'import:undo': channel(
    z.object({ id: batchId, force: z.boolean().default(false) }).strict(),
    'Undo an import batch; runs as a job',
    'write',
  ).returns<{ jobId: string }>(),
});
