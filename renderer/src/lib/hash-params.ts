// Parameters after the route in the hash (#/deals?deal=12&tab=import): areas use them for
// sub-pages, so links and the browser's back button work without a router.
import { useEffect, useState } from 'react';

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

/** Go to `path` with these parameters (empty values are left out). */
export function hrefFor(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, params: Record<string, string | number | null | undefined> = {}): void {
  window.location.hash = hrefFor(path, params);
}
