// The one date field: ISO yyyy-mm-dd, as every screen, import, export and the CLI show dates.
// A browser's date picker shows the system locale's order (03/04/2026 is March or April
// depending on the machine), so two screenshots of one workspace would disagree; here the field
// reads as the tables do. A half-typed date is kept in the field and not passed on; the field
// says what is wrong with it.
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, InputHTMLAttributes } from 'react';
import { isoDateProblem } from '#shared/domain/dates.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: string;
  /** Called with the field's event when it holds a whole date or is emptied. */
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
};

export function DateInput({ value, onChange, className, title, ...rest }: Props) {
  const [text, setText] = useState(value);
  const passed = useRef(value);
  // A new value from outside (a cleared filter, a loaded template) replaces what is typed.
  useEffect(() => {
    if (value !== passed.current) {
      passed.current = value;
      setText(value);
    }
  }, [value]);
  const problem = text === '' ? null : isoDateProblem(text);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="yyyy-mm-dd"
      maxLength={10}
      autoComplete="off"
      className={`date-input ${className ?? ''}`}
      value={text}
      aria-invalid={problem !== null || rest['aria-invalid'] === true || undefined}
      title={problem ?? title}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' || isoDateProblem(e.target.value) === null) {
          passed.current = e.target.value;
          onChange(e);
        }
      }}
    />
  );
}
