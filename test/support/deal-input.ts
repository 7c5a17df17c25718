// A complete deal as the deal form sends it (deals:create), for tests to vary.
import type { DealInput } from '#shared/domain/deals.ts';

export const formDeal: DealInput = {
  name: 'Globex platform',
  externalId: 'GX-1',
  accountName: 'Globex',
  amount: 25000,
  currency: 'usd',
  productName: 'Insight Pro',
  ownerName: 'Ava Chen',
  teamName: 'Enterprise',
  leadSourceName: 'Webinar',
  dealType: 'new_business',
  sourcedBy: 'marketing',
  segment: 'Enterprise',
  region: 'EMEA',
  createdDate: '2025-01-10',
  mqlDate: '',
  sqlDate: '',
  closeDate: '',
  stage: 'Proposal',
  outcome: 'open',
  lostToCompetitorId: null,
  repReason: '',
  contractStart: '',
  contractEnd: '',
  competitors: [],
};
