// The Sourced tab's whole report, shared by its contract handler and `winnow sourced`.
import type Database from 'better-sqlite3';
import type { ConfidenceThresholds } from '#shared/domain/settings.ts';
import type { AttributionModel, SourcedReport } from '#shared/domain/sourced.ts';
import { attributionReport } from './attribution-queries.ts';
import { sourcedMeasure } from './sourced-queries.ts';

export const SOURCED_DEFINITION =
  'Pipeline: deals created in the period; revenue won: won deals closed in the period. Sourced by: the deal’s own ' +
  'value, else its lead source’s, else its lead’s. Influenced: a campaign touch on the deal or its lead on or ' +
  'before close (open deals: any touch). Shares by count carry 95% Wilson intervals.';

export interface SourcedQuery {
  model: AttributionModel;
  from: string | null;
  to: string | null;
}

export function sourcedReport(sqlite: Database.Database, q: SourcedQuery, t: ConfidenceThresholds): SourcedReport {
  const period = { from: q.from, to: q.to };
  return {
    from: q.from,
    to: q.to,
    definition: SOURCED_DEFINITION,
    pipeline: sourcedMeasure(sqlite, 'pipeline', period, t),
    won: sourcedMeasure(sqlite, 'won', period, t),
    attribution: attributionReport(sqlite, q.model, period),
  };
}
