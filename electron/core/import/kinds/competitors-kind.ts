// Competitors with their website, notes and spellings (aliases): Winnow's own competitors export,
// or any list of competitors. A row is matched on its name's key (competitor-names.ts: case,
// punctuation and legal forms do not count), exactly as deals' competitor names are, so "Acme,
// Inc." updates Acme. Spellings are only ever added: a file never removes one the workspace knows.
import type Database from 'better-sqlite3';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { ImportKind, KindWriter, WriteContext, WriteOutcome } from '../kind.ts';
import type { RowCells } from '../row-cells.ts';
import { field } from './field-helpers.ts';
import { Upserter } from './upsert.ts';

export interface CompetitorImportRow {
  name: string;
  website: string | null;
  notes: string | null;
  aliases: string[];
}

type Existing = Record<string, unknown> & { id: number; name: string };

const KEEP = new Set(['name']);
const NAME_MAX = 200;

class CompetitorsWriter implements KindWriter<CompetitorImportRow> {
  private readonly ctx: WriteContext;
  private readonly upsert: Upserter;
  private readonly byName: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly ownerOfKey: Database.Statement;
  private readonly insertAlias: Database.Statement;
  private readonly writesAliases: boolean;
  private readonly seen = new Map<number, number>();
  private aliasesAdded = 0;

  constructor(ctx: WriteContext) {
    this.ctx = ctx;
    const cols = ['name'];
    if (ctx.mapped('website')) cols.push('website');
    if (ctx.mapped('notes')) cols.push('notes');
    this.writesAliases = ctx.mapped('aliases');
    this.upsert = new Upserter(ctx, 'competitors', cols);
    const s = ctx.sqlite;
    this.byName = s.prepare('SELECT id, name, website, notes FROM competitors WHERE name = ? COLLATE NOCASE');
    this.byKey = s.prepare(
      `SELECT c.id, c.name, c.website, c.notes FROM competitor_aliases a JOIN competitors c ON c.id = a.competitor_id
        WHERE a.alias_key = ?`,
    );
    this.ownerOfKey = s.prepare(
      'SELECT c.id, c.name FROM competitor_aliases a JOIN competitors c ON c.id = a.competitor_id WHERE a.alias_key = ?',
    );
    this.insertAlias = s.prepare('INSERT INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (?, ?, ?)');
  }

  write(row: CompetitorImportRow, cells: RowCells): WriteOutcome | null {
    const key = aliasKey(row.name);
    const existing = (this.byName.get(row.name) ?? this.byKey.get(key)) as Existing | undefined;
    if (existing && this.seen.has(existing.id)) {
      cells.problem(
        'name',
        `this competitor appears more than once in the file (as ${existing.name})`,
        undefined,
        `first on line ${this.seen.get(existing.id)}`,
      );
      return null;
    }
    // Every spelling the row names (its own name first) that the workspace does not know yet; one
    // that already means another competitor rejects the row (merging is the user's call, in the app).
    const spellings = this.writesAliases ? [row.name, ...row.aliases] : [row.name];
    const added: { alias: string; key: string }[] = [];
    for (const alias of spellings) {
      const k = aliasKey(alias);
      if (added.some((a) => a.key === k)) continue;
      const owner = this.ownerOfKey.get(k) as { id: number; name: string } | undefined;
      if (owner && owner.id !== existing?.id) {
        cells.problem(
          alias === row.name ? 'name' : 'aliases',
          `already a spelling of ${owner.name}: merge the two competitors in the app, or remove it from this row`,
          alias,
        );
      } else if (!owner) added.push({ alias, key: k });
    }
    if (cells.problems.length > 0) return null;

    const values = { name: existing ? existing.name : row.name, website: row.website, notes: row.notes };
    const { id, outcome } = this.upsert.write(existing, values, KEEP);
    this.seen.set(id, cells.line);
    for (const a of added) {
      const aliasId = Number(this.insertAlias.run(id, a.alias, a.key).lastInsertRowid);
      this.ctx.changes.inserted('competitor_aliases', aliasId);
    }
    this.ctx.resolvers.competitor.registerSpellings(
      values.name,
      id,
      added.map((a) => a.key),
    );
    if (outcome === 'unchanged' && added.length > 0) {
      this.aliasesAdded++;
      return 'updated';
    }
    if (outcome === 'updated' && added.length > 0) this.aliasesAdded++;
    return outcome;
  }

  finish(): void {}

  changedFields(): Map<string, number> {
    const changed = new Map(this.upsert.changed);
    if (this.aliasesAdded > 0) changed.set('aliases', this.aliasesAdded);
    return changed;
  }
}

function build(c: RowCells): CompetitorImportRow | null {
  const name = c.text('name');
  if (name === null) c.problem('name', 'missing: every competitor needs a name', '');
  else if (aliasKey(name) === '') c.problem('name', 'not a competitor name: it needs letters or digits');
  const aliases: string[] = [];
  for (const alias of c.names('aliases')) {
    if (alias.length > NAME_MAX) c.problem('aliases', `a spelling longer than ${NAME_MAX} characters`, alias);
    else if (aliasKey(alias) === '') c.problem('aliases', 'a spelling needs letters or digits', alias);
    else aliases.push(alias);
  }
  const row = { name: name ?? '', website: c.text('website'), notes: c.text('notes'), aliases };
  return c.problems.length === 0 ? row : null;
}

export const competitorsKind: ImportKind<CompetitorImportRow> = {
  id: 'competitors',
  label: 'Competitors',
  unit: 'competitors',
  description:
    'Competitors with their website, notes and other spellings; matched on the name as deals match it (case, punctuation and Inc/Ltd do not count).',
  // Before deals, interviews and quotes, so the names they give resolve to these competitors.
  order: 25,
  fields: [
    field(
      'name',
      'Competitor',
      'text',
      'Required; "Acme, Inc." and "acme" are the same competitor (an existing one keeps its name).',
      ['competitor', 'competitorname', 'name', 'company', 'vendor'],
      { required: true, maxLength: NAME_MAX },
    ),
    field('website', 'Website', 'text', 'Optional.', ['website', 'url', 'homepage', 'web', 'domain'], {
      maxLength: 300,
    }),
    field(
      'aliases',
      'Aliases',
      'list',
      'Other spellings, separated by ";" (a spelling holding ";" in double quotes). Added to the competitor; none is removed.',
      ['aliases', 'alias', 'spellings', 'othernames', 'aka'],
      { maxLength: 20_000 },
    ),
    field('notes', 'Notes', 'text', 'Optional.', ['notes', 'note', 'description', 'comments'], { maxLength: 20_000 }),
  ],
  presets: [
    {
      // Winnow's own competitors export (electron/core/export/csv-exports.ts, exportCompetitors):
      // its counts and win rates are computed from deals, so they are not read back.
      id: 'winnow',
      label: 'Winnow competitors export',
      description: 'A competitors file exported by Winnow (Competitor, Website, Aliases, Notes; the counts are left).',
      signature: ['Deals met', '95% CI low'],
      columns: { name: ['Competitor'], website: ['Website'], aliases: ['Aliases'], notes: ['Notes'] },
    },
    {
      id: 'generic',
      label: 'Generic CSV',
      description: 'Any competitors file; columns suggested from headers.',
      columns: {},
    },
  ],
  build,
  open: (ctx) => new CompetitorsWriter(ctx),
};
