// Rep-stated vs buyer-stated primary reason: the share of deals where they differ, and the matrix.
import type { AgreementAnalysis } from '#shared/domain/winloss.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import { RateView } from '../../components/RateView.tsx';
import type { FigureContext } from '../../components/figure-context.ts';
import { ExportableTable } from '../../components/ExportableTable.tsx';
import { formatInt } from '../../lib/format.ts';
import { UserText } from '../options.tsx';

export function AgreementSection({ analysis, context }: { analysis: AgreementAnalysis; context: FigureContext }) {
  const m = analysis.result;
  const max = Math.max(1, ...m.cells.flat());
  const unit = analysis.level === 'reason' ? 'reason' : 'category of reason';
  return (
    <section className="panel" data-testid="agreement">
      <h2>What reps said vs what buyers said</h2>
      <p className="muted small">
        One pair per deal: the buyer's primary reason from the most senior buyer interview (economic buyer, then
        champion, technical evaluator, user; the latest if several) against the rep's reason in the CRM, or the rep-form
        interview when the CRM has none ({formatInt(analysis.repSources.crm)} from the CRM,{' '}
        {formatInt(analysis.repSources.repInterview)} from rep forms). They agree when they name the same {unit}.
      </p>
      {m.compared === 0 ? (
        <p className="muted">No deal has both a coded rep reason and a buyer interview yet.</p>
      ) : (
        <>
          <p className="headline" data-testid="agreement-headline">
            Reps and buyers named a different primary {unit} on {formatInt(m.compared - m.agree)} of{' '}
            {formatInt(m.compared)} deals: <RateView rate={m.differ} hitsLabel="differ" />
          </p>
          <ul className="inline-list">
            {m.byOutcome.map((o) => (
              <li key={o.outcome} title={describeRateText(o.differ, 'differ')}>
                {OUTCOME_LABEL[o.outcome]}: <RateView rate={o.differ} hitsLabel="differ" />
              </li>
            ))}
            {m.repMissing > 0 && (
              <li className="muted">{formatInt(m.repMissing)} deals with no coded rep reason (not compared)</li>
            )}
          </ul>
          <ExportableTable
            context={{
              ...context,
              title: `What reps said vs what buyers said (primary ${unit})`,
              n: { value: m.compared, of: 'deals with both a rep and a buyer reason' },
              interval: '95% Wilson interval of the share that differ',
              measure: 'deals per pair of rep reason (rows) and buyer reason (columns)',
            }}
            testId="agreement-export"
          >
            <div className="table-scroll">
              <table className="data-table matrix" data-testid="agreement-matrix">
                <caption className="muted small">Rows: the rep said · columns: the buyer said · cells: deals</caption>
                <thead>
                  <tr>
                    <th scope="col">Rep ↓ / Buyer →</th>
                    {m.columns.map((c) => (
                      <th key={c.id} scope="col" className="matrix-col">
                        <UserText>{c.label}</UserText>
                      </th>
                    ))}
                    <th scope="col" className="num">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {m.rows.map((r, i) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <UserText>{r.label}</UserText>
                      </th>
                      {m.cells[i]!.map((n, j) => {
                        const same = m.columns[j]!.id === r.id;
                        return (
                          <td
                            key={m.columns[j]!.id}
                            className={`num heat ${same ? 'diagonal' : ''}`}
                            style={
                              n
                                ? {
                                    background: `rgba(${same ? '46, 139, 87' : '192, 57, 43'}, ${0.1 + (0.6 * n) / max})`,
                                  }
                                : undefined
                            }
                            title={`Rep: ${r.label} · Buyer: ${m.columns[j]!.label} · ${n} deals`}
                          >
                            {n ? formatInt(n) : ''}
                          </td>
                        );
                      })}
                      <td className="num">{formatInt(m.rowTotals[i]!)}</td>
                    </tr>
                  ))}
                  <tr className="totals">
                    <th scope="row">Total</th>
                    {m.columnTotals.map((n, j) => (
                      <td key={m.columns[j]!.id} className="num">
                        {formatInt(n)}
                      </td>
                    ))}
                    <td className="num">{formatInt(m.compared)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </ExportableTable>
          <p className="muted small">
            Green: agreement (the diagonal). Red: rep and buyer disagree; darker means more deals.
          </p>
        </>
      )}
    </section>
  );
}
