// The deals table and deal detail as plain data: filters, sorts, columns, pages, totals, the deal
// form's schema (shared by the form's own checks and the core's), and saved views.
import { z } from 'zod';
import type { Rate } from '../analytics/rate.ts';
import { DEAL_TYPES, OUTCOMES, SOURCED_BY } from './enums.ts';
import type { DealType, Outcome, SourcedBy } from './enums.ts';

/** The table's columns, in their default order; `sortable` ones sort in SQL. */
export const DEAL_COLUMNS = [
  { id: 'externalId', label: 'CRM id', sortable: true },
  { id: 'name', label: 'Deal', sortable: true },
  { id: 'account', label: 'Account', sortable: true },
  { id: 'amount', label: 'Amount', sortable: true },
  { id: 'outcome', label: 'Outcome', sortable: true },
  { id: 'stage', label: 'Stage', sortable: true },
  { id: 'closeDate', label: 'Close date', sortable: true },
  { id: 'createdDate', label: 'Created', sortable: true },
  { id: 'competitors', label: 'Competitors', sortable: false },
  { id: 'owner', label: 'Owner', sortable: true },
  { id: 'team', label: 'Team', sortable: true },
  { id: 'product', label: 'Product', sortable: true },
  { id: 'segment', label: 'Segment', sortable: true },
  { id: 'region', label: 'Region', sortable: true },
  { id: 'dealType', label: 'Deal type', sortable: true },
  { id: 'leadSource', label: 'Lead source', sortable: true },
] as const;

export type DealColumnId = (typeof DEAL_COLUMNS)[number]['id'];
export const DEAL_COLUMN_IDS = DEAL_COLUMNS.map((c) => c.id) as [DealColumnId, ...DealColumnId[]];
export const SORTABLE_DEAL_COLUMNS = DEAL_COLUMNS.filter((c) => c.sortable).map((c) => c.id) as [
  DealColumnId,
  ...DealColumnId[],
];
/** Shown unless a view says otherwise. */
export const DEFAULT_DEAL_COLUMNS: DealColumnId[] = [
  'name',
  'account',
  'amount',
  'outcome',
  'stage',
  'closeDate',
  'competitors',
  'owner',
  'segment',
  'region',
];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2024-03-31');
const ids = z.array(z.number().int().min(1)).max(500);
const texts = z.array(z.string().max(200)).max(500);

export const dealFilterSchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    outcomes: z.array(z.enum(OUTCOMES)).max(4).optional(),
    closeFrom: isoDate.optional(),
    closeTo: isoDate.optional(),
    competitorId: z.number().int().min(1).optional(),
    segments: texts.optional(),
    regions: texts.optional(),
    productIds: ids.optional(),
    ownerIds: ids.optional(),
    teamIds: ids.optional(),
    leadSourceIds: ids.optional(),
    dealTypes: z.array(z.enum(DEAL_TYPES)).max(4).optional(),
    amountMin: z.number().min(0).max(1e15).optional(),
    amountMax: z.number().min(0).max(1e15).optional(),
    /** Only deals with no amount (0 or blank): the data-quality note's link. */
    noAmount: z.literal(true).optional(),
    /** Only deals imported without a deal type (new business assumed). */
    dealTypeAssumed: z.literal(true).optional(),
  })
  .strict();
export type DealFilter = z.infer<typeof dealFilterSchema>;

export const dealSortSchema = z
  .object({ column: z.enum(SORTABLE_DEAL_COLUMNS), direction: z.enum(['asc', 'desc']) })
  .strict();
export type DealSort = z.infer<typeof dealSortSchema>;

export const DEFAULT_DEAL_SORT: DealSort = { column: 'closeDate', direction: 'desc' };

export interface DealListRow {
  id: number;
  externalId: string | null;
  name: string;
  account: string | null;
  amount: number | null;
  currency: string;
  outcome: Outcome;
  stage: string | null;
  closeDate: string | null;
  createdDate: string | null;
  /** Names, the primary first. */
  competitors: string[];
  primaryCompetitor: string | null;
  owner: string | null;
  team: string | null;
  product: string | null;
  segment: string | null;
  region: string | null;
  dealType: DealType;
  leadSource: string | null;
}

export interface DealsPage {
  offset: number;
  rows: DealListRow[];
}

export interface DealsSummary {
  deals: number;
  amount: number;
  won: number;
  closed: number;
  wonAmount: number;
  closedAmount: number;
  winRate: Rate;
  includeNoDecision: boolean;
  currency: string;
}

export interface NamedOption {
  id: number;
  name: string;
}

export interface DealOptions {
  competitors: NamedOption[];
  products: NamedOption[];
  owners: NamedOption[];
  teams: NamedOption[];
  leadSources: NamedOption[];
  segments: string[];
  regions: string[];
  stages: string[];
  firstCloseDate: string | null;
  lastCloseDate: string | null;
}

/** A table view as saved: filters, sort and visible columns. */
export const dealViewStateSchema = z
  .object({
    filter: dealFilterSchema,
    sort: dealSortSchema,
    columns: z.array(z.enum(DEAL_COLUMN_IDS)).min(1).max(DEAL_COLUMNS.length),
  })
  .strict();
export type DealViewState = z.infer<typeof dealViewStateSchema>;

export interface SavedView {
  id: number;
  name: string;
  state: DealViewState;
  createdAt: string;
}

export interface DealCompetitorLink {
  competitorId: number;
  name: string;
  isPrimary: boolean;
  strengths: string | null;
  weaknesses: string | null;
}

export interface DealDetail {
  id: number;
  externalId: string | null;
  name: string;
  account: {
    id: number;
    name: string;
    sector: string | null;
    segment: string | null;
    region: string | null;
    country: string | null;
  } | null;
  amount: number | null;
  currency: string;
  product: string | null;
  owner: string | null;
  team: string | null;
  dealType: DealType;
  leadSource: string | null;
  sourcedBy: SourcedBy | null;
  segment: string | null;
  region: string | null;
  createdDate: string | null;
  mqlDate: string | null;
  sqlDate: string | null;
  closeDate: string | null;
  stage: string | null;
  outcome: Outcome;
  lostTo: NamedOption | null;
  repReason: string | null;
  repReasonCode: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  competitors: DealCompetitorLink[];
  stageHistory: { id: number; stage: string; enteredAt: string; amount: number | null }[];
  interviews: {
    id: number;
    date: string | null;
    status: string;
    interviewee: string | null;
    role: string | null;
    channel: string | null;
  }[];
  importBatch: { id: number; sourceName: string } | null;
  createdAt: string;
  updatedAt: string;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullable();
const optionalDate = z
  .union([isoDate, z.literal('')])
  .transform((s) => (s === '' ? null : s))
  .nullable();

/** What the deal form sends; names of accounts, products, owners, teams and sources are looked up or added. */
export const dealInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the deal a name').max(300, 'Keep the name under 300 characters'),
    externalId: optionalText(100),
    accountName: optionalText(300),
    amount: z.number().min(0, 'An amount cannot be negative').max(1e15, 'That amount is too large').nullable(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter code such as USD'),
    productName: optionalText(200),
    ownerName: optionalText(200),
    teamName: optionalText(200),
    leadSourceName: optionalText(200),
    dealType: z.enum(DEAL_TYPES),
    sourcedBy: z.enum(SOURCED_BY).nullable(),
    segment: optionalText(100),
    region: optionalText(100),
    createdDate: optionalDate,
    mqlDate: optionalDate,
    sqlDate: optionalDate,
    closeDate: optionalDate,
    stage: optionalText(200),
    outcome: z.enum(OUTCOMES),
    lostToCompetitorId: z.number().int().min(1).nullable(),
    repReason: optionalText(1000),
    contractStart: optionalDate,
    contractEnd: optionalDate,
    competitors: z
      .array(
        z
          .object({
            competitorId: z.number().int().min(1),
            isPrimary: z.boolean(),
            strengths: optionalText(2000),
            weaknesses: optionalText(2000),
          })
          .strict(),
      )
      .max(50),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.outcome !== 'open' && !d.closeDate) {
      ctx.addIssue({ code: 'custom', path: ['closeDate'], message: 'A closed deal needs a close date' });
    }
    if (d.contractStart && d.contractEnd && d.contractEnd < d.contractStart) {
      ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: 'The contract cannot end before it starts' });
    }
    if (d.createdDate && d.closeDate && d.closeDate < d.createdDate) {
      ctx.addIssue({ code: 'custom', path: ['closeDate'], message: 'The close date is before the created date' });
    }
    if (d.competitors.filter((c) => c.isPrimary).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['competitors'], message: 'Only one competitor can be primary' });
    }
    if (new Set(d.competitors.map((c) => c.competitorId)).size !== d.competitors.length) {
      ctx.addIssue({ code: 'custom', path: ['competitors'], message: 'A competitor is listed twice' });
    }
    if (d.lostToCompetitorId !== null && d.outcome !== 'lost') {
      ctx.addIssue({
        code: 'custom',
        path: ['lostToCompetitorId'],
        message: 'Only a lost deal is lost to a competitor',
      });
    }
  });
export type DealInput = z.input<typeof dealInputSchema>;
export type DealInputParsed = z.output<typeof dealInputSchema>;

export interface UndoToken {
  token: string;
  /** "Deleted “Globex upgrade”", for the undo bar. */
  label: string;
}
