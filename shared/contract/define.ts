// Building blocks of the contract: a channel is a zod schema for its argument, a phantom result
// type and what it may touch. Nothing here runs a query; it only describes calls.
import type { z } from 'zod';

/**
 * Where a call runs in the data core (docs/internals/process-split.md):
 * - read: any connection of the read pool (read-only; WAL lets readers run beside the writer);
 * - write: the one write queue (one connection, BEGIN IMMEDIATE), one call at a time;
 * - session: the core's own thread (which workspace is open, jobs, dialogs), never SQL.
 * The renderer's data layer also reads it: a successful write invalidates its namespace's reads.
 */
export type Access = 'read' | 'write' | 'session';

export interface ChannelSpec<A extends z.ZodType, R> {
  readonly input: A;
  /** Phantom: carries the result type, never read at run time. */
  readonly result?: R;
  /** One line for docs and error messages. */
  readonly summary: string;
  readonly access: Access;
}

/** Declare a channel: `channel(schema, 'what it does', 'write').returns<Result>()`; reads by default. */
export function channel<A extends z.ZodType>(input: A, summary: string, access: Access = 'read') {
  return {
    returns<R>(): ChannelSpec<A, R> {
      return { input, summary, access };
    },
  };
}

type AnySpec = ChannelSpec<z.ZodType, unknown>;

/**
 * One API namespace (one file of this folder): every channel's name must start with `ns:`, which
 * the type checks, so a channel cannot land in another namespace's file by mistake.
 */
export function namespace<
  NS extends string,
  T extends { [K in keyof T]: K extends `${NS}:${string}` ? AnySpec : never },
>(ns: NS, channels: T): Readonly<T> {
  for (const name of Object.keys(channels)) {
    if (!name.startsWith(`${ns}:`)) throw new Error(`Channel ${name} declared in namespace ${ns}`);
  }
  return Object.freeze(channels);
}

/** 'domain:verb' split into its halves at the type level. */
export type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
export type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;

/** Channel names must look like 'domain:verb' (lower camel on each side). */
export const CHANNEL_NAME = /^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/;
