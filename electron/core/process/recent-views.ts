// The questions a user asks most of a workspace (channel + argument of cacheable reads), kept in
// <user data>/cache/recent-views.json so the data core can answer them ahead of time: when a
// workspace opens, and shortly after its data changes. Only the questions are stored, never the
// answers (those are confidential rows and live in memory only: result-cache.ts). A lost or
// damaged file only means a colder start.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Questions kept per workspace, and how many are warmed (most used first). */
export const KEEP_PER_WORKSPACE = 32;
export const WARM_AT_MOST = 24;
/** Argument text longer than this (a huge filter) is not worth remembering. */
const MAX_ARG_CHARS = 2_000;

export interface RecentView {
  channel: string;
  arg: unknown;
  uses: number;
  last: number;
}

type Store = Record<string, RecentView[]>;

export function recentViewsPath(userDataDir: string): string {
  return join(userDataDir, 'cache', 'recent-views.json');
}

export class RecentViews {
  private readonly path: string;
  private store: Store;
  private dirty = false;

  constructor(path: string) {
    this.path = path;
    this.store = load(path);
  }

  /** Counts one use of a question on a workspace. */
  note(workspace: string, channel: string, arg: unknown, now = Date.now()): void {
    const text = JSON.stringify(arg ?? null);
    if (text.length > MAX_ARG_CHARS) return;
    const list = (this.store[workspace] ??= []);
    const found = list.find((v) => v.channel === channel && JSON.stringify(v.arg ?? null) === text);
    if (found) {
      found.uses++;
      found.last = now;
    } else {
      list.push({ channel, arg, uses: 1, last: now });
    }
    // Keep the most used; among equals the most recent.
    list.sort(byUse);
    list.length = Math.min(list.length, KEEP_PER_WORKSPACE);
    this.dirty = true;
  }

  /** The questions to answer ahead of time for a workspace, most used first. */
  toWarm(workspace: string): RecentView[] {
    return (this.store[workspace] ?? []).slice().sort(byUse).slice(0, WARM_AT_MOST);
  }

  /** Writes the file if anything changed (under a temporary name, then renamed). */
  save(): void {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.store));
      renameSync(tmp, this.path);
    } catch (error) {
      console.error(`Could not save the recent views (${String(error)}); the next start is only colder.`);
    }
  }
}

function byUse(a: RecentView, b: RecentView): number {
  return b.uses - a.uses || b.last - a.last;
}

function load(path: string): Store {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return Object.create(null) as Store;
    const out: Store = Object.create(null) as Store;
    for (const [ws, list] of Object.entries(parsed as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      out[ws] = list
        .filter(
          (v): v is RecentView =>
            !!v &&
            typeof (v as RecentView).channel === 'string' &&
            Number.isFinite((v as RecentView).uses) &&
            Number.isFinite((v as RecentView).last),
        )
        .slice(0, KEEP_PER_WORKSPACE);
    }
    return out;
  } catch {
    return Object.create(null) as Store;
  }
}
