// The extension point of the importer. An import kind is a table's worth of CSV: its fields
// (with the header names that suggest them), presets for the CRMs that export it, a `build` that
// turns one row's cells into a typed row (validating as it goes), and a writer that upserts
// accepted rows inside the import's single transaction. The reading, decoding, mapping, value
// mapping, problem reporting, preview, batching and undo are shared (run-import.ts).
// docs/internals/import.md, "Adding an import kind", says how to add one (interviews, revenue ...).
import type Database from 'better-sqlite3';
import type { ImportOptionSpec } from '#shared/domain/imports.ts';
import type { ImportKindId, ImportMapping } from '#shared/domain/import-mapping.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { ChangeLog } from './change-log.ts';
import type { KindField } from './kind-field.ts';
import type { Resolvers } from './resolvers.ts';
import type { RowCells } from './row-cells.ts';

export interface Preset {
  id: string;
  label: string;
  description: string;
  /** Field key -> the header that CRM's export uses (the first one found in the file wins). */
  columns: Record<string, string[]>;
  /**
   * Headers only this CRM's export has ("Opportunity ID", "Deal - Title"): a file is taken for
   * this export only when one of them is there, so a spreadsheet with "Amount" and "Stage" is
   * not called a Salesforce report.
   */
  signature?: string[];
  /** Values the CRM writes that mean something specific (HubSpot's deal stage ids ...). */
  values?: ImportMapping['values'];
  dateFormat?: ImportMapping['dateFormat'];
  /** The kind's file options this export implies (Winnow's deals export: only a mark makes a primary). */
  options?: Record<string, string>;
}

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Rows whose outcome is known only after the last row: a writer that sums several rows into one
 * line (revenue) answers 'deferred' for each, then counts them in `finish()`.
 */
export type DeferredCounts = Record<WriteOutcome, number>;

export interface WriteContext {
  sqlite: Database.Database;
  batchId: number;
  mapping: ImportMapping;
  settings: Settings;
  resolvers: Resolvers;
  changes: ChangeLog;
  /** Field key -> true when the mapping feeds it (a column or a fixed value). */
  mapped: (key: string) => boolean;
  /** The file's value of one of the kind's options (the option's default when unset). */
  option: (key: string) => string;
  /** True once the user asked to cancel: long work in `finish()` checks it between pages. */
  cancelled: () => boolean;
  /**
   * A bulk import: the run dropped the indexes of the tables it fills and rebuilds them at the end,
   * so writers may trade row-by-row upkeep for set-based work too (deals: competitor links).
   */
  bulk: boolean;
}

export interface KindWriter<Row> {
  /**
   * Resolve the row against the workspace and write it. Everything that can reject the row
   * (duplicates, unknown references, names awaiting a decision) is checked before the first
   * write; then return null after adding problems to `cells`.
   */
  write(row: Row, cells: RowCells): WriteOutcome | 'deferred' | null;
  /** After the last row: the outcomes of the rows answered 'deferred', if any. */
  finish(): DeferredCounts | void;
  /** For updated rows: which fields changed, and how often. */
  changedFields(): Map<string, number>;
  /** Sentences about the file as a whole, for the check and the import report. */
  notes?(): string[];
  /** Per listed entity (reason, theme ...): the names its unknown values may be mapped to. */
  choices?(): Record<string, { names: string[]; allowNew: boolean }>;
}

export interface ImportKind<Row = unknown> {
  id: ImportKindId;
  label: string;
  /** What one row is ("deals"), for progress and reports. */
  unit: string;
  description: string;
  /** Files of several kinds imported together are written in this order (accounts before deals). */
  order: number;
  fields: KindField[];
  presets: Preset[];
  /** Choices for the whole file, kept in mapping.options (checked before any row is read). */
  options?: ImportOptionSpec[];
  /** A field left unmapped that reads another field's column instead (deals: outcome from stage). */
  derive?: Record<string, string>;
  /** Checks on the mapping itself ("map Outcome or Stage"), before any row is read. */
  checkMapping?(mapped: (key: string) => boolean, mapping: ImportMapping): string[];
  /** One row's cells to a typed row; problems are added to `cells`, and null rejects the row. */
  build(cells: RowCells): Row | null;
  open(ctx: WriteContext): KindWriter<Row>;
}
