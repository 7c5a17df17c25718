import { it } from 'vitest';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { sourcedMeasure } from '#core/funnel/sourced-queries.ts';
import { attributionReport } from '#core/funnel/attribution-queries.ts';
import { tempWorkspace } from '/work/wt-sourced/test/support/temp-workspace.ts';
it('measure', async () => {
  const { ws, cleanup } = await tempWorkspace();
  const deals = Number(process.env.DEALS ?? 3000);
  let t0 = performance.now();
  loadDemo(ws.sqlite, { seed: 42, deals });
  console.log('demo ms', (performance.now() - t0).toFixed(0));
  const p = { from: null, to: null };
  for (let i = 0; i < 2; i++) {
    t0 = performance.now(); sourcedMeasure(ws.sqlite, 'pipeline', p, DEFAULT_SETTINGS); console.log('pipeline ms', (performance.now() - t0).toFixed(0));
    t0 = performance.now(); sourcedMeasure(ws.sqlite, 'won', p, DEFAULT_SETTINGS); console.log('won ms', (performance.now() - t0).toFixed(0));
    for (const m of ['linear', 'w'] as const) { t0 = performance.now(); attributionReport(ws.sqlite, m, p); console.log(m, 'attr ms', (performance.now() - t0).toFixed(0)); }
  }
  console.log(ws.sqlite.prepare('select count(*) from deal_touches').pluck().get(), ws.sqlite.prepare('select count(*) from lead_touches').pluck().get(), ws.sqlite.prepare('select count(*) from leads').pluck().get());
  cleanup();
}, 900_000);
