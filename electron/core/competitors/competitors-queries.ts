// Competitors with the deals they were met on and our win rate against them (every deal they were
// involved in, and head-to-head: only deals where they were the primary competitor).
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { CompetitorDetail, CompetitorMerge, CompetitorRow } from '#shared/domain/competitors.ts';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { closedPredicate } from '../dashboard/dashboard-queries.ts';
import { AppError } from '../errors.ts';

interface Counts {
  id: number;
  name: string;
  website: string | null;
  notes: string | null;
  encounters: number;
  closed: number;
  won: number;
  h2hClosed: number;
  h2hWon: number;
  aliases: number;
  lastMet: string | null;
}

function countsSql(settings: Settings, where: string): string {
  const closed = closedPredicate(settings.includeNoDecision, 'd.');
  return `SELECT c.id, c.name, c.website, c.notes,
                 count(d.id) AS encounters,
                 count(d.id) FILTER (WHERE ${closed}) AS closed,
                 count(d.id) FILTER (WHERE d.outcome = 'won') AS won,
                 count(d.id) FILTER (WHERE ${closed} AND dc.is_primary = 1) AS h2hClosed,
                 count(d.id) FILTER (WHERE d.outcome = 'won' AND dc.is_primary = 1) AS h2hWon,
                 (SELECT count(*) FROM competitor_aliases WHERE competitor_id = c.id) AS aliases,
                 max(d.close_date) AS lastMet
            FROM competitors c
            LEFT JOIN deal_competitors dc ON dc.competitor_id = c.id
            LEFT JOIN deals d ON d.id = dc.deal_id
           ${where}
           GROUP BY c.id`;
}

function toRow(r: Counts, settings: Settings): CompetitorRow {
  return {
    id: r.id,
    name: r.name,
    website: r.website,
    encounters: r.encounters,
    closed: r.closed,
    won: r.won,
    winRate: rateOf(r.won, r.closed, settings),
    headToHead: rateOf(r.h2hWon, r.h2hClosed, settings),
    aliases: r.aliases,
    lastMet: r.lastMet,
    hasNotes: r.notes !== null && r.notes.trim() !== '',
  };
}

export function listCompetitors(sqlite: Database.Database, settings: Settings): CompetitorRow[] {
  const rows = sqlite
    .prepare(`${countsSql(settings, '')} ORDER BY encounters DESC, c.name COLLATE NOCASE`)
    .all() as Counts[];
  return rows.map((r) => toRow(r, settings));
}

export function listMerges(sqlite: Database.Database, intoId?: number): CompetitorMerge[] {
  const rows = sqlite
    .prepare(
      `SELECT m.id, m.from_name AS fromName, m.from_competitor_id AS fromCompetitorId, m.into_competitor_id AS intoCompetitorId,
              c.name AS intoName, m.merged_at AS mergedAt, m.undone_at AS undoneAt, m.snapshot_json AS snapshot
         FROM competitor_merges m JOIN competitors c ON c.id = m.into_competitor_id
        ${intoId !== undefined ? 'WHERE m.into_competitor_id = ?' : ''} ORDER BY m.id DESC`,
    )
    .all(...(intoId !== undefined ? [intoId] : [])) as (Omit<CompetitorMerge, 'deals'> & { snapshot: string })[];
  return rows.map(({ snapshot, ...m }) => {
    let deals = 0;
    try {
      deals = (JSON.parse(snapshot) as { dealIds?: number[] }).dealIds?.length ?? 0;
    } catch {
      // an unreadable snapshot only loses the count
    }
    return { ...m, deals };
  });
}

export function getCompetitor(sqlite: Database.Database, id: number, settings: Settings): CompetitorDetail {
  const r = sqlite.prepare(countsSql(settings, 'WHERE c.id = ?')).get(id) as Counts | undefined;
  if (!r) throw new AppError('not_found', 'This competitor no longer exists (it may have been merged into another).');
  const meta = sqlite
    .prepare('SELECT created_at AS createdAt, updated_at AS updatedAt FROM competitors WHERE id = ?')
    .get(id) as {
    createdAt: string;
    updatedAt: string;
  };
  const nameKey = aliasKey(r.name);
  const aliasList = (
    sqlite
      .prepare(
        'SELECT id, alias, alias_key AS key FROM competitor_aliases WHERE competitor_id = ? ORDER BY alias COLLATE NOCASE',
      )
      .all(id) as { id: number; alias: string; key: string }[]
  ).map((a) => ({ ...a, isName: a.key === nameKey }));
  return { ...toRow(r, settings), notes: r.notes, aliasList, merges: listMerges(sqlite, id), ...meta };
}
