// The figures of a report, gathered through the contract's own handlers (argument parsed by the
// channel's schema, then its handler), so a report prints exactly what the app's screens show for
// the same filters: no report-only SQL for any figure.
import { basename } from 'node:path';
import { contract } from '#shared/contract/index.ts';
import type { ArgOf, Channel, Handler, ResultOf } from '#shared/contract/index.ts';
import type { QuoteRow } from '#shared/domain/interviews.ts';
import type { ReportSection, ReportSpec } from '#shared/domain/reports.ts';
import { resolvePeriod } from '#shared/domain/reports.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { CompetitorProfile, MatrixQuery, Period } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL } from '#shared/domain/win-rates.ts';
import type { PlanHistory, SavedPlan } from '#shared/domain/plans.ts';
import { funnelHandlers } from '../funnel/funnel-handlers.ts';
import { plansHandlers } from '../funnel/plans-handlers.ts';
import { interviewsHandlers } from '../interviews/interviews-handlers.ts';
import { retentionHandlers } from '../retention/retention-handlers.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { winRatesHandlers } from '../win-rates/win-rates-handlers.ts';
import { winlossHandlers } from '../winloss/winloss-handlers.ts';

const reportHandlers = {
  ...winRatesHandlers,
  ...winlossHandlers,
  ...interviewsHandlers,
  ...retentionHandlers,
  ...funnelHandlers,
  ...plansHandlers,
};
type ReportChannel = keyof typeof reportHandlers & Channel;

/** One contract call made in-process: validated by its schema, answered by its handler. */
export async function callChannel<C extends ReportChannel>(
  channel: C,
  arg: ArgOf<C>,
  ctx: CoreContext,
): Promise<ResultOf<C>> {
  const parsed = contract[channel].input.parse(arg);
  const handler = reportHandlers[channel] as unknown as Handler<C, CoreContext>;
  return handler(parsed as never, ctx);
}

export type SectionData =
  | { kind: 'summary'; overview: ResultOf<'overview:summary'>; nrr: ResultOf<'retention:movements'> | null }
  | { kind: 'matrix'; matrix: ResultOf<'matrix:compute'>; trend: ResultOf<'matrix:trend'> | null }
  | { kind: 'competitors'; list: ResultOf<'competitorProfile:list'>; profiles: CompetitorProfile[] }
  | { kind: 'reasons'; analysis: ResultOf<'winloss:reasons'>; quotes: Record<string, QuoteRow[]> }
  | { kind: 'quotes'; page: ResultOf<'quotes:list'> }
  | { kind: 'retention'; cohorts: ResultOf<'retention:cohorts'>; movements: ResultOf<'retention:movements'> }
  | { kind: 'funnel'; report: ResultOf<'funnel:report'> }
  | { kind: 'velocity'; report: ResultOf<'funnel:velocity'> }
  | { kind: 'criteria'; report: ResultOf<'funnel:criteria'> }
  /** saved is null when no plan of that name is saved any more (deleted or renamed since). */
  | { kind: 'plan'; name: string; saved: { plan: SavedPlan; history: PlanHistory } | null }
  | { kind: 'notes'; markdown: string };

export interface ReportData {
  spec: ReportSpec;
  from: string;
  to: string;
  /** When the report was made (ISO instant) and the day relative periods were resolved on. */
  madeAt: string;
  settings: Settings;
  workspaceName: string;
  appVersion: string;
  dataLastDate: string | null;
  taxonomyVersion: string;
  /** The deal filters in force, with their dimension's and values' labels. */
  filterLabels: { dimension: string; values: string[] }[];
  sections: { section: ReportSection; data: SectionData }[];
}

export interface GatherOptions {
  /** The day relative periods resolve on (tests pin it); today by default. */
  today?: string;
  now?: Date;
}

export async function gatherReport(
  spec: ReportSpec,
  ctx: CoreContext,
  options: GatherOptions = {},
): Promise<ReportData> {
  const ws = ctx.require();
  const settings = readSettings(ws.sqlite);
  const now = options.now ?? new Date();
  const dims = await callChannel('matrix:dimensions', {}, ctx);
  const { from, to } = resolvePeriod(spec.period, options.today ?? now.toISOString().slice(0, 10), {
    first: dims.firstCloseDate,
    last: dims.lastCloseDate,
  });
  const period: Period = { from, to };
  let dataLastDate = dims.lastCloseDate;
  const filterLabels: ReportData['filterLabels'] = [];
  for (const f of spec.filters) {
    const values = await callChannel('matrix:values', { dim: f.dim }, ctx);
    const label = new Map(values.map((v) => [v.key, v.label]));
    filterLabels.push({
      dimension: DIMENSION_LABEL[f.dim],
      values: f.values.map((k) => label.get(k) ?? k ?? 'Not set'),
    });
  }
  const sections: ReportData['sections'] = [];
  for (const section of spec.sections) {
    const data = await gatherSection(section, spec, period, ctx);
    if (data.kind === 'retention' && data.movements.asOf && (!dataLastDate || data.movements.asOf > dataLastDate))
      dataLastDate = data.movements.asOf;
    sections.push({ section, data });
  }
  return {
    spec,
    from,
    to,
    madeAt: now.toISOString(),
    settings,
    workspaceName: basename(ws.path),
    appVersion: ctx.platform.version,
    dataLastDate,
    taxonomyVersion: taxonomyVersion(ws.sqlite),
    filterLabels,
    sections,
  };
}

async function gatherSection(
  section: ReportSection,
  spec: ReportSpec,
  period: Period,
  ctx: CoreContext,
): Promise<SectionData> {
  switch (section.kind) {
    case 'summary': {
      const overview = await callChannel('overview:summary', { period, scope: 'newBusiness' }, ctx);
      const nrr = await callChannel('retention:movements', { grain: 'quarter' }, ctx).catch(() => null);
      return { kind: 'summary', overview, nrr };
    }
    case 'matrix': {
      const query: MatrixQuery = {
        rows: section.rows,
        cols: section.cols,
        measure: section.measure,
        period,
        filters: spec.filters,
      };
      const matrix = await callChannel('matrix:compute', query, ctx);
      const trend = section.trend ? await callChannel('matrix:trend', { query, grain: 'closeQuarter' }, ctx) : null;
      return { kind: 'matrix', matrix, trend };
    }
    case 'competitors': {
      const list = await callChannel('competitorProfile:list', { period }, ctx);
      const ids = section.competitorIds.length
        ? section.competitorIds
        : list
            .filter((c) => c.encounters > 0)
            .slice(0, section.limit)
            .map((c) => c.id);
      const profiles: CompetitorProfile[] = [];
      for (const id of ids) profiles.push(await callChannel('competitorProfile:get', { id, period }, ctx));
      return { kind: 'competitors', list, profiles };
    }
    case 'reasons': {
      const analysis = await callChannel('winloss:reasons', { filters: { from: period.from, to: period.to } }, ctx);
      const quotes: Record<string, QuoteRow[]> = {};
      if (section.quotesPerReason > 0) {
        for (const panel of analysis.panels) {
          for (const row of panel.rows.slice(0, section.limit)) {
            // Quotes of deals with this panel's outcome, so a loss reason shows what lost buyers said.
            const page = await callChannel(
              'quotes:list',
              {
                filters: { reasonId: row.id, outcome: panel.outcome, shareableOnly: true },
                limit: section.quotesPerReason,
              },
              ctx,
            );
            quotes[`${panel.outcome}:${row.id}`] = page.rows;
          }
        }
      }
      return { kind: 'reasons', analysis, quotes };
    }
    case 'quotes':
      return {
        kind: 'quotes',
        page: await callChannel('quotes:list', { filters: { shareableOnly: true }, limit: section.limit }, ctx),
      };
    case 'retention': {
      const cohorts = await callChannel('retention:cohorts', { grain: section.grain }, ctx);
      const movements = await callChannel('retention:movements', { grain: section.grain }, ctx);
      return { kind: 'retention', cohorts, movements };
    }
    case 'funnel': {
      // The report's period picks the funnel's items as the Funnel screen's period does: cohort
      // mode by their entry date, period mode by each stage's own date.
      const arg = { mode: section.mode, start: section.start, from: period.from, to: period.to, by: null };
      return { kind: 'funnel', report: await callChannel('funnel:report', arg, ctx) };
    }
    case 'velocity': {
      const arg = { from: period.from, to: period.to, stuckDays: null };
      return { kind: 'velocity', report: await callChannel('funnel:velocity', arg, ctx) };
    }
    case 'criteria': {
      // Only mature MQLs count either way (a recent quarter alone is often empty: say so, not zero).
      const arg = section.mqls === 'report' ? { from: period.from, to: period.to } : { from: null, to: null };
      return { kind: 'criteria', report: await callChannel('funnel:criteria', arg, ctx) };
    }
    case 'plan': {
      // The plan's own inputs pick its history window and target period, not the report's period,
      // so the section prints what the planner shows for that plan.
      const plan = (await callChannel('plans:list', {}, ctx)).find((p) => p.name === section.plan);
      if (!plan) return { kind: 'plan', name: section.plan, saved: null };
      const { period: planPeriod, from, to } = plan.inputs;
      const history = await callChannel('plans:history', { period: planPeriod, from, to }, ctx);
      return { kind: 'plan', name: section.plan, saved: { plan, history } };
    }
    case 'notes':
      return { kind: 'notes', markdown: section.markdown };
  }
}

/** The taxonomy's version: how many edits its change log holds, and the last one's day. */
function taxonomyVersion(sqlite: ReturnType<CoreContext['require']>['sqlite']): string {
  const r = sqlite.prepare('SELECT count(*) AS n, max(at) AS last FROM reason_changes').get() as {
    n: number;
    last: string | null;
  };
  return r.n === 0 ? 'v0 (the default taxonomy, never edited)' : `v${r.n} (last edited ${r.last!.slice(0, 10)})`;
}
