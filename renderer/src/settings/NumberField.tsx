// One whole-number setting: its label, the input, and the plain-words problem the core found with it.
export function NumberField(props: {
  label: string;
  name: string;
  value: string;
  min: number;
  max?: number;
  error: string | undefined;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const { label, name, value, min, max, error, onChange, testId } = props;
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={`${name}-error`}
        data-testid={testId}
      />
      {error && (
        <span className="field-error" id={`${name}-error`} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
