// Interview guides: templates of questions in sections, one default per outcome (won, lost, no
// decision). Questions keep a stable key, so editing a question's wording keeps its answers.
import { useState } from 'react';
import type { GuideSection } from '#shared/domain/defaults.ts';
import type { Guide } from '#shared/domain/interviews.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { formatInt } from '../../lib/format.ts';
import { SelectField } from '../options.tsx';

const DEFAULT_FOR_LABEL = { won: 'Won deals', lost: 'Lost deals', no_decision: 'No-decision deals' } as const;

let counter = 0;
const newKey = () => {
  counter += 1;
  return `q_${Date.now().toString(36)}_${counter}`;
};

interface Editing {
  id: number | null;
  name: string;
  defaultFor: Guide['defaultFor'];
  sections: GuideSection[];
}

const move = <T,>(list: T[], i: number, by: number): T[] => {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
};

export function GuideEditor() {
  const guides = useQuery((api) => api.guides.list(), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const open = (g: Guide | null) => {
    setError(null);
    setMessage(null);
    setConfirmDelete(false);
    setEditing(
      g
        ? { id: g.id, name: g.name, defaultFor: g.defaultFor, sections: g.sections }
        : {
            id: null,
            name: '',
            defaultFor: null,
            sections: [{ title: 'Questions', questions: [{ key: newKey(), text: '' }] }],
          },
    );
  };

  const save = async () => {
    if (!editing) return;
    setError(null);
    try {
      const saved = await call((api) => api.guides.save(editing));
      setEditing({ id: saved.id, name: saved.name, defaultFor: saved.defaultFor, sections: saved.sections });
      setMessage(`Saved "${saved.name}".`);
    } catch (e) {
      setError(e as Error);
    }
  };

  const remove = async () => {
    if (!editing?.id) return;
    try {
      await call((api) => api.guides.delete({ id: editing.id! }));
      setEditing(null);
      setMessage('Guide deleted. Interviews that used it keep their answers.');
    } catch (e) {
      setError(e as Error);
    }
  };

  const sections = (change: (s: GuideSection[]) => GuideSection[]) =>
    setEditing((e) => (e ? { ...e, sections: change(e.sections) } : e));
  const section = (i: number, change: (s: GuideSection) => GuideSection) =>
    sections((all) => all.map((s, k) => (k === i ? change(s) : s)));

  return (
    <div className="guides" data-testid="guides">
      <header className="page-head">
        <h1>Interview guides</h1>
        <p className="muted definition">
          The questions the capture form shows, in sections. A new interview starts with the guide made default for its
          deal's outcome.
        </p>
      </header>
      <div className="guides-grid">
        <section className="panel">
          <h2>Guides</h2>
          {guides.error && <ErrorMessage error={guides.error} />}
          <ul className="guide-list">
            {(guides.data ?? []).map((g) => (
              <li key={g.id}>
                <button
                  type="button"
                  className={`link ${editing?.id === g.id ? 'current' : ''}`}
                  onClick={() => open(g)}
                >
                  {g.name}
                </button>
                <span className="muted small">
                  {g.defaultFor ? ` · default for ${DEFAULT_FOR_LABEL[g.defaultFor].toLowerCase()}` : ''} · used by{' '}
                  {formatInt(g.interviews)}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => open(null)}>
            New guide
          </button>
          {message && (
            <p className="ok" role="status">
              {message}
            </p>
          )}
        </section>
        {editing ? (
          <form
            className="panel form guide-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <div className="field-grid">
              <label className="field">
                <span className="field-label">Name</span>
                <input
                  value={editing.name}
                  maxLength={80}
                  onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                  required
                />
              </label>
              <SelectField
                label="Default for"
                value={editing.defaultFor ?? ''}
                onChange={(v) => setEditing({ ...editing, defaultFor: (v || null) as Guide['defaultFor'] })}
                choices={Object.entries(DEFAULT_FOR_LABEL).map(([value, label]) => ({ value, label }))}
                empty="None"
              />
            </div>
            {editing.sections.map((s, si) => (
              <fieldset key={si} className="guide-section-edit">
                <legend>Section {si + 1}</legend>
                <div className="row-actions">
                  <input
                    aria-label={`Section ${si + 1} title`}
                    value={s.title}
                    maxLength={120}
                    onChange={(e) => section(si, (x) => ({ ...x, title: e.target.value }))}
                  />
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move section ${si + 1} up`}
                    onClick={() => sections((all) => move(all, si, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move section ${si + 1} down`}
                    onClick={() => sections((all) => move(all, si, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="secondary small-button"
                    onClick={() => sections((all) => all.filter((_, k) => k !== si))}
                  >
                    Remove section
                  </button>
                </div>
                <ol>
                  {s.questions.map((q, qi) => (
                    <li key={q.key} className="row-actions">
                      <input
                        aria-label={`Question ${qi + 1} of section ${si + 1}`}
                        className="question-input"
                        value={q.text}
                        maxLength={500}
                        onChange={(e) =>
                          section(si, (x) => ({
                            ...x,
                            questions: x.questions.map((y, k) => (k === qi ? { ...y, text: e.target.value } : y)),
                          }))
                        }
                      />
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Move question ${qi + 1} up`}
                        onClick={() => section(si, (x) => ({ ...x, questions: move(x.questions, qi, -1) }))}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Move question ${qi + 1} down`}
                        onClick={() => section(si, (x) => ({ ...x, questions: move(x.questions, qi, 1) }))}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove question ${qi + 1}`}
                        onClick={() =>
                          section(si, (x) => ({ ...x, questions: x.questions.filter((_, k) => k !== qi) }))
                        }
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ol>
                <button
                  type="button"
                  className="secondary small-button"
                  onClick={() =>
                    section(si, (x) => ({ ...x, questions: [...x.questions, { key: newKey(), text: '' }] }))
                  }
                >
                  Add question
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => sections((all) => [...all, { title: '', questions: [{ key: newKey(), text: '' }] }])}
            >
              Add section
            </button>
            <div className="form-actions">
              <button type="submit">Save guide</button>
              {editing.id !== null &&
                (confirmDelete ? (
                  <>
                    <span className="small"> Delete this guide? Interviews keep their answers.</span>
                    <button type="button" className="danger-button" onClick={() => void remove()}>
                      Delete
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <button type="button" className="secondary" onClick={() => setConfirmDelete(true)}>
                    Delete guide…
                  </button>
                ))}
            </div>
            {error && <ErrorMessage error={error} title="The guide was not saved" />}
          </form>
        ) : (
          <section className="panel muted">Choose a guide to edit, or make a new one.</section>
        )}
      </div>
    </div>
  );
}
