// The allowlist: every dimension a user may pick, mapped to SQL written here. User input only ever
// selects an entry of this map by its name and supplies values that are bound as parameters.
// Aliases: d = deals, a = accounts (joined when needed), dc = deal_competitors (copies path).
import { quarterOf } from '#shared/domain/dates.ts';
import { DEAL_TYPE_LABEL, DEAL_TYPES } from '#shared/domain/enums.ts';
import type { Dimension } from '#shared/domain/win-rates.ts';
import { SIZE_BANDS } from '#shared/domain/win-rates.ts';

export interface DimensionSql {
  /** Group key over deals (d) and accounts (a); for competitor dimensions, see `kind`. */
  deal: string;
  /** The same over deal_competitors' copies (dc), when they hold it; null otherwise. */
  copy: string | null;
  kind: 'deal' | 'competitor' | 'primary';
  account: boolean;
  /** Keys are integers (ids, bands) or text. */
  bind: 'int' | 'text';
  /** (key, label) for every value, when the key is an id; null when the key is its own label. */
  labels: string | null;
  order: 'label' | 'key' | 'enum';
  nullLabel: string;
  /** Close-period dimensions: the key of a close date, so SQL can group by the date itself. */
  fromDate?: (date: string) => string;
}

const bandCase = (col: string) =>
  `CASE WHEN ${col} IS NULL THEN NULL ${SIZE_BANDS.map((b) => (b.max === null ? `ELSE ${Number(b.key)}` : `WHEN ${col} < ${Number(b.max)} THEN ${Number(b.key)}`)).join(' ')} END`;

const quarter = (col: string) => `(substr(${col}, 1, 4) || '-Q' || ((CAST(substr(${col}, 6, 2) AS INTEGER) + 2) / 3))`;

const deal = (column: string, copy: string | null, extra: Partial<DimensionSql> = {}): DimensionSql => ({
  deal: column,
  copy,
  kind: 'deal',
  account: false,
  bind: 'text',
  labels: null,
  order: 'label',
  nullLabel: 'Not set',
  ...extra,
});

const account = (column: string): DimensionSql => deal(`a.${column}`, null, { account: true });

export const DIMENSION_SQL: Record<Dimension, DimensionSql> = {
  competitor: {
    deal: 'NULL',
    copy: 'dc.competitor_id',
    kind: 'competitor',
    account: false,
    bind: 'int',
    labels: 'SELECT id AS key, name AS label FROM competitors',
    order: 'label',
    nullLabel: 'No competitor recorded',
  },
  primaryCompetitor: {
    deal: 'NULL',
    copy: null,
    kind: 'primary',
    account: false,
    bind: 'int',
    labels: 'SELECT id AS key, name AS label FROM competitors',
    order: 'label',
    nullLabel: 'No primary competitor',
  },
  segment: deal('d.segment', 'dc.deal_segment'),
  region: deal('d.region', 'dc.deal_region'),
  product: deal('d.product_id', 'dc.deal_product_id', {
    bind: 'int',
    labels: 'SELECT id AS key, name AS label FROM products',
  }),
  sizeBand: deal(bandCase('d.amount'), bandCase('dc.deal_amount'), { bind: 'int', order: 'key' }),
  dealType: deal('d.deal_type', 'dc.deal_type', { order: 'enum' }),
  owner: deal('d.owner_id', null, { bind: 'int', labels: 'SELECT id AS key, name AS label FROM owners' }),
  team: deal('d.team_id', null, { bind: 'int', labels: 'SELECT id AS key, name AS label FROM teams' }),
  // The deal owner's office (owners.office, from an owners file): deals without an owner or office are "Not set".
  office: deal('(SELECT o.office FROM owners o WHERE o.id = d.owner_id)', null),
  leadSource: deal('d.lead_source_id', null, {
    bind: 'int',
    labels: 'SELECT id AS key, name AS label FROM lead_sources',
  }),
  closeMonth: deal('substr(d.close_date, 1, 7)', 'substr(dc.deal_close_date, 1, 7)', {
    order: 'key',
    fromDate: (d) => d.slice(0, 7),
  }),
  closeQuarter: deal(quarter('d.close_date'), quarter('dc.deal_close_date'), { order: 'key', fromDate: quarterOf }),
  closeYear: deal('substr(d.close_date, 1, 4)', 'substr(dc.deal_close_date, 1, 4)', {
    order: 'key',
    fromDate: (d) => d.slice(0, 4),
  }),
  sector: account('sector'),
  employeeBand: account('employee_band'),
  revenueBand: account('revenue_band'),
  country: account('country'),
};

/** Labels of keys that are not ids (bands, deal types); everything else is its own label. */
export function fixedLabel(dim: Dimension, key: string): string | undefined {
  if (dim === 'sizeBand') return SIZE_BANDS.find((b) => b.key === key)?.label;
  if (dim === 'dealType') return DEAL_TYPE_LABEL[key as keyof typeof DEAL_TYPE_LABEL];
  return undefined;
}

/** Position of an enum key (deal types in the domain's order). */
export function enumRank(dim: Dimension, key: string): number {
  if (dim === 'dealType') return (DEAL_TYPES as readonly string[]).indexOf(key);
  return 0;
}
