// Small shared pieces of the Interviews area's forms: labelled selects over the domain's
// vocabularies and over lists from the core, and the date of today in the user's time zone.
import type { ReactNode } from 'react';

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface Choice {
  value: string;
  label: string;
}

export const fromLabels = (labels: Record<string, string>): Choice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function SelectField({
  label,
  value,
  onChange,
  choices,
  empty = 'Any',
  id,
  testId,
  invalid,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: Choice[];
  empty?: string | null;
  id?: string;
  testId?: string;
  invalid?: boolean;
  hint?: ReactNode;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        aria-invalid={invalid || undefined}
      >
        {empty !== null && <option value="">{empty}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {hint}
    </label>
  );
}

/** A user-provided name shown as text, isolated so right-to-left text cannot reorder the UI. */
export function UserText({ children, className }: { children: string | null | undefined; className?: string }) {
  return (
    <bdi className={`user-text ${className ?? ''}`} dir="auto">
      {children ?? ''}
    </bdi>
  );
}
