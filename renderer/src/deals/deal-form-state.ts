// The deal form as text fields, and the step from them to what the core accepts: the same schema
// checks the form before sending (messages next to each field) and the core on arrival.
import type { DealDetail, DealInput } from '#shared/domain/deals.ts';
import { dealInputSchema } from '#shared/domain/deals.ts';
import type { DealType, Outcome, SourcedBy } from '#shared/domain/enums.ts';

export interface CompetitorDraft {
  competitorId: number;
  isPrimary: boolean;
  strengths: string;
  weaknesses: string;
}

export interface DealDraft {
  name: string;
  externalId: string;
  accountName: string;
  amount: string;
  currency: string;
  productName: string;
  ownerName: string;
  teamName: string;
  leadSourceName: string;
  dealType: DealType;
  sourcedBy: SourcedBy | '';
  segment: string;
  region: string;
  createdDate: string;
  mqlDate: string;
  sqlDate: string;
  closeDate: string;
  stage: string;
  outcome: Outcome;
  lostToCompetitorId: string;
  repReason: string;
  contractStart: string;
  contractEnd: string;
  competitors: CompetitorDraft[];
}

export function emptyDraft(currency: string): DealDraft {
  return {
    name: '',
    externalId: '',
    accountName: '',
    amount: '',
    currency,
    productName: '',
    ownerName: '',
    teamName: '',
    leadSourceName: '',
    dealType: 'new_business',
    sourcedBy: '',
    segment: '',
    region: '',
    createdDate: new Date().toISOString().slice(0, 10),
    mqlDate: '',
    sqlDate: '',
    closeDate: '',
    stage: '',
    outcome: 'open',
    lostToCompetitorId: '',
    repReason: '',
    contractStart: '',
    contractEnd: '',
    competitors: [],
  };
}

export function draftOf(d: DealDetail): DealDraft {
  return {
    name: d.name,
    externalId: d.externalId ?? '',
    accountName: d.account?.name ?? '',
    amount: d.amount === null ? '' : String(d.amount),
    currency: d.currency,
    productName: d.product ?? '',
    ownerName: d.owner ?? '',
    teamName: d.team ?? '',
    leadSourceName: d.leadSource ?? '',
    dealType: d.dealType,
    sourcedBy: d.sourcedBy ?? '',
    segment: d.segment ?? '',
    region: d.region ?? '',
    createdDate: d.createdDate ?? '',
    mqlDate: d.mqlDate ?? '',
    sqlDate: d.sqlDate ?? '',
    closeDate: d.closeDate ?? '',
    stage: d.stage ?? '',
    outcome: d.outcome,
    lostToCompetitorId: d.lostTo ? String(d.lostTo.id) : '',
    repReason: d.repReason ?? '',
    contractStart: d.contractStart ?? '',
    contractEnd: d.contractEnd ?? '',
    competitors: d.competitors.map((c) => ({
      competitorId: c.competitorId,
      isPrimary: c.isPrimary,
      strengths: c.strengths ?? '',
      weaknesses: c.weaknesses ?? '',
    })),
  };
}

/** What the core receives; the amount is a number (or null), ids are numbers. */
export function inputOf(d: DealDraft): DealInput {
  const amount = d.amount.trim().replace(/[\s,]/g, '');
  return {
    ...d,
    amount: amount === '' ? null : Number(amount),
    sourcedBy: d.sourcedBy === '' ? null : d.sourcedBy,
    lostToCompetitorId: d.lostToCompetitorId === '' ? null : Number(d.lostToCompetitorId),
    competitors: d.competitors.map((c) => ({ ...c })),
  };
}

/** Field -> message, from the shared schema (empty when the form can be sent). */
export function checkDraft(d: DealDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.amount.trim() !== '' && !Number.isFinite(Number(d.amount.trim().replace(/[\s,]/g, '')))) {
    errors.amount = 'Type a number, such as 12500 or 12500.50';
  }
  // A typing mistake in the amount must not hide the other fields' messages (the schema stops
  // before its cross-field checks when a value has the wrong type).
  const input = inputOf(d);
  if (errors.amount) input.amount = null;
  const r = dealInputSchema.safeParse(input);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? '');
      errors[key] ??= issue.message;
    }
  }
  return errors;
}

/** Issues from the core to field messages ("deal.closeDate" -> closeDate). */
export function fieldErrors(issues: { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues ?? []) {
    const key = i.path.replace(/^deal\./, '').split('.')[0] ?? '';
    out[key] ??= i.message;
  }
  return out;
}
