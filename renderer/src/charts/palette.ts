// Colours with meaning, used by every chart and by the CSS (kept in step by hand: few values).
import { RATE_COLORS } from '#shared/charts/rate-band.ts';
import type { Outcome } from '#shared/domain/enums.ts';

export const OUTCOME_COLOR: Record<Outcome, string> = {
  won: '#2e8b57',
  lost: '#c0392b',
  no_decision: '#d4a017',
  open: '#8a94a6',
};

export const ACCENT = RATE_COLORS.accent;
export const BAND = RATE_COLORS.band;
export const LOW_CONFIDENCE = RATE_COLORS.low;
