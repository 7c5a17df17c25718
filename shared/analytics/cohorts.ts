// Cohort maths (docs/METRICS.md#cohort to #weighted-average) over rows SQL has already aggregated: one row
// per (cohort, period) with the customers active in it, their revenue, and their revenue capped at
// each customer's first-period revenue. Pure, so every figure can be checked by hand.
import type {
  CohortAverageCell,
  CohortCell,
  CohortGroupSummary,
  CohortMatrix,
  CohortRow,
  Grain,
  RevenueRatio,
} from '../domain/retention.ts';
import { NONE_KEY } from '../domain/retention.ts';
import type { ConfidenceThresholds } from '../domain/settings.ts';
import { periodLabel } from './cohort-periods.ts';
import { confidenceFor, rateOf } from './rate.ts';
import type { Rate } from './rate.ts';

export interface CohortAggregate {
  cohort: number;
  period: number;
  /** Customers of the cohort with revenue in the period. */
  active: number;
  revenue: number;
  /** Sum over those customers of min(revenue in the period, revenue in the first period). */
  capped: number;
}

export interface CohortOptions {
  grain: Grain;
  /** The period containing the data's last date: the last one shown, and incomplete unless... */
  asOfPeriod: number;
  /** ...the data's last date is its last day. */
  asOfComplete?: boolean;
  thresholds: ConfidenceThresholds;
}

export function revenueRatio(
  numerator: number,
  denominator: number,
  customers: number,
  t: ConfidenceThresholds,
): RevenueRatio {
  return {
    numerator,
    denominator,
    value: denominator > 0 ? numerator / denominator : null,
    confidence: confidenceFor(customers, t),
  };
}

/** Logo retention as a rate; at k = 0 it is 1 by definition, so it carries no interval. */
function logoRate(active: number, size: number, k: number, t: ConfidenceThresholds): Rate {
  const rate = rateOf(active, size, t);
  return k === 0 ? { ...rate, low: null, high: null } : rate;
}

export function buildCohortMatrix(rows: readonly CohortAggregate[], opts: CohortOptions): CohortMatrix {
  const { grain, asOfPeriod, thresholds } = opts;
  const firstIncomplete = opts.asOfComplete ? asOfPeriod + 1 : asOfPeriod;
  const byCohort = new Map<number, Map<number, CohortAggregate>>();
  for (const r of rows) {
    if (r.cohort > asOfPeriod || r.period > asOfPeriod || r.period < r.cohort) continue;
    let cells = byCohort.get(r.cohort);
    if (!cells) byCohort.set(r.cohort, (cells = new Map()));
    const prev = cells.get(r.period);
    // Rows may arrive split (one per source or group); add them up.
    cells.set(
      r.period,
      prev
        ? {
            ...prev,
            active: prev.active + r.active,
            revenue: prev.revenue + r.revenue,
            capped: prev.capped + r.capped,
          }
        : { ...r },
    );
  }

  const out: CohortRow[] = [];
  for (const cohort of [...byCohort.keys()].sort((a, b) => a - b)) {
    const cells = byCohort.get(cohort)!;
    const base = cells.get(cohort);
    // Every customer has revenue in its first period; a cohort without that row has no customers.
    if (!base || base.active === 0) continue;
    const size = base.active;
    const startRevenue = base.revenue;
    const row: CohortRow = { cohort, label: periodLabel(cohort, grain), size, startRevenue, cells: [] };
    for (let period = cohort; period <= asOfPeriod; period++) {
      const agg = cells.get(period);
      const active = agg?.active ?? 0;
      const revenue = agg?.revenue ?? 0;
      const capped = agg?.capped ?? 0;
      const k = period - cohort;
      row.cells.push({
        k,
        period,
        periodLabel: periodLabel(period, grain),
        active,
        revenue,
        capped,
        incomplete: period >= firstIncomplete,
        logo: logoRate(active, size, k, thresholds),
        nrr: revenueRatio(revenue, startRevenue, size, thresholds),
        grr: revenueRatio(capped, startRevenue, size, thresholds),
      } satisfies CohortCell);
    }
    out.push(row);
  }

  const maxK = out.length > 0 ? asOfPeriod - out[0]!.cohort : 0;
  return {
    grain,
    rows: out,
    average: weightedAverage(out, maxK, thresholds),
    maxK,
    customers: out.reduce((s, r) => s + r.size, 0),
  };
}

/**
 * The weighted-average row: at each k, the cohorts whose cell at k is complete, pooled (customers
 * summed for logo retention, revenue summed for NRR and GRR). An incomplete cell would pull the
 * average down only because its period has not finished, so it is left out.
 */
export function weightedAverage(
  rows: readonly CohortRow[],
  maxK: number,
  t: ConfidenceThresholds,
): CohortAverageCell[] {
  const out: CohortAverageCell[] = [];
  for (let k = 0; k <= maxK; k++) {
    let cohorts = 0;
    let size = 0;
    let startRevenue = 0;
    let active = 0;
    let revenue = 0;
    let capped = 0;
    for (const row of rows) {
      const cell = row.cells[k];
      if (!cell || cell.incomplete) continue;
      cohorts++;
      size += row.size;
      startRevenue += row.startRevenue;
      active += cell.active;
      revenue += cell.revenue;
      capped += cell.capped;
    }
    out.push({
      k,
      cohorts,
      size,
      startRevenue,
      active,
      revenue,
      capped,
      logo: logoRate(active, size, k, t),
      nrr: revenueRatio(revenue, startRevenue, size, t),
      grr: revenueRatio(capped, startRevenue, size, t),
    });
  }
  return out;
}

export interface GroupedAggregate extends CohortAggregate {
  group: string;
}

/** One matrix per group (a split), keyed by group. */
export function buildGroupMatrices(rows: readonly GroupedAggregate[], opts: CohortOptions): Map<string, CohortMatrix> {
  const byGroup = new Map<string, GroupedAggregate[]>();
  for (const r of rows) {
    let list = byGroup.get(r.group);
    if (!list) byGroup.set(r.group, (list = []));
    list.push(r);
  }
  const out = new Map<string, CohortMatrix>();
  for (const [group, list] of byGroup) out.set(group, buildCohortMatrix(list, opts));
  return out;
}

/** The comparison a split shows: each group's size and weighted-average curve, largest first, "none" last. */
export function summariseGroups(
  matrices: ReadonlyMap<string, CohortMatrix>,
  labelOf: (key: string) => string,
): CohortGroupSummary[] {
  return [...matrices.entries()]
    .map(([key, m]) => ({
      key,
      label: labelOf(key),
      customers: m.customers,
      startRevenue: m.rows.reduce((s, r) => s + r.startRevenue, 0),
      average: m.average,
    }))
    .filter((g) => g.customers > 0)
    .sort(
      (a, b) =>
        Number(a.key === NONE_KEY) - Number(b.key === NONE_KEY) ||
        b.customers - a.customers ||
        a.label.localeCompare(b.label),
    );
}
