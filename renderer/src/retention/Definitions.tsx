// Every definition in force, in one place under the figures (docs/METRICS.md#retention-revenue onwards),
// and a way to rebuild the per-customer revenue tables from scratch.
import { RETENTION_DEFINITIONS } from '#shared/domain/retention.ts';

const ORDER = [
  ['Cohort', 'cohort'],
  ['Logo retention', 'logo'],
  ['NRR', 'nrr'],
  ['GRR', 'grr'],
  ['Weighted average', 'average'],
  ['Incomplete periods', 'incomplete'],
  ['Revenue per customer', 'revenue'],
  ['Contracts', 'contracts'],
  ['Quarters and years', 'periodRevenue'],
  ['Movements', 'movements'],
  ['TTM', 'ttm'],
  ['Why we won', 'winReason'],
] as const satisfies readonly (readonly [string, keyof typeof RETENTION_DEFINITIONS])[];

export function Definitions({ builtAt, onRebuild }: { builtAt: string | null; onRebuild: () => void }) {
  return (
    <details className="panel definitions" data-testid="retention-definitions">
      <summary>How these figures are defined</summary>
      <dl className="facts">
        {ORDER.map(([label, key]) => (
          <div key={key} className="fact">
            <dt>{label}</dt>
            <dd>{RETENTION_DEFINITIONS[key]}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        Per-customer revenue was last derived {builtAt ? `at ${builtAt.replace('T', ' ').slice(0, 16)} UTC` : 'never'};
        it follows changes to deals and revenue lines by itself.{' '}
        <button type="button" className="link-button" onClick={onRebuild}>
          Rebuild it from scratch
        </button>
      </p>
    </details>
  );
}
