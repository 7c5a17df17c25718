import Database from 'better-sqlite3';
import { sourcedMeasure } from '../electron/core/funnel/sourced-queries.ts';
import { attributionReport } from '../electron/core/funnel/attribution-queries.ts';
const db = new Database(process.argv[2]!, { readonly: true });
const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const p = { from: null, to: null };
for (let i = 0; i < 2; i++) {
  let t0 = performance.now(); sourcedMeasure(db, 'pipeline', p, t); console.log('pipeline', (performance.now() - t0).toFixed(0));
  t0 = performance.now(); sourcedMeasure(db, 'won', p, t); console.log('won', (performance.now() - t0).toFixed(0));
  for (const m of ['linear', 'w'] as const) { t0 = performance.now(); attributionReport(db, m, p); console.log(m, (performance.now() - t0).toFixed(0)); }
  t0 = performance.now(); attributionReport(db, 'w', { from: '2026-01-01', to: '2026-03-31' }); console.log('w quarter', (performance.now() - t0).toFixed(0));
}
