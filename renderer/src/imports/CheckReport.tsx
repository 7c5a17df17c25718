// Step 3: what the check found, file by file: the row accounting, the date format, values to map
// (unknown outcomes, stages, deal types), names that look like known ones (to confirm or keep
// apart), what would be added, and every problem row with its line, column, value and reason.
import type { ImportFileReport, ImportKindSpec, ImportRunResult } from '#shared/domain/imports.ts';
import { DATE_FORMATS } from '#shared/domain/import-mapping.ts';
import type { DateFormat } from '#shared/domain/import-mapping.ts';
import { formatInt } from '../lib/format.ts';
import type { WizardFile } from './wizard-model.ts';
import { choicesFor, newAllowed, pendingValues, summariseCreated, withValue } from './wizard-model.ts';

interface Props {
  result: ImportRunResult;
  files: WizardFile[];
  kinds: ImportKindSpec[];
  onFile: (index: number, file: WizardFile) => void;
  onSaveRejected: (fileIndex: number) => void;
}

function Accounting({
  r,
}: {
  r: Pick<ImportFileReport, 'rowsRead' | 'inserted' | 'updated' | 'unchanged' | 'rejected'>;
}) {
  return (
    <span data-testid="row-accounting">
      {formatInt(r.rowsRead)} rows: <strong>{formatInt(r.inserted)}</strong> new,{' '}
      <strong>{formatInt(r.updated)}</strong> updated, {formatInt(r.unchanged)} unchanged,{' '}
      <strong className={r.rejected > 0 ? 'bad' : ''}>{formatInt(r.rejected)}</strong> with problems
    </span>
  );
}

export function CheckReport({ result, files, kinds, onFile, onSaveRejected }: Props) {
  return (
    <div className="check-report" data-testid="check-report">
      <p className="check-totals">
        <Accounting r={result.totals} />
      </p>
      {result.files.map((report) => {
        const index = report.index;
        const file = files[index];
        if (!file) return null;
        const spec = kinds.find((k) => k.id === report.kind);
        const pending = pendingValues(report);
        const otherValues = report.values.filter((v) =>
          v.values.some((x) => x.status !== 'unknown' && x.status !== 'near'),
        );
        const setValue = (field: string, raw: string, to: string | null | undefined) =>
          onFile(index, { ...file, mapping: withValue(file.mapping, field, raw, to) });
        const addable = newAllowed(report).filter((x) => file.mapping.values[x.field]?.[x.raw] === undefined);
        const addAll = () =>
          onFile(index, {
            ...file,
            mapping: addable.reduce((m, x) => withValue(m, x.field, x.raw, x.raw), file.mapping),
          });
        return (
          <section key={`${report.kind}-${report.fileName}`} className="panel check-file">
            <h3>
              {report.fileName} <span className="muted">({spec?.label.toLowerCase()})</span>
            </h3>
            <p>
              <Accounting r={report} />
              {report.blankLines > 0 && (
                <span className="muted"> · {formatInt(report.blankLines)} blank lines skipped</span>
              )}
            </p>
            {report.notes.length > 0 && (
              <ul className="check-notes" data-testid="check-notes">
                {report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            <p className="muted small">
              Read as {report.encoding.toUpperCase()}, separated by{' '}
              {report.delimiter === '\t' ? 'tabs' : `“${report.delimiter}”`}, decimal{' '}
              {report.decimalMark === '.' ? 'point' : 'comma'}
              {report.dates.used ? `, dates ${report.dates.used}${report.dates.stated ? '' : ' (detected)'}` : ''}.
            </p>
            {report.dates.ambiguous && (
              <div className="decision" role="group" aria-label="Date format" data-testid="date-decision">
                <strong>Dates such as 03/04/2024 fit both orders. Which does this file use?</strong>
                {DATE_FORMATS.filter((d) => d !== 'YYYY-MM-DD').map((d) => (
                  <label key={d} className="check">
                    <input
                      type="radio"
                      name={`date-${index}`}
                      checked={file.mapping.dateFormat === d}
                      onChange={() =>
                        onFile(index, { ...file, mapping: { ...file.mapping, dateFormat: d as DateFormat } })
                      }
                      data-testid={`date-choice-${d}`}
                    />
                    {d === 'M/D/YYYY'
                      ? 'Month first (M/D/YYYY, US)'
                      : d === 'D/M/YYYY'
                        ? 'Day first (D/M/YYYY)'
                        : 'Day first with dots (D.M.YYYY)'}
                  </label>
                ))}
              </div>
            )}
            {pending.length > 0 && (
              <div className="decision" data-testid="value-decisions">
                <strong>Values to map before importing</strong>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th>Field</th>
                      <th>In the file</th>
                      <th className="num">Rows</th>
                      <th>Becomes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.map(({ report: v, value: x }) => {
                      const chosen = file.mapping.values[v.field]?.[x.raw];
                      const choices = choicesFor(spec, v, x);
                      return (
                        <tr key={`${v.field}-${x.raw}`} data-testid="value-decision">
                          <td>
                            {v.label}
                            <div className="muted small">{v.source}</div>
                          </td>
                          <td>
                            “{x.raw}”{x.why && <div className="muted small">Looks like a known one: {x.why}</div>}
                          </td>
                          <td className="num">{formatInt(x.count)}</td>
                          <td>
                            <select
                              aria-label={`${v.label} “${x.raw}” becomes`}
                              value={chosen === undefined ? '' : chosen === null ? '\u0000' : chosen}
                              onChange={(e) =>
                                setValue(
                                  v.field,
                                  x.raw,
                                  e.target.value === ''
                                    ? undefined
                                    : e.target.value === '\u0000'
                                      ? null
                                      : e.target.value,
                                )
                              }
                              data-testid={`decide-${v.field}`}
                            >
                              <option value="">Choose…</option>
                              {choices.map((c) => (
                                <option key={c.label} value={c.value ?? '\u0000'}>
                                  {c.label}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                {addable.length > 0 && (
                  <button type="button" className="secondary" onClick={addAll} data-testid="add-all-new">
                    Add the {formatInt(addable.length)} unknown {addable.length === 1 ? 'theme' : 'themes'} as new
                  </button>
                )}
                <p className="muted small">
                  Your answers are kept in the mapping (save it to reuse them). Check again to see the effect.
                </p>
              </div>
            )}
            {otherValues.length > 0 && (
              <details className="value-lists">
                <summary>Values found ({otherValues.map((v) => v.label).join(', ')}): correct a spelling</summary>
                {otherValues.map((v) => (
                  <div key={v.field} className="value-list">
                    <h4>
                      {v.label} <span className="muted small">from {v.source}</span>
                    </h4>
                    <ul>
                      {v.values
                        .filter((x) => x.status !== 'unknown' && x.status !== 'near')
                        .slice(0, 40)
                        .map((x) => (
                          <li key={x.raw}>
                            <span>
                              “{x.raw}” <span className="muted">× {formatInt(x.count)}</span>
                              {x.resolved !== null && x.resolved !== x.raw && (
                                <span className="muted"> → {x.resolved}</span>
                              )}
                              {x.status === 'new' && <span className="tag">new</span>}
                            </span>
                            {spec?.fields.find((f) => f.key === v.field)?.type === 'text' && (
                              <input
                                aria-label={`Write “${x.raw}” as`}
                                placeholder="Write as…"
                                defaultValue={file.mapping.values[v.field]?.[x.raw] ?? ''}
                                onBlur={(e) =>
                                  setValue(
                                    v.field,
                                    x.raw,
                                    e.target.value.trim() === '' ? undefined : e.target.value.trim(),
                                  )
                                }
                              />
                            )}
                          </li>
                        ))}
                    </ul>
                    {v.truncated && (
                      <p className="muted small">
                        Only the first values are listed ({formatInt(v.distinct)} distinct).
                      </p>
                    )}
                  </div>
                ))}
              </details>
            )}
            {report.created.length > 0 && (
              <ul className="plain-list muted small">
                {summariseCreated(report).map((s) => (
                  <li key={s}>Will add {s}</li>
                ))}
              </ul>
            )}
            {report.changedFields.length > 0 && (
              <p className="muted small">
                Updates would change: {report.changedFields.map((c) => `${c.field} (${formatInt(c.count)})`).join(', ')}
                .
              </p>
            )}
            {report.rejected > 0 && (
              <div className="problem-summary">
                <strong>Problems</strong>
                <ul>
                  {report.problemSummary.slice(0, 10).map((p) => (
                    <li key={`${p.field}-${p.reason}`}>
                      {p.field ? `${p.field}: ` : ''}
                      {p.reason} — {formatInt(p.count)} row{p.count === 1 ? '' : 's'}
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onSaveRejected(index)}
                  data-testid="save-problem-rows"
                >
                  Save the {formatInt(report.rejected)} problem rows as CSV…
                </button>
              </div>
            )}
          </section>
        );
      })}
      {result.problems.length > 0 && (
        <section className="panel">
          <h3>Problem rows</h3>
          <table className="data-table problems-table" data-testid="problems-table">
            <thead>
              <tr>
                <th>File</th>
                <th className="num">Line</th>
                <th>Column</th>
                <th>Value</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {result.problems.slice(0, 200).map((p, i) => (
                <tr key={i}>
                  <td>{p.file}</td>
                  <td className="num">{p.line}</td>
                  <td>{p.column ?? '–'}</td>
                  <td className="problem-value">
                    {p.value === null ? '–' : p.value === '' ? <span className="muted">(blank)</span> : p.value}
                  </td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.problemCount > 200 && (
            <p className="muted small">
              The first 200 of {formatInt(result.problemCount)} problems; all of them are in the problem rows CSV.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
