// The capture form. Everything typed is autosaved (use-autosave.ts); "Complete" checks the
// required fields and says which are missing. Keyboard first: natural tab order, Alt+Q adds a
// quote, Alt+T a theme tag, Alt+R jumps to the reasons, Ctrl+S saves now, Ctrl+Enter completes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { missingForCompletion } from '#shared/domain/interview-completeness.ts';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { CaptureOptions, InterviewRecord, SaveResult } from '#shared/domain/interviews.ts';
import { STATUS_LABEL } from '#shared/domain/interviews.ts';
import type { InterviewStatus } from '#shared/domain/enums.ts';
import { ApiError, call } from '../../api/client.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { SafeMarkdown } from '../../components/SafeMarkdown.tsx';
import { interviewsHref } from '../hash-query.ts';
import { todayLocal } from '../options.tsx';
import { CompletionPanel } from './CompletionPanel.tsx';
import { DealHeader } from './DealHeader.tsx';
import { GuideAnswers } from './GuideAnswers.tsx';
import { MetaFields } from './MetaFields.tsx';
import { newQuote, QuotesEditor } from './QuotesEditor.tsx';
import { RatingsGrid } from './RatingsGrid.tsx';
import { ReasonCoding } from './ReasonCoding.tsx';
import { useAutosave } from './use-autosave.ts';

export type Edit = (change: (d: InterviewDraft) => InterviewDraft) => void;

/** What the form opens on: a stored interview, or a new one (id null) that its first save stores. */
export type FormRecord = Pick<InterviewRecord, 'deal' | 'draft' | 'status'> & {
  id: number | null;
  createdAt: string | null;
  externalId: string | null;
};

const focusById = (id: string) => document.getElementById(id)?.focus();
const FORM_ID = 'iv-form';
/** The form's first field, where the cursor starts and where the skip link leads. */
const focusFirstField = () =>
  document.getElementById(FORM_ID)?.querySelector<HTMLElement>('input, select, textarea')?.focus();

export function InterviewForm({
  record,
  options,
  reloadOptions,
}: {
  record: FormRecord;
  options: CaptureOptions;
  reloadOptions: () => void;
}) {
  const [draft, setDraft] = useState(record.draft);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<InterviewStatus>(record.status);
  const [notice, setNotice] = useState<string | null>(null);
  const [completeError, setCompleteError] = useState<Error | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [id, setId] = useState(record.id);
  const root = useRef<HTMLDivElement>(null);

  // After choosing a deal the cursor is in the first field, so typing and the shortcuts (handled
  // on this form's element) work at once, without a click first.
  useEffect(() => {
    if (!root.current?.contains(document.activeElement)) focusFirstField();
  }, []);

  /** The first save stored the new interview: the address names it now (without reloading the form). */
  const onCreated = useCallback((newId: number) => {
    setId(newId);
    window.history.replaceState(null, '', interviewsHref({ id: newId }));
  }, []);

  const edit: Edit = useCallback((change) => {
    setDraft(change);
    setVersion((v) => v + 1);
    // A refusal listed what was missing then; once the form changes, the live checklist takes over.
    setCompleteError((e) => (e instanceof ApiError && e.code === 'invalid_argument' ? null : e));
  }, []);

  const onSaved = useCallback((r: SaveResult) => {
    const ids = Object.entries(r.quoteIds);
    if (ids.length) {
      const byKey = new Map(ids);
      setDraft((d) => ({
        ...d,
        quotes: d.quotes.map((q) => (q.id === null && byKey.has(q.key) ? { ...q, id: byKey.get(q.key)! } : q)),
      }));
    }
    setStatus(r.status);
    if (r.reopened) setNotice('This interview went back to draft: a required field was emptied.');
  }, []);
  const autosave = useAutosave(record.id, record.deal.id, draft, version, onSaved, onCreated);

  const missing = useMemo(() => missingForCompletion(draft, todayLocal()), [draft]);
  const invalid = useMemo(() => new Set(attempted ? missing.map((m) => m.path) : []), [attempted, missing]);
  const defaultDriver = record.deal.outcome === 'won' ? 'win' : 'loss';

  const complete = async () => {
    setAttempted(true);
    setCompleteError(null);
    setNotice(null);
    try {
      await autosave.flush();
      if (id === null) {
        // Nothing typed yet, so nothing is stored: the same refusal the core would give.
        throw new ApiError({ code: 'invalid_argument', message: 'Not complete yet.', issues: missing });
      }
      const r = await call((api) => api.interviews.complete({ id }));
      setStatus(r.status);
      setNotice('Marked complete. It now counts in the analyses.');
    } catch (e) {
      setCompleteError(e as Error);
    }
  };

  const reopen = async () => {
    try {
      await autosave.flush();
      if (id === null) return;
      const r = await call((api) => api.interviews.reopen({ id }));
      setStatus(r.status);
      setNotice('Back to draft.');
    } catch (e) {
      setCompleteError(e as Error);
    }
  };

  const remove = async () => {
    try {
      if (id !== null) await call((api) => api.interviews.delete({ id }));
      window.location.replace(interviewsHref());
    } catch (e) {
      setCompleteError(e as Error);
    }
  };

  /** Render the new quote at once, so the next keystroke already lands in it. */
  const addQuote = (focus: 'text' | 'tag' = 'text') => {
    const q = newQuote();
    const index = draft.quotes.length;
    flushSync(() => edit((d) => ({ ...d, quotes: [...d.quotes, q] })));
    focusById(focus === 'text' ? `iv-quotes-${index}-text` : `iv-quote-${q.key}-tag`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (e.altKey && !mod && e.code === 'KeyQ') {
      e.preventDefault();
      addQuote();
    } else if (e.altKey && !mod && e.code === 'KeyT') {
      e.preventDefault();
      const here = (e.target as HTMLElement).closest<HTMLElement>('[data-quote-key]')?.dataset.quoteKey;
      const key = here ?? draft.quotes.at(-1)?.key;
      if (key) focusById(`iv-quote-${key}-tag`);
      else addQuote('tag');
    } else if (e.altKey && !mod && e.code === 'KeyR') {
      e.preventDefault();
      focusById('iv-reasons');
    } else if (mod && e.key === 's') {
      e.preventDefault();
      void autosave.flush().catch(() => undefined);
    } else if (mod && e.key === 'Enter') {
      e.preventDefault();
      void complete();
    }
  };

  const issues = completeError instanceof ApiError ? completeError.issues : undefined;

  return (
    <div className="interviews capture" onKeyDown={onKeyDown} ref={root} data-testid="interview-form">
      <a
        href={`#${FORM_ID}`}
        className="skip-link"
        onClick={(e) => {
          // The hash is the app's route: move the focus instead of following the link.
          e.preventDefault();
          focusFirstField();
        }}
        data-testid="skip-to-form"
      >
        Skip to the form
      </a>
      <a href={interviewsHref()} className="small">
        ← Interviews
      </a>
      <DealHeader
        deal={record.deal}
        status={status}
        save={autosave.state}
        onRetry={() => void autosave.flush().catch(() => undefined)}
      />
      <div className="capture-grid">
        <form
          id={FORM_ID}
          className="capture-main form"
          aria-label="Interview"
          onSubmit={(e) => e.preventDefault()}
          noValidate
        >
          <MetaFields draft={draft} edit={edit} invalid={invalid} />
          <fieldset className="panel">
            <legend>The buyer's own words</legend>
            <label className="field wide">
              <span className="field-label">Statement of the outcome and the main reason, as the buyer put it</span>
              <textarea
                id="iv-buyerStatement"
                rows={3}
                maxLength={20_000}
                value={draft.buyerStatement}
                onChange={(e) => edit((d) => ({ ...d, buyerStatement: e.target.value }))}
                aria-invalid={invalid.has('buyerStatement') || undefined}
                data-testid="buyer-statement"
                dir="auto"
              />
            </label>
          </fieldset>
          <ReasonCoding
            draft={draft}
            edit={edit}
            reasons={options.reasons}
            defaultDriver={defaultDriver}
            invalid={invalid.has('reasons')}
          />
          <GuideAnswers draft={draft} edit={edit} guides={options.guides} />
          <RatingsGrid draft={draft} edit={edit} criteria={options.criteria} competitors={record.deal.competitors} />
          <QuotesEditor
            draft={draft}
            edit={edit}
            options={options}
            competitors={record.deal.competitors}
            onAdd={() => addQuote()}
            onThemesChanged={reloadOptions}
            invalid={invalid}
          />
          <fieldset className="panel">
            <legend>Notes</legend>
            <label className="field wide">
              <span className="field-label">
                Free notes. Formatting: **bold**, *italic*, - lists, &gt; quotes, `code`, [text](https://…) (links are
                shown, never opened)
              </span>
              <textarea
                id="iv-notes"
                rows={8}
                maxLength={100_000}
                value={draft.notes}
                onChange={(e) => edit((d) => ({ ...d, notes: e.target.value }))}
                data-testid="notes"
                dir="auto"
              />
            </label>
            {draft.notes.trim() && (
              <div className="notes-preview" aria-label="Notes preview">
                <div className="field-label">Preview</div>
                <SafeMarkdown source={draft.notes} testId="notes-preview" />
              </div>
            )}
          </fieldset>
        </form>
        <aside className="capture-side">
          <CompletionPanel
            status={status}
            missing={missing}
            onComplete={() => void complete()}
            onReopen={() => void reopen()}
            onJump={(path) => focusById(`iv-${path.replace(/\./g, '-')}`)}
          />
          {notice && (
            <p className="notice notice-ok" role="status" data-testid="form-notice">
              {notice}
            </p>
          )}
          {completeError && (
            <div className="notice notice-error" role="alert" data-testid="complete-error">
              <strong>{issues?.length ? 'Not complete yet. Still needed:' : completeError.message}</strong>
              {issues && issues.length > 0 && (
                <ul>
                  {issues.map((i) => (
                    <li key={i.path}>
                      <button
                        type="button"
                        className="link"
                        onClick={() => focusById(`iv-${i.path.replace(/\./g, '-')}`)}
                      >
                        {i.message}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <section className="panel shortcuts" aria-label="Keyboard shortcuts">
            <h2>Keyboard</h2>
            <dl>
              <dt>Alt+Q</dt>
              <dd>add a quote</dd>
              <dt>Alt+T</dt>
              <dd>tag the current quote with a theme</dd>
              <dt>Alt+R</dt>
              <dd>code a reason</dd>
              <dt>Ctrl+S</dt>
              <dd>save now (it saves as you type)</dd>
              <dt>Ctrl+Enter</dt>
              <dd>complete</dd>
            </dl>
          </section>
          <section className="panel danger">
            {confirmDelete ? (
              <div role="group" aria-label="Confirm delete">
                <p>Delete this interview with its reasons, ratings and quotes? This cannot be undone.</p>
                <button
                  type="button"
                  className="danger-button"
                  onClick={() => void remove()}
                  data-testid="confirm-delete"
                >
                  Delete it
                </button>{' '}
                <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </div>
            ) : (
              <button type="button" className="secondary" onClick={() => setConfirmDelete(true)}>
                Delete interview…
              </button>
            )}
          </section>
          <p className="muted small">
            {STATUS_LABEL[status]} ·{' '}
            {id === null ? 'not saved yet' : `started ${(record.createdAt ?? todayLocal()).slice(0, 10)}`}
            {record.externalId ? ` · id ${record.externalId}` : ''}
          </p>
        </aside>
      </div>
      {completeError && !(completeError instanceof ApiError) && <ErrorMessage error={completeError} />}
    </div>
  );
}
