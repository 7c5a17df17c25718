// The import wizard's data: the files chosen with their mappings, and the pure steps that change
// them (a column chosen for a field, a value mapped, a near match confirmed). Kept apart from the
// screens so they are tested without a browser.
import type {
  FileInspection,
  ImportFileReport,
  ImportKindSpec,
  ValueCount,
  ValueReport,
} from '#shared/domain/imports.ts';
import type { ImportKindId, ImportMapping } from '#shared/domain/import-mapping.ts';

export interface WizardFile {
  kind: ImportKindId;
  inspection: FileInspection;
  mapping: ImportMapping;
  presetId: string;
}

/** A field's source as the mapping screen's select shows it. */
export type SourceChoice = { type: 'none' } | { type: 'column'; column: string } | { type: 'value'; value: string };

export function sourceOf(mapping: ImportMapping, key: string): SourceChoice {
  const s = mapping.fields[key];
  if (!s) return { type: 'none' };
  return 'column' in s ? { type: 'column', column: s.column } : { type: 'value', value: s.value };
}

export function withSource(mapping: ImportMapping, key: string, choice: SourceChoice): ImportMapping {
  const fields = { ...mapping.fields };
  if (choice.type === 'none') delete fields[key];
  else if (choice.type === 'column') fields[key] = { column: choice.column };
  else fields[key] = { value: choice.value };
  return { ...mapping, fields };
}

/** The user's answer for one value: what it becomes (null = blank), or undefined to forget it. */
export function withValue(
  mapping: ImportMapping,
  field: string,
  raw: string,
  to: string | null | undefined,
): ImportMapping {
  const values = { ...mapping.values };
  const forField = { ...(values[field] ?? {}) };
  if (to === undefined) delete forField[raw];
  else forField[raw] = to;
  if (Object.keys(forField).length === 0) delete values[field];
  else values[field] = forField;
  return { ...mapping, values };
}

/** Up to three example values of a column, from the rows the inspection read. */
export function samplesOf(inspection: FileInspection, column: string): string[] {
  const i = inspection.headers.indexOf(column);
  if (i < 0) return [];
  const out: string[] = [];
  for (const row of inspection.sampleRows) {
    const v = row[i]?.trim();
    if (v && !out.includes(v)) out.push(v);
    if (out.length === 3) break;
  }
  return out;
}

/** Values the user must answer before an all-or-nothing import: unknown ones and near matches. */
export function pendingValues(report: ImportFileReport): { report: ValueReport; value: ValueCount }[] {
  const out: { report: ValueReport; value: ValueCount }[] = [];
  for (const r of report.values)
    for (const v of r.values) if (v.status === 'unknown' || v.status === 'near') out.push({ report: r, value: v });
  return out;
}

/**
 * What the wizard imports: deals (with any related file), interviews (with their quotes),
 * revenue lines for the retention cohorts, leads (with their touches), or competitors alone.
 */
export type ImportWhat = 'deals' | 'interviews' | 'revenue' | 'leads' | 'competitors';

export const IMPORT_WHAT: Record<ImportWhat, { main: ImportKindId; related: ImportKindId[] }> = {
  deals: {
    main: 'deals',
    related: [
      'accounts',
      'owners',
      'products',
      'competitors',
      'stage_history',
      'deal_competitors',
      'interviews',
      'quotes',
    ],
  },
  interviews: { main: 'interviews', related: ['quotes'] },
  revenue: { main: 'revenue', related: [] },
  leads: { main: 'leads', related: ['touches'] },
  competitors: { main: 'competitors', related: [] },
};

/** Files after choosing one of `kind`: a new main file replaces the old one and leads the list. */
export function withFile(files: WizardFile[], file: WizardFile, main: ImportKindId): WizardFile[] {
  return file.kind === main ? [file, ...files.filter((f) => f.kind !== main)] : [...files, file];
}

/**
 * The choices offered for an unknown or near value of a field. Names of the workspace's own
 * lists (reasons, themes, guides) come with the list to choose from, and "a new one" only where
 * the import may add it (themes).
 */
export function choicesFor(
  spec: ImportKindSpec | undefined,
  report: ValueReport,
  value: ValueCount,
): { value: string | null; label: string }[] {
  const field = spec?.fields.find((f) => f.key === report.field);
  if (report.choices) {
    const near = value.status === 'near' ? value.suggestions : [];
    return [
      ...near.map((s) => ({ value: s, label: `Same as “${s}”` })),
      ...report.choices.names.filter((n) => !near.includes(n)).map((n) => ({ value: n, label: n })),
      ...(report.choices.allowNew ? [{ value: value.raw, label: `A new one, “${value.raw}”` }] : []),
      { value: null, label: 'Leave blank' },
    ];
  }
  if (value.status === 'near') {
    return [
      ...value.suggestions.map((s) => ({ value: s, label: `Same as “${s}”` })),
      { value: value.raw, label: `A new one, “${value.raw}”` },
      { value: null, label: 'Leave blank' },
    ];
  }
  if (field?.options) {
    return [
      ...field.options.map((o) => ({ value: o.value, label: o.label })),
      ...(field.required ? [] : [{ value: null, label: 'Leave blank' }]),
    ];
  }
  return [{ value: null, label: 'Leave blank' }];
}

/** Unknown values that may be added as new ones (themes), for "add them all". */
export function newAllowed(report: ImportFileReport): { field: string; raw: string }[] {
  return report.values
    .filter((v) => v.choices?.allowNew)
    .flatMap((v) => v.values.filter((x) => x.status === 'unknown').map((x) => ({ field: v.field, raw: x.raw })));
}

/** A readable list of the parts of the result the user should look at, for the check screen. */
export function summariseCreated(report: ImportFileReport): string[] {
  return report.created.map(
    (c) =>
      `${c.count.toLocaleString('en-US')} new ${c.entity}${c.names.length > 0 ? `: ${c.names.slice(0, 6).join(', ')}${c.count > 6 ? ', …' : ''}` : ''}`,
  );
}
