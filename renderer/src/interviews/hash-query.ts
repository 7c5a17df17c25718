// The Interviews area's sub-routes live in the hash's query (#/interviews?view=quotes,
// #/interviews?id=12), so the app's router keeps matching '/interviews'. Built on the shared
// hash-parameter helpers.
import { hrefFor, navigate } from '../lib/hash-params.ts';
import type { HashParamValues } from '../lib/hash-params.ts';

export { intParam, useHashParams as useHashQuery } from '../lib/hash-params.ts';
export type Params = HashParamValues;

/** '#/interviews?view=quotes&reason=3' from parameters (empty and false values left out). */
export function interviewsHref(params: Params = {}): string {
  return hrefFor('/interviews', params);
}

export function goTo(params: Params = {}): void {
  navigate('/interviews', params);
}
