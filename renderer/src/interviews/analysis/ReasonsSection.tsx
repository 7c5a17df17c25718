// Top win and loss reasons: a Pareto chart and table per outcome.
import { useMemo } from 'react';
import type { ReasonAnalysis, ReasonPanel } from '#shared/domain/winloss.ts';
import { paretoOption } from '../../charts/winloss-charts.ts';
import { OUTCOME_COLOR } from '../../charts/palette.ts';
import { EChart } from '../../components/EChart.tsx';
import type { FigureContext } from '../../components/figure-context.ts';
import { ExportableTable } from '../../components/ExportableTable.tsx';
import { RateView } from '../../components/RateView.tsx';
import { formatInt } from '../../lib/format.ts';
import { interviewsHref } from '../hash-query.ts';
import { UserText } from '../options.tsx';

const TITLES: Record<ReasonPanel['outcome'], string> = {
  won: 'Why we win: won deals, win drivers',
  lost: 'Why we lose: lost deals, loss drivers',
  no_decision: 'Why buyers stay put: no-decision deals',
};

function Panel(props: { panel: ReasonPanel; level: ReasonAnalysis['level']; context: FigureContext }) {
  const { panel, level } = props;
  const context: FigureContext = {
    ...props.context,
    title: TITLES[panel.outcome],
    n: { value: panel.n, of: `interviewed deals (${formatInt(panel.interviews)} interviews)` },
    interval: '95% Wilson intervals of each share',
    measure: `deals citing each ${level}; share of interviewed deals`,
  };
  const option = useMemo(
    () => paretoOption(panel.rows, OUTCOME_COLOR[panel.outcome], panel.n),
    [panel.rows, panel.outcome, panel.n],
  );
  return (
    <section className={`panel pareto pareto-${panel.outcome}`} data-testid={`pareto-${panel.outcome}`}>
      <h2>{TITLES[panel.outcome]}</h2>
      <p className="muted small">
        n = {formatInt(panel.n)} interviewed deals ({formatInt(panel.interviews)} interviews). Bars: deals citing the{' '}
        {level}; line: cumulative share of all citations.
      </p>
      {panel.rows.length === 0 ? (
        <p className="muted">No {level} coded for these deals yet.</p>
      ) : (
        <div className="pareto-body">
          <EChart
            option={option}
            height={320}
            label={`Pareto chart: ${TITLES[panel.outcome]}`}
            testId={`chart-pareto-${panel.outcome}`}
            exportAs={context}
          />
          <ExportableTable context={context} testId={`pareto-export-${panel.outcome}`}>
            <table className="data-table pareto-table" data-testid={`pareto-table-${panel.outcome}`}>
              <thead>
                <tr>
                  <th>{level === 'reason' ? 'Reason' : 'Category'}</th>
                  <th className="num">Deals citing</th>
                  <th>Share of interviewed deals (95% CI, n)</th>
                  <th className="num">Interviews</th>
                  <th className="num">Cum.</th>
                </tr>
              </thead>
              <tbody>
                {panel.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <UserText>{r.label}</UserText>
                      {r.retired && <span className="muted small"> (retired)</span>}
                      {level === 'reason' && (
                        <div className="small muted">
                          <UserText>{r.category}</UserText> · <a href={interviewsHref({ reason: r.id })}>interviews</a>{' '}
                          · <a href={interviewsHref({ view: 'quotes', reason: r.id })}>quotes</a>
                        </div>
                      )}
                    </td>
                    <td className="num">{formatInt(r.deals)}</td>
                    <td className="nowrap">
                      <RateView rate={r.share} hitsLabel="citing" />
                    </td>
                    <td className="num">{formatInt(r.interviews)}</td>
                    <td className="num">{(r.cumulative * 100).toFixed(0)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ExportableTable>
        </div>
      )}
    </section>
  );
}

export function ReasonsSection({ analysis, context }: { analysis: ReasonAnalysis; context: FigureContext }) {
  return (
    <div className="pareto-grid">
      {analysis.panels.map((p) => (
        <Panel key={p.outcome} panel={p} level={analysis.level} context={context} />
      ))}
    </div>
  );
}
