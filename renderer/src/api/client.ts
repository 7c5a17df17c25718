// The renderer's only way to the data: window.winnow, exposed by the preload in Electron (or by the
// loopback bridge in browser tests), typed by the shared contract.
import type { Api, CallMeta } from '#shared/contract/index.ts';
import type { AppErrorShape, Result } from '#shared/contract/result.ts';

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
 * The same API, but every function passes `meta` (the call's id) beside its argument. The proxies
 * wrap empty objects, not the API itself: the API is frozen, and a proxy of a frozen object must
 * return its real (unwrapped) functions.
 */
function withMeta(api: Api, meta: CallMeta): Api {
  type Verbs = Record<string, (arg?: unknown, meta?: CallMeta) => unknown>;
  const groups = api as unknown as Record<string, Verbs>;
  return new Proxy({} as Api, {
    get: (_, ns: string) =>
      new Proxy({} as Verbs, { get: (__, verb: string) => (arg?: unknown) => groups[ns]![verb]!(arg, meta) }),
  });
}

/** Shorthand: `await call((api) => api.dashboard.summary())`, or with `{ signal }` from a query. */
export async function call<T>(fn: (api: Api) => Promise<Result<T>>, options: CallOptions = {}): Promise<T> {
  const api = getApi();
  const { signal } = options;
  if (!signal) return unwrap(fn(api));
  signal.throwIfAborted();
  const callId = `${CALL_PREFIX}-${++lastCallId}`;
  const cancel = () => void api.calls.cancel({ callId });
  signal.addEventListener('abort', cancel, { once: true });
  try {
    return await unwrap(fn(withMeta(api, { callId })));
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
