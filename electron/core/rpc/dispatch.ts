// The one door into the core: look up the channel in the contract, validate the argument with its
// schema before anything runs, call the handler, and wrap the answer as a Result. Used by the
// Electron IPC bridge and by the loopback test host, so both behave identically.
import { contract } from '#shared/contract/index.ts';
import type { Channel, Handler } from '#shared/contract/index.ts';
import { fail, ok } from '#shared/contract/result.ts';
import { cleanStrings } from '#shared/text/clean-text.ts';
import type { FieldIssue, Result } from '#shared/contract/result.ts';
import { AppError } from '../errors.ts';

export type Logger = (message: string, error?: unknown) => void;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Some or all handlers: each thread of the data core holds the ones for the calls it answers. */
export type SomeHandlers<Ctx> = { readonly [C in Channel]?: Handler<C, Ctx> };

export async function dispatch<Ctx>(
  handlers: SomeHandlers<Ctx>,
  channel: unknown,
  rawArg: unknown,
  ctx: Ctx,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('unknown_channel', `Unknown request "${String(channel).slice(0, 80)}".`);
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(rawArg);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    const detail = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return fail('invalid_argument', `Invalid request to ${channel}: ${detail}`, issues);
  }
  const handler = handlers[channel] as ((arg: unknown, ctx: Ctx) => unknown) | undefined;
  if (!handler) return fail('internal', `${channel} was sent to a part of the data core that does not answer it.`);
  try {
    // Control characters never get past the door, whatever the field (docs/internals/process-split.md, "One call").
    return ok(await handler(cleanStrings(parsed.data), ctx));
  } catch (e) {
    if (e instanceof AppError) return fail(e.code, e.message, e.issues);
    log(`Unexpected error in ${channel}`, e);
    return fail('internal', `Something went wrong (${channel}): ${e instanceof Error ? e.message : String(e)}`);
  }
}
