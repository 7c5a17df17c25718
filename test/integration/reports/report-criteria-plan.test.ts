// The report's qualification-criteria and saved-plan sections on one workspace holding the
// hand-made criteria fixture (test/support/criteria-fixture.ts) and the planner history
// (test/support/planner-fixture.ts). The expected figures come from the contract's own
// funnel:criteria and plans:history answers and the planner's pure functions (computePlan,
// planFormulas), computed here independently of the report code; the PDF is printed through
// Chromium and read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liftPoints, liftRange, pValueText } from '#shared/analytics/describe-lift.ts';
import { formatAmount, formatOne, formatRate, planFormulas } from '#shared/analytics/plan-formulas.ts';
import { computePlan } from '#shared/analytics/planner.ts';
import type { CriteriaReport } from '#shared/domain/criteria.ts';
import type { PlanHistory, SavedPlan } from '#shared/domain/plans.ts';
import type { ReportDocument, ReportSpec, ReportTemplate } from '#shared/domain/reports.ts';
import { ChromiumPrinter, findChromium } from '#core/reports/chromium-printer.ts';
import { writeReportPdf } from '#core/reports/report-pdf.ts';
import type { Session } from '#core/session/session.ts';
import { insertCriteriaFixture } from '../../support/criteria-fixture.ts';
import { insertPlannerHistory } from '../../support/planner-fixture.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { caller, testSession } from '../../support/test-session.ts';

const flat = (s: string) => s.replace(/\s+/g, ' ');
const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

describe.skipIf(findChromium() === null)('report qualification-criteria and saved-plan sections', () => {
  let dir: string;
  let cleanup: () => void;
  let session: Session;
  const call = caller(() => session);

  const spec = (plan: string): ReportSpec => ({
    title: 'Pipeline plan',
    author: '',
    period: { kind: 'absolute', from: '2025-01-01', to: '2025-12-31' },
    filters: [],
    pageSize: 'A4',
    sections: [
      { id: 'c', kind: 'criteria', orientation: 'landscape', mqls: 'all' },
      { id: 'p', kind: 'plan', orientation: 'portrait', plan },
    ],
  });

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    session = testSession(dir);
    await session.start(join(dir, 'w.winnow'));
    insertCriteriaFixture(session.require().sqlite);
    insertPlannerHistory(session.require().sqlite);
    await call<SavedPlan>('plans:save', { name: 'Q3 stretch', inputs: { target: 750_000, market: 40 } });
  });

  afterAll(async () => {
    await session?.close();
    cleanup();
  });

  it('saves and restores the criteria scope and the plan name in a template', async () => {
    await call('reports:saveTemplate', { name: 'Monthly plan', spec: spec('Q3 stretch') });
    const [t] = await call<ReportTemplate[]>('reports:templates', {});
    expect(t!.spec.sections).toEqual([
      { id: 'c', kind: 'criteria', orientation: 'landscape', mqls: 'all' },
      { id: 'p', kind: 'plan', orientation: 'portrait', plan: 'Q3 stretch' },
    ]);
    await expect(
      call('reports:render', { spec: { ...spec(''), sections: [{ id: 'p', kind: 'plan', plan: '' }] } }),
    ).rejects.toThrow(/Choose a saved plan/);
  });

  it('prints the criteria tables and the plan with the figures of funnel:criteria and the planner', async () => {
    const crit = await call<CriteriaReport>('funnel:criteria', {});
    const saved = (await call<SavedPlan[]>('plans:list', {})).find((p) => p.name === 'Q3 stretch')!;
    const history = await call<PlanHistory>('plans:history', { period: null, from: null, to: null });
    const plan = computePlan(history, saved.inputs);
    // The workspace gives a usable plan and three tested criteria (the fixture's answers).
    expect(plan.needed).not.toBeNull();
    expect(crit.tested).toBe(3);

    const doc = await call<ReportDocument>('reports:render', { spec: spec('Q3 stretch') });
    const html = unescape(doc.body);
    expect(doc.charts).toBe(1);
    expect(html).toContain(`${crit.mqls} mature MQLs`);
    expect(html).toContain(`${crit.selected} of ${crit.tested} criteria predict conversion`);
    for (const c of crit.criteria.filter((x) => x.met.mqls + x.notMet.mqls > 0)) {
      expect(html).toContain(`${liftPoints(c.lift)}</strong> (${liftRange(c.liftCorrected)})</span>`);
      expect(html).toContain(`${pValueText(c.p)} / ${pValueText(c.q)}`);
    }
    for (const g of crit.byCount)
      expect(html).toContain(`<td class="num">${g.met}</td><td class="num">${g.conversion.n}</td>`);
    for (const f of planFormulas(history, plan, saved.inputs.market)) expect(html).toContain(f.text);
    expect(html).toContain(`<h2>Needed MQLs: ${formatAmount(plan.needed!)}</h2>`);
    expect(html).not.toContain('are in the Funnel area');

    const out = join(dir, 'plan.pdf');
    const printer = new ChromiumPrinter();
    await writeReportPdf(doc, out, (job) => printer.print(job));
    const text = flat(execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Qualification criteria');
    expect(text).toContain('Saved needed-MQL plan');
    // Ranked as on screen: budget first (met 3/4 won, not met 0/4: +75.0 pts by hand), then timeframe, engagement.
    const tested = crit.criteria.filter((c) => c.met.mqls + c.notMet.mqls > 0);
    expect(tested.map((c) => [c.rank, c.key, liftPoints(c.lift)])).toEqual([
      [1, 'budget', '+75.0 pts'],
      [2, 'timeframe', '+25.0 pts'],
      [3, 'engagement', '0.0 pts'],
    ]);
    for (const c of tested) {
      expect(text).toContain(`${c.rank} ${c.label}`);
      expect(text).toContain(`${liftPoints(c.lift)} (${liftRange(c.liftCorrected)})`);
    }
    expect(text).toContain(`Needed MQLs: ${formatAmount(plan.needed!)}`);
    expect(text).toContain(
      `Range (from the inputs’ intervals) ${formatAmount(plan.range!.low)} to ${formatAmount(plan.range!.high)}`,
    );
    for (const o of plan.odds)
      expect(text).toContain(`MQLs for a ${Math.round(o.level * 100)}% chance ${formatAmount(o.mqls)}`);
    expect(text).toContain(`Gap ${formatOne(plan.gap!)} MQLs short`);
    expect(text).toContain(`${formatOne(plan.runRate!.perMonth)} a month`);
    expect(text).toContain(formatRate(plan.hitAtNeeded!));
  });

  it('counts only the mature MQLs dated in the report period when the template says so', async () => {
    const period = { from: '2025-01-01', to: '2025-01-14' };
    const crit = await call<CriteriaReport>('funnel:criteria', period);
    const s: ReportSpec = {
      ...spec('Q3 stretch'),
      period: { kind: 'absolute', ...period },
      sections: [{ id: 'c', kind: 'criteria', orientation: 'landscape', mqls: 'report' }],
    };
    const html = unescape((await call<ReportDocument>('reports:render', { spec: s })).body);
    // L1 to L3 (2025-01-10, 12, 14) and the planner's W3 (2025-01-10): four mature MQLs.
    expect(crit.mqls).toBe(4);
    expect(html).toContain('4 mature MQLs (MQL dates 2025-01-01 to 2025-01-14;');
    for (const c of crit.criteria.filter((x) => x.met.mqls + x.notMet.mqls > 0))
      expect(html).toContain(`${liftPoints(c.lift)}</strong> (${liftRange(c.liftCorrected)})</span>`);
  });

  it('says so when the chosen plan is no longer saved', async () => {
    const doc = await call<ReportDocument>('reports:render', { spec: spec('Gone') });
    expect(unescape(doc.body)).toContain('No plan called “Gone” is saved any more');
  });
});
