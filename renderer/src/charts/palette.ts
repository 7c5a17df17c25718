// Colours with meaning, used by every chart and by the CSS (kept in step by hand: few values).
import type { Outcome } from '#shared/domain/enums.ts';

export const OUTCOME_COLOR: Record<Outcome, string> = {
  won: '#2e8b57',
  lost: '#c0392b',
  no_decision: '#d4a017',
  open: '#8a94a6',
};

export const ACCENT = '#1f3a5f';
export const BAND = 'rgba(31, 58, 95, 0.16)';
export const LOW_CONFIDENCE = '#b8c0cc';
