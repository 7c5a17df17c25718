// Merging one competitor into another: its deal links, "lost to" references, interview ratings,
// quotes and aliases move to the other, and it is removed. Where both were on a deal, the links
// combine (primary if either was, notes joined). Everything needed to undo it is kept in
// competitor_merges; undo puts the merged competitor back with its own links.
import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface MergeSnapshot {
  from: Record<string, unknown>;
  aliasIds: number[];
  dealIds: number[];
  /** Links of both competitors on the affected deals, as they were. */
  links: Record<string, unknown>[];
  lostToDealIds: number[];
  ratingsMoved: number[];
  ratingsDropped: Record<string, unknown>[];
  quotesMoved: number[];
}

const json = (ids: number[]) => JSON.stringify(ids);
const IN_JSON = '(SELECT value FROM json_each(?))';

function joinNotes(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b || a === b) return a;
  return `${a}; ${b}`;
}

export function mergeCompetitors(sqlite: Database.Database, fromId: number, intoId: number): number {
  if (fromId === intoId) throw new AppError('invalid_argument', 'Choose two different competitors to merge.');
  return writeTransaction(sqlite, () => {
    const from = sqlite.prepare('SELECT * FROM competitors WHERE id = ?').get(fromId) as
      Record<string, unknown> | undefined;
    const into = sqlite.prepare('SELECT id, name FROM competitors WHERE id = ?').get(intoId) as
      { id: number; name: string } | undefined;
    if (!from || !into) throw new AppError('not_found', 'One of the two competitors no longer exists.');
    const ids = (sql: string, ...params: unknown[]) =>
      sqlite
        .prepare(sql)
        .pluck()
        .all(...params) as number[];
    const dealIds = ids('SELECT deal_id FROM deal_competitors WHERE competitor_id = ? ORDER BY deal_id', fromId);
    const snapshot: MergeSnapshot = {
      from,
      aliasIds: ids('SELECT id FROM competitor_aliases WHERE competitor_id = ?', fromId),
      dealIds,
      links: sqlite
        .prepare(`SELECT * FROM deal_competitors WHERE competitor_id IN (?, ?) AND deal_id IN ${IN_JSON}`)
        .all(fromId, intoId, json(dealIds)) as Record<string, unknown>[],
      lostToDealIds: ids('SELECT id FROM deals WHERE lost_to_competitor_id = ?', fromId),
      ratingsDropped: sqlite
        .prepare(
          `SELECT f.* FROM interview_ratings f WHERE f.competitor_id = ? AND EXISTS (
             SELECT 1 FROM interview_ratings i WHERE i.competitor_id = ? AND i.interview_id = f.interview_id AND i.criterion_id = f.criterion_id)`,
        )
        .all(fromId, intoId) as Record<string, unknown>[],
      ratingsMoved: [],
      quotesMoved: ids('SELECT id FROM quotes WHERE competitor_id = ?', fromId),
    };

    // Deals that had both: one link, primary if either was, notes from both.
    const both = sqlite
      .prepare(
        `SELECT f.deal_id AS dealId, f.is_primary AS fp, f.strengths AS fs, f.weaknesses AS fw,
                i.is_primary AS ip, i.strengths AS ist, i.weaknesses AS iw
           FROM deal_competitors f JOIN deal_competitors i ON i.deal_id = f.deal_id AND i.competitor_id = ?
          WHERE f.competitor_id = ?`,
      )
      .all(intoId, fromId) as {
      dealId: number;
      fp: number;
      fs: string | null;
      fw: string | null;
      ip: number;
      ist: string | null;
      iw: string | null;
    }[];
    const combine = sqlite.prepare(
      'UPDATE deal_competitors SET is_primary = ?, strengths = ?, weaknesses = ? WHERE deal_id = ? AND competitor_id = ?',
    );
    const drop = sqlite.prepare('DELETE FROM deal_competitors WHERE deal_id = ? AND competitor_id = ?');
    for (const b of both) {
      combine.run(Math.max(b.fp, b.ip), joinNotes(b.ist, b.fs), joinNotes(b.iw, b.fw), b.dealId, intoId);
      drop.run(b.dealId, fromId);
    }
    sqlite.prepare('UPDATE deal_competitors SET competitor_id = ? WHERE competitor_id = ?').run(intoId, fromId);
    sqlite.prepare('UPDATE deals SET lost_to_competitor_id = ? WHERE lost_to_competitor_id = ?').run(intoId, fromId);
    for (const r of snapshot.ratingsDropped)
      sqlite.prepare('DELETE FROM interview_ratings WHERE id = ?').run(r.id as number);
    snapshot.ratingsMoved = ids('SELECT id FROM interview_ratings WHERE competitor_id = ?', fromId);
    sqlite.prepare('UPDATE interview_ratings SET competitor_id = ? WHERE competitor_id = ?').run(intoId, fromId);
    sqlite.prepare('UPDATE quotes SET competitor_id = ? WHERE competitor_id = ?').run(intoId, fromId);
    sqlite.prepare('UPDATE competitor_aliases SET competitor_id = ? WHERE competitor_id = ?').run(intoId, fromId);
    sqlite.prepare('DELETE FROM competitors WHERE id = ?').run(fromId);
    sqlite.prepare("UPDATE competitors SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(intoId);
    return Number(
      sqlite
        .prepare(
          'INSERT INTO competitor_merges (from_name, from_competitor_id, into_competitor_id, snapshot_json, merged_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(from.name, fromId, intoId, JSON.stringify(snapshot), new Date().toISOString()).lastInsertRowid,
    );
  });
}

/** Undo a merge; returns the restored competitor's id. */
export function undoMerge(sqlite: Database.Database, mergeId: number): number {
  return writeTransaction(sqlite, () => {
    const m = sqlite
      .prepare(
        'SELECT from_competitor_id AS fromId, into_competitor_id AS intoId, snapshot_json AS snapshot, undone_at AS undoneAt FROM competitor_merges WHERE id = ?',
      )
      .get(mergeId) as { fromId: number; intoId: number; snapshot: string; undoneAt: string | null } | undefined;
    if (!m) throw new AppError('not_found', 'That merge is no longer in the log.');
    if (m.undoneAt) throw new AppError('conflict', 'That merge was already undone.');
    const s = JSON.parse(m.snapshot) as MergeSnapshot;
    const taken = sqlite
      .prepare('SELECT name FROM competitors WHERE id = ? OR name = ? COLLATE NOCASE')
      .pluck()
      .get(m.fromId, s.from.name) as string | undefined;
    if (taken !== undefined) {
      throw new AppError(
        'conflict',
        `A competitor called “${taken}” exists again; rename or merge it before undoing this merge.`,
      );
    }
    const cols = Object.keys(s.from);
    sqlite
      .prepare(`INSERT INTO competitors (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...(Object.values(s.from) as (string | number | null)[]));
    sqlite
      .prepare(`UPDATE competitor_aliases SET competitor_id = ? WHERE competitor_id = ? AND id IN ${IN_JSON}`)
      .run(m.fromId, m.intoId, json(s.aliasIds));
    sqlite
      .prepare(`DELETE FROM deal_competitors WHERE competitor_id IN (?, ?) AND deal_id IN ${IN_JSON}`)
      .run(m.fromId, m.intoId, json(s.dealIds));
    const addLink = sqlite.prepare(
      `INSERT INTO deal_competitors (deal_id, competitor_id, is_primary, strengths, weaknesses)
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM deals WHERE id = ?)`,
    );
    for (const l of s.links) {
      addLink.run(
        l.deal_id as number,
        l.competitor_id as number,
        l.is_primary as number,
        l.strengths as string | null,
        l.weaknesses as string | null,
        l.deal_id as number,
      );
    }
    sqlite
      .prepare(`UPDATE deals SET lost_to_competitor_id = ? WHERE lost_to_competitor_id = ? AND id IN ${IN_JSON}`)
      .run(m.fromId, m.intoId, json(s.lostToDealIds));
    sqlite
      .prepare(`UPDATE interview_ratings SET competitor_id = ? WHERE competitor_id = ? AND id IN ${IN_JSON}`)
      .run(m.fromId, m.intoId, json(s.ratingsMoved));
    for (const r of s.ratingsDropped) {
      const keys = Object.keys(r);
      sqlite
        .prepare(
          `INSERT OR IGNORE INTO interview_ratings (${keys.join(', ')}) SELECT ${keys.map(() => '?').join(', ')} WHERE EXISTS (SELECT 1 FROM interviews WHERE id = ?)`,
        )
        .run(...(Object.values(r) as (string | number | null)[]), r.interview_id as number);
    }
    sqlite
      .prepare(`UPDATE quotes SET competitor_id = ? WHERE competitor_id = ? AND id IN ${IN_JSON}`)
      .run(m.fromId, m.intoId, json(s.quotesMoved));
    sqlite.prepare('UPDATE competitor_merges SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), mergeId);
    return m.fromId;
  });
}
