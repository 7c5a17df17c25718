// One section of the report being built: its kind, order, orientation and its own options.
import type { FunnelMode, FunnelStart } from '#shared/domain/funnel.ts';
import { FUNNEL_STARTS, STAGE_LABEL } from '#shared/domain/funnel.ts';
import type { CriteriaScope, ReportSection } from '#shared/domain/reports.ts';
import { ORIENTATIONS, SECTION_LABEL } from '#shared/domain/reports.ts';
import { DIMENSION_LABEL, DIMENSIONS } from '#shared/domain/win-rates.ts';
import { DimensionSelect } from '../win-rates/MatrixControls.tsx';
import styles from './reports.module.css';

interface Props {
  section: ReportSection;
  index: number;
  count: number;
  onChange: (patch: Partial<ReportSection>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  /** The names of the saved needed-MQL plans, for a plan section's choice. */
  plans: readonly string[];
}

function NumberField(props: { label: string; value: number; min: number; max: number; onChange: (n: number) => void }) {
  return (
    <label className={styles.field}>
      {props.label}
      <input
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(Math.max(props.min, Math.min(props.max, Number(e.target.value) || props.min)))}
      />
    </label>
  );
}

/** Every dimension as options of a select. */
export function DimensionOptions() {
  return DIMENSIONS.map((d) => (
    <option key={d} value={d}>
      {DIMENSION_LABEL[d]}
    </option>
  ));
}

/** The numeric option of each section kind that has one: its field, label and bounds. */
const NUMERIC: Partial<Record<ReportSection['kind'], { key: string; label: string; min: number; max: number }>> = {
  competitors: { key: 'limit', label: 'Profiles of the competitors met most (all are in the table)', min: 1, max: 200 },
  reasons: { key: 'quotesPerReason', label: 'Shareable quotes per reason', min: 0, max: 10 },
  quotes: { key: 'limit', label: 'Quotes', min: 1, max: 500 },
};

function Options({ section, onChange, plans }: Pick<Props, 'section' | 'onChange' | 'plans'>) {
  const numeric = NUMERIC[section.kind];
  if (numeric) {
    const value = (section as unknown as Record<string, number>)[numeric.key] ?? numeric.min;
    return (
      <NumberField
        label={numeric.label}
        value={value}
        min={numeric.min}
        max={numeric.max}
        onChange={(n) => onChange({ [numeric.key]: n } as Partial<ReportSection>)}
      />
    );
  }
  switch (section.kind) {
    case 'matrix':
      return (
        <div className={styles.row}>
          <DimensionSelect
            label="Rows"
            value={section.rows}
            onChange={(d) => d !== 'none' && onChange({ rows: d })}
            testId={`report-${section.id}-rows`}
          />
          <DimensionSelect
            label="Columns"
            value={section.cols}
            allowNone
            onChange={(cols) => onChange({ cols })}
            testId={`report-${section.id}-cols`}
          />
          <label className={styles.field}>
            <span>
              <input type="checkbox" checked={section.trend} onChange={(e) => onChange({ trend: e.target.checked })} />{' '}
              Change over time
            </span>
          </label>
        </div>
      );
    case 'retention':
      return (
        <label className={styles.field}>
          Grain
          <select
            value={section.grain}
            onChange={(e) => onChange({ grain: e.target.value as 'month' | 'quarter' | 'year' })}
          >
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
            <option value="year">Year</option>
          </select>
        </label>
      );
    case 'funnel':
      return (
        <div className={styles.row}>
          <label className={styles.field}>
            Count
            <select
              value={section.mode}
              onChange={(e) => onChange({ mode: e.target.value as FunnelMode })}
              data-testid={`report-${section.id}-mode`}
            >
              <option value="cohort">Cohort: items that entered in the period</option>
              <option value="period">Period: what happened in the period</option>
            </select>
          </label>
          <label className={styles.field}>
            Start at
            <select value={section.start} onChange={(e) => onChange({ start: e.target.value as FunnelStart })}>
              {FUNNEL_STARTS.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case 'criteria':
      return (
        <label className={styles.field}>
          MQLs
          <select
            value={section.mqls}
            onChange={(e) => onChange({ mqls: e.target.value as CriteriaScope })}
            data-testid={`report-${section.id}-mqls`}
          >
            <option value="all">Every mature MQL (as the Criteria tab opens)</option>
            <option value="report">Mature MQLs dated in the report’s period</option>
          </select>
        </label>
      );
    case 'plan':
      return (
        <label className={styles.field}>
          Plan (saved in Funnel → Needed-MQL planner)
          <select
            value={section.plan}
            onChange={(e) => onChange({ plan: e.target.value })}
            data-testid={`report-${section.id}-plan`}
          >
            {!plans.includes(section.plan) && (
              <option value={section.plan}>
                {section.plan ? `${section.plan} (no longer saved: choose another)` : 'Choose a plan…'}
              </option>
            )}
            {plans.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      );
    case 'notes':
      return (
        <label className={styles.field}>
          Notes (Markdown: **bold**, *italic*, lists, # headings; links are shown, never followed)
          <textarea
            className={styles.notes}
            value={section.markdown}
            onChange={(e) => onChange({ markdown: e.target.value })}
            data-testid="report-notes"
          />
        </label>
      );
    default:
      return null;
  }
}

export function SectionEditor({ section, index, count, onChange, onMove, onRemove, plans }: Props) {
  return (
    <li className={styles.section} data-testid={`report-section-${section.kind}`}>
      <div className={styles.sectionHead}>
        <span className={styles.sectionTitle}>
          {index + 1}. {SECTION_LABEL[section.kind]}
        </span>
        <select
          aria-label="Orientation"
          value={section.orientation}
          onChange={(e) => onChange({ orientation: e.target.value as ReportSection['orientation'] })}
        >
          {ORIENTATIONS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <button type="button" aria-label="Move up" disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-label="Move down" disabled={index === count - 1} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" aria-label="Remove section" onClick={onRemove}>
          ✕
        </button>
      </div>
      <Options section={section} onChange={onChange} plans={plans} />
    </li>
  );
}
