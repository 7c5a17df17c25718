// The renderer's only way to the data: window.winnow, exposed by the preload in Electron (or by the
// loopback bridge in browser tests), typed by the shared contract.
import type { Api, CallMeta } from '#shared/contract/index.ts';
import type { AppErrorShape, Result } from '#shared/contract/result.ts';
import { applyEffect, WRITE_EFFECTS } from './domains.ts';

declare global {
  interface Window {
    winnow?: Api;
  }
}

/** An error answer from the core, thrown by unwrap so components can show error.message. */
export class ApiError extends Error {
  readonly code: string;
  readonly issues: AppErrorShape['issues'];
  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

export function getApi(): Api {
  if (!window.winnow) {
    throw new Error('Winnow cannot reach its data: the page was opened outside the app.');
  }
  return window.winnow;
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export interface CallOptions {
  /**
   * TanStack Query's signal: when the query no longer needs the answer (its key changed, its screen
   * closed), the call is cancelled in the core, so fast filter clicks never queue stale work.
   */
  signal?: AbortSignal;
}

let lastCallId = 0;
const CALL_PREFIX = Math.random().toString(36).slice(2, 10);

/**
 * The same API, but every function passes `meta` (the call's id, when there is one) beside its
 * argument and reports its channel ('deals:update') to `seen`. The proxies wrap empty objects,
 * not the API itself: the preload's API is frozen, and a proxy over a frozen object must return
 * its own properties unchanged.
 */
function traced(api: Api, meta: CallMeta | undefined, seen: (channel: string) => void): Api {
  const namespaces = new Map<PropertyKey, unknown>();
  return new Proxy({} as Api, {
    get(_target, ns) {
      if (!namespaces.has(ns)) {
        const verbs = Reflect.get(api, ns) as Record<string, (arg?: unknown, meta?: CallMeta) => unknown>;
        const verb = (_v: object, name: PropertyKey) => (arg?: unknown) => {
          seen(`${String(ns)}:${String(name)}`);
          const fn = Reflect.get(verbs, name);
          return meta ? fn(arg, meta) : fn(arg);
        };
        namespaces.set(ns, new Proxy({}, { get: verb }));
      }
      return namespaces.get(ns);
    },
  });
}

/**
 * Shorthand: `await call((api) => api.dashboard.summary())`, or with `{ signal }` from a query.
 * After a successful write, the cached reads of the domains it changes are invalidated
 * (domains.ts), so no screen keeps a counter to reload itself.
 */
export async function call<T>(fn: (api: Api) => Promise<Result<T>>, options: CallOptions = {}): Promise<T> {
  const api = getApi();
  const { signal } = options;
  signal?.throwIfAborted();
  const meta = signal ? { callId: `${CALL_PREFIX}-${++lastCallId}` } : undefined;
  const cancel = () => void (meta && api.calls.cancel({ callId: meta.callId }));
  signal?.addEventListener('abort', cancel, { once: true });
  const channels: string[] = [];
  try {
    const value = await unwrap(fn(traced(api, meta, (channel) => void channels.push(channel))));
    for (const channel of channels) applyEffect(WRITE_EFFECTS[channel], value);
    return value;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
