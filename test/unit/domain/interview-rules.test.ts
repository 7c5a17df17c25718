// Completion rules, the draft schema's bounds, and quote attribution.
import { describe, expect, it } from 'vitest';
import { missingForCompletion } from '#shared/domain/interview-completeness.ts';
import { emptyDraft, interviewDraftSchema } from '#shared/domain/interview-draft.ts';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import { attribution, companyDescriptor, quoteCopyText } from '#shared/domain/quote-attribution.ts';
import type { AttributionInput } from '#shared/domain/quote-attribution.ts';

const complete = (): InterviewDraft => ({
  ...emptyDraft(),
  intervieweeRole: 'economic_buyer',
  interviewerType: 'third_party',
  channel: 'video',
  interviewDate: '2025-06-01',
  buyerStatement: 'We chose them for the connector.',
  reasons: [{ reasonId: 1, isPrimary: true, driver: 'loss' }],
});

describe('missingForCompletion', () => {
  it('names every missing required field', () => {
    expect(missingForCompletion(emptyDraft()).map((m) => m.path)).toEqual([
      'interviewDate',
      'intervieweeRole',
      'interviewerType',
      'channel',
      'buyerStatement',
      'reasons',
    ]);
    expect(missingForCompletion(complete())).toEqual([]);
  });

  it('needs a primary reason, quote text, consent for shareable quotes, and no future date', () => {
    const d = complete();
    d.reasons = [{ reasonId: 1, isPrimary: false, driver: 'loss' }];
    d.quotes = [
      {
        id: null,
        key: 'a',
        text: '  ',
        sentiment: 'neutral',
        shareable: false,
        competitorId: null,
        reasonId: null,
        themeIds: [],
      },
      {
        id: null,
        key: 'b',
        text: 'Said it',
        sentiment: 'neutral',
        shareable: true,
        competitorId: null,
        reasonId: null,
        themeIds: [],
      },
    ];
    expect(missingForCompletion(d, '2025-12-31').map((m) => m.message)).toEqual([
      'A primary reason',
      'Quote 1: its text',
      'Quote 2 is marked shareable, but the interviewee has not consented to be quoted',
    ]);
    expect(missingForCompletion({ ...complete(), interviewDate: '2026-01-05' }, '2025-12-31')[0]?.message).toBe(
      'Interview date (it is in the future)',
    );
  });
});

describe('interviewDraftSchema', () => {
  it('accepts a full draft and refuses two primaries, duplicate ratings, bad ratings and oversize text', () => {
    expect(interviewDraftSchema.safeParse(complete()).success).toBe(true);
    const twoPrimaries = {
      ...complete(),
      reasons: [
        { reasonId: 1, isPrimary: true, driver: 'loss' },
        { reasonId: 2, isPrimary: true, driver: 'win' },
      ],
    };
    expect(interviewDraftSchema.safeParse(twoPrimaries).error?.issues[0]?.message).toBe(
      'Only one reason can be the primary one',
    );
    const dupRating = {
      ...complete(),
      ratings: [
        { criterionId: 1, competitorId: null, rating: 3 },
        { criterionId: 1, competitorId: null, rating: 4 },
      ],
    };
    expect(interviewDraftSchema.safeParse(dupRating).success).toBe(false);
    expect(
      interviewDraftSchema.safeParse({ ...complete(), ratings: [{ criterionId: 1, competitorId: null, rating: 6 }] })
        .success,
    ).toBe(false);
    expect(
      interviewDraftSchema.safeParse({ ...complete(), notes: 'x'.repeat(100_001) }).error?.issues[0]?.message,
    ).toBe('The notes are too long (at most 100,000 characters)');
    expect(interviewDraftSchema.safeParse({ ...complete(), answers: { 'Bad Key': 'x' } }).success).toBe(false);
    expect(interviewDraftSchema.safeParse({ ...complete(), interviewDate: '2025-02-30x' }).success).toBe(false);
    expect(interviewDraftSchema.safeParse({ ...complete(), extra: 1 }).success).toBe(false);
  });
});

describe('quote attribution', () => {
  const base: AttributionInput = {
    anonymous: true,
    consentToQuote: true,
    shareable: true,
    intervieweeName: 'Dana Chen',
    intervieweeTitle: 'VP Finance',
    intervieweeRole: 'economic_buyer',
    accountName: 'Blue Ridge Retail',
    sector: 'Retail',
    segment: 'Mid-market',
  };

  it('anonymous: role and a description of the company, never the name', () => {
    expect(attribution(base)).toBe('VP Finance, mid-market retailer');
    expect(quoteCopyText(' We chose them. ', base)).toBe('“We chose them.” — VP Finance, mid-market retailer');
  });

  it('named only with consent and without anonymity', () => {
    expect(attribution({ ...base, anonymous: false })).toBe('Dana Chen, VP Finance, Blue Ridge Retail');
    expect(attribution({ ...base, anonymous: false, consentToQuote: false })).toBe('VP Finance, mid-market retailer');
    expect(attribution({ ...base, anonymous: false, intervieweeName: null })).toBe('VP Finance, mid-market retailer');
  });

  it('falls back to the role label, and says when the speaker is our rep', () => {
    expect(attribution({ ...base, intervieweeTitle: null, sector: null, segment: 'Enterprise' })).toBe(
      'Economic buyer, enterprise company',
    );
    expect(attribution({ ...base, intervieweeRole: 'rep', intervieweeTitle: 'Account Executive' })).toBe(
      'Account Executive (our rep), on a deal with a mid-market retailer',
    );
    expect(companyDescriptor('Financial services', 'SMB')).toBe('small-business financial-services firm');
    expect(companyDescriptor('Aerospace', null)).toBe('aerospace company');
  });

  it('marks quotes not cleared for sharing as internal only', () => {
    expect(quoteCopyText('Too slow.', { ...base, shareable: false })).toBe(
      '“Too slow.” — VP Finance, mid-market retailer\n(Internal only: not cleared for sharing outside the company.)',
    );
    expect(quoteCopyText('Too slow.', { ...base, consentToQuote: false })).toContain('Internal only');
  });
});
