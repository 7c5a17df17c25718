// Revenue movements per period (new, expansion, contraction, churn, reactivation) and the
// twelve-month lookback NRR and GRR, over rows SQL aggregated per period. Pure.
//
// For every customer and period p, against p - 1:
//   new           first revenue ever in p                     + revenue(p)
//   reactivation  none in p - 1, revenue in p, not the first  + revenue(p)
//   expansion     revenue in both, more in p                  + revenue(p) - revenue(p - 1)
//   contraction   revenue in both, less in p                  - (revenue(p - 1) - revenue(p))
//   churn         revenue in p - 1, none in p                 - revenue(p - 1)
// so revenue(p) = revenue(p - 1) + new + reactivation + expansion + contraction + churn.
import type { Grain, MovementPeriod, TtmPoint } from '../domain/retention.ts';
import type { ConfidenceThresholds } from '../domain/settings.ts';
import { periodLabel, periodsPerYear } from './cohort-periods.ts';
import { revenueRatio } from './cohorts.ts';

/** Customers with revenue in a period, classified against the period before. */
export interface ActiveAggregate {
  period: number;
  customers: number;
  revenue: number;
  newCustomers: number;
  newRevenue: number;
  reactivationCustomers: number;
  reactivation: number;
  expansionCustomers: number;
  /** Positive: the increase. */
  expansion: number;
  contractionCustomers: number;
  /** Positive: the decrease (signed when reported). */
  contraction: number;
}

/** Customers with revenue in period - 1 and none in period; revenue is what they had in period - 1. */
export interface ChurnAggregate {
  period: number;
  customers: number;
  revenue: number;
}

/** Customers with revenue twelve months before `period`, and what became of them in `period`. */
export interface LookbackAggregate {
  period: number;
  baseCustomers: number;
  baseRevenue: number;
  retainedCustomers: number;
  revenue: number;
  capped: number;
}

export interface MovementOptions {
  grain: Grain;
  /** First period with any revenue in scope, and the period containing the data's last date. */
  firstPeriod: number;
  asOfPeriod: number;
  /** The data's last date is the last day of asOfPeriod: that period is complete. */
  asOfComplete?: boolean;
  thresholds: ConfidenceThresholds;
}

function sumBy<T extends { period: number }>(rows: readonly T[], keys: readonly (keyof T)[]): Map<number, T> {
  const out = new Map<number, T>();
  for (const r of rows) {
    const prev = out.get(r.period);
    if (!prev) {
      out.set(r.period, { ...r });
      continue;
    }
    const next = { ...prev };
    for (const key of keys) (next[key] as number) = (prev[key] as number) + (r[key] as number);
    out.set(r.period, next);
  }
  return out;
}

const ACTIVE_KEYS = [
  'customers',
  'revenue',
  'newCustomers',
  'newRevenue',
  'reactivationCustomers',
  'reactivation',
  'expansionCustomers',
  'expansion',
  'contractionCustomers',
  'contraction',
] as const satisfies readonly (keyof ActiveAggregate)[];
const CHURN_KEYS = ['customers', 'revenue'] as const satisfies readonly (keyof ChurnAggregate)[];
const LOOKBACK_KEYS = [
  'baseCustomers',
  'baseRevenue',
  'retainedCustomers',
  'revenue',
  'capped',
] as const satisfies readonly (keyof LookbackAggregate)[];

/** Rows may come split by cohort (SQL reads them in cohort order); they are summed per period. */
export function buildMovements(
  active: readonly ActiveAggregate[],
  churn: readonly ChurnAggregate[],
  lookback: readonly LookbackAggregate[],
  opts: MovementOptions,
): MovementPeriod[] {
  const { grain, firstPeriod, asOfPeriod, thresholds } = opts;
  const a = sumBy(active, ACTIVE_KEYS);
  const c = sumBy(churn, CHURN_KEYS);
  const l = sumBy(lookback, LOOKBACK_KEYS);
  const lag = periodsPerYear(grain);
  const out: MovementPeriod[] = [];
  for (let period = firstPeriod; period <= asOfPeriod; period++) {
    const x = a.get(period);
    const ch = c.get(period);
    let ttm: TtmPoint | null = null;
    if (period - lag >= firstPeriod) {
      const lb = l.get(period);
      const baseCustomers = lb?.baseCustomers ?? 0;
      const baseRevenue = lb?.baseRevenue ?? 0;
      const revenue = lb?.revenue ?? 0;
      const capped = lb?.capped ?? 0;
      ttm = {
        baseCustomers,
        baseRevenue,
        retainedCustomers: lb?.retainedCustomers ?? 0,
        revenue,
        capped,
        nrr: revenueRatio(revenue, baseRevenue, baseCustomers, thresholds),
        grr: revenueRatio(capped, baseRevenue, baseCustomers, thresholds),
      };
    }
    out.push({
      period,
      label: periodLabel(period, grain),
      incomplete: period > asOfPeriod || (period === asOfPeriod && !opts.asOfComplete),
      revenue: x?.revenue ?? 0,
      customers: x?.customers ?? 0,
      newRevenue: x?.newRevenue ?? 0,
      newCustomers: x?.newCustomers ?? 0,
      expansion: x?.expansion ?? 0,
      expansionCustomers: x?.expansionCustomers ?? 0,
      reactivation: x?.reactivation ?? 0,
      reactivationCustomers: x?.reactivationCustomers ?? 0,
      contraction: 0 - (x?.contraction ?? 0),
      contractionCustomers: x?.contractionCustomers ?? 0,
      churn: 0 - (ch?.revenue ?? 0),
      churnCustomers: ch?.customers ?? 0,
      ttm,
    });
  }
  return out;
}

/** The movement identity, for checks: what the previous period's revenue plus the movements give. */
export function impliedRevenue(previous: number, m: MovementPeriod): number {
  return previous + m.newRevenue + m.reactivation + m.expansion + m.contraction + m.churn;
}
