// Funnel → Criteria: which qualification criteria predict closed revenue (docs/METRICS.md#qualification-criteria).
// Static fit and dynamic criteria in separate tables, each ranked by the lower bound of the corrected lift;
// then conversion by how many criteria were met, as a table and a chart.
import { useMemo, useState } from 'react';
import { liftPoints, liftRange, pValueText } from '#shared/analytics/describe-lift.ts';
import { criteriaByCountOption } from '#shared/charts/criteria-chart.ts';
import type { CriteriaReport, CriterionResult } from '#shared/domain/criteria.ts';
import { useQuery } from '../api/use-query.ts';
import { baseOption } from '../charts/base.ts';
import { DateInput } from '../components/DateInput.tsx';
import { EChart } from '../components/EChart.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { formatInt, formatMoney } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';
import css from './funnel.module.css';

function CriteriaTable({ rows, title, r }: { rows: CriterionResult[]; title: string; r: CriteriaReport }) {
  const level = `${(r.correctedLevel * 100).toFixed(1)}%`;
  return (
    <table className={css.table} data-testid={`criteria-table-${rows[0]?.kind ?? 'none'}`}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>Rank</th>
          <th>Criterion</th>
          <th>MQL → won, met</th>
          <th>MQL → won, not met</th>
          <th>Lift (corrected {level} CI)</th>
          <th className={css.num}>p / BH q</th>
          <th>Win rate, met</th>
          <th>Win rate, not met</th>
          <th>Revenue per MQL, met / not met</th>
          <th className={css.num}>Unknown</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.key} data-testid={`criterion-${c.key}`}>
            <td className={css.num}>{c.rank}</td>
            <th scope="row">
              {c.label}
              {c.predicts && (
                <span className={css.badge} title={`BH-adjusted q ≤ ${r.alpha}: predicts conversion`}>
                  {' '}
                  predicts
                </span>
              )}
              {c.warning && (
                <div className={css.warningText} data-testid={`criterion-warning-${c.key}`}>
                  {c.warning}
                </div>
              )}
            </th>
            <td>
              <RateView rate={c.met.conversion} />
            </td>
            <td>
              <RateView rate={c.notMet.conversion} />
            </td>
            <td data-testid={`lift-${c.key}`}>
              <strong>{liftPoints(c.lift)}</strong> <span>({liftRange(c.liftCorrected)})</span>
              <div className={css.muted}>95% CI {liftRange(c.lift)}</div>
            </td>
            <td className={css.num}>
              {pValueText(c.p)} / {pValueText(c.q)}
            </td>
            <td>
              <RateView rate={c.met.winRate} />
            </td>
            <td>
              <RateView rate={c.notMet.winRate} />
              <div className={css.muted}>
                difference {liftPoints(c.winRateDifference)} ({liftRange(c.winRateDifference)})
              </div>
            </td>
            <td>
              {c.met.revenuePerMql === null ? '–' : formatMoney(c.met.revenuePerMql, r.currency)} /{' '}
              {c.notMet.revenuePerMql === null ? '–' : formatMoney(c.notMet.revenuePerMql, r.currency)}
            </td>
            <td className={css.num}>{formatInt(c.unknown)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ByCount({ r }: { r: CriteriaReport }) {
  const option = useMemo(() => ({ ...baseOption, ...criteriaByCountOption(r.byCount) }), [r.byCount]);
  return (
    <section className="panel" aria-labelledby="by-count-title">
      <h2 id="by-count-title">Conversion by how many criteria were met</h2>
      <p className={css.muted}>
        MQLs with at least one answer recorded; an unknown answer counts as not met. Bars: MQLs; line: MQL-to-won
        conversion with its 95% Wilson band.
      </p>
      <div className={css.twoCols}>
        <table className={css.table} data-testid="criteria-by-count">
          <thead>
            <tr>
              <th>Criteria met</th>
              <th className={css.num}>MQLs</th>
              <th className={css.num}>Won</th>
              <th>MQL → won</th>
            </tr>
          </thead>
          <tbody>
            {r.byCount.map((g) => (
              <tr key={g.met}>
                <th scope="row">{g.met}</th>
                <td className={css.num}>{formatInt(g.conversion.n)}</td>
                <td className={css.num}>{formatInt(g.conversion.hits)}</td>
                <td>
                  <RateView rate={g.conversion} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <EChart
          option={option}
          height={280}
          label="MQLs and MQL-to-won conversion by number of criteria met"
          testId="criteria-chart"
        />
      </div>
    </section>
  );
}

export function CriteriaView() {
  const [period, setPeriod] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const q = useQuery((api) => api.funnel.criteria(period), [period]);
  const r = q.data;
  const answered = r ? r.criteria.some((c) => c.met.mqls + c.notMet.mqls > 0) : false;
  return (
    <>
      <div className={css.controls}>
        <label>
          MQL date from
          <DateInput
            value={period.from ?? ''}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value || null }))}
          />
        </label>
        <label>
          To
          <DateInput
            value={period.to ?? ''}
            onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value || null }))}
          />
        </label>
      </div>
      {q.error && <ErrorMessage error={q.error} />}
      {!r && !q.error && <p>Loading…</p>}
      {r && !answered && (
        <EmptyState title="No criteria answers on mature MQLs">
          <p>
            {r.matureTo === null
              ? 'No MQL cohort is mature yet: the data needs won deals and enough time after their MQL dates.'
              : `${formatInt(r.mqls)} mature MQLs (MQL dates up to ${r.matureTo}) carry no qualification answers.`}{' '}
            Import leads with yes / no / unknown columns for the seven criteria (Has budget, Decision-maker reached …).
          </p>
          <a className="button" href={hrefFor('/deals', { tab: 'import', what: 'leads' })}>
            Import leads
          </a>
        </EmptyState>
      )}
      {r && answered && (
        <>
          <p className={css.muted} data-testid="criteria-definition">
            {formatInt(r.mqls)} mature MQLs. {r.definition} {r.selected} of {r.tested} criteria predict conversion after
            the correction (q ≤ {r.alpha}); corrected intervals use z = {r.correctedZ.toFixed(2)}.
          </p>
          <CriteriaTable rows={r.criteria.filter((c) => c.kind === 'fit')} title="Static fit" r={r} />
          <CriteriaTable rows={r.criteria.filter((c) => c.kind === 'dynamic')} title="Dynamic criteria" r={r} />
          <ByCount r={r} />
        </>
      )}
    </>
  );
}
