// Quotes: the buyer's exact words, each with theme tags, sentiment, a shareable flag, and
// optionally the competitor and reason it is about. Alt+Q adds one; in the tag box, Enter adds a
// theme (a new name creates it), Backspace on an empty box removes the last tag.
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Sentiment } from '#shared/domain/enums.ts';
import type { DraftQuote, InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { CaptureOptions, DealContext } from '#shared/domain/interviews.ts';
import { SENTIMENT_LABEL } from '#shared/domain/interviews.ts';
import { call } from '../../api/client.ts';
import { fromLabels, SelectField, UserText } from '../options.tsx';
import type { Edit } from './InterviewForm.tsx';

let counter = 0;

export function newQuote(): DraftQuote {
  counter += 1;
  return {
    id: null,
    key: `k${Date.now().toString(36)}${counter}`,
    text: '',
    sentiment: 'neutral',
    shareable: false,
    competitorId: null,
    reasonId: null,
    themeIds: [],
  };
}

export function QuotesEditor({
  draft,
  edit,
  options,
  competitors,
  onAdd,
  onThemesChanged,
  invalid,
}: {
  draft: InterviewDraft;
  edit: Edit;
  options: CaptureOptions;
  competitors: DealContext['competitors'];
  onAdd: () => void;
  onThemesChanged: () => void;
  invalid: Set<string>;
}) {
  const update = (key: string, change: Partial<DraftQuote>) =>
    edit((d) => ({ ...d, quotes: d.quotes.map((q) => (q.key === key ? { ...q, ...change } : q)) }));
  const codedReasons = options.reasons.filter((r) => draft.reasons.some((x) => x.reasonId === r.id));
  return (
    <fieldset className="panel">
      <legend>Quotes</legend>
      <datalist id="theme-options">
        {options.themes.map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
      {draft.quotes.length === 0 && <p className="muted small">No quotes yet. Alt+Q adds one.</p>}
      {draft.quotes.map((q, i) => (
        <div key={q.key} className="quote-editor" data-quote-key={q.key} data-testid="quote-editor">
          <label className="field wide">
            <span className="field-label">Quote {i + 1}: the buyer's exact words</span>
            <textarea
              id={`iv-quotes-${i}-text`}
              rows={2}
              maxLength={10_000}
              value={q.text}
              onChange={(e) => update(q.key, { text: e.target.value })}
              aria-invalid={invalid.has(`quotes.${i}.text`) || undefined}
              data-testid="quote-text"
              dir="auto"
            />
          </label>
          <div className="quote-meta">
            <SelectField
              label="Sentiment"
              value={q.sentiment}
              onChange={(v) => update(q.key, { sentiment: v as Sentiment })}
              choices={fromLabels(SENTIMENT_LABEL)}
              empty={null}
            />
            <SelectField
              label="About competitor"
              value={String(q.competitorId ?? '')}
              onChange={(v) => update(q.key, { competitorId: v ? Number(v) : null })}
              choices={competitors.map((c) => ({ value: String(c.id), label: c.name }))}
              empty="None"
            />
            <SelectField
              label="About reason"
              value={String(q.reasonId ?? '')}
              onChange={(v) => update(q.key, { reasonId: v ? Number(v) : null })}
              choices={(q.reasonId !== null && !codedReasons.some((r) => r.id === q.reasonId)
                ? [...codedReasons, ...options.reasons.filter((r) => r.id === q.reasonId)]
                : codedReasons
              ).map((r) => ({ value: String(r.id), label: r.name }))}
              empty="None"
            />
            <label className="check">
              <input
                id={`iv-quotes-${i}-shareable`}
                type="checkbox"
                checked={q.shareable}
                onChange={(e) => update(q.key, { shareable: e.target.checked })}
                aria-invalid={invalid.has(`quotes.${i}.shareable`) || undefined}
                data-testid="quote-shareable"
              />
              Shareable outside the company
            </label>
          </div>
          {q.shareable && !draft.consentToQuote && (
            <p className="field-error small">Needs the interviewee's consent to be quoted (see above).</p>
          )}
          <ThemeTags
            quote={q}
            themes={options.themes}
            onChange={(themeIds) => update(q.key, { themeIds })}
            onThemesChanged={onThemesChanged}
          />
          <button
            type="button"
            className="secondary small-button"
            onClick={() => edit((d) => ({ ...d, quotes: d.quotes.filter((x) => x.key !== q.key) }))}
          >
            Remove quote {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={onAdd} data-testid="add-quote">
        Add a quote (Alt+Q)
      </button>
    </fieldset>
  );
}

function ThemeTags({
  quote,
  themes,
  onChange,
  onThemesChanged,
}: {
  quote: DraftQuote;
  themes: CaptureOptions['themes'];
  onChange: (themeIds: number[]) => void;
  onThemesChanged: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: number; name: string }[]>([]);
  const nameOf = (id: number) =>
    themes.find((t) => t.id === id)?.name ?? created.find((t) => t.id === id)?.name ?? `Theme ${id}`;

  const addTag = async () => {
    const name = text.trim();
    if (!name) return;
    setError(null);
    const known = [...themes, ...created].find((t) => t.name.toLowerCase() === name.toLowerCase());
    try {
      const theme = known ?? (await call((api) => api.themes.create({ name })));
      if (!known) {
        setCreated((c) => [...c, { id: theme.id, name: theme.name }]);
        onThemesChanged();
      }
      if (!quote.themeIds.includes(theme.id)) onChange([...quote.themeIds, theme.id]);
      setText('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || (e.key === ',' && text.trim())) {
      e.preventDefault();
      void addTag();
    } else if (e.key === 'Backspace' && text === '' && quote.themeIds.length) {
      onChange(quote.themeIds.slice(0, -1));
    } else if (e.key === 'Escape' && text) {
      e.stopPropagation();
      setText('');
    }
  };

  return (
    <div className="tags">
      <span className="field-label">Themes</span>
      <ul className="tag-list" aria-label="Themes of this quote">
        {quote.themeIds.map((id) => (
          <li key={id} className="tag" data-testid="theme-tag">
            <UserText>{nameOf(id)}</UserText>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove theme ${nameOf(id)}`}
              onClick={() => onChange(quote.themeIds.filter((t) => t !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`iv-quote-${quote.key}-tag`}
        list="theme-options"
        value={text}
        maxLength={80}
        placeholder="Add a theme (Alt+T), Enter"
        aria-label="Add a theme"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        data-testid="theme-input"
        dir="auto"
      />
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
