// The data core's answer cache and the remembered questions it warms (electron/core/process).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '#shared/contract/index.ts';
import { CACHEABLE, localDate, ResultCache } from '#core/process/result-cache.ts';
import { KEEP_PER_WORKSPACE, RecentViews, WARM_AT_MOST } from '#core/process/recent-views.ts';

const ok = (v: unknown) => JSON.stringify({ ok: true, value: v });

describe('ResultCache', () => {
  it('answers only under the data version the answer was computed with', () => {
    const c = new ResultCache();
    const k = ResultCache.key(1, 'dashboard:summary', {}, '2026-12-06');
    c.set(k, 7, ok({ deals: 10 }));
    expect(c.has(k, 7)).toBe(true);
    expect(c.has(k, 8)).toBe(false);
    expect(c.get(k, 7)).toBe(ok({ deals: 10 }));
    expect(c.get(k, 8)).toBeUndefined();
    expect([c.hits, c.misses]).toEqual([1, 1]);
  });

  it('keys by workspace generation, date, channel and argument', () => {
    const a = ResultCache.key(1, 'matrix:compute', { rows: 'segment' }, '2026-12-06');
    expect(ResultCache.key(2, 'matrix:compute', { rows: 'segment' }, '2026-12-06')).not.toBe(a);
    expect(ResultCache.key(1, 'matrix:compute', { rows: 'segment' }, '2026-12-07')).not.toBe(a);
    expect(ResultCache.key(1, 'matrix:compute', { rows: 'region' }, '2026-12-06')).not.toBe(a);
    expect(ResultCache.key(1, 'matrix:compute', { rows: 'segment' }, '2026-12-06')).toBe(a);
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('never keeps a failure or an answer over a tenth of its budget', () => {
    const c = new ResultCache(1_000);
    c.set('a', 1, JSON.stringify({ ok: false, error: { code: 'x', message: 'y' } }));
    c.set('b', 1, ok('x'.repeat(200)));
    expect(c.size).toBe(0);
  });

  it('drops the least recently used answers beyond its budget', () => {
    const c = new ResultCache(1_000);
    const v = ok('x'.repeat(60)); // 81 characters
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']) c.set(k, 1, v);
    // 12 x 81 = 972 fits; one more evicts the oldest not used since.
    c.get('a', 1);
    c.set('m', 1, v);
    expect(c.get('b', 1)).toBeUndefined();
    expect(c.get('a', 1)).toBe(v);
    expect(c.size).toBe(12);
  });

  it('lists only read channels of the contract', () => {
    for (const ch of CACHEABLE) expect(contract[ch].access, ch).toBe('read');
    // Reads that write files or depend on them are never answered from memory.
    for (const ch of ['backup:create', 'backup:list', 'deals:exportView', 'reports:exportPdf', 'export:csv']) {
      expect(CACHEABLE.has(ch as never), ch).toBe(false);
    }
  });
});

describe('RecentViews', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('ranks questions by use then recency, per workspace, and survives a restart', () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-views-'));
    const path = join(dir, 'cache', 'recent-views.json');
    const v = new RecentViews(path);
    v.note('/a.winnow', 'overview:summary', { filter: {} }, 1);
    v.note('/a.winnow', 'dashboard:summary', undefined, 2);
    v.note('/a.winnow', 'dashboard:summary', undefined, 3);
    v.note('/a.winnow', 'matrix:compute', { rows: 'segment' }, 4);
    v.note('/b.winnow', 'deals:list', {}, 5);
    v.save();
    const again = new RecentViews(path);
    expect(again.toWarm('/a.winnow').map((x) => [x.channel, x.uses])).toEqual([
      ['dashboard:summary', 2],
      ['matrix:compute', 1],
      ['overview:summary', 1],
    ]);
    expect(again.toWarm('/b.winnow')).toHaveLength(1);
    // Only the questions are stored, never an answer.
    expect(readFileSync(path, 'utf8')).not.toContain('"value"');
  });

  it('keeps a bounded list and warms at most a few', () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-views-'));
    const v = new RecentViews(join(dir, 'views.json'));
    for (let i = 0; i < 40; i++) v.note('/a', 'matrix:compute', { i }, i);
    expect(v.toWarm('/a')).toHaveLength(WARM_AT_MOST);
    v.save();
    const stored = JSON.parse(readFileSync(join(dir, 'views.json'), 'utf8')) as Record<string, unknown[]>;
    expect(stored['/a']).toHaveLength(KEEP_PER_WORKSPACE);
  });

  it('starts empty from a damaged file', () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-views-'));
    const path = join(dir, 'views.json');
    writeFileSync(path, '{"/a": [{"channel": 3}], "__proto__": {"polluted": 1}');
    expect(new RecentViews(path).toWarm('/a')).toEqual([]);
    writeFileSync(
      path,
      '{"/a": [{"channel": "dashboard:summary", "arg": null, "uses": 1, "last": 1}, {"channel": 3}]}',
    );
    expect(new RecentViews(path).toWarm('/a').map((x) => x.channel)).toEqual(['dashboard:summary']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
