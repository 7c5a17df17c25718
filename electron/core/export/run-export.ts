// A CSV export as a job: the view or a whole table streamed to the file the user chose, with
// progress and cancel (a million deals take a while; the app stays responsive meanwhile).
import type Database from 'better-sqlite3';
import type { DealColumnId, DealFilter, DealSort } from '#shared/domain/deals.ts';
import { AppError } from '../errors.ts';
import { readSettings } from '../settings/settings-store.ts';
import { dealWhere } from '../deals/deal-filter-sql.ts';
import { exportAccounts, exportAllDeals, exportCompetitors, exportDealsView } from './csv-exports.ts';

export type ExportParams =
  | { what: 'view'; path: string; filter: DealFilter; sort: DealSort; columns: DealColumnId[] }
  | { what: 'deals' | 'competitors' | 'accounts'; path: string };

export interface ExportHooks {
  progress?: (done: number, total: number | null, message: string) => void;
  cancelled?: () => boolean;
}

export function runExport(
  sqlite: Database.Database,
  params: ExportParams,
  hooks: ExportHooks = {},
): { path: string; rows: number } {
  const total =
    params.what === 'view'
      ? (() => {
          const w = dealWhere(params.filter);
          return sqlite
            .prepare(`SELECT count(*) FROM deals d ${w.sql}`)
            .pluck()
            .get(...w.params) as number;
        })()
      : (sqlite.prepare(`SELECT count(*) FROM ${params.what}`).pluck().get() as number);
  const message = params.what === 'view' ? 'Exporting the view' : `Exporting all ${params.what}`;
  let rows = 0;
  const tick = () => {
    rows++;
    if (rows % 5000 !== 0) return;
    if (hooks.cancelled?.()) throw new AppError('cancelled', 'Export cancelled; no file was written.');
    hooks.progress?.(rows, total, message);
  };
  hooks.progress?.(0, total, message);
  let written: number;
  switch (params.what) {
    case 'view':
      written = exportDealsView(sqlite, params.path, params.filter, params.sort, params.columns, tick);
      break;
    case 'deals':
      written = exportAllDeals(sqlite, params.path, tick);
      break;
    case 'competitors':
      written = exportCompetitors(sqlite, params.path, readSettings(sqlite), tick);
      break;
    case 'accounts':
      written = exportAccounts(sqlite, params.path, tick);
      break;
  }
  hooks.progress?.(written, written, message);
  return { path: params.path, rows: written };
}
