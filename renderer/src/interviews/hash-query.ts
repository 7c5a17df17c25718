// The Interviews area's own sub-routes live in the hash's query (#/interviews?view=quotes,
// #/interviews?id=12), so the app's router keeps matching '/interviews' and nothing leaves the
// page: links are same-document hash changes.
import { useEffect, useState } from 'react';

export type Params = Record<string, string | number | boolean | null | undefined>;

function read(): URLSearchParams {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
}

export function useHashQuery(): URLSearchParams {
  const [params, setParams] = useState(read);
  useEffect(() => {
    const onChange = () => setParams(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return params;
}

/** '#/interviews?view=quotes&reason=3' from parameters (empty and false values left out). */
export function interviewsHref(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return `#/interviews${s ? `?${s}` : ''}`;
}

export function goTo(params: Params = {}): void {
  window.location.hash = interviewsHref(params);
}

/** A positive integer parameter, or undefined. */
export function intParam(params: URLSearchParams, key: string): number | undefined {
  const v = params.get(key);
  if (!v || !/^\d{1,15}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}
