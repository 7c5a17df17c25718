// Rating gap: our mean rating per criterion in won vs lost deals, and us vs each competitor.
import { useMemo, useState } from 'react';
import type { RatingAnalysis } from '#shared/domain/winloss.ts';
import { competitorGapOption, ratingGapOption } from '../../charts/winloss-charts.ts';
import { EChart } from '../../components/EChart.tsx';
import type { FigureContext } from '../../components/figure-context.ts';
import { ExportableTable } from '../../components/ExportableTable.tsx';
import { DifferenceView, MeanView } from '../../components/MeanView.tsx';
import { formatInt } from '../../lib/format.ts';
import { SelectField, UserText } from '../options.tsx';

export function RatingSection({ analysis, context }: { analysis: RatingAnalysis; context: FigureContext }) {
  const gap = {
    ...context,
    title: 'Rating gap: mean rating of us in won vs lost deals',
    interval: '95% t-intervals of means; Welch 95% interval of the gap',
    measure: 'mean rating 1 to 5, per deal first',
  };
  const gapOption = useMemo(() => ratingGapOption(analysis.criteria), [analysis.criteria]);
  const [picked, setPicked] = useState<number | null>(null);
  const competitor = analysis.competitors.find((c) => c.competitorId === picked) ?? analysis.competitors[0];
  const compOption = useMemo(() => (competitor ? competitorGapOption(competitor) : null), [competitor]);
  return (
    <section className="panel" data-testid="rating-gap">
      <h2>Rating gap: won vs lost</h2>
      <p className="muted small">
        Buyers' 1–5 ratings of us, averaged per deal first. Dots: means; bars: 95% t-intervals (Student's t with n − 1
        degrees of freedom), clamped to the 1–5 scale. Gap: won − lost with Welch's 95% interval; * marks a gap whose
        interval excludes 0.
      </p>
      <EChart
        option={gapOption}
        height={60 + analysis.criteria.length * 38}
        label="Mean ratings of us in won and lost deals with 95% intervals"
        testId="chart-rating-gap"
        exportAs={gap}
      />
      <ExportableTable context={gap} testId="rating-gap-export">
        <table className="data-table" data-testid="rating-gap-table">
          <thead>
            <tr>
              <th>Criterion</th>
              <th>Won deals</th>
              <th>Lost deals</th>
              <th>No decision</th>
              <th>Gap won − lost</th>
            </tr>
          </thead>
          <tbody>
            {analysis.criteria.map((c) => (
              <tr key={c.criterionId}>
                <td>{c.label}</td>
                <td>
                  <MeanView mean={c.won} />
                </td>
                <td>
                  <MeanView mean={c.lost} />
                </td>
                <td>
                  <MeanView mean={c.noDecision} />
                </td>
                <td>
                  <DifferenceView diff={c.gap} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ExportableTable>

      <h2 className="section-gap">Us vs each competitor</h2>
      {analysis.competitors.length === 0 || !competitor || !compOption ? (
        <p className="muted">No interview rated a competitor alongside us yet.</p>
      ) : (
        <>
          <p className="muted small">
            On the interviews that rated both us and the competitor on a criterion; per deal first. Gap: mean of (ours −
            theirs) over those deals, paired 95% t-interval.
          </p>
          <SelectField
            label="Competitor"
            value={String(competitor.competitorId)}
            onChange={(v) => setPicked(Number(v))}
            choices={analysis.competitors.map((c) => ({
              value: String(c.competitorId),
              label: `${c.name} (${c.deals} deals)`,
            }))}
            empty={null}
            testId="rating-competitor"
          />
          <EChart
            option={compOption}
            height={60 + competitor.criteria.length * 38}
            label={`Mean ratings of us and of ${competitor.name}`}
            testId="chart-competitor-gap"
            exportAs={{
              ...gap,
              title: `Ratings: us vs ${competitor.name}`,
              n: { value: competitor.deals, of: 'deals rating both' },
              interval: '95% t-intervals of means; paired 95% t-interval of the gap',
            }}
          />
          <ExportableTable
            context={{
              ...gap,
              title: 'Rating gap: us minus each competitor',
              interval: 'paired 95% t-intervals',
              measure: 'our mean rating minus theirs, 1 to 5 scale',
            }}
            testId="competitor-gap-export"
          >
            <div className="table-scroll">
              <table className="data-table" data-testid="competitor-gap-table">
                <thead>
                  <tr>
                    <th>Competitor (deals)</th>
                    {analysis.criteria.map((c) => (
                      <th key={c.criterionId}>{c.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {analysis.competitors.map((c) => (
                    <tr key={c.competitorId} className={c.competitorId === competitor.competitorId ? 'selected' : ''}>
                      <td>
                        <UserText>{c.name}</UserText> <span className="muted">({formatInt(c.deals)})</span>
                      </td>
                      {c.criteria.map((x) => (
                        <td key={x.criterionId}>
                          <DifferenceView diff={x.gap} />
                          {x.gap.diff !== null && <span className="muted small"> n={x.gap.nA}</span>}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </ExportableTable>
          <p className="muted small">
            Cells: our mean rating minus theirs (95% CI); positive means buyers rated us higher.
          </p>
        </>
      )}
    </section>
  );
}
