// The import wizard: choose files, map columns, check (every problem listed, values and names to
// decide), then import, all or nothing or only the valid rows, with progress and cancel. The
// check and the import are the same pass in the core; the check rolls back.
import { useEffect, useState } from 'react';
import type { ImportRunResult } from '#shared/domain/imports.ts';
import type { JobStatus } from '#shared/domain/jobs.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorMessage } from '../components/Notice.tsx';
import { useJob } from '../jobs/use-job.ts';
import { formatInt } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';
import { CheckReport } from './CheckReport.tsx';
import { FileChooser } from './FileChooser.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import type { ImportWhat, WizardFile } from './wizard-model.ts';

type Step = 'files' | 'map' | 'check' | 'done';

export function ImportWizard({
  onImported,
  initialWhat = 'deals',
}: {
  /** Called after a committed import (the cache is already invalidated by the job). */
  onImported?: () => void;
  /** Deals (from the Deals area) or interviews (from the Interviews area); the user can switch. */
  initialWhat?: ImportWhat;
}) {
  const [what, setWhat] = useState<ImportWhat>(initialWhat);
  const kinds = useQuery((api) => api.import.kinds(), []);
  const saved = useQuery((api) => api.import.mappings({}), []);
  const [step, setStep] = useState<Step>('files');
  const [files, setFiles] = useState<WizardFile[]>([]);
  const [issues, setIssues] = useState<string[][]>([]);
  const [checkJob, setCheckJob] = useState<string | null>(null);
  const [check, setCheck] = useState<{ jobId: string; result: ImportRunResult } | null>(null);
  const [importJob, setImportJob] = useState<string | null>(null);
  const [done, setDone] = useState<{ jobId: string; status: JobStatus } | null>(null);
  const [onProblems, setOnProblems] = useState<'all_or_nothing' | 'valid_rows'>('all_or_nothing');
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  // Mapping problems follow every change.
  const mappingKey = JSON.stringify(files.map((f) => [f.mapping, f.inspection.headers]));
  useEffect(() => {
    let live = true;
    Promise.all(
      files.map((f) => call((api) => api.import.checkMapping({ mapping: f.mapping, headers: f.inspection.headers }))),
    ).then(
      (r) => live && setIssues(r),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mappingKey is the input
  }, [mappingKey]);

  const checking = useJob(checkJob, (s) => {
    setCheckJob(null);
    if (s.state === 'done') {
      setCheck({ jobId: s.id, result: s.result as ImportRunResult });
      setStale(false);
    } else if (s.state === 'failed') setError(new Error(s.message));
  });
  const importing = useJob(importJob, (s) => {
    setImportJob(null);
    setDone({ jobId: s.id, status: s });
    if (s.state === 'done' && (s.result as ImportRunResult).committed) onImported?.();
    setStep('done');
  });

  const payload = () => files.map((f) => ({ fileId: f.inspection.fileId, kind: f.kind, mapping: f.mapping }));
  const startCheck = async () => {
    setError(null);
    setNotice(null);
    try {
      setStep('check');
      setCheck(null);
      setCheckJob((await call((api) => api.import.preview({ files: payload() }))).jobId);
    } catch (e) {
      setError(e as Error);
    }
  };
  const startImport = async () => {
    setError(null);
    const savedName = files[0]?.presetId.startsWith('saved:')
      ? (saved.data?.find((m) => `saved:${m.id}` === files[0]!.presetId)?.name ?? null)
      : null;
    try {
      setImportJob(
        (await call((api) => api.import.commit({ files: payload(), onProblems, mappingName: savedName }))).jobId,
      );
    } catch (e) {
      setError(e as Error);
    }
  };
  const saveRejected = async (jobId: string, fileIndex: number) => {
    setError(null);
    try {
      const r = await call((api) => api.import.saveRejected({ jobId, fileIndex }));
      if (r) setNotice(`Saved ${formatInt(r.rows)} rows with their reasons to ${r.path}.`);
    } catch (e) {
      setError(e as Error);
    }
  };
  const updateFile = (index: number, file: WizardFile) => {
    setFiles(files.map((f, i) => (i === index ? file : f)));
    setStale(true);
  };
  const restart = () => {
    setStep('files');
    setFiles([]);
    setCheck(null);
    setDone(null);
    setNotice(null);
    setError(null);
  };

  if (kinds.error) return <ErrorMessage error={kinds.error} />;
  if (!kinds.data) return <p className="muted">Loading…</p>;
  const specs = kinds.data;
  const mappingProblems = issues.some((i) => i.length > 0);
  const result = check?.result;
  const blocked =
    !!result &&
    result.files.some(
      (f) =>
        f.dates.ambiguous || f.values.some((v) => v.values.some((x) => x.status === 'unknown' || x.status === 'near')),
    );
  const steps: [Step, string][] = [
    ['files', 'Files'],
    ['map', 'Columns'],
    ['check', 'Check'],
    ['done', 'Import'],
  ];

  return (
    <div className="import-wizard" data-testid="import-wizard">
      <ol className="wizard-steps" aria-label="Import steps">
        {steps.map(([id, label], i) => (
          <li key={id} aria-current={id === step ? 'step' : undefined} className={id === step ? 'current' : ''}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      {step === 'files' && (
        <>
          <FileChooser
            kinds={specs}
            what={what}
            onWhat={(w) => {
              setWhat(w);
              setFiles([]);
              setCheck(null);
            }}
            files={files}
            onFiles={setFiles}
          />
          <div className="form-actions">
            <button type="button" disabled={files.length === 0} onClick={() => setStep('map')} data-testid="to-mapping">
              Next: columns
            </button>
          </div>
        </>
      )}
      {step === 'map' && (
        <>
          <h2>2. Which column is which</h2>
          {files.map((f, i) => (
            <MappingEditor
              key={`${f.inspection.fileId}-${f.kind}`}
              file={f}
              spec={specs.find((k) => k.id === f.kind)!}
              saved={(saved.data ?? []).filter((m) => m.kind === f.kind)}
              issues={issues[i] ?? []}
              onChange={(nf) => updateFile(i, nf)}
            />
          ))}
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setStep('files')}>
              Back
            </button>
            <button type="button" disabled={mappingProblems} onClick={startCheck} data-testid="to-check">
              Next: check the files
            </button>
            {mappingProblems && <span className="field-error">Fix the mapping problems above first.</span>}
          </div>
        </>
      )}
      {step === 'check' && (
        <>
          <h2>3. Check</h2>
          {checkJob && checking.status && <JobProgress status={checking.status} onCancel={checking.cancel} />}
          {checking.error && <ErrorMessage error={checking.error} />}
          {result && (
            <>
              <CheckReport
                result={result}
                files={files}
                kinds={specs}
                onFile={updateFile}
                onSaveRejected={(i) => saveRejected(check.jobId, i)}
              />
              {stale && (
                <p className="notice" data-testid="stale-check">
                  You changed the mapping: check again to see the effect before importing.
                </p>
              )}
              <fieldset className="import-choice">
                <legend>4. Import</legend>
                <label className="check">
                  <input
                    type="radio"
                    name="on-problems"
                    checked={onProblems === 'all_or_nothing'}
                    onChange={() => setOnProblems('all_or_nothing')}
                  />
                  All or nothing: import only if no row has a problem
                </label>
                <label className="check">
                  <input
                    type="radio"
                    name="on-problems"
                    checked={onProblems === 'valid_rows'}
                    onChange={() => setOnProblems('valid_rows')}
                    data-testid="valid-rows"
                  />
                  Import the {formatInt(result.totals.inserted + result.totals.updated + result.totals.unchanged)} valid
                  rows, and keep the {formatInt(result.totals.rejected)} others to save as CSV
                </label>
              </fieldset>
              {result.blockers.length > 0 && (
                <ul className="blockers muted" data-testid="blockers">
                  {result.blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              )}
              <div className="form-actions">
                <button type="button" className="secondary" onClick={() => setStep('map')}>
                  Back to the columns
                </button>
                <button type="button" className="secondary" onClick={startCheck} data-testid="check-again">
                  Check again
                </button>
                <button
                  type="button"
                  onClick={startImport}
                  disabled={
                    !!importJob || stale || (onProblems === 'all_or_nothing' && (result.totals.rejected > 0 || blocked))
                  }
                  data-testid="start-import"
                >
                  Import
                </button>
              </div>
              {importJob && importing.status && <JobProgress status={importing.status} onCancel={importing.cancel} />}
            </>
          )}
        </>
      )}
      {step === 'done' && done && (
        <ImportDone done={done} what={what} onSaveRejected={(i) => saveRejected(done.jobId, i)} onRestart={restart} />
      )}
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorMessage error={error} title="The import could not go on" />}
    </div>
  );
}

function ImportDone({
  done,
  what,
  onSaveRejected,
  onRestart,
}: {
  done: { jobId: string; status: JobStatus };
  what: ImportWhat;
  onSaveRejected: (index: number) => void;
  onRestart: () => void;
}) {
  const s = done.status;
  const r = s.result as ImportRunResult | null;
  return (
    <section className="panel import-done" data-testid="import-done">
      {s.state === 'cancelled' && <h2>Cancelled: the workspace is unchanged.</h2>}
      {s.state === 'failed' && (
        <ErrorMessage error={new Error(s.message)} title="The import failed; the workspace is unchanged" />
      )}
      {s.state === 'done' && r && !r.committed && (
        <h2>
          {r.totals.rejected > 0
            ? 'Nothing was imported: some rows have problems.'
            : 'Nothing changed: every row already matches the workspace.'}
        </h2>
      )}
      {s.state === 'done' && r?.committed && (
        <>
          <h2>Imported</h2>
          <p data-testid="import-summary">
            {formatInt(r.totals.rowsRead)} rows read: {formatInt(r.totals.inserted)} added,{' '}
            {formatInt(r.totals.updated)} updated, {formatInt(r.totals.unchanged)} unchanged,{' '}
            {formatInt(r.totals.rejected)} rejected, in {r.seconds.toFixed(1)} s.
          </p>
          {r.files
            .filter((f) => f.rejected > 0)
            .map((f) => (
              <button key={f.fileName} type="button" className="secondary" onClick={() => onSaveRejected(f.index)}>
                Save the {formatInt(f.rejected)} rejected rows of {f.fileName}…
              </button>
            ))}
        </>
      )}
      <div className="form-actions">
        {what === 'interviews' ? (
          <a className="button" href={hrefFor('/interviews')} data-testid="see-interviews">
            See the interviews
          </a>
        ) : what === 'leads' ? (
          <a className="button" href={hrefFor('/funnel')} data-testid="see-funnel">
            See the funnel
          </a>
        ) : what === 'revenue' ? (
          <a className="button" href={hrefFor('/retention')} data-testid="see-retention">
            See the retention cohorts
          </a>
        ) : (
          <a className="button" href={hrefFor('/deals')} data-testid="see-deals">
            See the deals
          </a>
        )}
        {r?.batchId && (
          <a className="button secondary" href={hrefFor('/deals', { tab: 'log', batch: r.batchId })}>
            Import log (undo)
          </a>
        )}
        <button type="button" className="secondary" onClick={onRestart}>
          Import another file
        </button>
      </div>
    </section>
  );
}
