// Step 1: what is imported (deals, win/loss interviews, or revenue), the main file and any related
// files (with deals: accounts, owners and teams, products, stage history, deal competitors,
// interviews; with interviews: their quotes), each with what Winnow read from it and a way to
// correct the encoding or separator.
import { useState } from 'react';
import type { ImportKindSpec } from '#shared/domain/imports.ts';
import { DELIMITER_LABEL, DELIMITERS, ENCODINGS } from '#shared/domain/import-mapping.ts';
import type { Delimiter, Encoding, ImportKindId } from '#shared/domain/import-mapping.ts';
import { call } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatBytes, formatInt } from '../lib/format.ts';
import type { ImportWhat, WizardFile } from './wizard-model.ts';
import { IMPORT_WHAT, withFile } from './wizard-model.ts';

const ENCODING_NAME: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16',
};

interface Props {
  kinds: ImportKindSpec[];
  what: ImportWhat;
  onWhat: (what: ImportWhat) => void;
  files: WizardFile[];
  onFiles: (files: WizardFile[]) => void;
}

const INTRO: Record<ImportWhat, string> = {
  deals:
    'A CSV export of deals (opportunities) from Salesforce, HubSpot, Pipedrive or a spreadsheet. Files with accounts, owners and teams, products, competitors, stage history, deal competitors or interviews can come with it; everything is imported together, in one step that can be undone.',
  interviews:
    'Win/loss interviews from the spreadsheet your programme runs in, or a Winnow export you edited: one row per interview, matched to its deal by the deal’s CRM id. A quotes file can come with it. Everything is imported together, in one step that can be undone.',
  revenue:
    'One row per invoice line, purchase or monthly recurring revenue (MRR) snapshot: the customer (id or name), a day or a month, and an amount. Customers are matched to accounts by id, then by exact name; the Retention area builds its cohorts from it. One step that can be undone.',
  leads:
    'A Salesforce Lead export, a HubSpot contacts export with lifecycle-stage dates, or a spreadsheet: one row per lead with its created, MQL, SQL and opportunity dates, the deal it converted into, source, owner, status and the qualification criteria. A campaign touches file can come with it. One step that can be undone.',
  competitors:
    'A competitors list, such as Winnow’s own competitors export: one row per competitor with its website, notes and other spellings ("Acme; Acme Inc."). A row updates the competitor whose name or spelling matches, however it is written ("ACME, Inc." is Acme); spellings are added, never removed. One step that can be undone.',
};

const WHAT_LABEL: Record<ImportWhat, string> = {
  deals: 'Deals, from a CRM or a spreadsheet',
  interviews: 'Win/loss interviews and quotes, from a spreadsheet',
  revenue: 'Revenue: invoice lines, purchases or MRR snapshots per customer',
  leads: 'Leads and campaign touches, for the funnel',
  competitors: 'Competitors: websites, notes and other spellings',
};

export function FileChooser({ kinds, what, onWhat, files, onFiles }: Props) {
  const [error, setError] = useState<Error | null>(null);
  const { main: mainKind, related } = IMPORT_WHAT[what];
  const [relatedKind, setRelatedKind] = useState<ImportKindId | undefined>(related[0]);
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
      onFiles(withFile(files, file, mainKind));
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

  const main = files.find((f) => f.kind === mainKind);
  const noun = label(mainKind).toLowerCase();
  return (
    <section className="panel wizard-step" aria-labelledby="choose-title">
      <h2 id="choose-title">1. Choose the files</h2>
      <fieldset className="import-what" data-testid="import-what">
        <legend>What are you importing?</legend>
        {(['deals', 'interviews', 'revenue', 'leads', 'competitors'] as const).map((w) => (
          <label key={w} className="check">
            <input
              type="radio"
              name="import-what"
              checked={what === w}
              onChange={() => {
                setRelatedKind(IMPORT_WHAT[w].related[0]);
                onWhat(w);
              }}
              data-testid={`import-what-${w}`}
            />
            {WHAT_LABEL[w]}
          </label>
        ))}
      </fieldset>
      <p className="muted">{INTRO[what]}</p>
      <div className="form-actions">
        <button type="button" onClick={() => pick(mainKind)} data-testid={`choose-${mainKind}-file`}>
          {main ? `Choose another ${noun} file…` : `Choose the ${noun} file…`}
        </button>
        {relatedKind !== undefined && (
          <>
            <label className="inline-label">
              <span>Related file</span>
              <select
                value={relatedKind}
                onChange={(e) => setRelatedKind(e.target.value as ImportKindId)}
                data-testid="related-kind"
              >
                {related.map((k) => (
                  <option key={k} value={k}>
                    {label(k)}
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
          </>
        )}
      </div>
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
