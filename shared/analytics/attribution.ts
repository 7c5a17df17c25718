// Attribution weights (docs/METRICS.md#attribution): how one won deal's amount is shared among its
// touches T1 … Tk under each model, and the split of the amount into whole cents that sums exactly.
import type { AttributionModel, WeightRow } from '../domain/sourced.ts';

/**
 * The weight of each of k touches (they sum to 1). `opportunity` is the 0-based index of the
 * opportunity touch (W-shaped only: the last touch on or before the deal's created date, else 0).
 */
export function attributionWeights(model: AttributionModel, k: number, opportunity = 0): number[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`attribution: need at least one touch, got ${k}`);
  const w = new Array<number>(k).fill(0);
  switch (model) {
    case 'first':
      w[0] = 1;
      return w;
    case 'last':
      w[k - 1] = 1;
      return w;
    case 'linear':
      return w.map(() => 1 / k);
    case 'u':
      return positional(w, [0, k - 1], 0.4);
    case 'w': {
      const opp = Math.min(Math.max(0, Math.trunc(opportunity)), k - 1);
      return positional(w, [0, opp, k - 1], 0.3);
    }
  }
}

/**
 * Each role gets `share` (a touch holding two roles gets both); the rest goes equally to the touches
 * holding no role, or to all touches when every touch holds one (so 2 touches under U are 50/50).
 */
function positional(w: number[], roles: number[], share: number): number[] {
  for (const r of roles) w[r]! += share;
  const rest = 1 - share * roles.length;
  const others = w.map((_, i) => i).filter((i) => !roles.includes(i));
  const receivers = others.length > 0 ? others : w.map((_, i) => i);
  for (const i of receivers) w[i]! += rest / receivers.length;
  return w;
}

/**
 * Splits `cents` (a whole number) by the weights into whole cents that sum to exactly `cents`:
 * each part is floored, and the cents left over go one each to the largest remainders (ties to the
 * earlier touch), so no deal's credit is off by a rounding cent. Parts are first counted in
 * 1/10,000 cents as integers, so 300 × 0.2 is 60 (not 59.99…) and equal remainders really tie.
 */
export function splitCents(cents: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(cents)) throw new RangeError(`splitCents: need whole cents, got ${cents}`);
  // A negative amount (a credit note typed in by hand) is split as its opposite, so it still adds up.
  if (cents < 0) return splitCents(-cents, weights).map((c) => (c === 0 ? 0 : -c));
  const fine = weights.map((w) => Math.round(cents * w * SUB));
  const parts = fine.map((x) => Math.floor(x / SUB));
  let left = cents - parts.reduce((a, b) => a + b, 0);
  const order = fine.map((x, i) => ({ i, rest: x % SUB })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let j = 0; left > 0 && order.length > 0; j = (j + 1) % order.length, left--) parts[order[j]!.i]! += 1;
  return parts;
}

const SUB = 10_000;

/** The examples shown under the model picker and printed by `winnow sourced`. */
export function weightTable(model: AttributionModel): WeightRow[] {
  const cases: [number, number | null][] =
    model === 'w'
      ? [
          [1, 1],
          [2, 1],
          [2, 2],
          [3, 1],
          [3, 2],
          [4, 2],
          [5, 3],
        ]
      : [
          [1, null],
          [2, null],
          [3, null],
          [4, null],
          [5, null],
        ];
  return cases.map(([k, opp]) => ({
    touches: k,
    opportunityAt: opp,
    weights: attributionWeights(model, k, opp === null ? 0 : opp - 1),
  }));
}
