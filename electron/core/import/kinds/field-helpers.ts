// Shorthands for declaring an import kind's fields.
import type { FieldType } from '#shared/domain/imports.ts';
import type { KindField } from '../kind-field.ts';

type Extra = Partial<Omit<KindField, 'key' | 'label' | 'type' | 'help' | 'headers'>>;

export function field(
  key: string,
  label: string,
  type: FieldType,
  help: string,
  headers: string[],
  extra: Extra = {},
): KindField {
  return { key, label, type, help, headers, required: false, listValues: false, ...extra };
}

/** Options of an enum field from its values and labels. */
export function options(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
