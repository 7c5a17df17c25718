// Foundation figures: the dashboard's queries over the whole workspace.
import { dashboardSummary } from '#core/dashboard/dashboard-queries.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import type { Suite } from '../harness.ts';
import { timeMedian } from '../harness.ts';

export const foundationSuite: Suite = {
  name: 'foundation',
  async run(ctx) {
    const ws = await openWorkspace(ctx.workspacePath, { mode: 'open' });
    try {
      const settings = readSettings(ws.sqlite);
      const summary = timeMedian(() => dashboardSummary(ws.sqlite, settings), 5, 1);
      // Baseline: the dashboard's first query bare (deal type and outcome, counts and amounts),
      // one pass over the (deal_type, outcome, close_date, amount ...) covering index.
      const bare = timeMedian(
        () =>
          ws.sqlite
            .prepare('SELECT deal_type, outcome, count(*), total(amount) FROM deals GROUP BY deal_type, outcome')
            .all(),
        5,
        1,
      );
      return [
        {
          suite: 'foundation',
          name: `dashboard summary (${ctx.deals.toLocaleString('en-US')} deals)`,
          value: summary,
          unit: 'ms',
          target: '<= 1000 ms',
          met: summary <= 1000,
        },
        {
          suite: 'foundation',
          name: 'bare GROUP BY deal_type, outcome with count and total(amount) (baseline)',
          value: bare,
          unit: 'ms',
          note: `dashboard = ${(summary / bare).toFixed(1)}x baseline`,
        },
      ];
    } finally {
      ws.close();
    }
  },
};
