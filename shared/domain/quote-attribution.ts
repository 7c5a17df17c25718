// Who said it, as a quote may be credited outside the interview notes: "VP Finance, mid-market
// retailer". A name and company appear only when the interviewee consented to be quoted and is
// not anonymous; otherwise the credit is a role and a description of the company that does not
// identify it. A quote not cleared for sharing (not marked shareable, or no consent) is copied
// with a plain "internal only" line, so it cannot leave by accident.
import type { IntervieweeRole } from './enums.ts';
import { ROLE_LABEL } from './interviews.ts';

export interface AttributionInput {
  anonymous: boolean;
  consentToQuote: boolean;
  shareable: boolean;
  intervieweeName: string | null;
  intervieweeTitle: string | null;
  intervieweeRole: IntervieweeRole | null;
  accountName: string | null;
  sector: string | null;
  segment: string | null;
}

const SECTOR_NOUN: Record<string, string> = {
  retail: 'retailer',
  'financial services': 'financial-services firm',
  banking: 'bank',
  insurance: 'insurer',
  healthcare: 'healthcare provider',
  manufacturing: 'manufacturer',
  software: 'software company',
  technology: 'technology company',
  education: 'education provider',
  'public sector': 'public-sector organisation',
  government: 'public-sector organisation',
  logistics: 'logistics company',
  media: 'media company',
  telecommunications: 'telecoms company',
};

const SEGMENT_ADJECTIVE: Record<string, string> = {
  smb: 'small-business',
  'small business': 'small-business',
  'mid-market': 'mid-market',
  midmarket: 'mid-market',
  enterprise: 'enterprise',
};

const norm = (s: string | null) => (s ?? '').trim().replace(/\s+/g, ' ');

/** "mid-market retailer", "enterprise company", "company". */
export function companyDescriptor(sector: string | null, segment: string | null): string {
  const sec = norm(sector);
  const seg = norm(segment);
  const noun = sec ? (SECTOR_NOUN[sec.toLowerCase()] ?? `${sec.toLowerCase()} company`) : 'company';
  const adjective = seg ? (SEGMENT_ADJECTIVE[seg.toLowerCase()] ?? seg.toLowerCase()) : '';
  return adjective ? `${adjective} ${noun}` : noun;
}

export function isCleared(a: Pick<AttributionInput, 'shareable' | 'consentToQuote'>): boolean {
  return a.shareable && a.consentToQuote;
}

export function attribution(a: AttributionInput): string {
  const title = norm(a.intervieweeTitle);
  const descriptor = companyDescriptor(a.sector, a.segment);
  if (a.intervieweeRole === 'rep') return `${title || 'Sales rep'} (our rep), on a deal with a ${descriptor}`;
  const who = title || (a.intervieweeRole ? ROLE_LABEL[a.intervieweeRole] : 'Buyer');
  const name = norm(a.intervieweeName);
  const account = norm(a.accountName);
  if (!a.anonymous && a.consentToQuote && name) return [name, who, account || descriptor].join(', ');
  return `${who}, ${descriptor}`;
}

export const INTERNAL_ONLY = 'Internal only: not cleared for sharing outside the company.';

/** What "Copy quote" gives: the quote in typographic quotes, its credit, and a warning if internal. */
export function quoteCopyText(text: string, a: AttributionInput): string {
  const body = `“${text.trim()}” — ${attribution(a)}`;
  return isCleared(a) ? body : `${body}\n(${INTERNAL_ONLY})`;
}
