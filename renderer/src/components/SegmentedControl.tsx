// A small set of mutually exclusive choices shown side by side (a radio group): arrow keys move
// between them, as with native radio buttons, because they are native radio buttons.
import { useId } from 'react';
import './segmented.css';

export interface SegmentedControlProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string; title?: string }[];
  onChange: (value: T) => void;
  testId?: string;
}

export function SegmentedControl<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: SegmentedControlProps<T>) {
  const name = useId();
  return (
    <fieldset className="segmented" data-testid={testId}>
      <legend>{label}</legend>
      <div className="segmented-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'checked' : ''} title={o.title}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
