// Builds the renderer-facing API object from the channel list and one transport. Each function
// is bound to its own channel: there is no way to call a channel that is not in the contract.
import type { Api, CallMeta, Channel } from './index.ts';
import type { Result } from './result.ts';

export type Transport = (channel: Channel, arg: unknown, meta?: CallMeta) => Promise<Result<unknown>>;

export function buildApi(channels: readonly Channel[], transport: Transport): Api {
  const api: Record<string, Record<string, (arg?: unknown, meta?: CallMeta) => Promise<Result<unknown>>>> = {};
  for (const ch of channels) {
    const [domain, verb] = ch.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[verb] = (arg?: unknown, meta?: CallMeta) => transport(ch, arg, meta);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api) as unknown as Api;
}
