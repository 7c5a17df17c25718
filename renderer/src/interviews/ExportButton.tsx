// "Export CSV" for the interviews or quotes matching the current filters. The core asks where to
// save (a native dialog), writes the file and says how many rows it wrote.
import { useState } from 'react';
import type { InterviewFilters, QuoteFilters } from '#shared/domain/interviews.ts';
import { call } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatInt } from '../lib/format.ts';

type Props = { kind: 'interviews'; filters: InterviewFilters } | { kind: 'quotes'; filters: QuoteFilters };

export function ExportButton(props: Props) {
  const [open, setOpen] = useState(false);
  const [names, setNames] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const result = await call((api) =>
        props.kind === 'interviews'
          ? api.interviews.export({ kind: 'interviews', filters: props.filters, includeAnonymousNames: names })
          : api.interviews.export({ kind: 'quotes', filters: props.filters, includeAnonymousNames: names }),
      );
      setMessage(result ? `Wrote ${formatInt(result.rows)} ${props.kind} to ${result.path}` : 'Export cancelled.');
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid={`export-${props.kind}`}
      >
        Export CSV…
      </button>
      {open && (
        <div
          className="export-panel"
          role="dialog"
          aria-label={`Export ${props.kind}`}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <p className="small muted">
            The {props.kind} matching the current filters, as a CSV file for spreadsheets. Cells that would run as
            formulas are written as text.
          </p>
          <label className="check">
            <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} />
            Include names of anonymous interviewees
          </label>
          <div className="row-actions">
            <button type="button" onClick={run} disabled={busy} data-testid="export-run">
              {busy ? 'Exporting…' : 'Choose file and export'}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          {message && (
            <p className="ok" role="status" data-testid="export-result">
              {message}
            </p>
          )}
          {error && <ErrorMessage error={error} title="Export failed" />}
        </div>
      )}
    </div>
  );
}
