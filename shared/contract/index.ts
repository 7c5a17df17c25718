// The one contract between renderer and core: every call the renderer may make, by channel name
// ('namespace:verb'), with the zod schema of its argument, the type of its result and where it
// runs (define.ts). One file per namespace declares its channels; this file only gathers them.
// The core's handler maps, the preload's API and the test host's bridge all derive from it.
import type { z } from 'zod';
import { appChannels } from './app.ts';
import { backupChannels } from './backup.ts';
import { callsChannels } from './calls.ts';
import { competitorProfileChannels } from './competitor-profile.ts';
import { competitorsChannels } from './competitors.ts';
import { dashboardChannels } from './dashboard.ts';
import { dealsChannels } from './deals.ts';
import type { ChannelSpec, DomainOf } from './define.ts';
import { demoChannels } from './demo.ts';
import { exportChannels } from './export.ts';
import { funnelChannels } from './funnel.ts';
import { guidesChannels } from './guides.ts';
import { importChannels } from './import.ts';
import { interviewsChannels } from './interviews.ts';
import { jobsChannels } from './jobs.ts';
import { matrixChannels } from './matrix.ts';
import { overviewChannels } from './overview.ts';
import { plansChannels } from './plans.ts';
import { quotesChannels } from './quotes.ts';
import { reasonsChannels } from './reasons.ts';
import { reportsChannels } from './reports.ts';
import type { Result } from './result.ts';
import { retentionChannels } from './retention.ts';
import { settingsChannels } from './settings.ts';
import { sourcedChannels } from './sourced.ts';
import { themesChannels } from './themes.ts';
import { viewsChannels } from './views.ts';
import { winlossChannels } from './winloss.ts';
import { workspaceChannels } from './workspace.ts';

/** Every namespace with its channels (a test checks no channel is declared twice). */
export const NAMESPACES = {
  app: appChannels,
  backup: backupChannels,
  calls: callsChannels,
  competitorProfile: competitorProfileChannels,
  competitors: competitorsChannels,
  dashboard: dashboardChannels,
  deals: dealsChannels,
  demo: demoChannels,
  export: exportChannels,
  funnel: funnelChannels,
  guides: guidesChannels,
  import: importChannels,
  interviews: interviewsChannels,
  jobs: jobsChannels,
  matrix: matrixChannels,
  overview: overviewChannels,
  plans: plansChannels,
  quotes: quotesChannels,
  reasons: reasonsChannels,
  reports: reportsChannels,
  retention: retentionChannels,
  settings: settingsChannels,
  sourced: sourcedChannels,
  themes: themesChannels,
  views: viewsChannels,
  winloss: winlossChannels,
  workspace: workspaceChannels,
} as const;

export const contract = {
  ...appChannels,
  ...backupChannels,
  ...callsChannels,
  ...competitorProfileChannels,
  ...competitorsChannels,
  ...dashboardChannels,
  ...dealsChannels,
  ...demoChannels,
  ...exportChannels,
  ...funnelChannels,
  ...guidesChannels,
  ...importChannels,
  ...interviewsChannels,
  ...jobsChannels,
  ...matrixChannels,
  ...overviewChannels,
  ...plansChannels,
  ...quotesChannels,
  ...reasonsChannels,
  ...reportsChannels,
  ...retentionChannels,
  ...settingsChannels,
  ...sourcedChannels,
  ...themesChannels,
  ...viewsChannels,
  ...winlossChannels,
  ...workspaceChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type Namespace = keyof typeof NAMESPACES;

type SpecOf<C extends Channel> = Contract[C];
type InputSchema<C extends Channel> = SpecOf<C> extends ChannelSpec<infer A, unknown> ? A : never;

/** What the renderer passes (before defaults). */
export type ArgOf<C extends Channel> = z.input<InputSchema<C>>;
/** What the handler receives (after validation and defaults). */
export type ParsedArgOf<C extends Channel> = z.output<InputSchema<C>>;
export type ResultOf<C extends Channel> = SpecOf<C> extends ChannelSpec<z.ZodType, infer R> ? R : never;

export type Handler<C extends Channel, Ctx> = (arg: ParsedArgOf<C>, ctx: Ctx) => ResultOf<C> | Promise<ResultOf<C>>;

/** The core's implementation: one handler per channel. A missing one is a compile error. */
export type HandlerMap<Ctx> = { [C in Channel]: Handler<C, Ctx> };

/** The handlers of one namespace, typed from its file: `HandlersOf<typeof matrixChannels, Ctx>`. */
export type HandlersOf<NS, Ctx> = { [C in keyof NS & Channel]: Handler<C, Ctx> };

/** Per-call options the transport carries beside the argument (never validated as data). */
export interface CallMeta {
  /** Names the call so `calls:cancel` can drop it while it waits (TanStack Query's abort). */
  callId?: string;
}

/** The renderer's view: api.dashboard.summary(), api.workspace.open({ path }) ... */
export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: undefined extends ArgOf<C>
      ? (arg?: ArgOf<C>, meta?: CallMeta) => Promise<Result<ResultOf<C>>>
      : (arg: ArgOf<C>, meta?: CallMeta) => Promise<Result<ResultOf<C>>>;
  };
};

export type { Result } from './result.ts';
