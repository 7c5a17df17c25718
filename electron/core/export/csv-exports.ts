// CSV exports: the deals table as the user sees it (filters, sort, columns), and the whole
// workspace's deals, competitors and accounts. Streamed row by row through CsvFileWriter.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { DealColumnId, DealFilter, DealListRow, DealSort } from '#shared/domain/deals.ts';
import { DEAL_COLUMNS } from '#shared/domain/deals.ts';
import { DEAL_TYPE_LABEL, OUTCOME_LABEL } from '#shared/domain/enums.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { forEachDeal } from '../deals/deals-queries.ts';
import type { CsvValue } from '#shared/export/csv.ts';
import { listCell, PRIMARY_MARK } from '#shared/export/list-cell.ts';
import { exportedId } from '#shared/domain/winnow-ids.ts';
import { CsvFileWriter } from './csv-writer.ts';
import { closedSql } from '../rules/deal-rules.ts';

/** Competitors in one cell, the primary marked: "Acme (primary); Brightline" (the importer reads it back). */
export function competitorsCell(row: Pick<DealListRow, 'competitors' | 'primaryCompetitor'>): string {
  return listCell(row.competitors.map((c) => (c === row.primaryCompetitor ? `${c}${PRIMARY_MARK}` : c)));
}

function cell(row: DealListRow, column: DealColumnId): CsvValue {
  switch (column) {
    case 'competitors':
      return competitorsCell(row);
    case 'outcome':
      return OUTCOME_LABEL[row.outcome];
    case 'dealType':
      return DEAL_TYPE_LABEL[row.dealType];
    case 'amount':
      return row.amount;
    default:
      return row[column];
  }
}

/** Called after each row written (progress and cancel: throwing stops the export, no file is left). */
export type RowTick = () => void;
const noTick: RowTick = () => {};

function write(path: string, header: string[], fill: (w: CsvFileWriter) => void): number {
  const w = new CsvFileWriter(path, header);
  try {
    fill(w);
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
  return w.rows;
}

/** The current view: its columns in its order (amount with its currency), every matching deal. */
export function exportDealsView(
  sqlite: Database.Database,
  path: string,
  filter: DealFilter,
  sort: DealSort,
  columns: DealColumnId[],
  tick: RowTick = noTick,
): number {
  const labels = columns.map((c) => DEAL_COLUMNS.find((d) => d.id === c)!.label);
  const withCurrency = columns.includes('amount');
  const header = withCurrency ? [...labels, 'Currency'] : labels;
  return write(path, header, (w) =>
    forEachDeal(sqlite, filter, sort, (row) => {
      const cells = columns.map((c) => cell(row, c));
      w.row(withCurrency ? [...cells, row.currency] : cells);
      tick();
    }),
  );
}

export function exportAllDeals(sqlite: Database.Database, path: string, tick: RowTick = noTick): number {
  const header = [
    'CRM id',
    'Deal',
    'Account',
    'Account CRM id',
    'Amount',
    'Currency',
    'Outcome',
    'Stage',
    'Created date',
    'MQL date',
    'SQL date',
    'Close date',
    'Deal type',
    'Product',
    'Owner',
    'Owner CRM id',
    'Team',
    'Lead source',
    'Sourced by',
    'Segment',
    'Region',
    'Competitors',
    'Lost to',
    'Rep reason',
    'Contract start',
    'Contract end',
  ];
  const st = sqlite.prepare(
    `SELECT d.id, d.external_id, d.name, a.name AS account, a.external_id AS account_ext, d.amount, d.currency, d.outcome, d.stage,
            d.created_date, d.mql_date, d.sql_date, d.close_date, d.deal_type, p.name AS product, o.name AS owner, o.id AS owner_id, o.external_id AS owner_ext, t.name AS team,
            ls.name AS lead_source, d.sourced_by, d.segment, d.region,
            (SELECT json_group_array(json_array(name, is_primary)) FROM (SELECT c.name, dc.is_primary
               FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id WHERE dc.deal_id = d.id
               ORDER BY dc.is_primary DESC, c.name)) AS competitors,
            lc.name AS lost_to, d.rep_reason_text, d.contract_start, d.contract_end
       FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN products p ON p.id = d.product_id
       LEFT JOIN owners o ON o.id = d.owner_id LEFT JOIN teams t ON t.id = d.team_id
       LEFT JOIN lead_sources ls ON ls.id = d.lead_source_id LEFT JOIN competitors lc ON lc.id = d.lost_to_competitor_id
      ORDER BY d.id`,
  );
  return write(path, header, (w) => {
    for (const r of st.iterate() as IterableIterator<Record<string, CsvValue>>) {
      const links = JSON.parse(r.competitors as string) as [string, number][];
      w.row([
        exportedId(r.external_id as string | null, r.id as number),
        r.name,
        r.account,
        r.account_ext,
        r.amount,
        r.currency,
        OUTCOME_LABEL[r.outcome as keyof typeof OUTCOME_LABEL],
        r.stage,
        r.created_date,
        r.mql_date,
        r.sql_date,
        r.close_date,
        DEAL_TYPE_LABEL[r.deal_type as keyof typeof DEAL_TYPE_LABEL],
        r.product,
        r.owner,
        // Reps may share a name (two Ava Adams): the id tells them apart on the way back.
        r.owner_id === null ? null : exportedId(r.owner_ext as string | null, r.owner_id as number),
        r.team,
        r.lead_source,
        r.sourced_by,
        r.segment,
        r.region,
        listCell(links.map(([name, primary]) => (primary === 1 ? `${name}${PRIMARY_MARK}` : name))),
        r.lost_to,
        r.rep_reason_text,
        r.contract_start,
        r.contract_end,
      ]);
      tick();
    }
  });
}

/** Rates to four decimals (0.1 percentage point is as precise as a win rate is read). */
const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** Every competitor: what the competitors import reads back (name, website, aliases, notes) and its record. */
export function exportCompetitors(
  sqlite: Database.Database,
  path: string,
  settings: Settings,
  tick: RowTick = noTick,
): number {
  const closed = closedSql('d.outcome', settings);
  const rows = sqlite
    .prepare(
      `SELECT c.name, c.website, c.notes,
              (SELECT json_group_array(alias) FROM (SELECT alias FROM competitor_aliases WHERE competitor_id = c.id
                ORDER BY alias COLLATE NOCASE, alias)) AS aliases,
              count(d.id) AS encounters, count(d.id) FILTER (WHERE ${closed}) AS closed,
              count(d.id) FILTER (WHERE d.outcome = 'won') AS won
         FROM competitors c LEFT JOIN deal_competitors dc ON dc.competitor_id = c.id LEFT JOIN deals d ON d.id = dc.deal_id
        GROUP BY c.id ORDER BY encounters DESC, c.name`,
    )
    .all() as {
    name: string;
    website: string | null;
    notes: string | null;
    aliases: string | null;
    encounters: number;
    closed: number;
    won: number;
  }[];
  const header = [
    'Competitor',
    'Website',
    'Aliases',
    'Deals met',
    'Closed',
    'Won',
    'Win rate',
    '95% CI low',
    '95% CI high',
    'Notes',
  ];
  return write(path, header, (w) => {
    for (const r of rows) {
      const rate = rateOf(r.won, r.closed, settings);
      w.row([
        r.name,
        r.website,
        // A list cell as the competitors import reads it: a spelling holding ";" is quoted.
        r.aliases === null ? null : listCell(JSON.parse(r.aliases) as string[]),
        r.encounters,
        r.closed,
        r.won,
        round4(rate.rate),
        round4(rate.low),
        round4(rate.high),
        r.notes,
      ]);
      tick();
    }
  });
}

export function exportAccounts(sqlite: Database.Database, path: string, tick: RowTick = noTick): number {
  const st = sqlite.prepare(
    `SELECT a.external_id, a.name, a.sector, a.employee_band, a.revenue_band, a.segment, a.region, a.country,
            (SELECT count(*) FROM deals WHERE account_id = a.id) AS deals
       FROM accounts a ORDER BY a.name, a.id`,
  );
  const header = ['CRM id', 'Account', 'Sector', 'Employees', 'Revenue', 'Segment', 'Region', 'Country', 'Deals'];
  return write(path, header, (w) => {
    for (const r of st.iterate() as IterableIterator<Record<string, CsvValue>>) {
      w.row([
        r.external_id,
        r.name,
        r.sector,
        r.employee_band,
        r.revenue_band,
        r.segment,
        r.region,
        r.country,
        r.deals,
      ]);
      tick();
    }
  });
}
