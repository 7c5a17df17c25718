// The renderer's cache follows every write: each write channel of the contract says which query
// domains it changes (renderer/src/api/domains.ts), and query keys start with their domain.
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '#shared/contract/index.ts';
import { JOB_EFFECTS, WRITE_EFFECTS } from '../../../renderer/src/api/domains.ts';
import { queryKeyOf } from '../../../renderer/src/api/use-query.ts';
import type { Api } from '#shared/contract/index.ts';

const channels = Object.values(NAMESPACES).flatMap((ns) => Object.entries(ns) as [string, { access: string }][]);
const readNamespaces = new Set(
  channels.filter(([, spec]) => spec.access === 'read').map(([name]) => name.split(':')[0]!),
);

describe('query domains', () => {
  it('lists every write channel of the contract, and nothing else', () => {
    const writes = channels.filter(([, spec]) => spec.access === 'write').map(([name]) => name);
    const listed = Object.keys(WRITE_EFFECTS).filter((name) => !name.startsWith('workspace:'));
    expect(listed.sort()).toEqual(writes.sort());
  });

  it('names only domains that have reads', () => {
    for (const effect of [...Object.values(WRITE_EFFECTS), ...Object.values(JOB_EFFECTS)]) {
      if (typeof effect === 'string') continue;
      for (const domain of effect) expect(readNamespaces.has(domain) || domain === 'retention').toBe(true);
    }
  });

  it('keys a loader by the namespace, channel and argument it calls, then its deps', () => {
    const key = queryKeyOf((api: Api) => api.deals.summary({ filter: { search: 'acme' } }), ['x']);
    expect(key).toEqual(['deals', { calls: [['deals:summary', { filter: { search: 'acme' } }]], deps: ['x'] }]);
    expect(queryKeyOf((api: Api) => api.dashboard.summary(), [])[0]).toBe('dashboard');
  });
});
