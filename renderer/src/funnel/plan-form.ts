// The planner's form as the user types it (text, so a half-typed number is not lost) and its
// conversion to the plan's inputs. Empty deal size or rate = take it from history.
import { parsePlanPeriod } from '#shared/domain/plan-period.ts';
import type { PlanInputs } from '#shared/domain/plans.ts';

export interface PlanForm {
  target: string;
  period: string;
  dealSize: string;
  /** Percent, as typed: "12.5" means 12.5%. */
  rate: string;
  from: string;
  to: string;
  market: string;
}

export const EMPTY_FORM: PlanForm = { target: '', period: '', dealSize: '', rate: '', from: '', to: '', market: '' };

const positive = (s: string): number | null => {
  const n = Number(s.replace(/,/g, ''));
  return s.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
};

/** The inputs, or the first field that is not usable and why. */
export function inputsOf(f: PlanForm): { inputs: PlanInputs | null; problem: string | null } {
  const target = positive(f.target);
  if (target === null) return { inputs: null, problem: 'Enter a revenue target above 0.' };
  const period = f.period.trim();
  if (period !== '' && !parsePlanPeriod(period))
    return {
      inputs: null,
      problem: `Period “${period}”: name a year (2026), a quarter (2026-Q3) or a month (2026-07).`,
    };
  const rate = f.rate.trim() === '' ? null : positive(f.rate);
  if (f.rate.trim() !== '' && (rate === null || rate > 100))
    return { inputs: null, problem: 'The MQL-to-won rate is a percentage above 0 and at most 100.' };
  const dealSize = positive(f.dealSize);
  if (f.dealSize.trim() !== '' && dealSize === null)
    return { inputs: null, problem: 'The average deal size must be above 0.' };
  const market = positive(f.market);
  return {
    inputs: {
      target,
      period: period === '' ? null : period,
      dealSize,
      rate: rate === null ? null : rate / 100,
      from: f.from || null,
      to: f.to || null,
      market: market === null ? null : Math.round(market),
    },
    problem: null,
  };
}

export function formOf(i: PlanInputs): PlanForm {
  const text = (x: number | null) => (x === null ? '' : String(x));
  return {
    target: String(i.target),
    period: i.period ?? '',
    dealSize: text(i.dealSize),
    rate: i.rate === null ? '' : String(Math.round(i.rate * 1e6) / 1e4),
    from: i.from ?? '',
    to: i.to ?? '',
    market: text(i.market),
  };
}
