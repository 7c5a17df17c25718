// Names in a file resolved to rows of the workspace: competitors (through their aliases),
// products, teams, lead sources, owners and accounts. A known name resolves silently; a name
// close to a known one (same letters apart from case, punctuation or Inc/Ltd/Corp, or a typo) is
// never merged silently: the row waits for the user's decision, which the mapping keeps. A name
// with no near match becomes a new row, created only when a row that uses it is written.
import type Database from 'better-sqlite3';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { SourcedBy } from '#shared/domain/enums.ts';
import type { ValueStatus } from '#shared/domain/imports.ts';
import type { NameCandidate } from '#shared/domain/name-matching.ts';
import { nearMatches } from '#shared/domain/name-matching.ts';
import type { ChangeLog } from './change-log.ts';
import { detach } from './detach.ts';
import type { NameProblem } from './name-problem.ts';
import { parseWinnowId } from '#shared/domain/winnow-ids.ts';
import { GuideResolver, ReasonResolver, ThemeResolver } from './taxonomy-resolvers.ts';
import type { ValueTracker } from './value-tracker.ts';

/** A resolved name: an existing id, or a row created the first time a written row needs it. */
export class NameRef {
  private id: number | null;
  private readonly make: (() => number) | null;
  readonly name: string;
  constructor(name: string, id: number | null, make: (() => number) | null) {
    this.name = name;
    this.id = id;
    this.make = make;
  }
  get(): number {
    if (this.id === null) this.id = this.make!();
    return this.id;
  }
  /** True when the row exists (it was in the workspace, or a written row has made it). */
  get known(): boolean {
    return this.id !== null;
  }
}

export type Resolution = NameRef | NameProblem | null;

export function isProblem(r: Resolution): r is NameProblem {
  return r !== null && !(r instanceof NameRef);
}

interface CreatedLog {
  count: number;
  names: string[];
}

const LISTED_CREATED = 40;

/**
 * Competitors and products: known names resolve, near matches wait for a decision, others are
 * created. Competitors also learn the spellings the user confirms (a new alias).
 */
export class MatchingResolver {
  readonly entity: 'competitor' | 'product';
  private readonly known = new Map<string, number>(); // exact name, lower case -> id
  private readonly byKey = new Map<string, number>(); // alias key -> id (competitors only)
  private readonly candidates: NameCandidate[] = [];
  private readonly planned = new Map<string, NameRef>(); // key of a new name -> its ref
  private readonly cache = new Map<string, { result: NameRef | NameProblem; status: ValueStatus }>();
  private readonly createRow: (name: string, extra: string | null) => number;
  private readonly addAlias: ((id: number, spelling: string, key: string) => void) | null;
  readonly created: CreatedLog = { count: 0, names: [] };

  constructor(sqlite: Database.Database, entity: 'competitor' | 'product', changes: ChangeLog) {
    this.entity = entity;
    // Both learn the spellings the user confirms in a check (competitor_aliases, product_aliases).
    const table = entity === 'competitor' ? 'competitors' : 'products';
    const aliasTable = `${entity}_aliases`;
    const idColumn = `${entity}_id`;
    for (const c of sqlite.prepare(`SELECT id, name FROM ${table}`).all() as { id: number; name: string }[]) {
      if (entity === 'competitor') {
        this.known.set(c.name.toLowerCase(), c.id);
        this.candidates.push({ name: c.name, key: aliasKey(c.name) });
      } else this.register(c.name, c.id);
    }
    const aliases = sqlite
      .prepare(
        `SELECT a.${idColumn} AS id, a.alias_key AS key, c.name FROM ${aliasTable} a JOIN ${table} c ON c.id = a.${idColumn}`,
      )
      .all() as { id: number; key: string; name: string }[];
    for (const a of aliases) {
      this.byKey.set(a.key, a.id);
      this.candidates.push({ name: a.name, key: a.key });
    }
    const alias = sqlite.prepare(
      `INSERT OR IGNORE INTO ${aliasTable} (${idColumn}, alias, alias_key) VALUES (?, ?, ?)`,
    );
    this.addAlias = (id, spelling, key) => {
      if (this.byKey.has(key)) return;
      const r = alias.run(id, spelling, key);
      if (r.changes > 0) changes.inserted(aliasTable, Number(r.lastInsertRowid));
      this.byKey.set(key, id);
    };
    if (entity === 'competitor') {
      const insert = sqlite.prepare('INSERT INTO competitors (name) VALUES (?)');
      this.createRow = (name) => {
        const id = Number(insert.run(name).lastInsertRowid);
        changes.inserted('competitors', id);
        this.addAlias!(id, name, aliasKey(name));
        return id;
      };
    } else {
      const insert = sqlite.prepare('INSERT INTO products (name, product_line) VALUES (?, ?)');
      this.createRow = (name, line) => {
        const id = Number(insert.run(name, line).lastInsertRowid);
        changes.inserted('products', id);
        return id;
      };
    }
  }

  /** A row the products file wrote: later names resolve to it. */
  register(rawName: string, id: number): void {
    const name = detach(rawName);
    this.known.set(name.toLowerCase(), id);
    this.candidates.push({ name, key: aliasKey(name) });
    this.cache.clear();
  }

  /** A competitor the competitors file wrote, with its spellings' keys: later names resolve to it. */
  registerSpellings(name: string, id: number, keys: readonly string[]): void {
    this.known.set(name.toLowerCase(), id);
    for (const key of keys) {
      this.byKey.set(key, id);
      this.candidates.push({ name, key });
    }
    this.cache.clear();
  }

  private newRef(rawName: string, rawExtra: string | null): NameRef {
    const name = detach(rawName);
    const extra = rawExtra === null ? null : detach(rawExtra);
    const key = aliasKey(name);
    let ref = this.planned.get(key);
    if (!ref) {
      ref = new NameRef(name, null, () => {
        const id = this.createRow(name, extra);
        this.known.set(name.toLowerCase(), id);
        this.created.count++;
        if (this.created.names.length < LISTED_CREATED) this.created.names.push(name);
        return id;
      });
      this.planned.set(key, ref);
      this.candidates.push({ name, key });
    }
    return ref;
  }

  private existing(name: string): number | undefined {
    return this.known.get(name.toLowerCase()) ?? (this.addAlias ? this.byKey.get(aliasKey(name)) : undefined);
  }

  /**
   * Resolve a name from the file. `decisions` are the user's (file value -> name, or null for
   * blank); `extra` is kept on a row created for it (a product's line).
   */
  resolve(
    raw: string,
    decisions: Map<string, string | null> | undefined,
    tracker: ValueTracker | undefined,
    extra: string | null = null,
  ): Resolution {
    if (decisions?.has(raw)) {
      const target = decisions.get(raw) ?? null;
      if (target === null) {
        tracker?.add(raw, 'mapped', null);
        return null;
      }
      const id = this.existing(target);
      tracker?.add(raw, 'mapped', target);
      if (id !== undefined) {
        // The confirmed spelling becomes an alias, so the next file resolves it silently.
        return new NameRef(target, null, () => {
          this.addAlias?.(id, raw, aliasKey(raw));
          return id;
        });
      }
      const planned = this.newRef(target, extra);
      return new NameRef(target, null, () => {
        const newId = planned.get();
        this.addAlias?.(newId, raw, aliasKey(raw));
        return newId;
      });
    }
    let cached = this.cache.get(raw);
    if (cached) {
      // Rows after the first only count.
      tracker?.add(raw, cached.status, null);
    } else {
      cached = this.resolveFresh(detach(raw), tracker, extra);
      this.cache.set(detach(raw), cached);
    }
    return cached.result;
  }

  private resolveFresh(
    raw: string,
    tracker: ValueTracker | undefined,
    extra: string | null,
  ): { result: NameRef | NameProblem; status: ValueStatus } {
    const key = aliasKey(raw);
    if (key === '') return { result: { reason: `not a ${this.entity} name` }, status: 'unknown' };
    const exact = this.known.get(raw.toLowerCase()) ?? (this.addAlias ? this.byKey.get(key) : undefined);
    if (exact !== undefined) {
      tracker?.add(raw, 'known', this.nameOf(exact, raw));
      return { result: new NameRef(raw, exact, null), status: 'known' };
    }
    const planned = this.planned.get(key);
    if (planned) {
      tracker?.add(raw, 'new', planned.name);
      return { result: planned, status: 'new' };
    }
    const near = nearMatches(raw, this.candidates);
    if (near.length > 0) {
      tracker?.add(
        raw,
        'near',
        null,
        near.map((n) => n.name),
        near[0]!.why,
      );
      return {
        result: { reason: `needs your decision: looks like "${near[0]!.name}"` },
        status: 'near',
      };
    }
    const ref = this.newRef(raw, extra);
    tracker?.add(raw, 'new', raw);
    return { result: ref, status: 'new' };
  }

  /** The canonical name of a known row, for the report ("acme corp" -> "Acme Analytics"). */
  private nameOf(id: number, fallback: string): string {
    for (const c of this.candidates) if (this.existing(c.name) === id) return c.name;
    return fallback;
  }
}

/** Teams, lead sources and owners by name: exact (ignoring case) or new. */
export class SimpleResolver {
  readonly entity: string;
  private readonly known = new Map<string, NameRef>();
  /** Names first seen in this import: created when a written row needs them. */
  private readonly planned = new Set<NameRef>();
  private readonly createRow: (name: string, extra: string | null) => number;
  readonly created: CreatedLog = { count: 0, names: [] };

  constructor(
    entity: string,
    rows: { id: number; name: string }[],
    createRow: (name: string, extra: string | null) => number,
  ) {
    this.entity = entity;
    this.createRow = createRow;
    for (const r of rows) this.known.set(r.name.toLowerCase(), new NameRef(r.name, r.id, null));
  }

  register(rawName: string, id: number): void {
    const name = detach(rawName);
    this.known.set(name.toLowerCase(), new NameRef(name, id, null));
  }

  resolve(
    raw: string,
    decisions: Map<string, string | null> | undefined,
    tracker: ValueTracker | undefined,
    extra: string | null = null,
  ): NameRef | null {
    let name = raw;
    if (decisions?.has(raw)) {
      const target = decisions.get(raw) ?? null;
      tracker?.add(raw, 'mapped', target);
      if (target === null) return null;
      name = target;
    }
    let ref = this.known.get(name.toLowerCase());
    if (ref) {
      if (name === raw) tracker?.add(raw, this.planned.has(ref) ? 'new' : 'known', ref.name);
      return ref;
    }
    name = detach(name);
    const lower = name.toLowerCase();
    const kept = extra === null ? null : detach(extra);
    ref = new NameRef(name, null, () => {
      const id = this.createRow(name, kept);
      this.created.count++;
      if (this.created.names.length < LISTED_CREATED) this.created.names.push(name);
      return id;
    });
    this.planned.add(ref);
    this.known.set(lower, ref);
    if (name === raw) tracker?.add(raw, 'new', name);
    return ref;
  }
}

/** Accounts by external id or exact name, looked up as needed (a workspace may hold many). */
export class AccountResolver {
  private readonly byExternal: Database.Statement;
  private readonly byName: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly attrs: Database.Statement;
  private readonly cache = new Map<string, NameRef>();
  private readonly attrCache = new Map<number, { segment: string | null; region: string | null }>();
  private readonly changes: ChangeLog;
  readonly created: CreatedLog = { count: 0, names: [] };

  constructor(sqlite: Database.Database, changes: ChangeLog) {
    this.changes = changes;
    this.byExternal = sqlite.prepare('SELECT id FROM accounts WHERE external_id = ?').pluck();
    this.byName = sqlite.prepare('SELECT id FROM accounts WHERE name = ? ORDER BY id LIMIT 1').pluck();
    this.insert = sqlite.prepare('INSERT INTO accounts (external_id, name) VALUES (?, ?)');
    this.attrs = sqlite.prepare('SELECT segment, region FROM accounts WHERE id = ?');
  }

  resolve(externalId: string | null, name: string | null): NameRef | null {
    if (externalId === null && name === null) return null;
    const hit = this.cache.get(externalId !== null ? `#${externalId}` : `=${name}`);
    if (hit) return hit;
    const id = (externalId !== null ? this.byExternal.get(externalId) : this.byName.get(name)) as number | undefined;
    const label = detach(name ?? externalId!);
    const cacheKey = detach(externalId !== null ? `#${externalId}` : `=${name}`);
    const ref =
      id !== undefined
        ? new NameRef(label, id, null)
        : new NameRef(label, null, () => {
            const newId = Number(this.insert.run(externalId, label).lastInsertRowid);
            this.changes.inserted('accounts', newId);
            this.created.count++;
            if (this.created.names.length < LISTED_CREATED) this.created.names.push(label);
            return newId;
          });
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(cacheKey, ref);
    return ref;
  }

  /** Segment and region of an account, copied onto its deals when the deals file has none. */
  attributes(id: number): { segment: string | null; region: string | null } {
    let a = this.attrCache.get(id);
    if (!a) {
      a = (this.attrs.get(id) as { segment: string | null; region: string | null } | undefined) ?? {
        segment: null,
        region: null,
      };
      if (this.attrCache.size > 200_000) this.attrCache.clear();
      this.attrCache.set(id, a);
    }
    return a;
  }

  /** The accounts file changed this account: forget what was cached about it. */
  forget(id: number): void {
    this.attrCache.delete(id);
  }
}

export interface Resolvers {
  competitor: MatchingResolver;
  product: MatchingResolver;
  team: SimpleResolver;
  leadSource: SimpleResolver;
  owner: SimpleResolver;
  account: AccountResolver;
  /** The workspace's own lists that interview and quote files name. */
  reason: ReasonResolver;
  theme: ThemeResolver;
  guide: GuideResolver;
  /** Owners by their CRM id (OwnerId, hubspot_owner_id ...). */
  ownerByExternalId(externalId: string, name: string | null): NameRef;
  /** An owner the owners file wrote: later deals resolve to it by id and by name. */
  registerOwner(externalId: string | null, name: string, id: number): void;
}

export function createResolvers(sqlite: Database.Database, changes: ChangeLog, defaultSourcedBy: SourcedBy): Resolvers {
  const team = new SimpleResolver(
    'team',
    sqlite.prepare('SELECT id, name FROM teams').all() as { id: number; name: string }[],
    (name) => {
      const id = Number(sqlite.prepare('INSERT INTO teams (name) VALUES (?)').run(name).lastInsertRowid);
      changes.inserted('teams', id);
      return id;
    },
  );
  const leadSource = new SimpleResolver(
    'lead source',
    sqlite.prepare('SELECT id, name FROM lead_sources').all() as { id: number; name: string }[],
    (name, sourcedBy) => {
      const id = Number(
        sqlite
          .prepare('INSERT INTO lead_sources (name, sourced_by) VALUES (?, ?)')
          .run(name, sourcedBy ?? defaultSourcedBy).lastInsertRowid,
      );
      changes.inserted('lead_sources', id);
      return id;
    },
  );
  const insertOwner = sqlite.prepare('INSERT INTO owners (external_id, name) VALUES (?, ?)');
  const owner = new SimpleResolver(
    'owner',
    sqlite.prepare('SELECT id, name FROM owners').all() as { id: number; name: string }[],
    (name) => {
      const id = Number(insertOwner.run(null, name).lastInsertRowid);
      changes.inserted('owners', id);
      return id;
    },
  );
  const ownerExternal = new Map<string, NameRef>();
  const ownerWithoutId = sqlite.prepare('SELECT name FROM owners WHERE id = ? AND external_id IS NULL').pluck();
  for (const o of sqlite
    .prepare('SELECT id, name, external_id AS ext FROM owners WHERE external_id IS NOT NULL')
    .all() as {
    id: number;
    name: string;
    ext: string;
  }[]) {
    ownerExternal.set(o.ext, new NameRef(o.name, o.id, null));
  }
  return {
    competitor: new MatchingResolver(sqlite, 'competitor', changes),
    product: new MatchingResolver(sqlite, 'product', changes),
    team,
    leadSource,
    owner,
    account: new AccountResolver(sqlite, changes),
    reason: new ReasonResolver(sqlite),
    theme: new ThemeResolver(sqlite, changes),
    guide: new GuideResolver(sqlite),
    ownerByExternalId(externalId, name) {
      let ref = ownerExternal.get(externalId);
      const own = ref ? null : parseWinnowId(externalId);
      if (own !== null) {
        // Winnow's export names an owner without a CRM id `winnow-<id>`: here, that owner.
        const ownName = ownerWithoutId.get(own) as string | undefined;
        if (ownName !== undefined) {
          ref = new NameRef(ownName, own, null);
          ownerExternal.set(externalId, ref);
        }
      }
      if (!ref) {
        externalId = detach(externalId);
        const label = detach(name ?? externalId);
        ref = new NameRef(label, null, () => {
          const id = Number(insertOwner.run(externalId, label).lastInsertRowid);
          changes.inserted('owners', id);
          owner.register(label, id);
          return id;
        });
        ownerExternal.set(externalId, ref);
      }
      return ref;
    },
    registerOwner(externalId, name, id) {
      owner.register(name, id);
      if (externalId !== null) ownerExternal.set(detach(externalId), new NameRef(detach(name), id, null));
    },
  };
}
