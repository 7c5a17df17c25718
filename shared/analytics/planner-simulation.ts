// How many MQLs hit a revenue target with a given probability (docs/METRICS.md#planner-simulation).
// Each draw takes a conversion rate and an average deal size from their uncertainty, then asks how
// many MQLs it takes to win k = ⌈target / S*⌉ deals. Counting MQLs one at a time, the k-th win
// arrives after k + NegBin(k, r*) MQLs, so one draw answers every M at once (it hits for every M
// at or above that count), which keeps P(hit | M) rising with M and the whole run in milliseconds.
import { coxVariance } from './deal-size.ts';
import { betaDraw, failuresBeforeDraw, normalDraw, seededUniform } from './random-draws.ts';

export const SIMULATION_DRAWS = 10_000;
export const SIMULATION_SEED = 20_240_611;
export const HIT_LEVELS = [0.5, 0.8, 0.9] as const;

/** A fixed value, or what was observed (the simulation draws around it). */
export type RateInput = { fixed: number } | { hits: number; n: number };
export type DealSizeInput = { fixed: number } | { mean: number; logVariance: number; n: number };

export interface SimulationInput {
  target: number;
  rate: RateInput;
  dealSize: DealSizeInput;
  draws?: number;
  seed?: number;
}

export interface HitCurve {
  draws: number;
  /** MQLs each draw needs to hit the target, ascending. */
  needed: Float64Array;
}

export function simulateHits(input: SimulationInput): HitCurve {
  const draws = input.draws ?? SIMULATION_DRAWS;
  const u = seededUniform(input.seed ?? SIMULATION_SEED);
  const { rate, dealSize, target } = input;
  const needed = new Float64Array(draws);
  // ln S* ~ N(ln S, s²/n + s⁴/(2(n − 1))): the deal-size interval's distribution, centred on the plan's S.
  const logCentre = 'fixed' in dealSize ? 0 : Math.log(dealSize.mean);
  const logSd = 'fixed' in dealSize || dealSize.n < 2 ? 0 : Math.sqrt(coxVariance(dealSize.logVariance, dealSize.n));
  for (let i = 0; i < draws; i++) {
    const r = 'fixed' in rate ? rate.fixed : betaDraw(rate.hits + 1, rate.n - rate.hits + 1, u);
    const size = 'fixed' in dealSize ? dealSize.fixed : Math.exp(logCentre + logSd * normalDraw(u));
    const wins = Math.max(1, Math.ceil(target / size - 1e-9));
    needed[i] = wins + failuresBeforeDraw(wins, r, u);
  }
  needed.sort();
  return { draws, needed };
}

/** P(hit | M): the share of draws that need at most M MQLs. */
export function hitProbability(curve: HitCurve, mqls: number): number {
  let lo = 0;
  let hi = curve.draws;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (curve.needed[mid]! <= mqls) lo = mid + 1;
    else hi = mid;
  }
  return lo / curve.draws;
}

/** The smallest M with P(hit | M) ≥ level. */
export function mqlsForProbability(curve: HitCurve, level: number): number {
  const k = Math.max(1, Math.ceil(level * curve.draws - 1e-9));
  return curve.needed[k - 1]!;
}
