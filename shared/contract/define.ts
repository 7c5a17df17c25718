// Building blocks of the contract: a channel is a zod schema for its argument plus a phantom
// result type. Nothing here runs a query; it only describes calls.
import type { z } from 'zod';

export interface ChannelSpec<A extends z.ZodType, R> {
  readonly input: A;
  /** Phantom: carries the result type, never read at run time. */
  readonly result?: R;
  /** One line for docs and error messages. */
  readonly summary: string;
}

/** Declare a channel: `channel(schema, 'what it does').returns<Result>()`. */
export function channel<A extends z.ZodType>(input: A, summary: string) {
  return {
    returns<R>(): ChannelSpec<A, R> {
      return { input, summary };
    },
  };
}

/** 'domain:verb' split into its halves at the type level. */
export type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
export type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;

/** Channel names must look like 'domain:verb' (lower camel on each side). */
export const CHANNEL_NAME = /^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/;
