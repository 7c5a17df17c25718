// The renderer's only way to the data: window.winnow, exposed by the preload in Electron (or by the
// loopback bridge in browser tests), typed by the shared contract.
import type { Api } from '#shared/contract/index.ts';
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

/** Shorthand: `await call((api) => api.dashboard.summary())`. */
export function call<T>(fn: (api: Api) => Promise<Result<T>>): Promise<T> {
  return unwrap(fn(getApi()));
}
