// Shorthands for declaring an import kind's fields.
import type { FieldType } from '#shared/domain/imports.ts';
import type { KindField } from '../kind-field.ts';
import type { RowCells } from '../row-cells.ts';

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

/** True (with the problem recorded) when a row with this id was already written from the file. */
export function seenBefore(seen: Map<number, number>, id: number | undefined, cells: RowCells, key: string): boolean {
  if (id === undefined || !seen.has(id)) return false;
  cells.problem(key, 'appears more than once in the file', undefined, `first on line ${seen.get(id)}`);
  return true;
}
