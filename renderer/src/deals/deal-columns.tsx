// The deals table's columns: what each cell shows and how wide it is. Defined once at module
// scope (TanStack Table needs stable column definitions).
import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { DealColumnId, DealListRow } from '#shared/domain/deals.ts';
import { DEAL_COLUMNS } from '#shared/domain/deals.ts';
import { DEAL_TYPE_LABEL, OUTCOME_LABEL } from '#shared/domain/enums.ts';
const moneyFormats = new Map<string, Intl.NumberFormat>();
/** Whole amounts with their currency ("$231,900"): a column of amounts reads best unabbreviated. */
function fullMoney(amount: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    moneyFormats.set(currency, f);
  }
  return f.format(amount);
}

export const dealTableFeatures = tableFeatures({ columnVisibilityFeature, rowSortingFeature });

const helper = createColumnHelper<typeof dealTableFeatures, DealListRow>();

export const COLUMN_WIDTH: Record<DealColumnId, number> = {
  externalId: 120,
  name: 240,
  account: 190,
  amount: 120,
  outcome: 110,
  stage: 140,
  closeDate: 110,
  createdDate: 110,
  competitors: 200,
  owner: 150,
  team: 150,
  product: 150,
  segment: 110,
  region: 120,
  dealType: 120,
  leadSource: 140,
};

export const NUMERIC_COLUMNS = new Set<DealColumnId>(['amount']);

const label = (id: DealColumnId) => DEAL_COLUMNS.find((c) => c.id === id)!.label;
const sortable = (id: DealColumnId) => DEAL_COLUMNS.find((c) => c.id === id)!.sortable;
const text = (id: Exclude<DealColumnId, 'amount' | 'outcome' | 'dealType' | 'competitors'>) =>
  helper.accessor(id, { id, header: label(id), enableSorting: sortable(id), cell: (info) => info.getValue() ?? '' });

export const DEAL_TABLE_COLUMNS = helper.columns([
  text('externalId'),
  text('name'),
  text('account'),
  helper.accessor('amount', {
    id: 'amount',
    header: label('amount'),
    cell: (info) => (info.getValue() === null ? '' : fullMoney(info.getValue()!, info.row.original.currency)),
  }),
  helper.accessor('outcome', {
    id: 'outcome',
    header: label('outcome'),
    cell: (info) => <span className={`pill pill-${info.getValue()}`}>{OUTCOME_LABEL[info.getValue()]}</span>,
  }),
  text('stage'),
  text('closeDate'),
  text('createdDate'),
  helper.accessor('competitors', {
    id: 'competitors',
    header: label('competitors'),
    enableSorting: false,
    cell: (info) =>
      info.getValue().map((c, i) => (
        <span key={c} className={c === info.row.original.primaryCompetitor ? 'primary-competitor' : undefined}>
          {i > 0 ? ', ' : ''}
          {c}
        </span>
      )),
  }),
  text('owner'),
  text('team'),
  text('product'),
  text('segment'),
  text('region'),
  helper.accessor('dealType', {
    id: 'dealType',
    header: label('dealType'),
    cell: (info) => DEAL_TYPE_LABEL[info.getValue()],
  }),
  text('leadSource'),
]);
