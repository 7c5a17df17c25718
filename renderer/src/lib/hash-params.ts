// Parameters after the route in the hash (#/deals?deal=12&tab=import): areas use them for
// sub-pages, so links and the browser's back button work without a router, and nothing leaves
// the page (links are same-document hash changes). The one place that reads and writes them.
import { useEffect, useState } from 'react';

export type HashParamValues = Record<string, string | number | boolean | null | undefined>;

function read(): URLSearchParams {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
}

export function useHashParams(): URLSearchParams {
  const [params, setParams] = useState(read);
  useEffect(() => {
    const onChange = () => setParams(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return params;
}

/** '#/path?a=1' from parameters; empty, null and false values are left out. */
export function hrefFor(path: string, params: HashParamValues = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, params: HashParamValues = {}): void {
  window.location.hash = hrefFor(path, params);
}

/** A positive integer parameter, or undefined. */
export function intParam(params: URLSearchParams, key: string): number | undefined {
  const v = params.get(key);
  if (!v || !/^\d{1,15}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** One parameter of the current route, and a setter that keeps the route and the others. */
export function useHashParam(name: string): [string | null, (value: string | null) => void] {
  const params = useHashParams();
  const set = (next: string | null) => {
    const hash = window.location.hash.replace(/^#/, '');
    const path = hash.split('?')[0] || '/';
    const values: HashParamValues = Object.fromEntries(read());
    values[name] = next;
    navigate(path, values);
  };
  return [params.get(name), set];
}
