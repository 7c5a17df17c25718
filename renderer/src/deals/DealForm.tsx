// The deal form: every field of a deal and its competitors, checked as the user saves with the
// messages next to the fields. Enter saves, Escape cancels. Names (account, product, owner, team,
// lead source) are typed with suggestions; a new name is added on save.
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { DealOptions } from '#shared/domain/deals.ts';
import { DEAL_TYPE_LABEL, DEAL_TYPES, OUTCOME_LABEL, OUTCOMES } from '#shared/domain/enums.ts';
import type { DealType, Outcome, SourcedBy } from '#shared/domain/enums.ts';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import type { DealDraft } from './deal-form-state.ts';
import { checkDraft, fieldErrors } from './deal-form-state.ts';

interface Props {
  initial: DealDraft;
  options: DealOptions | undefined;
  title: string;
  onSave: (draft: DealDraft) => Promise<void>;
  onCancel: () => void;
}

type TextKey = {
  [K in keyof DealDraft]: DealDraft[K] extends string ? K : never;
}[keyof DealDraft];

export function DealForm({ initial, options, title, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<DealDraft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof DealDraft>(key: K, value: DealDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found = checkDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`deal-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(draft);
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) setErrors(fieldErrors(err.issues));
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: TextKey, label: string, input: ReactNode, hint?: string) => (
    <label className="form-field" key={key}>
      <span>{label}</span>
      {input}
      {hint && !errors[key] && <span className="muted small">{hint}</span>}
      {errors[key] && (
        <span className="field-error" id={`deal-${key}-error`} role="alert">
          {errors[key]}
        </span>
      )}
    </label>
  );
  const text = (
    key: TextKey,
    label: string,
    opts: { list?: string; type?: string; hint?: string; required?: boolean } = {},
  ) =>
    field(
      key,
      label,
      <input
        id={`deal-${key}`}
        type={opts.type ?? 'text'}
        value={draft[key] as string}
        list={opts.list}
        required={opts.required}
        aria-invalid={!!errors[key]}
        aria-describedby={errors[key] ? `deal-${key}-error` : undefined}
        onChange={(e) => set(key, e.target.value as never)}
        data-testid={`deal-field-${key}`}
      />,
      opts.hint,
    );
  const competitorName = (id: number) => options?.competitors.find((c) => c.id === id)?.name ?? `#${id}`;
  const unused = (options?.competitors ?? []).filter((c) => !draft.competitors.some((x) => x.competitorId === c.id));

  return (
    <form
      className="panel form deal-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
      aria-labelledby="deal-form-title"
      data-testid="deal-form"
    >
      <h1 id="deal-form-title">{title}</h1>
      <datalist id="products-list">
        {options?.products.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <datalist id="owners-list">
        {options?.owners.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <datalist id="teams-list">
        {options?.teams.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <datalist id="sources-list">
        {options?.leadSources.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <datalist id="stages-list">
        {options?.stages.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <datalist id="segments-list">
        {options?.segments.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <datalist id="regions-list">
        {options?.regions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <div className="form-grid">
        <fieldset>
          <legend>Deal</legend>
          {text('name', 'Name', { required: true })}
          {text('externalId', 'CRM id', { hint: 'Importing a file with this id updates this deal.' })}
          {text('accountName', 'Account', { hint: 'Matched by name; a new name adds an account.' })}
          {text('amount', 'Amount', { type: 'text' })}
          {text('currency', 'Currency')}
          {text('productName', 'Product', { list: 'products-list' })}
          {field(
            'dealType',
            'Deal type',
            <select
              id="deal-dealType"
              value={draft.dealType}
              onChange={(e) => set('dealType', e.target.value as DealType)}
            >
              {DEAL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {DEAL_TYPE_LABEL[t]}
                </option>
              ))}
            </select>,
          )}
        </fieldset>
        <fieldset>
          <legend>Outcome</legend>
          {field(
            'outcome',
            'Outcome',
            <select
              id="deal-outcome"
              value={draft.outcome}
              onChange={(e) => set('outcome', e.target.value as Outcome)}
              data-testid="deal-field-outcome"
            >
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABEL[o]}
                </option>
              ))}
            </select>,
          )}
          {text('stage', 'Stage', { list: 'stages-list' })}
          {text('closeDate', 'Close date', { type: 'date', hint: 'Needed once the deal is closed.' })}
          {field(
            'lostToCompetitorId',
            'Lost to',
            <select
              id="deal-lostToCompetitorId"
              value={draft.lostToCompetitorId}
              onChange={(e) => set('lostToCompetitorId', e.target.value)}
              aria-invalid={!!errors.lostToCompetitorId}
            >
              <option value="">Not known / not lost to a competitor</option>
              {options?.competitors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>,
          )}
          {text('repReason', 'Reason (rep)', { hint: 'Coded to the reason taxonomy when it matches a reason’s name.' })}
        </fieldset>
        <fieldset>
          <legend>Who and where</legend>
          {text('ownerName', 'Owner', { list: 'owners-list' })}
          {text('teamName', 'Team', { list: 'teams-list' })}
          {text('leadSourceName', 'Lead source', { list: 'sources-list' })}
          {field(
            'sourcedBy',
            'Sourced by',
            <select
              id="deal-sourcedBy"
              value={draft.sourcedBy}
              onChange={(e) => set('sourcedBy', e.target.value as SourcedBy | '')}
            >
              <option value="">Not known</option>
              <option value="marketing">Marketing</option>
              <option value="sales">Sales</option>
              <option value="partner">Partner</option>
            </select>,
          )}
          {text('segment', 'Segment', { list: 'segments-list' })}
          {text('region', 'Region', { list: 'regions-list' })}
        </fieldset>
        <fieldset>
          <legend>Dates</legend>
          {text('createdDate', 'Created', { type: 'date' })}
          {text('mqlDate', 'MQL date', { type: 'date' })}
          {text('sqlDate', 'SQL date', { type: 'date' })}
          {text('contractStart', 'Contract start', { type: 'date' })}
          {text('contractEnd', 'Contract end', { type: 'date' })}
        </fieldset>
      </div>
      <fieldset className="competitor-editor">
        <legend>Competitors on this deal</legend>
        {draft.competitors.length === 0 && <p className="muted">None recorded.</p>}
        {draft.competitors.map((c, i) => (
          <div key={c.competitorId} className="competitor-line" data-testid="deal-competitor">
            <strong>{competitorName(c.competitorId)}</strong>
            <label className="check">
              <input
                type="radio"
                name="primary-competitor"
                checked={c.isPrimary}
                onChange={() =>
                  set(
                    'competitors',
                    draft.competitors.map((x, j) => ({ ...x, isPrimary: i === j })),
                  )
                }
              />
              Primary
            </label>
            <label>
              <span className="visually-hidden">Their strengths on this deal</span>
              <input
                placeholder="Their strengths"
                value={c.strengths}
                onChange={(e) =>
                  set(
                    'competitors',
                    draft.competitors.map((x, j) => (i === j ? { ...x, strengths: e.target.value } : x)),
                  )
                }
              />
            </label>
            <label>
              <span className="visually-hidden">Their weaknesses on this deal</span>
              <input
                placeholder="Their weaknesses"
                value={c.weaknesses}
                onChange={(e) =>
                  set(
                    'competitors',
                    draft.competitors.map((x, j) => (i === j ? { ...x, weaknesses: e.target.value } : x)),
                  )
                }
              />
            </label>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                set(
                  'competitors',
                  draft.competitors.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
          </div>
        ))}
        {unused.length > 0 && (
          <label className="inline-label">
            <span>Add a competitor</span>
            <select
              value=""
              onChange={(e) => {
                const id = Number(e.target.value);
                if (id)
                  set('competitors', [
                    ...draft.competitors,
                    { competitorId: id, isPrimary: draft.competitors.length === 0, strengths: '', weaknesses: '' },
                  ]);
              }}
              data-testid="add-deal-competitor"
            >
              <option value="">Choose…</option>
              {unused.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {errors.competitors && (
          <span className="field-error" role="alert">
            {errors.competitors}
          </span>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy} data-testid="save-deal">
          {busy ? 'Saving…' : 'Save deal'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        {Object.keys(errors).length > 0 && <span className="field-error">Check the fields marked in red.</span>}
      </div>
      {error && Object.keys(errors).length === 0 && <ErrorMessage error={error} title="The deal was not saved" />}
    </form>
  );
}
