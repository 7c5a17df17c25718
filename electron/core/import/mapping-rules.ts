// From a file's header to a mapping: the preset that fits best (its columns by the CRM's own
// names), then suggestions from header names for the fields still open. And the checks a
// mapping must pass before any row is read: every column exists, none feeds two fields, the
// required fields are there.
import type { ImportMapping } from '#shared/domain/import-mapping.ts';
import { emptyMapping } from '#shared/domain/import-mapping.ts';
import type { ImportKind, Preset } from './kind.ts';
import { vocabKey } from './vocab.ts';

function headerIndex(headers: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const h of headers) {
    const k = vocabKey(h);
    if (k && !m.has(k)) m.set(k, h);
  }
  return m;
}

/** The mapping a preset gives for this header, with suggestions filling the fields it leaves open. */
export function applyPreset(
  kind: ImportKind,
  headers: string[],
  preset: Preset,
): { mapping: ImportMapping; matched: number } {
  const index = headerIndex(headers);
  const mapping = emptyMapping(kind.id);
  const used = new Set<string>();
  let matched = 0;
  for (const [key, names] of Object.entries(preset.columns)) {
    for (const name of names) {
      const h = index.get(vocabKey(name));
      if (h && !used.has(h)) {
        mapping.fields[key] = { column: h };
        used.add(h);
        matched++;
        break;
      }
    }
  }
  for (const f of kind.fields) {
    if (mapping.fields[f.key]) continue;
    for (const candidate of [...f.headers, vocabKey(f.label)]) {
      const h = index.get(candidate);
      if (h && !used.has(h)) {
        mapping.fields[f.key] = { column: h };
        used.add(h);
        break;
      }
    }
  }
  if (preset.values) mapping.values = structuredClone(preset.values);
  if (preset.dateFormat) mapping.dateFormat = preset.dateFormat;
  if (preset.options) mapping.options = { ...preset.options };
  return { mapping, matched };
}

/** The best preset for a header: the one whose own column names match most (generic if none fits). */
export function suggestMapping(
  kind: ImportKind,
  headers: string[],
): { presetId: string; mapping: ImportMapping; matched: number } {
  const index = headerIndex(headers);
  let best: { preset: Preset; matched: number } | null = null;
  for (const preset of kind.presets) {
    if (preset.signature && !preset.signature.some((h) => index.has(vocabKey(h)))) continue;
    const { matched } = applyPreset(kind, headers, preset);
    if (!best || matched > best.matched) best = { preset, matched };
  }
  const generic = kind.presets.find((p) => p.id === 'generic') ?? kind.presets[0]!;
  const chosen = best && best.matched >= 3 && best.preset.signature ? best.preset : generic;
  const { mapping, matched } = applyPreset(kind, headers, chosen);
  return { presetId: chosen.id, mapping, matched };
}

/** Problems with a mapping itself, each a sentence for the user; empty when it can be used. */
export function mappingIssues(kind: ImportKind, mapping: ImportMapping, headers: string[]): string[] {
  const issues: string[] = [];
  const known = new Set(headers);
  const fieldsByColumn = new Map<string, string[]>();
  const label = (key: string) => kind.fields.find((f) => f.key === key)?.label ?? key;
  for (const [key, source] of Object.entries(mapping.fields)) {
    if (!kind.fields.some((f) => f.key === key)) {
      issues.push(`"${key}" is not a field of a ${kind.label.toLowerCase()} file.`);
      continue;
    }
    if ('column' in source) {
      if (!known.has(source.column)) {
        issues.push(`${label(key)} is mapped to the column "${source.column}", which is not in this file.`);
      }
      fieldsByColumn.set(source.column, [...(fieldsByColumn.get(source.column) ?? []), label(key)]);
    }
  }
  for (const [column, fields] of fieldsByColumn) {
    if (fields.length > 1) {
      issues.push(`The column "${column}" is mapped twice (to ${fields.join(' and ')}); map each column to one field.`);
    }
  }
  for (const f of kind.fields) {
    if (f.required && !mapping.fields[f.key]) issues.push(`Map a column to ${f.label}: it is required.`);
  }
  for (const [key, value] of Object.entries(mapping.options ?? {})) {
    const option = kind.options?.find((o) => o.key === key);
    if (!option) issues.push(`"${key}" is not an option of a ${kind.label.toLowerCase()} file.`);
    else if (!option.choices.some((c) => c.value === value)) {
      issues.push(`${option.label}: "${value}" is not one of ${option.choices.map((c) => `"${c.value}"`).join(', ')}.`);
    }
  }
  issues.push(...(kind.checkMapping?.((k) => mapping.fields[k] !== undefined, mapping) ?? []));
  return issues;
}
