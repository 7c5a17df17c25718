// A chart label named __proto__ (or constructor, toString …) must not reach Object.prototype
// through ZRender's text-width cache. Without the guard, measuring "__proto__" twice sets
// Object.prototype.prev and .next.
import { getWidth } from 'zrender/lib/contain/text.js';
import LRU from 'zrender/lib/core/LRU.js';
import { afterEach, describe, expect, it } from 'vitest';
import { guardChartCaches } from '../../../renderer/src/components/chart-cache-guard.ts';

const baseline = Object.getOwnPropertyNames(Object.prototype).sort();

describe('chart text caches', () => {
  afterEach(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(baseline);
  });

  it('measure labels named after Object.prototype members without touching it', () => {
    guardChartCaches();
    const names = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
    const first = names.map((n) => getWidth(n, '12px sans-serif'));
    const again = names.map((n) => getWidth(n, '12px sans-serif'));
    expect(again).toEqual(first);
    expect(first.every((w) => w > 0)).toBe(true);
    expect(({} as { next?: unknown }).next).toBeUndefined();
  });

  it('keep each such label as its own entry', () => {
    guardChartCaches();
    const cache = new LRU<number>(10);
    cache.put('__proto__', 1);
    cache.put('constructor', 2);
    expect([cache.get('__proto__'), cache.get('constructor'), cache.get('prototype')]).toEqual([1, 2, undefined]);
    expect(cache.len()).toBe(2);
  });
});
