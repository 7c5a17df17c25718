// Creating, editing and deleting a deal by hand, each in one transaction and each undoable. Names
// typed in the form (account, product, owner, team, lead source) are matched to existing rows,
// ignoring case, or added. A changed stage is recorded in the stage history with today's date.
import type Database from 'better-sqlite3';
import type { DealInputParsed, UndoToken } from '#shared/domain/deals.ts';
import { AppError } from '../errors.ts';
import { restoreSnapshot, snapshotRow } from './row-snapshot.ts';
import { rememberUndo } from './undo-store.ts';
import { writeTransaction } from '../db/write-transaction.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Id of the row called `name` in `table` (ignoring case), added when missing. */
function nameId(
  sqlite: Database.Database,
  table: 'accounts' | 'products' | 'owners' | 'teams' | 'lead_sources',
  name: string | null,
  extra: Record<string, unknown> = {},
): number | null {
  if (name === null) return null;
  const found = sqlite
    .prepare(`SELECT id FROM ${table} WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1`)
    .pluck()
    .get(name) as number | undefined;
  if (found !== undefined) return found;
  const cols = ['name', ...Object.keys(extra)];
  return Number(
    sqlite
      .prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(name, ...Object.values(extra)).lastInsertRowid,
  );
}

function columnsFor(sqlite: Database.Database, d: DealInputParsed): Record<string, unknown> {
  const accountId = nameId(sqlite, 'accounts', d.accountName);
  let segment = d.segment;
  let region = d.region;
  if (accountId !== null && (segment === null || region === null)) {
    const a = sqlite.prepare('SELECT segment, region FROM accounts WHERE id = ?').get(accountId) as {
      segment: string | null;
      region: string | null;
    };
    segment ??= a.segment;
    region ??= a.region;
  }
  const reasonId =
    d.repReason === null
      ? null
      : ((sqlite
          .prepare('SELECT id FROM reasons WHERE name = ? COLLATE NOCASE AND merged_into_id IS NULL')
          .pluck()
          .get(d.repReason) as number | undefined) ?? null);
  return {
    external_id: d.externalId,
    name: d.name,
    account_id: accountId,
    amount: d.amount,
    currency: d.currency,
    product_id: nameId(sqlite, 'products', d.productName),
    owner_id: nameId(sqlite, 'owners', d.ownerName),
    team_id: nameId(sqlite, 'teams', d.teamName),
    deal_type: d.dealType,
    lead_source_id: nameId(sqlite, 'lead_sources', d.leadSourceName, { sourced_by: d.sourcedBy ?? 'marketing' }),
    sourced_by: d.sourcedBy,
    segment,
    region,
    created_date: d.createdDate,
    mql_date: d.mqlDate,
    sql_date: d.sqlDate,
    close_date: d.closeDate,
    stage: d.stage,
    outcome: d.outcome,
    lost_to_competitor_id: d.lostToCompetitorId,
    rep_reason_text: d.repReason,
    rep_reason_id: reasonId,
    contract_start: d.contractStart,
    contract_end: d.contractEnd,
  };
}

function check(sqlite: Database.Database, d: DealInputParsed, id: number | null): void {
  if (d.externalId !== null) {
    const other = sqlite.prepare('SELECT id, name FROM deals WHERE external_id = ?').get(d.externalId) as
      { id: number; name: string } | undefined;
    if (other && other.id !== id) {
      throw new AppError('conflict', `The deal “${other.name}” already has the CRM id ${d.externalId}.`, [
        { path: 'externalId', message: `Already used by “${other.name}”` },
      ]);
    }
  }
  const known = new Set(sqlite.prepare('SELECT id FROM competitors').pluck().all() as number[]);
  if (d.competitors.some((c) => !known.has(c.competitorId))) {
    throw new AppError('invalid_argument', 'A competitor on this deal no longer exists; reload and try again.', [
      { path: 'competitors', message: 'A competitor no longer exists' },
    ]);
  }
  if (d.lostToCompetitorId !== null && !known.has(d.lostToCompetitorId)) {
    throw new AppError('invalid_argument', 'The competitor this deal was lost to no longer exists.', [
      { path: 'lostToCompetitorId', message: 'No longer exists' },
    ]);
  }
}

function writeLinks(sqlite: Database.Database, dealId: number, d: DealInputParsed): void {
  sqlite.prepare('DELETE FROM deal_competitors WHERE deal_id = ?').run(dealId);
  const add = sqlite.prepare(
    'INSERT INTO deal_competitors (deal_id, competitor_id, is_primary, strengths, weaknesses) VALUES (?, ?, ?, ?, ?)',
  );
  for (const c of d.competitors) add.run(dealId, c.competitorId, c.isPrimary ? 1 : 0, c.strengths, c.weaknesses);
  // A deal lost to a competitor met that competitor.
  if (d.lostToCompetitorId !== null && !d.competitors.some((c) => c.competitorId === d.lostToCompetitorId)) {
    add.run(dealId, d.lostToCompetitorId, d.competitors.length === 0 ? 1 : 0, null, null);
  }
}

export function createDeal(
  sqlite: Database.Database,
  workspacePath: string,
  d: DealInputParsed,
): { id: number; undo: UndoToken } {
  const id = writeTransaction(sqlite, () => {
    check(sqlite, d, null);
    const cols = columnsFor(sqlite, d);
    const names = Object.keys(cols);
    const newId = Number(
      sqlite
        .prepare(`INSERT INTO deals (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
        .run(...Object.values(cols)).lastInsertRowid,
    );
    writeLinks(sqlite, newId, d);
    if (d.stage !== null) {
      sqlite
        .prepare('INSERT INTO stage_history (deal_id, stage, entered_at, amount) VALUES (?, ?, ?, ?)')
        .run(newId, d.stage, d.createdDate ?? today(), d.amount);
    }
    return newId;
  });
  const undo = rememberUndo(workspacePath, `Added “${d.name}”`, (s) => {
    s.prepare('DELETE FROM deals WHERE id = ?').run(id);
    return null;
  });
  return { id, undo };
}

export function updateDeal(
  sqlite: Database.Database,
  workspacePath: string,
  id: number,
  d: DealInputParsed,
): UndoToken {
  const before = writeTransaction(sqlite, () => {
    const row = sqlite.prepare('SELECT * FROM deals WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) throw new AppError('not_found', 'This deal no longer exists (it may have been deleted).');
    check(sqlite, d, id);
    const links = sqlite.prepare('SELECT * FROM deal_competitors WHERE deal_id = ?').all(id) as Record<
      string,
      unknown
    >[];
    const lastStage = (sqlite.prepare('SELECT max(id) FROM stage_history').pluck().get() as number | null) ?? 0;
    const cols = columnsFor(sqlite, d);
    sqlite
      .prepare(
        `UPDATE deals SET ${Object.keys(cols)
          .map((c) => `${c} = ?`)
          .join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
      )
      .run(...Object.values(cols), id);
    writeLinks(sqlite, id, d);
    if (d.stage !== null && d.stage !== row.stage) {
      sqlite
        .prepare('INSERT INTO stage_history (deal_id, stage, entered_at, amount) VALUES (?, ?, ?, ?)')
        .run(id, d.stage, today(), d.amount);
    }
    return { row, links, lastStage };
  });
  return rememberUndo(workspacePath, `Edited “${d.name}”`, (s) => {
    const exists = s.prepare('SELECT 1 FROM deals WHERE id = ?').get(id);
    if (!exists) throw new AppError('conflict', 'The deal was deleted since; undo that first.');
    const cols = { ...before.row };
    delete cols.id;
    s.prepare(
      `UPDATE deals SET ${Object.keys(cols)
        .map((c) => `${c} = ?`)
        .join(', ')} WHERE id = ?`,
    ).run(...(Object.values(cols) as (string | number | null)[]), id);
    s.prepare('DELETE FROM deal_competitors WHERE deal_id = ?').run(id);
    for (const l of before.links) {
      const keys = Object.keys(l);
      s.prepare(
        `INSERT OR IGNORE INTO deal_competitors (${keys.join(', ')}) SELECT ${keys.map(() => '?').join(', ')} WHERE EXISTS (SELECT 1 FROM competitors WHERE id = ?)`,
      ).run(...(Object.values(l) as (string | number | null)[]), l.competitor_id as number);
    }
    s.prepare('DELETE FROM stage_history WHERE deal_id = ? AND id > ?').run(id, before.lastStage);
    return id;
  });
}

export function deleteDeal(sqlite: Database.Database, workspacePath: string, id: number): UndoToken {
  const snapshot = writeTransaction(sqlite, () => {
    const name = sqlite.prepare('SELECT name FROM deals WHERE id = ?').pluck().get(id) as string | undefined;
    if (name === undefined) throw new AppError('not_found', 'This deal no longer exists (it may have been deleted).');
    const snap = snapshotRow(sqlite, 'deals', id);
    sqlite.prepare('DELETE FROM deals WHERE id = ?').run(id);
    return { name, snap };
  });
  return rememberUndo(workspacePath, `Deleted “${snapshot.name}”`, (s) => {
    restoreSnapshot(s, snapshot.snap);
    return id;
  });
}
