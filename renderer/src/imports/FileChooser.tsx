// Step 1: what is imported (deals with their related files, or revenue), the files, each with
// what Winnow read from it and a way to correct the encoding or separator.
import { useState } from 'react';
import type { ImportKindSpec } from '#shared/domain/imports.ts';
import { DELIMITER_LABEL, DELIMITERS, ENCODINGS } from '#shared/domain/import-mapping.ts';
import type { Delimiter, Encoding, ImportKindId } from '#shared/domain/import-mapping.ts';
import { call } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatBytes, formatInt } from '../lib/format.ts';
import type { WizardFile } from './wizard-model.ts';

const ENCODING_NAME: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16',
};

type What = 'deals' | 'revenue';

interface Props {
  kinds: ImportKindSpec[];
  files: WizardFile[];
  onFiles: (files: WizardFile[]) => void;
  /** What the wizard opens on (#/deals?tab=import&what=revenue, from the Retention area). */
  initial?: What;
}

export function FileChooser({ kinds, files, onFiles, initial = 'deals' }: Props) {
  const [error, setError] = useState<Error | null>(null);
  const [relatedKind, setRelatedKind] = useState<ImportKindId>('accounts');
  const [choice, setChoice] = useState<What>(initial);
  const label = (k: ImportKindId) => kinds.find((x) => x.id === k)?.label ?? k;

  const pick = async (kind: ImportKindId) => {
    setError(null);
    try {
      const inspection = await call((api) => api.import.pick({ kind }));
      if (!inspection) return;
      const file: WizardFile = {
        kind,
        inspection,
        mapping: inspection.suggestion.mapping,
        presetId: inspection.suggestion.presetId,
      };
      const isMain = kind === 'deals' || (kind === 'revenue' && choice === 'revenue');
      onFiles(isMain ? [file, ...files.filter((f) => f.kind !== kind)] : [...files, file]);
    } catch (e) {
      setError(e as Error);
    }
  };

  const reinspect = async (index: number, patch: { encoding?: Encoding; delimiter?: Delimiter }) => {
    const f = files[index]!;
    setError(null);
    try {
      const inspection = await call((api) =>
        api.import.inspect({
          fileId: f.inspection.fileId,
          kind: f.kind,
          encoding: patch.encoding ?? (f.inspection.encodingDetected ? undefined : f.inspection.encoding),
          delimiter: patch.delimiter ?? (f.inspection.delimiterDetected ? undefined : f.inspection.delimiter),
        }),
      );
      onFiles(
        files.map((x, i) =>
          i === index
            ? { ...x, inspection, mapping: inspection.suggestion.mapping, presetId: inspection.suggestion.presetId }
            : x,
        ),
      );
    } catch (e) {
      setError(e as Error);
    }
  };

  const main = files.find((f) => f.kind === 'deals');
  const what = choice;
  const revenue = files.find((f) => f.kind === 'revenue');
  return (
    <section className="panel wizard-step" aria-labelledby="choose-title">
      <h2 id="choose-title">1. Choose the files</h2>
      <fieldset className="import-what" disabled={files.length > 0}>
        <legend>What do you import?</legend>
        <label className="check">
          <input
            type="radio"
            name="import-what"
            checked={what === 'deals'}
            onChange={() => setChoice('deals')}
            data-testid="import-what-deals"
          />
          Deals from a CRM, with their accounts, owners, products, stage history or competitors
        </label>
        <label className="check">
          <input
            type="radio"
            name="import-what"
            checked={what === 'revenue'}
            onChange={() => setChoice('revenue')}
            data-testid="import-what-revenue"
          />
          Revenue: invoice lines, purchases or monthly recurring revenue (MRR) snapshots per customer
        </label>
      </fieldset>
      {what === 'deals' ? (
        <>
          <p className="muted">
            A CSV export of deals (opportunities) from Salesforce, HubSpot, Pipedrive or a spreadsheet. Files with
            accounts, owners and teams, products, stage history or deal competitors can come with it; everything is
            imported together, in one step that can be undone.
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => pick('deals')} data-testid="choose-deals-file">
              {main ? 'Choose another deals file…' : 'Choose the deals file…'}
            </button>
            <label className="inline-label">
              <span>Related file</span>
              <select
                value={relatedKind}
                onChange={(e) => setRelatedKind(e.target.value as ImportKindId)}
                data-testid="related-kind"
              >
                {kinds
                  .filter((k) => k.id !== 'deals')
                  .map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.label}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => pick(relatedKind)}
              data-testid="choose-related-file"
            >
              Add…
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">
            A CSV with one row per invoice line, purchase or MRR snapshot: the customer (id or name), a day or a month,
            and an amount. Customers are matched to accounts by id, then by exact name; the Retention area builds its
            cohorts from it. One step that can be undone.
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => pick('revenue')} data-testid="choose-revenue-file">
              {revenue ? 'Choose another revenue file…' : 'Choose the revenue file…'}
            </button>
          </div>
        </>
      )}
      {error && <ErrorMessage error={error} title="This file cannot be imported" />}
      {files.length > 0 && (
        <table className="data-table file-table" data-testid="chosen-files">
          <thead>
            <tr>
              <th>File</th>
              <th>Holds</th>
              <th className="num">Size</th>
              <th className="num">Rows (about)</th>
              <th>Encoding</th>
              <th>Separator</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {files.map((f, i) => (
              <tr key={`${f.inspection.fileId}-${f.kind}`}>
                <td>
                  <strong>{f.inspection.fileName}</strong>
                  {f.inspection.notes.map((n) => (
                    <div key={n} className="muted small">
                      {n}
                    </div>
                  ))}
                </td>
                <td>{label(f.kind)}</td>
                <td className="num">{formatBytes(f.inspection.sizeBytes)}</td>
                <td className="num">{formatInt(f.inspection.estimatedRows)}</td>
                <td>
                  <select
                    aria-label={`Encoding of ${f.inspection.fileName}`}
                    value={f.inspection.encoding}
                    onChange={(e) => reinspect(i, { encoding: e.target.value as Encoding })}
                  >
                    {ENCODINGS.map((e) => (
                      <option key={e} value={e}>
                        {ENCODING_NAME[e]}
                        {e === f.inspection.encoding && f.inspection.encodingDetected ? ' (detected)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Separator of ${f.inspection.fileName}`}
                    value={f.inspection.delimiter}
                    onChange={(e) => reinspect(i, { delimiter: e.target.value as Delimiter })}
                  >
                    {DELIMITERS.map((d) => (
                      <option key={d} value={d}>
                        {DELIMITER_LABEL[d]}
                        {d === f.inspection.delimiter && f.inspection.delimiterDetected ? ' (detected)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onFiles(files.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
