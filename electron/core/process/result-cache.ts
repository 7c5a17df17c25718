// Answers of heavy reads kept in the data core, valid while the workspace's data is unchanged.
// At a million deals a win-rate overview or a competitor profile costs one to three seconds of
// SQL; the same question asked again (a screen reopened, another window, the recent views warmed
// after a change: recent-views.ts) is answered from here in microseconds.
//
// Validity: every entry carries the data version it was computed under. The version is SQLite's
// `PRAGMA data_version` on the session's own connection, which changes whenever any other
// connection commits: this core's writer, a job, or another process such as a CLI import. So no
// write path has to remember to invalidate anything. The key also holds the local date, because
// some answers depend on today (cohort maturity, "open for N days").
import type { Channel } from '#shared/contract/index.ts';

/**
 * Reads whose answer depends only on the workspace's rows and the call's argument. Not here:
 * reads that touch files (backups, exports, PDF), import helpers, and calls too cheap to matter.
 */
export const CACHEABLE: ReadonlySet<Channel> = new Set<Channel>([
  'dashboard:summary',
  'overview:summary',
  'matrix:dimensions',
  'matrix:values',
  'matrix:compute',
  'matrix:compare',
  'matrix:trend',
  'matrix:deals',
  'competitors:list',
  'competitorProfile:list',
  'competitorProfile:get',
  'deals:list',
  'deals:summary',
  'deals:options',
  'funnel:report',
  'funnel:items',
  'funnel:trap',
  'funnel:velocity',
  'funnel:criteria',
  'plans:history',
  'interviews:list',
  'interviews:facets',
  'quotes:list',
  'reasons:history',
  'sourced:report',
  'retention:cohorts',
  'retention:movements',
  'retention:customers',
  'retention:dimensions',
  'winloss:reasons',
  'winloss:ratings',
  'winloss:agreement',
  'winloss:themes',
]);

/** Bytes of JSON text kept at most; an answer larger than a tenth of it is not kept. */
export const CACHE_BYTES = 64 * 1024 * 1024;

interface Entry {
  json: string;
  version: number;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  private readonly maxBytes: number;

  constructor(maxBytes = CACHE_BYTES) {
    this.maxBytes = maxBytes;
  }

  /** The key of a call: workspace generation, local date, channel, argument. */
  static key(generation: number, channel: string, arg: unknown, today = localDate()): string {
    return `${generation}|${today}|${channel}|${JSON.stringify(arg ?? null)}`;
  }

  /** The answer kept for key, if it was computed under this data version. */
  get(key: string, version: number): string | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) {
      this.misses++;
      return undefined;
    }
    // Most recently used last, so eviction takes the oldest first.
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e.json;
  }

  /** Whether an answer for key is kept under this version, without counting or reordering. */
  has(key: string, version: number): boolean {
    return this.entries.get(key)?.version === version;
  }

  /** Keeps a successful answer computed under version; failures and huge answers are not kept. */
  set(key: string, version: number, json: string): void {
    if (!json.startsWith('{"ok":true') || json.length > this.maxBytes / 10) return;
    this.drop(key);
    this.entries.set(key, { json, version });
    this.bytes += json.length;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(k);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.json.length;
    this.entries.delete(key);
  }
}

/** Today in the machine's time zone, as the analytics see it. */
export function localDate(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
