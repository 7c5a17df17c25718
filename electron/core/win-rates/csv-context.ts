// The context rows of the core's win-rate CSVs (the matrix's every figure, a competitor's
// profile): the same lines as the page's exports (shared/export/context.ts), with the filters'
// values by their labels and the workspace's no-decision setting.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { periodText } from '#shared/export/context.ts';
import type { ExportContext } from '#shared/export/context.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { MatrixFilter, Period } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL, dimValueLabel } from '#shared/domain/win-rates.ts';
import { dimensionValues } from './matrix-queries.ts';

export function winRateCsvContext(
  sqlite: Database.Database,
  settings: Settings,
  workspacePath: string,
  figure: { title: string; closed: number; period: Period; filters?: readonly MatrixFilter[]; measure?: string },
  now = new Date(),
): ExportContext {
  const filters = (figure.filters ?? []).map((f) => {
    const values = dimensionValues(sqlite, f.dim, settings);
    return {
      label: DIMENSION_LABEL[f.dim],
      values: f.values.map((k) => dimValueLabel(values, k)),
    };
  });
  return {
    title: figure.title,
    n: { value: figure.closed, of: 'closed deals' },
    interval: '95% Wilson score intervals (CI low, CI high columns)',
    filters,
    period: periodText(figure.period.from, figure.period.to, 'close date'),
    measure: figure.measure ?? null,
    includeNoDecision: settings.includeNoDecision,
    madeAt: now,
    workspace: basename(workspacePath),
  };
}
