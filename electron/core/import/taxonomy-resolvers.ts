// Names of the workspace's own lists, as interview and quote files write them: reasons of the
// taxonomy, quote themes and interview guides. A known name resolves silently; a reason may also
// be named as it was before a merge (it follows the merge) or a rename, and a retired reason still
// resolves (old interviews keep it). Anything else is never guessed: a name close to a known one
// waits for the user's decision, an unknown one for the user to map it. Only themes may be added
// by an import, and only when the user chose "a new theme" for the name.
import type Database from 'better-sqlite3';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { ValueStatus } from '#shared/domain/imports.ts';
import type { NameCandidate } from '#shared/domain/name-matching.ts';
import { nearMatches } from '#shared/domain/name-matching.ts';
import type { ChangeLog } from './change-log.ts';
import { detach } from './detach.ts';
import type { NameProblem } from './name-problem.ts';
import type { ValueTracker } from './value-tracker.ts';

/** A resolved name: an existing row, or (themes only) one created when a written row needs it. */
export interface ListRef {
  name: string;
  get(): number;
}

export type ListResolution = ListRef | NameProblem | null;

export function isListProblem(r: ListResolution): r is NameProblem {
  return r !== null && !('get' in r);
}

interface Cached {
  result: ListRef | NameProblem;
  status: ValueStatus;
}

const existing = (id: number, name: string): ListRef => ({ name, get: () => id });

/** The shared part: known names, near matches, the user's decisions, a cache per raw value. */
abstract class ListResolver {
  protected readonly known = new Map<string, ListRef>(); // lower-case name -> row
  protected readonly candidates: NameCandidate[] = [];
  private readonly cache = new Map<string, Cached>();
  protected add(name: string, ref: ListRef, candidate = true): void {
    const lower = name.toLowerCase();
    if (!this.known.has(lower)) this.known.set(lower, ref);
    if (candidate) this.candidates.push({ name, key: aliasKey(name) });
  }

  /** Names an unknown value may be mapped to, for the check screen. */
  abstract choices(): { names: string[]; allowNew: boolean };

  /** A decision naming a row that does not exist: a problem, or (themes) a new row. */
  protected abstract unknownTarget(target: string): ListRef | NameProblem;

  protected abstract unknownReason(): string;

  resolve(
    raw: string,
    decisions: Map<string, string | null> | undefined,
    tracker: ValueTracker | undefined,
  ): ListResolution {
    if (decisions?.has(raw)) {
      const target = decisions.get(raw) ?? null;
      tracker?.add(raw, 'mapped', target);
      if (target === null) return null;
      return this.known.get(target.toLowerCase()) ?? this.unknownTarget(target);
    }
    const cached = this.cache.get(raw);
    if (cached) {
      tracker?.add(raw, cached.status, null);
      return cached.result;
    }
    const name = detach(raw);
    let fresh: Cached;
    const hit = this.known.get(name.toLowerCase());
    if (hit) {
      tracker?.add(name, 'known', hit.name);
      fresh = { result: hit, status: 'known' };
    } else {
      const near = nearMatches(name, this.candidates);
      if (near.length > 0) {
        tracker?.add(
          name,
          'near',
          null,
          near.map((n) => n.name),
          near[0]!.why,
        );
        fresh = { result: { reason: `needs your decision: looks like "${near[0]!.name}"` }, status: 'near' };
      } else {
        tracker?.add(name, 'unknown', null);
        fresh = { result: { reason: this.unknownReason() }, status: 'unknown' };
      }
    }
    this.cache.set(name, fresh);
    return fresh.result;
  }
}

/**
 * Reasons: current names (retired included), then the names of reasons merged into another (they
 * resolve to the reason they were merged into), then earlier names of renamed reasons.
 */
export class ReasonResolver extends ListResolver {
  private readonly active: string[] = [];

  constructor(sqlite: Database.Database) {
    super();
    const rows = sqlite
      .prepare(
        `SELECT r.id, r.name, r.merged_into_id AS mergedInto, (r.retired_at IS NULL AND c.retired_at IS NULL) AS active
           FROM reasons r JOIN reason_categories c ON c.id = r.category_id ORDER BY c.sort, c.id, r.sort, r.id`,
      )
      .all() as { id: number; name: string; mergedInto: number | null; active: number }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    /** Where a reason's codings live now: itself, or the survivor of its merges. */
    const survivor = (id: number) => {
      let r = byId.get(id);
      for (let hops = 0; r && r.mergedInto !== null && hops < 50; hops++) r = byId.get(r.mergedInto);
      return r;
    };
    for (const r of rows) {
      if (r.mergedInto !== null) continue;
      this.add(r.name, existing(r.id, r.name));
      if (r.active === 1) this.active.push(r.name);
    }
    for (const r of rows) {
      const target = r.mergedInto === null ? undefined : survivor(r.id);
      if (target) this.add(r.name, existing(target.id, target.name), false);
    }
    const renames = sqlite
      .prepare(
        "SELECT reason_id AS id, detail_json AS detail FROM reason_changes WHERE action = 'rename' AND reason_id IS NOT NULL ORDER BY id DESC",
      )
      .all() as { id: number; detail: string }[];
    for (const change of renames) {
      let from: unknown;
      try {
        from = (JSON.parse(change.detail) as { from?: unknown }).from;
      } catch {
        continue;
      }
      const target = survivor(change.id);
      if (typeof from === 'string' && target) this.add(from, existing(target.id, target.name), false);
    }
  }

  choices(): { names: string[]; allowNew: boolean } {
    return { names: this.active, allowNew: false };
  }

  protected unknownTarget(target: string): NameProblem {
    return { reason: `mapped to "${target}", which is not a reason of the taxonomy` };
  }

  protected unknownReason(): string {
    return 'not a reason of the taxonomy: map it to one (or add it under Reasons & themes first)';
  }
}

/** Quote themes (names unique whatever their case); a new one only when the user chose it. */
export class ThemeResolver extends ListResolver {
  private readonly insert: Database.Statement;
  private readonly changes: ChangeLog;
  readonly created = { count: 0, names: [] as string[] };

  constructor(sqlite: Database.Database, changes: ChangeLog) {
    super();
    this.changes = changes;
    for (const t of sqlite.prepare('SELECT id, name FROM themes ORDER BY name COLLATE NOCASE').all() as {
      id: number;
      name: string;
    }[]) {
      this.add(t.name, existing(t.id, t.name));
    }
    this.insert = sqlite.prepare('INSERT INTO themes (name) VALUES (?)');
  }

  choices(): { names: string[]; allowNew: boolean } {
    return { names: this.candidates.map((c) => c.name), allowNew: true };
  }

  protected unknownTarget(target: string): ListRef {
    const name = detach(target.trim());
    let id: number | null = null;
    const ref: ListRef = {
      name,
      get: () => {
        if (id === null) {
          id = Number(this.insert.run(name).lastInsertRowid);
          this.changes.inserted('themes', id);
          this.created.count++;
          if (this.created.names.length < 40) this.created.names.push(name);
        }
        return id;
      },
    };
    // Later rows naming it (in any case) get the same theme.
    this.add(name, ref, false);
    return ref;
  }

  protected unknownReason(): string {
    return 'not a known theme: map it to a theme, or add it as a new one';
  }
}

/** Interview guides, by name. */
export class GuideResolver extends ListResolver {
  constructor(sqlite: Database.Database) {
    super();
    for (const g of sqlite.prepare('SELECT id, name FROM interview_guides ORDER BY name').all() as {
      id: number;
      name: string;
    }[]) {
      this.add(g.name, existing(g.id, g.name));
    }
  }

  choices(): { names: string[]; allowNew: boolean } {
    return { names: this.candidates.map((c) => c.name), allowNew: false };
  }

  protected unknownTarget(target: string): NameProblem {
    return { reason: `mapped to "${target}", which is not an interview guide of this workspace` };
  }

  protected unknownReason(): string {
    return 'not an interview guide of this workspace: map it to one, or leave it blank';
  }
}
