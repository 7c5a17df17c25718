// The export context of a win-rate figure: its question (rows, columns, measure), the close
// period and the filters with their values' labels (looked up when the user exports).
import type { MatrixFilter, MatrixQuery, MatrixResult, Period } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL, dimValueLabel } from '#shared/domain/win-rates.ts';
import { call } from '../api/client.ts';
import type { FigureContext } from '../components/figure-context.ts';
import { periodText } from './query.ts';

export async function filterLabels(filters: readonly MatrixFilter[]): Promise<{ label: string; values: string[] }[]> {
  const out: { label: string; values: string[] }[] = [];
  for (const f of filters) {
    const values = await call((api) => api.matrix.values({ dim: f.dim }));
    out.push({
      label: DIMENSION_LABEL[f.dim],
      values: f.values.map((k) => dimValueLabel(values, k)),
    });
  }
  return out;
}

export function matrixTitle(q: Pick<MatrixQuery, 'rows' | 'cols'>): string {
  return `Win rate by ${DIMENSION_LABEL[q.rows]}${q.cols === 'none' ? '' : ` and ${DIMENSION_LABEL[q.cols]}`}`;
}

/** A figure over the matrix's deals: the query's filters and period, n = its closed deals. */
export function winRateContext(
  title: string,
  query: { filters: readonly MatrixFilter[]; period: Period; measure?: 'count' | 'amount' },
  m?: Pick<MatrixResult, 'overall'> | null,
): FigureContext {
  return {
    title,
    n: m ? { value: m.overall.closed, of: 'closed deals' } : null,
    interval: '95% Wilson score intervals',
    filters: query.filters.length ? () => filterLabels(query.filters) : [],
    period: periodText(query.period),
    measure: query.measure === 'amount' ? 'win rate by amount' : 'win rate by count',
  };
}
