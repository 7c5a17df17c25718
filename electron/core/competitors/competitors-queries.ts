// The Competitors list and one competitor's detail: the one list of win rates (competitor-rates.ts)
// with each competitor's own fields, and its merges.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { CompetitorDetail, CompetitorMerge, CompetitorRow } from '#shared/domain/competitors.ts';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { AppError } from '../errors.ts';
import { competitorCounts } from './competitor-rates.ts';
import type { CompetitorCounts } from './competitor-rates.ts';

/** What the Competitors list shows beside the rates: the competitor's own fields. */
interface Own {
  id: number;
  website: string | null;
  notes: string | null;
  aliases: number;
}

function ownFields(sqlite: Database.Database, id?: number): Map<number, Own> {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.website, c.notes, (SELECT count(*) FROM competitor_aliases WHERE competitor_id = c.id) AS aliases
         FROM competitors c ${id === undefined ? '' : 'WHERE c.id = ?'}`,
    )
    .all(...(id === undefined ? [] : [id])) as Own[];
  return new Map(rows.map((r) => [r.id, r]));
}

function toRow(r: CompetitorCounts, own: Own, settings: Settings): CompetitorRow {
  return {
    id: r.id,
    name: r.name,
    website: own.website,
    encounters: r.encounters,
    closed: r.closed,
    won: r.won,
    winRate: rateOf(r.won, r.closed, settings),
    headToHead: rateOf(r.h2hWon, r.h2hClosed, settings),
    aliases: own.aliases,
    lastMet: r.lastCloseDate,
    hasNotes: own.notes !== null && own.notes.trim() !== '',
  };
}

/** Every competitor with encounters and win rates, most met first (competitor-rates.ts). */
export function listCompetitors(sqlite: Database.Database, settings: Settings): CompetitorRow[] {
  const own = ownFields(sqlite);
  return competitorCounts(sqlite, settings).map((r) => toRow(r, own.get(r.id)!, settings));
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
  const r = competitorCounts(sqlite, settings, { id })[0];
  const own = ownFields(sqlite, id).get(id);
  if (!r || !own)
    throw new AppError('not_found', 'This competitor no longer exists (it may have been merged into another).');
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
  return { ...toRow(r, own, settings), notes: own.notes, aliasList, merges: listMerges(sqlite, id), ...meta };
}
