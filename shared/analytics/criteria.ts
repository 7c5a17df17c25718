// Which qualification criteria predict closed revenue (docs/METRICS.md#qualification-criteria): from
// the per-criterion counts SQL makes, the rates met vs not met, the lifts with their intervals, the
// Benjamini-Hochberg correction across the criteria, and the ranking by the corrected lower bound.
import type {
  CriteriaStats,
  CriterionAggregate,
  CriterionCounts,
  CriterionResult,
  CriterionSide,
} from '../domain/criteria.ts';
import type { ConfidenceThresholds } from '../domain/settings.ts';
import { benjaminiHochberg, fcrZ, twoProportionP } from './multiple-testing.ts';
import { newcombe } from './newcombe.ts';
import { rateOf } from './rate.ts';

function side(c: CriterionCounts, t: ConfidenceThresholds): CriterionSide {
  return {
    ...c,
    conversion: rateOf(c.won, c.mqls, t),
    winRate: rateOf(c.won, c.closed, t),
    revenuePerMql: c.mqls === 0 ? null : c.wonAmount / c.mqls,
  };
}

function warningFor(a: CriterionAggregate, t: ConfidenceThresholds): string | null {
  if (a.met.mqls + a.notMet.mqls === 0) return 'No answers recorded: import leads with this criterion to test it.';
  const small = [
    a.met.mqls < t.lowConfidenceBelowN ? `met ${a.met.mqls}` : null,
    a.notMet.mqls < t.lowConfidenceBelowN ? `not met ${a.notMet.mqls}` : null,
  ].filter((s): s is string => s !== null);
  if (small.length === 0) return null;
  return `Too few MQLs to trust this lift (${small.join(', ')}; fewer than ${t.lowConfidenceBelowN}).`;
}

export function criteriaStats(
  rows: readonly CriterionAggregate[],
  t: ConfidenceThresholds,
  alpha = 0.05,
): CriteriaStats {
  const ps = rows.map((r) => twoProportionP(r.met.won, r.met.mqls, r.notMet.won, r.notMet.mqls));
  const qs = benjaminiHochberg(ps);
  const tested = ps.filter((p) => p !== null).length;
  const selected = qs.filter((q) => q !== null && q <= alpha).length;
  const z = fcrZ(selected, tested, alpha);
  const results: CriterionResult[] = rows.map((r, i) => ({
    key: r.key,
    label: r.label,
    kind: r.kind,
    met: side(r.met, t),
    notMet: side(r.notMet, t),
    unknown: r.unknown,
    lift: newcombe(r.met.won, r.met.mqls, r.notMet.won, r.notMet.mqls),
    liftCorrected: newcombe(r.met.won, r.met.mqls, r.notMet.won, r.notMet.mqls, z),
    p: ps[i]!,
    q: qs[i]!,
    predicts: qs[i] !== null && qs[i]! <= alpha,
    winRateDifference: newcombe(r.met.won, r.met.closed, r.notMet.won, r.notMet.closed),
    warning: warningFor(r, t),
    rank: 0,
  }));
  // docs/METRICS.md#ranking: by the lower bound, so a lift on a handful of MQLs does not top the list.
  const order = [...results].sort(
    (a, b) =>
      (b.liftCorrected?.low ?? -Infinity) - (a.liftCorrected?.low ?? -Infinity) || a.label.localeCompare(b.label),
  );
  order.forEach((r, i) => (r.rank = i + 1));
  return {
    criteria: order,
    tested,
    selected,
    correctedLevel: tested === 0 ? 1 - alpha : 1 - (Math.max(1, selected) * alpha) / tested,
    correctedZ: z,
    alpha,
  };
}
