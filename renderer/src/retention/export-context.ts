// The export context of a retention figure: grain, metric, filters and split group, and the
// data's last date (incomplete periods are marked in the figure itself).
import type { CohortFilter, CohortField, Grain } from '#shared/domain/retention.ts';
import { FIELD_LABEL, GRAIN_LABEL } from '#shared/domain/retention.ts';
import type { FigureContext } from '../components/figure-context.ts';

export function retentionContext(
  title: string,
  r: {
    grain: Grain;
    filters: readonly CohortFilter[];
    group?: { field: CohortField; label: string } | null;
    asOf?: string | null;
    customers?: number;
  },
  measure: string,
  interval: string | null = null,
): FigureContext {
  return {
    title,
    n: r.customers === undefined ? null : { value: r.customers, of: 'customers' },
    interval,
    filters: [
      ...r.filters.map((f) => ({ label: FIELD_LABEL[f.field], values: f.values })),
      ...(r.group ? [{ label: FIELD_LABEL[r.group.field], values: [r.group.label] }] : []),
    ],
    period: `every ${GRAIN_LABEL[r.grain].toLowerCase()} up to the data's last date${r.asOf ? ` (${r.asOf})` : ''}`,
    measure,
  };
}
