// Step 2: which column feeds each field, for one file. A preset or a saved mapping fills it in;
// every field can take a column, a fixed value, or nothing. Problems with the mapping itself (a
// column mapped twice, a required field missing) are shown as they happen.
import { useState } from 'react';
import type { ImportKindSpec, SavedMapping } from '#shared/domain/imports.ts';
import { DATE_FORMATS } from '#shared/domain/import-mapping.ts';
import type { DateFormat, DecimalMark, ImportMapping } from '#shared/domain/import-mapping.ts';
import { call } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import type { SourceChoice, WizardFile } from './wizard-model.ts';
import { samplesOf, sourceOf, withSource } from './wizard-model.ts';

interface Props {
  file: WizardFile;
  spec: ImportKindSpec;
  saved: SavedMapping[];
  onChange: (file: WizardFile) => void;
  issues: string[];
}

export function MappingEditor({ file, spec, saved, onChange, issues }: Props) {
  const [saveName, setSaveName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const headers = file.inspection.headers;
  const setMapping = (mapping: ImportMapping) => onChange({ ...file, mapping });

  const applyPreset = async (value: string) => {
    setError(null);
    setNotice(null);
    try {
      if (value.startsWith('saved:')) {
        const m = saved.find((s) => String(s.id) === value.slice(6));
        if (m)
          onChange({
            ...file,
            mapping: { ...m.mapping, encoding: file.mapping.encoding, delimiter: file.mapping.delimiter },
            presetId: value,
          });
      } else {
        const r = await call((api) => api.import.applyPreset({ kind: file.kind, presetId: value, headers }));
        onChange({
          ...file,
          mapping: { ...r.mapping, encoding: file.mapping.encoding, delimiter: file.mapping.delimiter },
          presetId: value,
        });
      }
    } catch (e) {
      setError(e as Error);
    }
  };

  const save = async (replace = false) => {
    setError(null);
    try {
      const m = await call((api) => api.import.saveMapping({ name: saveName.trim(), mapping: file.mapping, replace }));
      setNotice(`Saved as “${m.name}”; choose it next time for files like this.`);
      setSaveName('');
    } catch (e) {
      setError(e as Error);
    }
  };

  const choiceValue = (c: SourceChoice) => (c.type === 'none' ? '' : c.type === 'column' ? `col:${c.column}` : 'fixed');
  return (
    <section
      className="panel wizard-step mapping-editor"
      aria-label={`Mapping of ${file.inspection.fileName}`}
      data-testid={`mapping-${file.kind}`}
    >
      <header className="mapping-head">
        <h3>
          {file.inspection.fileName} <span className="muted">({spec.label.toLowerCase()})</span>
        </h3>
        <label className="inline-label">
          <span>Start from</span>
          <select value={file.presetId} onChange={(e) => applyPreset(e.target.value)} data-testid="preset">
            {spec.presets.map((p) => (
              <option key={p.id} value={p.id} title={p.description}>
                {p.label}
              </option>
            ))}
            {saved.length > 0 && (
              <optgroup label="Saved mappings">
                {saved.map((m) => (
                  <option key={m.id} value={`saved:${m.id}`}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
      </header>
      <table className="data-table mapping-table">
        <thead>
          <tr>
            <th>Field</th>
            <th>Comes from</th>
            <th>In the file</th>
          </tr>
        </thead>
        <tbody>
          {spec.fields.map((f) => {
            const src = sourceOf(file.mapping, f.key);
            return (
              <tr key={f.key} data-testid={`map-row-${f.key}`}>
                <td>
                  <strong>{f.label}</strong>
                  {f.required && (
                    <span className="required" title="Required">
                      {' '}
                      *
                    </span>
                  )}
                  <div className="muted small">{f.help}</div>
                </td>
                <td>
                  <select
                    aria-label={`Column for ${f.label}`}
                    value={choiceValue(src)}
                    onChange={(e) => {
                      const v = e.target.value;
                      setMapping(
                        withSource(
                          file.mapping,
                          f.key,
                          v === ''
                            ? { type: 'none' }
                            : v === 'fixed'
                              ? { type: 'value', value: '' }
                              : { type: 'column', column: v.slice(4) },
                        ),
                      );
                    }}
                    data-testid={`map-${f.key}`}
                  >
                    <option value="">— not in the file —</option>
                    {headers.map((h) => (
                      <option key={h} value={`col:${h}`}>
                        {h}
                      </option>
                    ))}
                    <option value="fixed">The same value for every row…</option>
                  </select>
                  {src.type === 'value' && (
                    <input
                      aria-label={`Value of ${f.label} for every row`}
                      value={src.value}
                      placeholder={f.type === 'date' ? '2024-12-31' : 'Value'}
                      onChange={(e) =>
                        setMapping(withSource(file.mapping, f.key, { type: 'value', value: e.target.value }))
                      }
                      data-testid={`fixed-${f.key}`}
                    />
                  )}
                </td>
                <td className="muted small">
                  {src.type === 'column' ? samplesOf(file.inspection, src.column).join(' · ') : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {spec.options.length > 0 && (
        <div className="mapping-file-options" role="group" aria-label="For the whole file">
          {spec.options.map((o) => (
            <label key={o.key} className="inline-label" title={o.help}>
              <span>{o.label}</span>
              <select
                value={file.mapping.options?.[o.key] ?? o.default}
                onChange={(e) =>
                  setMapping({ ...file.mapping, options: { ...file.mapping.options, [o.key]: e.target.value } })
                }
                data-testid={`option-${o.key}`}
              >
                {o.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
              <span className="muted small">{o.help}</span>
            </label>
          ))}
        </div>
      )}
      <div className="mapping-options">
        <label className="inline-label">
          <span>Dates like 03/04/2024 are</span>
          <select
            value={file.mapping.dateFormat ?? ''}
            onChange={(e) =>
              setMapping({ ...file.mapping, dateFormat: (e.target.value || undefined) as DateFormat | undefined })
            }
            data-testid="date-format"
          >
            <option value="">Detect from the file</option>
            {DATE_FORMATS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          <span>Decimal mark</span>
          <select
            value={file.mapping.decimalMark ?? ''}
            onChange={(e) =>
              setMapping({ ...file.mapping, decimalMark: (e.target.value || undefined) as DecimalMark | undefined })
            }
          >
            <option value="">Detect from the file</option>
            <option value=".">Point (1,234.56)</option>
            <option value=",">Comma (1.234,56)</option>
          </select>
        </label>
        {spec.fields.some((f) => f.type === 'list') && (
          <label className="inline-label">
            <span>Lists in a cell are separated by</span>
            <select
              value={file.mapping.listSeparator ?? ';'}
              onChange={(e) =>
                setMapping({ ...file.mapping, listSeparator: e.target.value as ImportMapping['listSeparator'] })
              }
              data-testid="list-separator"
            >
              <option value=";">Semicolons (a; b)</option>
              <option value=",">Commas (a, b)</option>
              <option value="|">Bars (a | b)</option>
            </select>
          </label>
        )}
        <label className="inline-label">
          <span>Save this mapping as</span>
          <input
            value={saveName}
            maxLength={80}
            placeholder="e.g. Our Salesforce report"
            onChange={(e) => setSaveName(e.target.value)}
            data-testid="mapping-name"
          />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!saveName.trim()}
          onClick={() => save()}
          data-testid="save-mapping"
        >
          Save mapping
        </button>
      </div>
      {notice && <p className="ok">{notice}</p>}
      {issues.length > 0 && (
        <ul className="notice notice-error mapping-issues" role="alert" data-testid="mapping-issues">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      {error && (
        <div>
          <ErrorMessage error={error} title="The mapping was not saved" />
          {error.message.includes('already exists') && (
            <button type="button" className="secondary" onClick={() => save(true)}>
              Replace it
            </button>
          )}
        </div>
      )}
    </section>
  );
}
