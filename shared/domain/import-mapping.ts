// A column mapping: which column (or fixed value) feeds each field of an import kind, how values
// are translated, and how the file is read. Saved by name in the workspace, accepted as a JSON
// file by `winnow import --mapping FILE`, and sent by the wizard; one schema checks all three.
import { z } from 'zod';

/** Every kind of file the importer reads. Other areas add theirs here. */
export const IMPORT_KINDS = [
  'deals',
  'accounts',
  'owners',
  'products',
  'stage_history',
  'competitors',
  'deal_competitors',
  'interviews',
  'quotes',
  'revenue',
  'leads',
  'touches',
] as const;
export type ImportKindId = (typeof IMPORT_KINDS)[number];

export const DATE_FORMATS = ['YYYY-MM-DD', 'M/D/YYYY', 'D/M/YYYY', 'D.M.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DECIMAL_MARKS = ['.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

export const DELIMITER_LABEL: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

const fieldKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/, 'Not a field name');
const cell = z.string().max(1000);

/** A field is fed by a column of the file (by header name) or by one fixed value for every row. */
export const fieldSourceSchema = z.union([
  z.object({ column: z.string().min(1).max(300) }).strict(),
  z.object({ value: z.string().max(1000) }).strict(),
]);
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const importMappingSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    fields: z.record(fieldKey, fieldSourceSchema),
    /**
     * Per field, what a value in the file becomes: an outcome, a deal type, a competitor or
     * product name (a near match the user confirmed), corrected spelling; null makes it blank.
     */
    values: z.record(fieldKey, z.record(cell, cell.nullable())).default({}),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    decimalMark: z.enum(DECIMAL_MARKS).optional(),
    encoding: z.enum(ENCODINGS).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    /** Separator inside a cell that lists several names (competitors). */
    listSeparator: z.enum([';', ',', '|']).optional(),
    /**
     * A kind's choices for the whole file (revenue: what each line is, whether unknown customers
     * become accounts). Each kind lists its options and their values; the run checks them.
     */
    options: z.record(fieldKey, z.string().max(40)).optional(),
  })
  .strict();

export type ImportMapping = z.infer<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

export const mappingNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the mapping a name')
  .max(80, 'Keep the name under 80 characters');

export function emptyMapping(kind: ImportKindId): ImportMapping {
  return { kind, fields: {}, values: {} };
}
