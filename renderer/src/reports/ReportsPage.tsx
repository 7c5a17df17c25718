// The Reports area: build a report (title, author, period, filter, sections in order), preview it
// (the very HTML document that is printed), save it as a template, and export it as PDF.
import { useState } from 'react';
import type { PdfResult, RelativePeriod, ReportDocument, ReportSpec, SectionKind } from '#shared/domain/reports.ts';
import {
  PAGE_SIZES,
  RELATIVE_PERIOD_LABEL,
  RELATIVE_PERIODS,
  SECTION_KINDS,
  SECTION_LABEL,
} from '#shared/domain/reports.ts';
import type { Dimension } from '#shared/domain/win-rates.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { DimensionOptions, SectionEditor } from './SectionEditor.tsx';
import { addSection, defaultSpec, moveSection, removeSection, updateSection } from './report-builder-model.ts';
import styles from './reports.module.css';
import { DateInput } from '../components/DateInput.tsx';

function FilterPicker({ spec, onChange }: { spec: ReportSpec; onChange: (s: ReportSpec) => void }) {
  const current = spec.filters[0];
  const values = useQuery(
    (api) => (current ? api.matrix.values({ dim: current.dim }) : Promise.resolve({ ok: true as const, value: [] })),
    [current?.dim ?? null],
  );
  return (
    <div className={styles.row}>
      <label className={styles.field}>
        Filter deals by
        <select
          value={current?.dim ?? ''}
          data-testid="report-filter-dim"
          onChange={(e) =>
            onChange({ ...spec, filters: e.target.value ? [{ dim: e.target.value as Dimension, values: [] }] : [] })
          }
        >
          <option value="">No filter</option>
          <DimensionOptions />
        </select>
      </label>
      {current && (
        <label className={styles.field}>
          Values
          <select
            multiple
            data-testid="report-filter-values"
            value={current.values.map((v) => v ?? '\u0000')}
            onChange={(e) => {
              const picked = Array.from(e.target.selectedOptions, (o) => (o.value === '\u0000' ? null : o.value));
              onChange({ ...spec, filters: [{ dim: current.dim, values: picked }] });
            }}
          >
            {(values.data ?? []).map((v) => (
              <option key={v.key ?? '\u0000'} value={v.key ?? '\u0000'}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** The spec as sent: a filter without values is no filter. */
function cleaned(spec: ReportSpec): ReportSpec {
  return { ...spec, filters: spec.filters.filter((f) => f.values.length > 0) };
}

export function ReportsPage() {
  const [spec, setSpec] = useState<ReportSpec>(defaultSpec);
  const [templateName, setTemplateName] = useState('');
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [busy, setBusy] = useState<'preview' | 'pdf' | 'save' | null>(null);
  const [printId, setPrintId] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [status, setStatus] = useState('');
  const [tick, setTick] = useState(0);
  const templates = useQuery((api) => api.reports.templates(), [tick]);
  const plans = useQuery((api) => api.plans.list(), []);
  const planNames = (plans.data ?? []).map((p) => p.name);
  // A plan section needs a saved plan: without one the builder does not offer it.
  const kinds = SECTION_KINDS.filter((k) => k !== 'plan' || planNames.length > 0);

  const run = async (what: 'preview' | 'pdf' | 'save', fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const preview = () =>
    run('preview', async () => {
      const d = await call((api) => api.reports.render({ spec: cleaned(spec) }));
      setDoc(d);
      setStatus(`Preview of ${d.from} to ${d.to}, ${d.charts} charts.`);
    });

  const exportPdf = () =>
    run('pdf', async () => {
      const id = `pdf-${Date.now()}`;
      setPrintId(id);
      try {
        const r: PdfResult | null = await call((api) => api.reports.exportPdf({ spec: cleaned(spec), printId: id }));
        setStatus(r ? `Saved ${r.path}: ${r.pages} pages in ${(r.ms / 1000).toFixed(1)} s.` : 'Export cancelled.');
      } finally {
        setPrintId(null);
      }
    });

  const cancelPdf = () => {
    if (printId) void call((api) => api.reports.cancelPdf({ printId }));
  };

  const saveTemplate = () =>
    run('save', async () => {
      const t = await call((api) => api.reports.saveTemplate({ name: templateName, spec: cleaned(spec) }));
      setStatus(`Template "${t.name}" saved.`);
      setTick((n) => n + 1);
    });

  const loadTemplate = (id: number) => {
    const t = templates.data?.find((x) => x.id === id);
    if (!t) return;
    setSpec(t.spec);
    setTemplateName(t.name);
    setDoc(null);
  };

  const periodValue = spec.period.kind === 'absolute' ? 'absolute' : spec.period.preset;

  return (
    <div className={styles.layout}>
      <section className={`panel ${styles.builder}`} aria-label="Report builder">
        <h1>Reports</h1>
        {templates.data && templates.data.length > 0 && (
          <label className={styles.field}>
            Template
            <select value="" onChange={(e) => loadTemplate(Number(e.target.value))} data-testid="report-template-load">
              <option value="">Load a saved template…</option>
              {templates.data.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className={styles.field}>
          Title
          <input
            value={spec.title}
            onChange={(e) => setSpec({ ...spec, title: e.target.value })}
            data-testid="report-title"
          />
        </label>
        <label className={styles.field}>
          Author
          <input
            value={spec.author}
            onChange={(e) => setSpec({ ...spec, author: e.target.value })}
            data-testid="report-author"
          />
        </label>
        <div className={styles.row}>
          <label className={styles.field}>
            Period
            <select
              value={periodValue}
              data-testid="report-period"
              onChange={(e) =>
                setSpec({
                  ...spec,
                  period:
                    e.target.value === 'absolute'
                      ? { kind: 'absolute', from: '2026-01-01', to: '2026-03-31' }
                      : { kind: 'relative', preset: e.target.value as RelativePeriod },
                })
              }
            >
              {RELATIVE_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {RELATIVE_PERIOD_LABEL[p]} (dates fixed when made)
                </option>
              ))}
              <option value="absolute">Dates…</option>
            </select>
          </label>
          {spec.period.kind === 'absolute' && (
            <>
              <label className={styles.field}>
                From
                <DateInput
                  data-testid="report-from"
                  value={spec.period.from}
                  onChange={(e) =>
                    setSpec({ ...spec, period: { ...spec.period, from: e.target.value } as ReportSpec['period'] })
                  }
                />
              </label>
              <label className={styles.field}>
                To
                <DateInput
                  data-testid="report-to"
                  value={spec.period.to}
                  onChange={(e) =>
                    setSpec({ ...spec, period: { ...spec.period, to: e.target.value } as ReportSpec['period'] })
                  }
                />
              </label>
            </>
          )}
          <label className={styles.field}>
            Paper
            <select
              value={spec.pageSize}
              onChange={(e) => setSpec({ ...spec, pageSize: e.target.value as ReportSpec['pageSize'] })}
            >
              {PAGE_SIZES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FilterPicker spec={spec} onChange={setSpec} />
        <h2>Sections</h2>
        <ol className={styles.sections}>
          {spec.sections.map((s, i) => (
            <SectionEditor
              key={s.id}
              section={s}
              index={i}
              count={spec.sections.length}
              onChange={(patch) => setSpec((cur) => updateSection(cur, s.id, patch))}
              onMove={(by) => setSpec((cur) => moveSection(cur, s.id, by))}
              onRemove={() => setSpec((cur) => removeSection(cur, s.id))}
              plans={planNames}
            />
          ))}
        </ol>
        <label className={styles.field}>
          Add a section
          <select
            value=""
            data-testid="report-add-section"
            onChange={(e) =>
              e.target.value && setSpec((cur) => addSection(cur, e.target.value as SectionKind, planNames[0]))
            }
          >
            <option value="">Choose…</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {SECTION_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {plans.data && planNames.length === 0 && (
          <p className="muted small" data-testid="report-no-plans">
            No needed-MQL plan is saved, so a plan section cannot be added: save one in Funnel → Needed-MQL planner (or
            with <code>winnow plan</code>) to print it here.
          </p>
        )}
        {plans.error && <ErrorMessage error={plans.error} title="Saved plans could not be read" />}
        <div className={styles.actions}>
          <button type="button" onClick={preview} disabled={busy !== null} data-testid="report-preview-button">
            {busy === 'preview' ? 'Building…' : 'Preview'}
          </button>
          <button type="button" onClick={exportPdf} disabled={busy !== null} data-testid="report-export-pdf">
            {busy === 'pdf' ? 'Printing…' : 'Export PDF…'}
          </button>
          {busy === 'pdf' && (
            <button type="button" onClick={cancelPdf} data-testid="report-cancel-pdf">
              Cancel
            </button>
          )}
        </div>
        <div className={styles.row}>
          <label className={styles.field}>
            Template name
            <input
              value={templateName}
              onChange={(e) => setTemplateName(e.target.value)}
              data-testid="report-template-name"
            />
          </label>
          <button
            type="button"
            onClick={saveTemplate}
            disabled={busy !== null || templateName.trim() === ''}
            data-testid="report-save-template"
          >
            Save as template
          </button>
        </div>
        {status && (
          <p className={styles.status} role="status" data-testid="report-status">
            {status}
          </p>
        )}
        {error && <ErrorMessage error={error} title="The report could not be made" />}
        {templates.error && <ErrorMessage error={templates.error} title="Templates could not be read" />}
      </section>
      <section aria-label="Preview">
        {doc ? <ReportPreview doc={doc} /> : <p className="muted">Preview the report to see its pages here.</p>}
      </section>
    </div>
  );
}
