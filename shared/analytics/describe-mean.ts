// Plain-text forms of a mean and of a difference of means, shared by tooltips, tables and exports.
import type { Difference, Mean } from './mean.ts';

const f = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

/** '+0.56' / '−1.20' / '±0.00' */
export function signed(x: number | null): string {
  if (x === null) return '–';
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(2)}`;
}

/** 'mean 3.86 (95% CI 3.68–4.05, n = 58)' */
export function describeMean(m: Mean): string {
  if (m.n === 0) return 'no ratings';
  if (m.confidence === 'hidden') return `n = ${m.n}: too few to show a mean`;
  const ci = m.low === null ? 'no interval below n = 2' : `95% CI ${f(m.low)}–${f(m.high)}`;
  return `mean ${f(m.mean)} (${ci}, n = ${m.n.toLocaleString('en-US')})${m.confidence === 'low' ? ' [low confidence]' : ''}`;
}

/** '+1.19 (95% CI +0.92 to +1.46), interval excludes 0' */
export function describeDifference(d: Difference): string {
  if (d.diff === null) return 'not enough ratings on both sides';
  if (d.confidence === 'hidden') return `n = ${Math.min(d.nA, d.nB)}: too few to compare`;
  const ci = d.low === null ? 'no interval' : `95% CI ${signed(d.low)} to ${signed(d.high)}`;
  return `${signed(d.diff)} (${ci})${d.significant ? ', interval excludes 0' : ''}`;
}
