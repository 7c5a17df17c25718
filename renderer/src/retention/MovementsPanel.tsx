// Revenue movements per period (stacked bars) and the twelve-month lookback NRR and GRR (lines),
// for the same grain, filters and group as the cohorts above.
import { useMemo } from 'react';
import type { MovementsReport } from '#shared/domain/retention.ts';
import { RETENTION_DEFINITIONS } from '#shared/domain/retention.ts';
import { useQuery } from '../api/use-query.ts';
import { movementsOption, ttmOption } from '../charts/retention-charts.ts';
import { EChart } from '../components/EChart.tsx';
import { ErrorMessage } from '../components/Notice.tsx';
import { retentionContext } from './export-context.ts';
import { formatMoney, formatPercent } from '../lib/format.ts';
import type { DrillScope } from './CohortDrill.tsx';

export function MovementsPanel({ scope }: { scope: DrillScope }) {
  const movements = useQuery((api) => api.retention.movements(scope), [scope]);
  if (movements.error) return <ErrorMessage error={movements.error} title="Revenue movements could not be computed" />;
  if (!movements.data) return <p className="muted">Computing revenue movements…</p>;
  return <Movements report={movements.data} loading={movements.loading} />;
}

function Movements({ report, loading }: { report: MovementsReport; loading: boolean }) {
  const bars = useMemo(() => movementsOption(report.periods, report.currency), [report]);
  const lines = useMemo(() => ttmOption(report.periods, report.currency), [report]);
  const last = [...report.periods].reverse().find((p) => p.ttm && !p.incomplete);
  const unit = report.grain === 'month' ? 'month' : `${report.grain} (average per month)`;
  const scopeText = report.group ? ` · ${report.group.label}` : report.filters.length > 0 ? ' · filtered' : '';
  const context = (title: string, measure: string) => retentionContext(title, report, measure);
  return (
    <div className="charts movements" aria-busy={loading} data-testid="movements">
      <section className="panel">
        <h2>
          Revenue movements per {report.grain}
          {scopeText}
        </h2>
        <EChart
          option={bars}
          height={300}
          label="Stacked bar chart of new, expansion, reactivation, contraction and churn revenue per period"
          testId="movements-chart"
          exportAs={context(
            `Revenue movements per ${report.grain}`,
            `new, expansion, reactivation, contraction and churn revenue per ${unit}, ${report.currency}`,
          )}
        />
        <p className="muted small">
          {RETENTION_DEFINITIONS.movements} Revenue per {unit}, {report.currency}; the faded period is incomplete.
        </p>
      </section>
      <section className="panel">
        <h2>
          Trailing-twelve-month NRR and GRR{scopeText}
          {last?.ttm && (
            <span className="muted" data-testid="ttm-latest">
              {' '}
              · {last.label}: NRR {formatPercent(last.ttm.nrr.value)}, GRR {formatPercent(last.ttm.grr.value)} (base{' '}
              {formatMoney(last.ttm.baseRevenue, report.currency)} a month)
            </span>
          )}
        </h2>
        {report.periods.some((p) => p.ttm) ? (
          <EChart
            option={lines}
            height={300}
            label="Line chart of trailing-twelve-month NRR and GRR"
            testId="ttm-chart"
            exportAs={context(
              'Trailing-twelve-month NRR and GRR',
              'NRR and GRR against the period twelve months earlier (no interval for revenue ratios)',
            )}
          />
        ) : (
          <p className="muted">Twelve months of data are needed before the first point.</p>
        )}
        <p className="muted small">
          {RETENTION_DEFINITIONS.ttm} Hollow point: incomplete period. Grey: fewer customers a year earlier than the
          low-confidence threshold; below the hide threshold there is no point.
        </p>
      </section>
    </div>
  );
}
