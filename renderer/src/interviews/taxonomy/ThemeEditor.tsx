// Themes that tag quotes: add and rename (names are unique regardless of case).
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { formatInt } from '../../lib/format.ts';
import { interviewsHref } from '../hash-query.ts';
import { UserText } from '../options.tsx';

export function ThemeEditor() {
  const options = useQuery((api) => api.interviews.options(), []);
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    }
  };
  return (
    <section className="panel" aria-label="Themes" data-testid="themes">
      <h2>Themes</h2>
      <p className="muted small">Tags for quotes. New ones can also be typed straight into a quote's tag box.</p>
      {error && <ErrorMessage error={error} />}
      <ul className="theme-list">
        {(options.data?.themes ?? []).map((t) => (
          <li key={t.id}>
            {editing?.id === t.id ? (
              <form
                className="rename-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(() => call((api) => api.themes.rename({ id: t.id, name: editing.name }))).then(
                    (ok) => ok && setEditing(null),
                  );
                }}
                onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
              >
                <input
                  aria-label={`New name for ${t.name}`}
                  value={editing.name}
                  maxLength={80}
                  autoFocus
                  onChange={(e) => setEditing({ id: t.id, name: e.target.value })}
                />
                <button type="submit" className="small-button">
                  Save
                </button>
              </form>
            ) : (
              <>
                <a href={interviewsHref({ view: 'quotes', theme: t.id })}>
                  <UserText>{t.name}</UserText>
                </a>{' '}
                <span className="muted">({formatInt(t.quotes)} quotes)</span>{' '}
                <button type="button" className="link" onClick={() => setEditing({ id: t.id, name: t.name })}>
                  rename
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => call((api) => api.themes.create({ name }))).then((ok) => ok && setName(''));
        }}
      >
        <label className="field">
          <span className="field-label">New theme</span>
          <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="secondary" disabled={!name.trim()}>
          Add theme
        </button>
      </form>
    </section>
  );
}
