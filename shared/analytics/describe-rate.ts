// One plain-text form of a rate, shared by the CLI, tooltips and report footnotes.
import type { Rate } from './rate.ts';

const pct = (x: number | null, digits = 1) => (x === null ? '–' : `${(x * 100).toFixed(digits)}%`);
const int = (x: number) => x.toLocaleString('en-US');

/**
 * '34.8% (95% CI 32.6–37.0%, n = 1,781; 620 won)'; counts only when n is below the hide threshold.
 * hitsLabel names what the hits are ('won', 'citing', 'differ').
 */
export function describeRateText(r: Rate, hitsLabel = 'won'): string {
  if (r.n === 0) return 'no closed deals';
  if (r.confidence === 'hidden') return `${int(r.hits)} of ${int(r.n)} (n too small to show a rate)`;
  const low = r.confidence === 'low' ? ' [low confidence]' : '';
  return `${pct(r.rate)} (95% CI ${pct(r.low)}–${pct(r.high)}, n = ${int(r.n)}; ${int(r.hits)} ${hitsLabel})${low}`;
}
