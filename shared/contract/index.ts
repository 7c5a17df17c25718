// The one contract between renderer and main: every call the renderer may make, by channel
// name ('domain:verb'), with the zod schema of its argument and the type of its result.
// Main's handler map, the preload's API and the test host's bridge are all derived from this.
import type { z } from 'zod';
import { appChannels } from './app.ts';
import { competitorsChannels } from './competitors.ts';
import { dashboardChannels } from './dashboard.ts';
import { interviewsChannels } from './interviews.ts';
import { dealsChannels } from './deals.ts';
import type { ChannelSpec, DomainOf } from './define.ts';
import { importChannels } from './imports.ts';
import { jobsChannels } from './jobs.ts';
import { reasonsChannels } from './reasons.ts';
import type { Result } from './result.ts';
import { retentionChannels } from './retention.ts';
import { settingsChannels } from './settings.ts';
import { winRatesChannels } from './win-rates.ts';
import { winlossChannels } from './winloss.ts';

export const contract = {
  ...appChannels,
  ...dashboardChannels,
  ...settingsChannels,
  ...jobsChannels,
  ...winRatesChannels,
  ...interviewsChannels,
  ...reasonsChannels,
  ...winlossChannels,
  ...retentionChannels,
  ...importChannels,
  ...dealsChannels,
  ...competitorsChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

type SpecOf<C extends Channel> = Contract[C];
type InputSchema<C extends Channel> = SpecOf<C> extends ChannelSpec<infer A, unknown> ? A : never;

/** What the renderer passes (before defaults). */
export type ArgOf<C extends Channel> = z.input<InputSchema<C>>;
/** What the handler receives (after validation and defaults). */
export type ParsedArgOf<C extends Channel> = z.output<InputSchema<C>>;
export type ResultOf<C extends Channel> = SpecOf<C> extends ChannelSpec<z.ZodType, infer R> ? R : never;

/** Main's implementation: one handler per channel. A missing one is a compile error. */
export type HandlerMap<Ctx> = {
  [C in Channel]: (arg: ParsedArgOf<C>, ctx: Ctx) => ResultOf<C> | Promise<ResultOf<C>>;
};

/** The renderer's view: api.dashboard.summary(), api.workspace.open({ path }) ... */
export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: undefined extends ArgOf<C>
      ? (arg?: ArgOf<C>) => Promise<Result<ResultOf<C>>>
      : (arg: ArgOf<C>) => Promise<Result<ResultOf<C>>>;
  };
};

export type { Result } from './result.ts';
