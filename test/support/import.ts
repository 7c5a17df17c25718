// Importing the fixtures of test/fixtures/import/ in tests: the header's suggested mapping unless
// a test gives its own, run straight on the workspace connection (the worker runs the same code).
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { ImportRunResult } from '#shared/domain/imports.ts';
import type { ImportKindId, ImportMapping } from '#shared/domain/import-mapping.ts';
import { setupFile } from '#core/import/file-setup.ts';
import { KINDS } from '#core/import/kinds/index.ts';
import { suggestMapping } from '#core/import/mapping-rules.ts';
import { runImport } from '#core/import/run-import.ts';
import type { ImportParams } from '#core/import/run-import.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

export const fixture = (name: string) => `${FIXTURES}${name}`;

export function suggested(kind: ImportKindId, path: string): ImportMapping {
  return suggestMapping(KINDS[kind], setupFile(path).headers).mapping;
}

export interface FileSpec {
  kind?: ImportKindId;
  /** A fixture name, or an absolute path. */
  file: string;
  mapping?: ImportMapping;
  /** Changes to the suggested mapping. */
  adjust?: (m: ImportMapping) => void;
}

export function importFiles(
  sqlite: Database.Database,
  files: FileSpec[],
  options: Partial<Omit<ImportParams, 'files'>> = {},
): ImportRunResult {
  return runImport(sqlite, {
    files: files.map((f) => {
      const kind = f.kind ?? 'deals';
      const path = f.file.startsWith('/') ? f.file : fixture(f.file);
      const mapping = f.mapping ?? suggested(kind, path);
      f.adjust?.(mapping);
      return { kind, path, mapping };
    }),
    mode: options.mode ?? 'commit',
    onProblems: options.onProblems ?? 'all_or_nothing',
    sourceName: options.sourceName ?? 'test import',
    mappingName: options.mappingName ?? null,
    rejectedDir: options.rejectedDir ?? null,
  });
}

export interface DealView {
  externalId: string;
  name: string;
  account: string | null;
  amount: number | null;
  currency: string;
  closeDate: string | null;
  createdDate: string | null;
  stage: string | null;
  outcome: string;
  dealType: string;
  owner: string | null;
  team: string | null;
  product: string | null;
  leadSource: string | null;
  segment: string | null;
  region: string | null;
  repReason: string | null;
  competitors: string;
  lostTo: string | null;
}

/** Every deal with its names resolved, ordered by external id, for exact comparisons. */
export function dealsView(sqlite: Database.Database): DealView[] {
  return sqlite
    .prepare(
      `SELECT d.external_id AS externalId, d.name, a.name AS account, d.amount, d.currency, d.close_date AS closeDate,
              d.created_date AS createdDate, d.stage, d.outcome, d.deal_type AS dealType, o.name AS owner, t.name AS team,
              p.name AS product, ls.name AS leadSource, d.segment, d.region, d.rep_reason_text AS repReason,
              coalesce((SELECT group_concat(name, ';') FROM (SELECT c.name || CASE WHEN dc.is_primary THEN '*' ELSE '' END AS name
                 FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id WHERE dc.deal_id = d.id ORDER BY c.name)), '') AS competitors,
              lt.name AS lostTo
         FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN owners o ON o.id = d.owner_id
         LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN products p ON p.id = d.product_id
         LEFT JOIN lead_sources ls ON ls.id = d.lead_source_id LEFT JOIN competitors lt ON lt.id = d.lost_to_competitor_id
        ORDER BY d.external_id`,
    )
    .all() as DealView[];
}

/** A stable text dump of every table a deals import touches, to prove "nothing changed". */
export function workspaceDump(sqlite: Database.Database): string {
  const tables = [
    'deals',
    'accounts',
    'owners',
    'teams',
    'products',
    'lead_sources',
    'competitors',
    'competitor_aliases',
    'deal_competitors',
    'stage_history',
    'import_batches',
    'import_changes',
    'import_mappings',
  ];
  return tables
    .map((t) => `${t}:${JSON.stringify(sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())}`)
    .join('\n');
}
