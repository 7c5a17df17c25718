// Seeded random draws for the planner's simulation (docs/METRICS.md#planner-simulation). A fixed
// seed makes a simulation a pure function of its inputs: the same plan always shows the same odds.
import { logGamma } from './student-t.ts';

/** Uniform draws in [0, 1) from a 32-bit seed (mulberry32: tiny, fast, good enough for Monte Carlo). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal (Box–Muller; the second value of each pair is dropped to keep the code plain). */
export function normalDraw(u: () => number): number {
  const u1 = 1 - u(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia and Tsang; shape < 1 through Gamma(shape + 1)·U^(1/shape). */
export function gammaDraw(shape: number, u: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, u) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalDraw(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaDraw(a: number, b: number, u: () => number): number {
  const x = gammaDraw(a, u);
  return x / (x + gammaDraw(b, u));
}

/**
 * Poisson(lambda): multiplication of uniforms for small lambda, Hörmann's transformed rejection
 * (PTRS, 1993, as numpy does it) from 10 on, so that a draw costs the same at any lambda.
 */
export function poissonDraw(lambda: number, u: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = u();
    while (p > limit) {
      k++;
      p *= u();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = u() - 0.5;
    const V = u();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1))
      return k;
  }
}

/**
 * Failures before the k-th success in Bernoulli(p) trials (negative binomial), as the
 * gamma–Poisson mixture: Poisson(Gamma(k) · (1 − p) / p).
 */
export function failuresBeforeDraw(k: number, p: number, u: () => number): number {
  if (k <= 0 || p >= 1) return 0;
  return poissonDraw((gammaDraw(k, u) * (1 - p)) / p, u);
}
