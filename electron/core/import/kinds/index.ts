// Every import kind by id. Adding a kind: write kinds/<kind>-kind.ts and list it here (and its id
// in IMPORT_KINDS, shared/domain/import-mapping.ts).
import type { ImportKindSpec } from '#shared/domain/imports.ts';
import type { ImportKindId } from '#shared/domain/import-mapping.ts';
import type { ImportKind } from '../kind.ts';
import { accountsKind } from './accounts-kind.ts';
import { competitorsKind } from './competitors-kind.ts';
import { dealCompetitorsKind } from './deal-competitors-kind.ts';
import { dealsKind } from './deals-kind.ts';
import { interviewsKind } from './interviews-kind.ts';
import { leadsKind } from './leads-kind.ts';
import { ownersKind } from './owners-kind.ts';
import { productsKind } from './products-kind.ts';
import { quotesKind } from './quotes-kind.ts';
import { revenueKind } from './revenue-kind.ts';
import { stageHistoryKind } from './stage-history-kind.ts';
import { touchesKind } from './touches-kind.ts';

export const KINDS: Record<ImportKindId, ImportKind> = {
  deals: dealsKind,
  accounts: accountsKind,
  owners: ownersKind,
  products: productsKind,
  stage_history: stageHistoryKind,
  competitors: competitorsKind,
  deal_competitors: dealCompetitorsKind,
  interviews: interviewsKind,
  quotes: quotesKind,
  revenue: revenueKind,
  leads: leadsKind,
  touches: touchesKind,
};

export function kindSpec(kind: ImportKind): ImportKindSpec {
  return {
    id: kind.id,
    label: kind.label,
    description: kind.description,
    fields: kind.fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      help: f.help,
      listValues: f.listValues,
      ...(f.options ? { options: f.options } : {}),
    })),
    presets: kind.presets.map((p) => ({ id: p.id, label: p.label, description: p.description })),
    options: kind.options ?? [],
  };
}
