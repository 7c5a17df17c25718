// Every planner figure as its formula with the numbers put in, for the screen and `winnow plan`
// alike (the screen states every formula; the CLI prints the same lines).
import type { PlanHistory } from '../domain/plans.ts';
import type { PlanResult } from './planner.ts';
import { SIMULATION_DRAWS } from './planner-simulation.ts';

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 1234567.8 → '1,234,568' */
export const formatAmount = (x: number) => intFmt.format(x);
/** 1.3333 → '1.3' */
export const formatOne = (x: number) => oneFmt.format(x);
/** 0.3 → '30.0%' */
export const formatRate = (x: number) => `${(x * 100).toFixed(1)}%`;

export interface PlanFormula {
  key: 'needed' | 'range' | 'odds' | 'runRate' | 'gap' | 'reverse' | 'arrive' | 'market';
  label: string;
  text: string;
}

export function planFormulas(h: PlanHistory, p: PlanResult, market: number | null): PlanFormula[] {
  const out: PlanFormula[] = [];
  const { dealSize: s, rate: r } = p;
  if (s && r && p.needed !== null) {
    out.push({
      key: 'needed',
      label: 'Needed MQLs',
      text: `(target / average won deal size) / MQL-to-won = (${formatAmount(p.target)} / ${formatAmount(s.value)}) / ${formatRate(r.value)} = ${formatAmount(p.needed)}, rounded up`,
    });
    out.push({
      key: 'range',
      label: 'Range',
      text: `(target / deal size high) / rate high to (target / deal size low) / rate low = (${formatAmount(p.target)} / ${formatAmount(s.high)}) / ${formatRate(r.high)} to (${formatAmount(p.target)} / ${formatAmount(s.low)}) / ${formatRate(r.low)} = ${formatAmount(p.range!.low)} to ${formatAmount(p.range!.high)}`,
    });
    const rateDraw =
      r.source === 'override' ? `rate fixed at ${formatRate(r.value)}` : `rate ~ Beta(won + 1, MQLs − won + 1)`;
    const sizeDraw =
      s.source === 'override' || (h.dealSize?.n ?? 0) < 2
        ? `deal size fixed at ${formatAmount(s.value)}`
        : 'ln(deal size) ~ Normal(ln S, s²/n + s⁴/(2(n − 1)))';
    out.push({
      key: 'odds',
      label: 'Chance of hitting the target',
      text: `P(hit | M) = share of ${formatAmount(SIMULATION_DRAWS)} seeded draws where wins × deal size ≥ target, wins ~ Binomial(M, rate), ${rateDraw}, ${sizeDraw}; shown: the smallest M with P ≥ 50%, 80%, 90%`,
    });
  }
  if (h.runRate && p.runRate) {
    out.push({
      key: 'runRate',
      label: 'MQL run-rate',
      text: `MQLs ${h.runRate.from} to ${h.runRate.to} / 3 × ${p.period.months} months in ${p.period.label} = ${formatAmount(h.runRate.mqls)} / 3 × ${p.period.months} = ${formatOne(p.runRate.mqls)}`,
    });
    if (p.gap !== null && p.needed !== null)
      out.push({
        key: 'gap',
        label: 'Gap',
        text: `needed − run-rate = ${formatAmount(p.needed)} − ${formatOne(p.runRate.mqls)} = ${formatOne(p.gap)} ${p.gap > 0 ? 'MQLs short' : 'MQLs to spare'}`,
      });
    if (p.reverse && s && r)
      out.push({
        key: 'reverse',
        label: 'Revenue the run-rate implies',
        text: `run-rate × MQL-to-won × deal size = ${formatOne(p.runRate.mqls)} × ${formatRate(r.value)} × ${formatAmount(s.value)} = ${formatAmount(p.reverse.value)} (range ${formatAmount(p.reverse.low)} to ${formatAmount(p.reverse.high)})`,
      });
  }
  if (p.arrive)
    out.push({
      key: 'arrive',
      label: 'When the MQLs must arrive',
      text: `${p.period.label} (${p.period.from} to ${p.period.to}) − median MQL-to-won ${p.arrive.lagDays} days = ${p.arrive.from} to ${p.arrive.to}`,
    });
  if (market !== null && p.needed !== null)
    out.push({
      key: 'market',
      label: 'Addressable market',
      text: p.marketShort
        ? `The plan needs ${formatAmount(p.needed)} MQLs but the market holds ${formatAmount(market)} accounts: raise the deal size or the conversion, or lower the target`
        : `${formatAmount(p.needed)} MQLs of ${formatAmount(market)} accounts (${formatRate(p.needed / market)})`,
    });
  return out;
}
