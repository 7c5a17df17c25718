// The plan's figures: needed MQLs with its range and odds, what stands beside it (run-rate, gap,
// reverse revenue, timing, market) and every formula with its numbers (docs/METRICS.md#needed-mqls).
import { formatAmount, formatOne, formatRate, planFormulas } from '#shared/analytics/plan-formulas.ts';
import type { PlanResult } from '#shared/analytics/planner.ts';
import type { PlanHistory } from '#shared/domain/plans.ts';
import css from './funnel.module.css';

export function PlanResultPanel({
  history,
  plan,
  market,
}: {
  history: PlanHistory;
  plan: PlanResult;
  market: number | null;
}) {
  if (plan.needed === null) return null;
  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">
        Needed MQLs for {formatAmount(plan.target)} in {plan.period.label}:{' '}
        <span data-testid="plan-needed">{formatAmount(plan.needed)}</span>
      </h2>
      <p data-testid="plan-range">
        Range {formatAmount(plan.range!.low)} to {formatAmount(plan.range!.high)} (from the inputs’ intervals). Chance
        of hitting the target with {formatAmount(plan.needed)} MQLs:{' '}
        <span data-testid="plan-hit">{formatRate(plan.hitAtNeeded!)}</span>.
      </p>
      <table className={css.table} data-testid="plan-odds">
        <thead>
          <tr>
            <th>Chance of hitting the target</th>
            <th className={css.num}>MQLs needed</th>
          </tr>
        </thead>
        <tbody>
          {plan.odds.map((o) => (
            <tr key={o.level}>
              <th scope="row">{Math.round(o.level * 100)}%</th>
              <td className={css.num} data-testid={`plan-odds-${Math.round(o.level * 100)}`}>
                {formatAmount(o.mqls)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={css.table} data-testid="plan-beside">
        <tbody>
          {plan.runRate && (
            <tr>
              <th scope="row">MQL run-rate</th>
              <td>
                {formatOne(plan.runRate.perMonth)} a month → {formatOne(plan.runRate.mqls)} in {plan.period.label}
                {plan.runRate.hit !== null && `, ${formatRate(plan.runRate.hit)} chance of the target`}
              </td>
            </tr>
          )}
          {plan.gap !== null && (
            <tr>
              <th scope="row">Gap</th>
              <td data-testid="plan-gap">
                {plan.gap > 0 ? `${formatOne(plan.gap)} MQLs short` : `${formatOne(-plan.gap)} MQLs to spare`}
              </td>
            </tr>
          )}
          {plan.reverse && (
            <tr>
              <th scope="row">Revenue the run-rate implies</th>
              <td>
                {formatAmount(plan.reverse.value)} (range {formatAmount(plan.reverse.low)} to{' '}
                {formatAmount(plan.reverse.high)})
              </td>
            </tr>
          )}
          {plan.arrive && (
            <tr>
              <th scope="row">MQLs must arrive</th>
              <td data-testid="plan-arrive">
                {plan.arrive.from} to {plan.arrive.to} (median MQL-to-won {plan.arrive.lagDays} days earlier)
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {plan.marketShort && (
        <p className={css.warning} role="alert" data-testid="plan-market-warning">
          The plan needs more MQLs ({formatAmount(plan.needed)}) than the market holds ({formatAmount(market!)}{' '}
          accounts).
        </p>
      )}
      <h3>How each figure is worked out</h3>
      <dl data-testid="plan-formulas">
        {planFormulas(history, plan, market).map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd>{f.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
