// One row's cells, read through the mapping: each field's cell (or fixed value) converted to its
// type, with the user's value map applied, and every problem recorded with its line, column,
// value and reason. One instance per file is reused for every row (no allocation per row).
import type { DateFormat, DecimalMark, ImportMapping } from '#shared/domain/import-mapping.ts';
import type { ImportProblem } from '#shared/domain/imports.ts';
import type { KindField } from './kind-field.ts';
import { parseDate } from './parse-dates.ts';
import type { DateEvidence } from './parse-dates.ts';
import { dateEvidence } from './parse-dates.ts';
import { parseNumber } from './parse-numbers.ts';
import { parseListCell } from '#shared/export/list-cell.ts';
import { detach } from './detach.ts';
import { ValueTracker } from './value-tracker.ts';
import { BOOL_WORDS, ENUM_WORDS, vocabKey } from './vocab.ts';

export interface PlannedField {
  spec: KindField;
  /** Index of the column in the row, or -1 for a fixed value. */
  index: number;
  fixed: string;
  /** What the screen calls the source: the header, or "fixed value". */
  source: string;
  /** The user's value map for this field (for lookups: for its entity). */
  values: Map<string, string | null> | undefined;
}

export interface RowProblem {
  field: string | null;
  column: string | null;
  value: string | null;
  /** The reason with its row-specific detail ("… (first on line 12)"). */
  reason: string;
  /** The reason alone, for counting problems by kind. */
  summary: string;
}

/** A cell a spreadsheet must not run: Winnow exports such cells with a leading apostrophe. */
const PROTECTED = /^'[=+\-@\t\r]/;

export class RowCells {
  line = 0;
  cells: string[] = [];
  readonly problems: RowProblem[] = [];
  /** Currency found beside the last amount read ("€", "EUR"), if any. */
  currencyHint: string | null = null;
  readonly trackers = new Map<string, ValueTracker>();
  dayFirst = 0;
  monthFirst = 0;
  private readonly plan: Record<string, PlannedField | undefined>;
  /** The file's day format (stated or detected), for kinds that read dates their own way. */
  readonly dateFormat: DateFormat | null;
  private readonly decimal: DecimalMark;
  private readonly listSeparator: string;
  readonly fileName: string;

  constructor(
    fileName: string,
    plan: Record<string, PlannedField | undefined>,
    mapping: ImportMapping,
    dateFormat: DateFormat | null,
    decimal: DecimalMark,
  ) {
    this.fileName = fileName;
    this.plan = plan;
    this.dateFormat = dateFormat;
    this.decimal = decimal;
    this.listSeparator = mapping.listSeparator ?? ';';
    const sources = new Map<string, string[]>();
    for (const f of Object.values(plan)) {
      if (f?.spec.listValues) {
        const key = f.spec.entity ?? f.spec.key;
        if (f.spec.entityLabel) sources.set(key, [...(sources.get(key) ?? []), f.source]);
        if (!this.trackers.has(key)) {
          const label = f.spec.entityLabel ?? f.spec.label;
          this.trackers.set(key, new ValueTracker(key, label, f.source));
        }
      }
    }
    for (const [key, list] of sources) {
      const t = this.trackers.get(key)!;
      this.trackers.set(key, new ValueTracker(key, t.label, [...new Set(list)].join(', ')));
    }
  }

  load(cells: string[], line: number): void {
    this.cells = cells;
    this.line = line;
    this.problems.length = 0;
    this.currencyHint = null;
  }

  has(key: string): boolean {
    return this.plan[key] !== undefined;
  }

  field(key: string): PlannedField | undefined {
    return this.plan[key];
  }

  /** The cell as text, trimmed ('' when blank or not mapped). */
  raw(key: string): string {
    const f = this.plan[key];
    if (!f) return '';
    if (f.index < 0) return f.fixed;
    const v = this.cells[f.index];
    if (v === undefined || v === '') return '';
    const t = v.trim();
    return PROTECTED.test(t) ? t.slice(1) : t;
  }

  /** Record a problem of this row; `detail` is row-specific and left out when problems are counted. */
  problem(key: string | null, reason: string, value?: string | null, detail?: string): void {
    const f = key ? this.plan[key] : undefined;
    this.problems.push({
      field: f ? f.spec.label : key,
      column: f ? f.source : null,
      value: value === undefined ? (key ? this.raw(key) : null) : value,
      reason: detail ? `${reason} (${detail})` : reason,
      summary: reason,
    });
  }

  tracker(key: string): ValueTracker | undefined {
    return this.trackers.get(key);
  }

  /** Text, with the value map applied (corrected spellings); blank gives null. */
  text(key: string): string | null {
    const f = this.plan[key];
    if (!f) return null;
    const raw = this.raw(key);
    let out: string | null = raw === '' ? null : raw;
    if (raw !== '' && f.values?.has(raw)) {
      out = f.values.get(raw) ?? null;
      if (f.spec.listValues) this.trackers.get(f.spec.key)?.add(raw, 'mapped', out);
    } else if (raw !== '' && f.spec.listValues) {
      this.trackers.get(f.spec.key)?.add(raw, 'known', raw);
    }
    const max = f.spec.maxLength ?? 500;
    if (out !== null && out.length > max) {
      this.problem(key, `longer than ${max} characters`, `${out.slice(0, 60)}…`);
      return null;
    }
    return out;
  }

  number(key: string): number | null {
    const raw = this.raw(key);
    if (raw === '') return null;
    const r = parseNumber(raw, this.decimal);
    if (!r.ok) {
      this.problem(key, r.reason);
      return null;
    }
    if (r.currency) this.currencyHint = r.currency;
    return r.value;
  }

  date(key: string): string | null {
    const raw = this.raw(key);
    if (raw === '') return null;
    const r = parseDate(raw, this.dateFormat);
    if (!r.ok) {
      this.problem(
        key,
        r.ambiguous ? 'ambiguous date: choose the file’s date format' : `not a valid date: ${r.reason}`,
      );
      return null;
    }
    return r.iso;
  }

  /** What a slashed date in this field says about the file's format (for detection). */
  dateEvidence(key: string): DateEvidence {
    return dateEvidence(this.raw(key));
  }

  /**
   * A value from a closed list (outcome, deal type ...): the user's value map first, then the
   * vocabulary. An unknown value is never guessed: `known` is false and the caller decides
   * (another column may settle it, else it is a problem listed for mapping).
   */
  choice(key: string): { value: string | null; known: boolean } {
    const f = this.plan[key];
    if (!f) return { value: null, known: true };
    const raw = this.raw(key);
    if (raw === '') return { value: null, known: true };
    const tracker = this.trackers.get(key);
    if (f.values?.has(raw)) {
      const v = f.values.get(raw) ?? null;
      if (v !== null && f.spec.options && !f.spec.options.some((o) => o.value === v)) {
        this.problem(key, `mapped to "${v}", which is not one of the allowed values`, raw);
        return { value: null, known: true };
      }
      tracker?.add(raw, 'mapped', v);
      return { value: v, known: true };
    }
    const v = ENUM_WORDS[key]?.get(vocabKey(raw));
    if (v !== undefined) {
      tracker?.add(raw, 'known', v);
      return { value: v, known: true };
    }
    return { value: null, known: false };
  }

  /** Record an unknown value of a closed list, for the user to map. */
  unknownChoice(key: string, reason: string): void {
    const raw = this.raw(key);
    this.trackers.get(key)?.add(raw, 'unknown', null);
    this.problem(key, reason, raw);
  }

  bool(key: string): boolean | null {
    const raw = this.raw(key);
    if (raw === '') return null;
    const mapped = this.plan[key]?.values?.get(raw);
    const v = BOOL_WORDS.get(vocabKey(mapped ?? raw));
    if (v === undefined) {
      this.problem(key, 'not a yes/no value (use true/false, yes/no or 1/0)');
      return null;
    }
    return v;
  }

  /** A name to resolve (competitor, product ...), trimmed; null when blank. */
  name(key: string): string | null {
    const raw = this.raw(key);
    if (raw === '') return null;
    const max = this.plan[key]?.spec.maxLength ?? 200;
    if (raw.length > max) {
      this.problem(key, `longer than ${max} characters`, `${raw.slice(0, 60)}…`);
      return null;
    }
    return raw;
  }

  /**
   * Several names in one cell ("Acme; Brightline"), in order, without blanks or repeats. A name in
   * double quotes may hold the separator (Winnow's exports write such names so).
   */
  names(key: string): string[] {
    const raw = this.raw(key);
    if (raw === '') return [];
    const out: string[] = [];
    for (const t of parseListCell(raw, this.listSeparator)) if (!out.includes(t)) out.push(t);
    return out;
  }

  /** Pack the current row's problems for the report (detached: some are kept past the row). */
  take(): ImportProblem[] {
    return this.problems.map((p) => ({
      file: this.fileName,
      line: this.line,
      field: p.field,
      column: p.column,
      value: p.value === null ? null : detach(p.value),
      reason: p.reason,
    }));
  }
}
