// One import: every file read, mapped, validated and written inside ONE transaction, as one batch.
// The same pass serves the check (preview: everything is written, counted, then rolled back, so
// the preview's counts and problems are exactly what the import will do) and the import itself.
// All-or-nothing imports roll back on any problem; "valid rows" imports commit the rows that
// passed and put the others, with their reasons, in a CSV. Cancel or a crash rolls back too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type {
  DateFormatReport,
  ImportFileReport,
  ImportProblem,
  ImportRunResult,
  ValueReport,
} from '#shared/domain/imports.ts';
import type { DateFormat, DecimalMark, Encoding, ImportKindId, ImportMapping } from '#shared/domain/import-mapping.ts';
import { backupBeforeWrite } from '../backup/backup-write.ts';
import { keepRuleOf } from '../backup/backup-files.ts';
import { AppError } from '../errors.ts';
import { CsvFileWriter } from '../export/csv-writer.ts';
import { readSettings } from '../settings/settings-store.ts';
import { ChangeLog } from './change-log.ts';
import { readCsv } from './csv-reader.ts';
import type { FileSetup } from './file-setup.ts';
import { estimateRows, setupFile } from './file-setup.ts';
import type { ImportKind, WriteOutcome } from './kind.ts';
import { KINDS } from './kinds/index.ts';
import { mappingIssues } from './mapping-rules.ts';
import { decideDateFormat, dateEvidence } from './parse-dates.ts';
import { detectDecimalMark } from './parse-numbers.ts';
import { createResolvers } from './resolvers.ts';
import type { Resolvers } from './resolvers.ts';
import type { PlannedField } from './row-cells.ts';
import { RowCells } from './row-cells.ts';
import { EncodingMismatch } from './text-decoding.ts';
import { rebuildIndexes, suspendIndexes } from '../db/bulk-indexes.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export interface ImportFileInput {
  kind: ImportKindId;
  path: string;
  mapping: ImportMapping;
}

export interface ImportParams {
  files: ImportFileInput[];
  mode: 'preview' | 'commit';
  onProblems: 'all_or_nothing' | 'valid_rows';
  /** What the import log calls this import (the main file's name). */
  sourceName: string;
  mappingName: string | null;
  /** Folder for the rejected-rows CSVs (`<file index>.csv`), or null for none. */
  rejectedDir: string | null;
}

export interface ImportHooks {
  progress?: (done: number, total: number | null, message: string) => void;
  cancelled?: () => boolean;
}

/** The first problems are returned in full; all of them go to the rejected-rows CSV. */
const PROBLEMS_RETURNED = 500;
const PROGRESS_EVERY = 2000;
/** Bulk imports rebuild the deals indexes once at the end instead of row by row. */
const BULK_ROWS = 20_000;
const BULK_TABLES = ['deals', 'deal_competitors', 'import_changes'];

class Rollback extends Error {
  readonly result: ImportRunResult;
  constructor(result: ImportRunResult) {
    super('rollback');
    this.result = result;
  }
}

interface PreparedFile {
  input: ImportFileInput;
  index: number;
  kind: ImportKind;
  setup: FileSetup;
  dateFormat: DateFormat | null;
  dates: DateFormatReport;
  decimal: DecimalMark;
  encodingStated: boolean;
}

function planFields(
  kind: ImportKind,
  mapping: ImportMapping,
  headers: string[],
): Record<string, PlannedField | undefined> {
  const plan: Record<string, PlannedField | undefined> = {};
  const valuesOf = (key: string) => {
    const v = mapping.values[key];
    return v ? new Map(Object.entries(v)) : undefined;
  };
  for (const spec of kind.fields) {
    const values = valuesOf(spec.entity ?? spec.key);
    const source = mapping.fields[spec.key];
    if (source && 'column' in source) {
      plan[spec.key] = { spec, index: headers.indexOf(source.column), fixed: '', source: source.column, values };
    } else if (source) {
      plan[spec.key] = { spec, index: -1, fixed: source.value.trim(), source: 'fixed value', values };
    } else {
      const from = kind.derive?.[spec.key];
      const fromSource = from ? mapping.fields[from] : undefined;
      if (fromSource && 'column' in fromSource) {
        const fromLabel = kind.fields.find((f) => f.key === from)?.label.toLowerCase() ?? from;
        plan[spec.key] = {
          spec,
          index: headers.indexOf(fromSource.column),
          fixed: '',
          source: `${fromSource.column} (${fromLabel})`,
          values,
        };
      }
    }
  }
  return plan;
}

function columnsOfType(kind: ImportKind, mapping: ImportMapping, headers: string[], type: string): number[] {
  const out: number[] = [];
  for (const f of kind.fields) {
    const src = mapping.fields[f.key];
    if (f.type === type && src && 'column' in src) {
      const i = headers.indexOf(src.column);
      if (i >= 0) out.push(i);
    }
  }
  return out;
}

/** Read the file's date columns for day-first/month-first evidence (only when the sample did not decide). */
function scanDates(
  setup: FileSetup,
  columns: number[],
  cancelled: () => boolean,
): { dayFirst: number; monthFirst: number } {
  let dayFirst = 0;
  let monthFirst = 0;
  let first = true;
  let n = 0;
  readCsv(setup.path, { encoding: setup.encoding, delimiter: setup.delimiter, newline: setup.newline }, (fields) => {
    if (first) {
      first = false;
      return;
    }
    if (++n % 50_000 === 0 && cancelled())
      throw new AppError('cancelled', 'Import cancelled; the workspace is unchanged.');
    for (const c of columns) {
      const e = dateEvidence(fields[c] ?? '');
      if (e === 'day-first') dayFirst++;
      else if (e === 'month-first') monthFirst++;
    }
  });
  return { dayFirst, monthFirst };
}

function prepare(
  input: ImportFileInput,
  index: number,
  encoding: Encoding | undefined,
  hooks: ImportHooks,
): PreparedFile {
  const kind = KINDS[input.kind];
  if (!kind) throw new AppError('invalid_argument', `Unknown kind of import file: ${input.kind}.`);
  if (input.mapping.kind !== input.kind) {
    throw new AppError(
      'invalid_argument',
      `The mapping is for ${input.mapping.kind} files, not ${kind.label.toLowerCase()}.`,
    );
  }
  const setup = setupFile(input.path, {
    encoding: encoding ?? input.mapping.encoding,
    delimiter: input.mapping.delimiter,
  });
  const issues = mappingIssues(kind, input.mapping, setup.headers);
  if (issues.length > 0) {
    throw new AppError(
      'invalid_argument',
      `${setup.fileName}: ${issues.join(' ')}`,
      issues.map((message) => ({ path: `${input.kind}.mapping`, message })),
    );
  }
  const dateColumns = columnsOfType(kind, input.mapping, setup.headers, 'date');
  let dates: DateFormatReport;
  let dateFormat: DateFormat | null = input.mapping.dateFormat ?? null;
  if (dateFormat) {
    dates = { used: dateFormat, stated: true, ambiguous: false, dayFirstEvidence: 0, monthFirstEvidence: 0 };
  } else {
    let dayFirst = 0;
    let monthFirst = 0;
    let either = 0;
    for (const row of setup.sample) {
      for (const c of dateColumns) {
        const e = dateEvidence(row[c] ?? '');
        if (e === 'day-first') dayFirst++;
        else if (e === 'month-first') monthFirst++;
        else if (e === 'either') either++;
      }
    }
    if (either > 0 && dayFirst === 0 && monthFirst === 0) {
      ({ dayFirst, monthFirst } = scanDates(setup, dateColumns, hooks.cancelled ?? (() => false)));
    }
    const decided = decideDateFormat(dayFirst, monthFirst);
    dateFormat = decided.format;
    dates = {
      used: dateFormat,
      stated: false,
      ambiguous: dateFormat === null && (either > 0 || decided.conflict),
      dayFirstEvidence: dayFirst,
      monthFirstEvidence: monthFirst,
    };
  }
  const numberColumns = columnsOfType(kind, input.mapping, setup.headers, 'number');
  const decimal =
    input.mapping.decimalMark ??
    detectDecimalMark(
      setup.sample.flatMap((row) => numberColumns.map((c) => row[c] ?? '')),
      setup.delimiter,
    ).mark;
  return {
    input,
    index,
    kind,
    setup,
    dateFormat,
    dates,
    decimal,
    encodingStated: (encoding ?? input.mapping.encoding) !== undefined,
  };
}

interface FileCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  blankLines: number;
}

function createdSince(r: Resolvers, before: Map<string, number>): { entity: string; count: number; names: string[] }[] {
  const out: { entity: string; count: number; names: string[] }[] = [];
  const all: [string, { count: number; names: string[] }][] = [
    ['competitors', r.competitor.created],
    ['products', r.product.created],
    ['accounts', r.account.created],
    ['owners', r.owner.created],
    ['teams', r.team.created],
    ['lead sources', r.leadSource.created],
    ['themes', r.theme.created],
  ];
  for (const [entity, c] of all) {
    const was = before.get(entity) ?? 0;
    if (c.count > was) out.push({ entity, count: c.count - was, names: c.names.slice(was) });
    before.set(entity, c.count);
  }
  return out;
}

function blockersOf(files: ImportFileReport[], problemCount: number): string[] {
  const blockers: string[] = [];
  for (const f of files) {
    if (f.dates.ambiguous) {
      blockers.push(
        `${f.fileName}: dates such as 03/04/2024 fit both day-first and month-first; choose the date format.`,
      );
    }
    for (const v of f.values) {
      const unknown = v.values.filter((x) => x.status === 'unknown').length;
      const near = v.values.filter((x) => x.status === 'near').length;
      if (unknown > 0) blockers.push(`${f.fileName}: ${unknown} value(s) of ${v.label} are not mapped yet.`);
      if (near > 0)
        blockers.push(`${f.fileName}: ${near} name(s) of ${v.label} look like known ones and need your decision.`);
    }
  }
  if (problemCount > 0) {
    blockers.push(
      `${problemCount.toLocaleString('en-US')} row(s) have problems: fix them, or import only the valid rows (the others are saved to a CSV with their reasons).`,
    );
  }
  return blockers;
}

function pass(
  sqlite: Database.Database,
  files: PreparedFile[],
  params: ImportParams,
  hooks: ImportHooks,
): ImportRunResult {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const settings = readSettings(sqlite);
  const main = files[0]!;
  const batchId = Number(
    sqlite
      .prepare(
        "INSERT INTO import_batches (kind, source_name, mapping_name, status, started_at, finished_at) VALUES (?, ?, ?, 'committed', ?, ?)",
      )
      .run(main.input.kind, params.sourceName, params.mappingName, startedAt, startedAt).lastInsertRowid,
  );
  const changes = new ChangeLog(sqlite, batchId);
  const resolvers = createResolvers(sqlite, changes, 'marketing');
  const estimates = files.map((f) => estimateRows(f.setup));
  const dealRows = files.filter((f) => f.input.kind === 'deals').reduce((s, f) => s + estimates[f.index]!, 0);
  const existingDeals = (sqlite.prepare('SELECT count(*) AS n FROM deals').get() as { n: number }).n;
  const rebuild =
    dealRows >= BULK_ROWS && dealRows >= existingDeals / 2 ? suspendIndexes(sqlite, BULK_TABLES, true) : [];

  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const reports: ImportFileReport[] = [];
  const createdBefore = new Map<string, number>();
  let doneBefore = 0;
  const cancelled = hooks.cancelled ?? (() => false);

  for (const file of [...files].sort((a, b) => a.kind.order - b.kind.order || a.index - b.index)) {
    const { kind, setup, input } = file;
    const mapping = input.mapping;
    const plan = planFields(kind, mapping, setup.headers);
    const cells = new RowCells(setup.fileName, plan, mapping, file.dateFormat, file.decimal);
    const writer = kind.open({
      sqlite,
      batchId,
      mapping,
      settings,
      resolvers,
      changes,
      mapped: (key) => mapping.fields[key] !== undefined,
      option: (key) => mapping.options?.[key] ?? kind.options?.find((o) => o.key === key)?.default ?? '',
      cancelled,
      bulk: rebuild.length > 0,
    });
    const counts: FileCounts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, blankLines: 0 };
    const summary = new Map<string, { field: string | null; reason: string; count: number }>();
    let rejectedCsv: CsvFileWriter | null = null;
    const width = setup.headers.length;
    let header = true;
    let bytesRead = 0;
    const fileEstimate = () =>
      bytesRead > 0 ? Math.round((counts.rowsRead * setup.sizeBytes) / bytesRead) : estimates[file.index]!;
    const totalEstimate = () =>
      doneBefore + fileEstimate() + estimates.reduce((s, e, i) => (i > file.index ? s + e : s), 0);
    const message = `${kind.label}: ${setup.fileName}`;
    hooks.progress?.(doneBefore, totalEstimate(), message);

    let stats: ReturnType<typeof readCsv>;
    try {
      stats = readCsv(
        setup.path,
        {
          encoding: setup.encoding,
          delimiter: setup.delimiter,
          newline: setup.newline,
          onChunk: (bytes) => (bytesRead = bytes),
        },
        (fields, line, malformed) => {
          if (header) {
            header = false;
            return;
          }
          counts.rowsRead++;
          cells.load(fields, line);
          if (fields.length !== width) {
            const extraBlank = fields.length > width && fields.slice(width).every((f) => f.trim() === '');
            if (!extraBlank) {
              cells.problem(
                null,
                `the row has ${fields.length} values but the header has ${width} columns (a value may hold an unquoted separator or line break)`,
                null,
              );
            }
          }
          if (malformed) cells.problem(null, 'a quote in this row is not closed properly', null);
          let outcome: WriteOutcome | 'deferred' | null = null;
          if (cells.problems.length === 0) {
            const row = kind.build(cells);
            if (row !== null) outcome = writer.write(row, cells);
          }
          if (outcome === null || cells.problems.length > 0) {
            counts.rejected++;
            for (const p of cells.problems) {
              const k = `${p.field}\u0000${p.summary}`;
              const s = summary.get(k);
              if (s) s.count++;
              else summary.set(k, { field: p.field, reason: p.summary, count: 1 });
            }
            const rowProblems = cells.take();
            problemCount += rowProblems.length;
            for (const p of rowProblems) if (problems.length < PROBLEMS_RETURNED) problems.push(p);
            if (params.rejectedDir) {
              if (!rejectedCsv) {
                mkdirSync(params.rejectedDir, { recursive: true });
                rejectedCsv = new CsvFileWriter(join(params.rejectedDir, `${file.index}.csv`), [
                  ...setup.rawHeaders,
                  'Line',
                  'Problems',
                ]);
              }
              rejectedCsv.row([
                ...fields,
                line,
                rowProblems.map((p) => (p.field ? `${p.field} (${p.column}): ${p.reason}` : p.reason)).join('; '),
              ]);
            }
          } else if (outcome !== 'deferred') counts[outcome]++;
          if (counts.rowsRead % PROGRESS_EVERY === 0) {
            if (cancelled()) throw new AppError('cancelled', 'Import cancelled; the workspace is unchanged.');
            hooks.progress?.(doneBefore + counts.rowsRead, totalEstimate(), message);
          }
        },
      );
    } catch (e) {
      (rejectedCsv as CsvFileWriter | null)?.abort();
      if (e instanceof EncodingMismatch) e.fileIndex = file.index;
      throw e;
    }
    (rejectedCsv as CsvFileWriter | null)?.close();
    counts.blankLines = stats.blankLines;
    hooks.progress?.(doneBefore + counts.rowsRead, totalEstimate(), `${message}: writing`);
    const deferred = writer.finish();
    if (cancelled()) throw new AppError('cancelled', 'Import cancelled; the workspace is unchanged.');
    if (deferred) {
      counts.inserted += deferred.inserted;
      counts.updated += deferred.updated;
      counts.unchanged += deferred.unchanged;
    }
    if (counts.rowsRead === 0) {
      throw new AppError(
        'invalid_argument',
        `${setup.fileName} has a header row but no data rows: there is nothing to import.`,
      );
    }
    doneBefore += counts.rowsRead;
    hooks.progress?.(doneBefore, totalEstimate(), message);
    const choices = writer.choices?.() ?? {};
    const values: ValueReport[] = [...cells.trackers.values()]
      .map((t) => t.report())
      .filter((r) => r.distinct > 0)
      .map((r) => (choices[r.field] ? { ...r, choices: choices[r.field] } : r));
    reports.push({
      index: file.index,
      kind: kind.id,
      fileName: setup.fileName,
      ...counts,
      encoding: setup.encoding,
      delimiter: setup.delimiter,
      decimalMark: file.decimal,
      dates: file.dates,
      values,
      created: createdSince(resolvers, createdBefore),
      problemSummary: [...summary.values()].sort((a, b) => b.count - a.count),
      changedFields: [...writer.changedFields().entries()]
        .map(([field, count]) => ({ field, count }))
        .sort((a, b) => b.count - a.count),
      notes: writer.notes?.() ?? [],
    });
  }

  changes.flush();
  const totals = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of reports) {
    totals.rowsRead += r.rowsRead;
    totals.inserted += r.inserted;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged;
    totals.rejected += r.rejected;
  }
  const created = changes.summary().some((c) => c.inserted > 0 || c.updated > 0);
  const result: ImportRunResult = {
    mode: params.mode,
    committed: false,
    batchId: null,
    files: reports,
    totals,
    problems,
    problemCount,
    blockers: blockersOf(reports, totals.rejected),
    seconds: 0,
  };
  if (params.mode === 'preview') throw new Rollback(result);
  if (params.onProblems === 'all_or_nothing' && totals.rejected > 0) throw new Rollback(result);
  // Nothing to change (the same file again): no batch, and the workspace stays byte for byte as it was.
  if (!created && totals.inserted === 0 && totals.updated === 0) throw new Rollback(result);

  if (rebuild.length > 0) {
    hooks.progress?.(doneBefore, doneBefore, 'Rebuilding indexes');
    rebuildIndexes(sqlite, rebuild);
  }
  sqlite
    .prepare(
      `UPDATE import_batches SET rows_read = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?, rows_rejected = ?,
         finished_at = ?, detail_json = ? WHERE id = ?`,
    )
    .run(
      totals.rowsRead,
      totals.inserted,
      totals.updated,
      totals.unchanged,
      totals.rejected,
      new Date().toISOString(),
      JSON.stringify({
        files: reports.map((r) => ({
          kind: r.kind,
          fileName: r.fileName,
          rowsRead: r.rowsRead,
          inserted: r.inserted,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected,
          encoding: r.encoding,
          delimiter: r.delimiter,
          decimalMark: r.decimalMark,
          dateFormat: r.dates.used,
          changedFields: r.changedFields,
        })),
        onProblems: params.onProblems,
      }),
      batchId,
    );
  return { ...result, committed: true, batchId, blockers: [] };
}

/** Run an import (or its check) over one or more files. Synchronous: call it from a job worker or the CLI. */
export function runImport(sqlite: Database.Database, params: ImportParams, hooks: ImportHooks = {}): ImportRunResult {
  if (params.files.length === 0) throw new AppError('invalid_argument', 'Choose a file to import.');
  const started = performance.now();
  // Every import that may write is preceded by a checked backup (docs/internals/storage-and-safety.md).
  if (params.mode === 'commit') backupBeforeWrite(sqlite, 'before-import', keepRuleOf(readSettings(sqlite)));
  const encodings: (Encoding | undefined)[] = params.files.map(() => undefined);
  for (let attempt = 0; ; attempt++) {
    const files = params.files.map((f, i) => prepare(f, i, encodings[i], hooks));
    try {
      const result = writeTransaction(sqlite, () => pass(sqlite, files, params, hooks));
      if (result.committed) sqlite.pragma('optimize');
      return { ...result, seconds: (performance.now() - started) / 1000 };
    } catch (e) {
      if (e instanceof Rollback) return { ...e.result, seconds: (performance.now() - started) / 1000 };
      if (e instanceof EncodingMismatch && attempt < params.files.length) {
        // A byte deep in a file was not UTF-8: read that file again as Windows-1252 (the
        // transaction has rolled back, so nothing of the first attempt remains).
        const culprit = files[e.fileIndex];
        if (culprit && !culprit.encodingStated && culprit.setup.encoding === 'utf-8') {
          encodings[culprit.index] = 'windows-1252';
          continue;
        }
        throw new AppError(
          'invalid_argument',
          `${e.message} Choose the file's encoding (Windows-1252 for files from Excel).`,
        );
      }
      throw e;
    }
  }
}
