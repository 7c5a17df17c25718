// The needed-MQL plan (docs/METRICS.md#needed-mqls): from history and the user's overrides to the
// figures the planner shows. Pure and fast, so the screen recomputes on every keystroke.
import type { PlanPeriod } from '../domain/plan-period.ts';
import { shiftDays } from '../domain/plan-period.ts';
import type { PlanHistory, PlanInputs } from '../domain/plans.ts';
import type { DealSizeInput, RateInput } from './planner-simulation.ts';
import { HIT_LEVELS, hitProbability, mqlsForProbability, simulateHits } from './planner-simulation.ts';

export interface PlanValue {
  value: number;
  /** The interval's ends; equal to value when overridden or when history gives no interval. */
  low: number;
  high: number;
  source: 'history' | 'override';
}

export interface PlanResult {
  target: number;
  period: PlanPeriod;
  dealSize: PlanValue | null;
  rate: PlanValue | null;
  /** What is missing before a plan can be made (no history and no override). */
  missing: ('dealSize' | 'rate')[];
  needed: number | null;
  range: { low: number; high: number } | null;
  /** Smallest M with P(hit | M) at 50%, 80%, 90%. */
  odds: { level: number; mqls: number }[];
  hitAtNeeded: number | null;
  runRate: { mqls: number; perMonth: number; hit: number | null } | null;
  /** needed − run-rate MQLs of the period; above 0 means short. */
  gap: number | null;
  /** Revenue the run-rate implies: run-rate × r × S, with the ends of both intervals. */
  reverse: { value: number; low: number; high: number } | null;
  /** The target period moved earlier by the median MQL-to-won days. */
  arrive: { from: string; to: string; lagDays: number } | null;
  marketShort: boolean;
}

/** (target / S) / r, rounded up to a whole MQL. */
export function neededMqls(target: number, dealSize: number, rate: number): number {
  return Math.ceil(target / dealSize / rate - 1e-9);
}

/** From (target / S_high) / r_high to (target / S_low) / r_low, each rounded up. */
export function neededRange(target: number, s: PlanValue, r: PlanValue): { low: number; high: number } {
  return { low: neededMqls(target, s.high, r.high), high: neededMqls(target, s.low, r.low) };
}

function dealSizeValue(h: PlanHistory, override: number | null): PlanValue | null {
  if (override !== null) return { value: override, low: override, high: override, source: 'override' };
  const d = h.dealSize;
  if (!d) return null;
  return { value: d.mean, low: d.low ?? d.mean, high: d.high ?? d.mean, source: 'history' };
}

function rateValue(h: PlanHistory, override: number | null): PlanValue | null {
  if (override !== null) return { value: override, low: override, high: override, source: 'override' };
  const r = h.rate;
  // A conversion of 0 plans nothing (infinitely many MQLs); the screen asks for a rate instead.
  if (!r || r.rate === null || r.hits === 0) return null;
  return { value: r.rate, low: r.low ?? r.rate, high: r.high ?? r.rate, source: 'history' };
}

export function computePlan(h: PlanHistory, inputs: PlanInputs): PlanResult {
  const dealSize = dealSizeValue(h, inputs.dealSize);
  const rate = rateValue(h, inputs.rate);
  const missing: PlanResult['missing'] = [];
  if (!dealSize) missing.push('dealSize');
  if (!rate) missing.push('rate');
  const runMqls = h.runRate ? h.runRate.perMonth * h.period.months : null;
  const base: PlanResult = {
    target: inputs.target,
    period: h.period,
    dealSize,
    rate,
    missing,
    needed: null,
    range: null,
    odds: [],
    hitAtNeeded: null,
    runRate: h.runRate && runMqls !== null ? { mqls: runMqls, perMonth: h.runRate.perMonth, hit: null } : null,
    gap: null,
    reverse: null,
    arrive: h.lag
      ? { from: shiftDays(h.period.from, -h.lag.days), to: shiftDays(h.period.to, -h.lag.days), lagDays: h.lag.days }
      : null,
    marketShort: false,
  };
  if (!dealSize || !rate) return base;
  const needed = neededMqls(inputs.target, dealSize.value, rate.value);
  const rateIn: RateInput =
    rate.source === 'override' || !h.rate ? { fixed: rate.value } : { hits: h.rate.hits, n: h.rate.n };
  const sizeIn: DealSizeInput =
    dealSize.source === 'override' || !h.dealSize || h.dealSize.n < 2
      ? { fixed: dealSize.value }
      : { mean: h.dealSize.mean, logVariance: h.dealSize.logVariance, n: h.dealSize.n };
  const curve = simulateHits({ target: inputs.target, rate: rateIn, dealSize: sizeIn });
  return {
    ...base,
    needed,
    range: neededRange(inputs.target, dealSize, rate),
    odds: HIT_LEVELS.map((level) => ({ level, mqls: mqlsForProbability(curve, level) })),
    hitAtNeeded: hitProbability(curve, needed),
    runRate: base.runRate && { ...base.runRate, hit: hitProbability(curve, Math.floor(base.runRate.mqls)) },
    gap: runMqls === null ? null : needed - runMqls,
    reverse:
      runMqls === null
        ? null
        : {
            value: runMqls * rate.value * dealSize.value,
            low: runMqls * rate.low * dealSize.low,
            high: runMqls * rate.high * dealSize.high,
          },
    marketShort: inputs.market !== null && needed > inputs.market,
  };
}
