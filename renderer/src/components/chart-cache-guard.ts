// Chart labels are user data (competitor, owner, reason and theme names). ZRender, under ECharts,
// caches text widths in LRU maps keyed by the text itself on plain objects, so a label named
// "__proto__" reached Object.prototype through the cache's linked-list bookkeeping (it set
// .next/.prev/.value there) and broke every screen until reload. Its LRU is given maps with no
// prototype, where every label is an ordinary key. Imported once, before any chart is drawn.
import LRU from 'zrender/lib/core/LRU.js';

interface MapHolder {
  _map: Record<string, unknown>;
}

function keySafe(holder: MapHolder): void {
  if (Object.getPrototypeOf(holder._map) !== null) holder._map = Object.assign(Object.create(null), holder._map);
}

type Method = (this: MapHolder, ...args: unknown[]) => unknown;

export function guardChartCaches(): void {
  const proto = LRU.prototype as unknown as Record<'get' | 'put' | 'clear', Method> & { __winnowGuard?: true };
  if (proto.__winnowGuard) return;
  for (const name of ['get', 'put'] as const) {
    const original = proto[name];
    proto[name] = function (this: MapHolder, ...args: unknown[]) {
      keySafe(this);
      return original.apply(this, args);
    };
  }
  proto.__winnowGuard = true;
}

guardChartCaches();
