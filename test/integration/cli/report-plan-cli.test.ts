// winnow report re-runs a template holding the qualification-criteria and saved-plan sections: the
// PDF prints the plan the planner's functions give for the saved inputs (computed here from
// planHistory and computePlan, independently of the report code) and the criteria ranking.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { formatAmount } from '#shared/analytics/plan-formulas.ts';
import { computePlan } from '#shared/analytics/planner.ts';
import type { PlanResult } from '#shared/analytics/planner.ts';
import { planInputsSchema } from '#shared/domain/plans.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { savePlan } from '#core/funnel/plan-store.ts';
import { planHistory } from '#core/funnel/planner-queries.ts';
import { findChromium } from '#core/reports/chromium-printer.ts';
import { saveTemplate } from '#core/reports/template-queries.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { insertCriteriaFixture } from '../../support/criteria-fixture.ts';
import { insertPlannerHistory } from '../../support/planner-fixture.ts';
import { tempDir } from '../../support/temp-workspace.ts';

const io = (): CliIO & { stdout: string[] } => {
  const stdout: string[] = [];
  return { stdout, out: (t) => stdout.push(t), err: () => {}, interactive: false };
};

describe.skipIf(findChromium() === null)('winnow report with criteria and plan sections', () => {
  let dir: string;
  let cleanup: () => void;
  let db: string;
  let plan: PlanResult;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, 'w.winnow');
    const ws = await openWorkspace(db, { mode: 'create' });
    insertCriteriaFixture(ws.sqlite);
    insertPlannerHistory(ws.sqlite);
    const inputs = planInputsSchema.parse({ target: 500_000, period: '2026', rate: 0.2 });
    savePlan(ws.sqlite, 'FY26 new logos', inputs);
    plan = computePlan(planHistory(ws.sqlite, inputs, readSettings(ws.sqlite), '2026-12-06'), inputs);
    saveTemplate(ws.sqlite, 'Plan pack', {
      title: 'Plan pack',
      author: '',
      period: { kind: 'relative', preset: 'allTime' },
      filters: [],
      pageSize: 'A4',
      sections: [
        { id: 'c', kind: 'criteria', orientation: 'landscape', mqls: 'all' },
        { id: 'p', kind: 'plan', orientation: 'portrait', plan: 'FY26 new logos' },
      ],
    });
    ws.close();
  });
  afterAll(() => cleanup());

  it('prints the saved plan’s needed MQLs, range and odds, and the ranked criteria', async () => {
    const out = join(dir, 'plan.pdf');
    expect(await main(['report', '--db', db, '--template', 'Plan pack', '--out', out], io())).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // Won new business closed 2024-07-01..2025-06-30: planner W1..W4 (10k, 20k, 40k, 80k) and the criteria
    // fixture's D1 10k, D2 20k, D9 30k: mean 210,000 / 7 = 30,000. 500,000 / 30,000 / 20% (entered) = 83.3 → 84.
    expect(plan.needed).toBe(84);
    expect(text).toContain(`Needed MQLs: ${formatAmount(plan.needed!)}`);
    expect(text).toContain('MQL-to-won rate 20.0% (entered in the plan)');
    expect(text).toContain(`${formatAmount(plan.range!.low)} to ${formatAmount(plan.range!.high)}`);
    for (const o of plan.odds)
      expect(text).toContain(`MQLs for a ${Math.round(o.level * 100)}% chance ${formatAmount(o.mqls)}`);
    expect(text).toContain('Target period 2026: 2026-01-01 to 2026-12-31');
    expect(text).toContain('1 Has budget');
  });
});
