// Reason codes: type to find a reason in the taxonomy (↑ ↓ Enter), then mark one as primary and
// each as a win or loss driver. Retired reasons stay where they were coded but are not offered.
import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Driver } from '#shared/domain/enums.ts';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { ReasonOption } from '#shared/domain/interviews.ts';
import { DRIVER_LABEL } from '#shared/domain/interviews.ts';
import { UserText } from '../options.tsx';
import type { Edit } from './InterviewForm.tsx';

const MAX_SHOWN = 12;

export function ReasonCoding({
  draft,
  edit,
  reasons,
  defaultDriver,
  invalid,
}: {
  draft: InterviewDraft;
  edit: Edit;
  reasons: ReasonOption[];
  defaultDriver: Driver;
  invalid: boolean;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const byId = useMemo(() => new Map(reasons.map((r) => [r.id, r])), [reasons]);
  const coded = new Set(draft.reasons.map((r) => r.reasonId));
  const q = text.trim().toLowerCase();
  const matches = reasons
    .filter((r) => r.active && !coded.has(r.id))
    .filter((r) => !q || r.name.toLowerCase().includes(q) || r.categoryName.toLowerCase().includes(q))
    .slice(0, MAX_SHOWN);

  const add = (r: ReasonOption) => {
    edit((d) => ({
      ...d,
      reasons: [
        ...d.reasons,
        { reasonId: r.id, isPrimary: !d.reasons.some((x) => x.isPrimary), driver: defaultDriver },
      ],
    }));
    setText('');
    setActive(0);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const r = matches[active];
      if (open && r) add(r);
    } else if (e.key === 'Escape') {
      if (open || text) e.stopPropagation();
      setOpen(false);
      setText('');
    }
  };

  return (
    <fieldset className="panel" aria-describedby="reasons-help">
      <legend>Reasons</legend>
      <p id="reasons-help" className="muted small">
        One primary reason and any secondary ones, each a win or a loss driver.
      </p>
      {draft.reasons.length > 0 && (
        <table className="data-table coded-reasons" data-testid="coded-reasons">
          <thead>
            <tr>
              <th>Reason</th>
              <th>Primary</th>
              <th>Driver</th>
              <th>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.reasons.map((r, i) => {
              const info = byId.get(r.reasonId);
              return (
                <tr key={r.reasonId}>
                  <td>
                    <UserText>{info?.name ?? `Reason ${r.reasonId}`}</UserText>
                    <span className="muted small">
                      {' '}
                      · <UserText>{info?.categoryName}</UserText>
                      {info && !info.active ? ' (retired)' : ''}
                    </span>
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="primary-reason"
                      checked={r.isPrimary}
                      aria-label={`${info?.name ?? 'Reason'} is the primary reason`}
                      onChange={() =>
                        edit((d) => ({ ...d, reasons: d.reasons.map((x, k) => ({ ...x, isPrimary: k === i })) }))
                      }
                    />
                  </td>
                  <td>
                    <select
                      value={r.driver}
                      aria-label={`${info?.name ?? 'Reason'}: win or loss driver`}
                      onChange={(e) =>
                        edit((d) => ({
                          ...d,
                          reasons: d.reasons.map((x, k) => (k === i ? { ...x, driver: e.target.value as Driver } : x)),
                        }))
                      }
                    >
                      <option value="win">{DRIVER_LABEL.win}</option>
                      <option value="loss">{DRIVER_LABEL.loss}</option>
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${info?.name ?? 'reason'}`}
                      onClick={() =>
                        edit((d) => {
                          const rest = d.reasons.filter((_, k) => k !== i);
                          // Removing the primary makes the next one primary, so there always is one.
                          if (r.isPrimary && rest.length && !rest.some((x) => x.isPrimary))
                            rest[0] = { ...rest[0]!, isPrimary: true };
                          return { ...d, reasons: rest };
                        })
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="combo">
        <label className="field wide">
          <span className="field-label">Add a reason (Alt+R)</span>
          <input
            id="iv-reasons"
            role="combobox"
            aria-expanded={open && matches.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].id}` : undefined}
            aria-invalid={invalid || undefined}
            value={text}
            placeholder="Type to find a reason, e.g. price, security"
            maxLength={80}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKey}
            data-testid="reason-search"
          />
        </label>
        {open && matches.length > 0 && (
          <ul id={listId} role="listbox" className="combo-list" aria-label="Reasons">
            {matches.map((r, i) => (
              <li
                key={r.id}
                id={`${listId}-${r.id}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(r)}
                data-testid="reason-option"
              >
                <UserText>{r.name}</UserText> <span className="muted small">· {r.categoryName}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
