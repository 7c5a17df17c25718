// Imports as the UI and CLI see them: the kinds of file, their fields, what a check (preview) or
// an import reports, and the import log. The machinery is in electron/core/import/.
import type { DateFormat, DecimalMark, Delimiter, Encoding, ImportKindId, ImportMapping } from './import-mapping.ts';

export interface ImportBatchSummary {
  id: number;
  kind: string;
  sourceName: string;
  status: 'committed' | 'undone';
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  finishedAt: string;
}

/** How a field's cells are read. lookup: a name resolved to a row of another table (created when new). */
export type FieldType = 'text' | 'number' | 'date' | 'enum' | 'bool' | 'lookup' | 'list';

export interface ImportFieldSpec {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** One line for the mapping screen: what the field means and how blanks are treated. */
  help: string;
  /** enum fields: the allowed values. */
  options?: { value: string; label: string }[];
  /** True when the check lists this field's distinct values so the user can map or fix them. */
  listValues: boolean;
}

export interface ImportPresetInfo {
  id: string;
  label: string;
  description: string;
}

/** A choice that holds for the whole file (mapping.options[key]), with its allowed values. */
export interface ImportOptionSpec {
  key: string;
  label: string;
  help: string;
  choices: { value: string; label: string }[];
  /** The value in force when the mapping does not say. */
  default: string;
}

export interface ImportKindSpec {
  id: ImportKindId;
  label: string;
  description: string;
  fields: ImportFieldSpec[];
  presets: ImportPresetInfo[];
  /** Choices for the whole file (none for most kinds). */
  options: ImportOptionSpec[];
}

/** What the first megabyte of a file tells: encoding, separator, header, a few rows, a mapping. */
export interface FileInspection {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  encoding: Encoding;
  encodingDetected: boolean;
  delimiter: Delimiter;
  delimiterDetected: boolean;
  headers: string[];
  /** Up to 8 data rows, as text, for the mapping screen. */
  sampleRows: string[][];
  /** Rough row count from the sample's average row length. */
  estimatedRows: number;
  /** The preset that fits the header best, and the mapping it gives (suggestions fill the gaps). */
  suggestion: { presetId: string; mapping: ImportMapping; matched: number };
  /** Things worth knowing before mapping (renamed duplicate headers, ...). */
  notes: string[];
}

export interface ImportProblem {
  file: string;
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  column: string | null;
  field: string | null;
  value: string | null;
  reason: string;
}

export type ValueStatus = 'known' | 'mapped' | 'unknown' | 'new' | 'near' | 'blank';

export interface ValueCount {
  raw: string;
  count: number;
  /** What the value becomes (a vocabulary value, a name), or null while unknown. */
  resolved: string | null;
  status: ValueStatus;
  /** Near matches, best first, for names that need the user's decision. */
  suggestions: string[];
  /** Why the suggestions match ("same letters apart from case and punctuation", ...). */
  why: string | null;
}

export interface ValueReport {
  field: string;
  label: string;
  /** Where the values came from (column name), for the screen. */
  source: string;
  values: ValueCount[];
  /** True when there were more distinct values than are listed. */
  truncated: boolean;
  distinct: number;
  /**
   * For names of the workspace's own lists (reasons, themes, guides): what a value may be mapped
   * to, and whether "a new one" is allowed (themes: yes; reasons are added in the taxonomy).
   */
  choices?: { names: string[]; allowNew: boolean };
}

export interface DateFormatReport {
  used: DateFormat | null;
  stated: boolean;
  /** Dates like 03/04/2024 only: the user must say which format the file uses. */
  ambiguous: boolean;
  /** Slashed dates that only fit day-first / month-first. */
  dayFirstEvidence: number;
  monthFirstEvidence: number;
}

export interface ImportFileReport {
  /** Position of the file in the import's list (the rejected-rows CSV is saved by it). */
  index: number;
  kind: ImportKindId;
  fileName: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  blankLines: number;
  encoding: Encoding;
  delimiter: Delimiter;
  decimalMark: DecimalMark;
  dates: DateFormatReport;
  values: ValueReport[];
  /** New rows of other tables this file makes (competitors, products, teams ...). */
  created: { entity: string; count: number; names: string[] }[];
  /** Problems counted by field and reason, most frequent first. */
  problemSummary: { field: string | null; reason: string; count: number }[];
  /** For updated rows: which fields changed, and how often. */
  changedFields: { field: string; count: number }[];
  /** What the kind has to say about the file as a whole (revenue: lines made, dates covered). */
  notes: string[];
}

export interface ImportRunResult {
  mode: 'preview' | 'commit';
  committed: boolean;
  batchId: number | null;
  files: ImportFileReport[];
  totals: { rowsRead: number; inserted: number; updated: number; unchanged: number; rejected: number };
  /** The first problems (all of them are in the rejected-rows CSV). */
  problems: ImportProblem[];
  problemCount: number;
  /** Why an all-or-nothing import would not go ahead (empty when it would). */
  blockers: string[];
  seconds: number;
}

export interface SavedMapping {
  id: number;
  name: string;
  kind: ImportKindId;
  mapping: ImportMapping;
  createdAt: string;
}

export interface ImportBatchDetail extends ImportBatchSummary {
  mappingName: string | null;
  startedAt: string;
  undoneAt: string | null;
  /** Files and options used. */
  files: { kind: string; fileName: string; rowsRead: number; rejected: number }[];
  changes: { entity: string; inserted: number; updated: number }[];
  changedFields: { field: string; count: number }[];
  /** Some of the deals this batch changed, with what changed (for the log). */
  sample: { dealId: number; externalId: string | null; name: string; change: 'insert' | 'update'; fields: string[] }[];
  /** Some of the interviews this batch added or changed, with what changed. */
  interviewSample: {
    interviewId: number;
    externalId: string | null;
    dealName: string;
    change: 'insert' | 'update';
    fields: string[];
  }[];
  canUndo: boolean;
  /** Why undo is not offered, or what it would overwrite. */
  undoNote: string | null;
}

export interface UndoImportResult {
  batchId: number;
  removed: number;
  restored: number;
}
