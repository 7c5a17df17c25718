// Interviews for the demo: about one closed new-business deal in fifteen gets one (a few get two),
// coded with the buyer's reasons, rated and quoted. Buyers and reps disagree the way they do in
// real programmes: reps blame price, buyers talk about product gaps and the sales experience.
import { dayToIso, isoToDay } from '#shared/domain/dates.ts';
import type { Driver, IntervieweeRole, Sentiment } from '#shared/domain/enums.ts';
import { BUYER_REASONS, BUYER_TITLES, FIRST_NAMES, LAST_NAMES, QUOTES } from './catalog.ts';
import { quoteWording } from './quote-wording.ts';
import type { Rng } from './rng.ts';
import type { DealRow, DemoLookups, DemoSink } from './rows.ts';

const ROLES: [IntervieweeRole, number][] = [
  ['economic_buyer', 30],
  ['champion', 30],
  ['technical_evaluator', 20],
  ['user', 10],
  ['rep', 10],
];

const STATEMENTS: Record<'won' | 'lost' | 'no_decision', string[]> = {
  won: [
    'We chose Northwind because {r} mattered most to us.',
    'It came down to {r}; Northwind was clearly ahead there.',
  ],
  lost: ['We went another way mainly because of {r}.', 'In the end {r} decided it, and Northwind was behind.'],
  no_decision: ['We paused the project: {r}.', 'Nothing changed in the end, mostly {r}.'],
};

export class InterviewWriter {
  count = 0;
  private quoteId = 0;
  private readonly rng: Rng;
  private readonly lookups: DemoLookups;
  private readonly sink: DemoSink;
  private readonly anchorDay: number;
  /** Competitor names by id - 1. */
  private readonly competitorNames: string[];

  constructor(rng: Rng, lookups: DemoLookups, sink: DemoSink, anchorDay: number, competitorNames: string[]) {
    this.rng = rng;
    this.lookups = lookups;
    this.sink = sink;
    this.anchorDay = anchorDay;
    this.competitorNames = competitorNames;
  }

  /** Interview a closed deal with some probability; larger and competitive deals more often. */
  maybeInterview(deal: DealRow, competitorIds: number[]): void {
    const rng = this.rng;
    if (deal.outcome === 'open' || !deal.closeDate) return;
    const p =
      0.095 *
      (deal.segment === 'Enterprise' ? 1.5 : deal.segment === 'SMB' ? 0.7 : 1) *
      (competitorIds.length > 0 ? 1.1 : 0.8);
    if (!rng.chance(p)) return;
    const interviewsForDeal = rng.chance(0.12) ? 2 : 1;
    const closeDay = isoToDay(deal.closeDate);
    for (let k = 0; k < interviewsForDeal; k++) {
      const day = closeDay + rng.int(7, 45);
      if (day > this.anchorDay) return;
      this.write(deal, competitorIds, day);
    }
  }

  private reasonId(name: string): number {
    const id = this.lookups.reasonIdByName.get(name);
    if (id === undefined) throw new Error(`Demo needs reason "${name}"`);
    return id;
  }

  private write(deal: DealRow, competitorIds: number[], day: number): void {
    const rng = this.rng;
    const outcome = deal.outcome as 'won' | 'lost' | 'no_decision';
    const id = ++this.count;
    const role = rng.weighted(ROLES);
    const isRep = role === 'rep';
    const primaryCompetitor = competitorIds[0] ?? null;
    const competitorName = primaryCompetitor ? this.competitorNames[primaryCompetitor - 1]! : 'the incumbent';
    let primary: string = rng.weighted(BUYER_REASONS[outcome]);
    // Planted: lost enterprise deals against Brightline cite capability and security gaps.
    if (outcome === 'lost' && primaryCompetitor === 2 && deal.segment === 'Enterprise' && rng.chance(0.6)) {
      primary = rng.pick(['Missing capability', 'Security and compliance']);
    }
    const driver: Driver = outcome === 'won' ? 'win' : 'loss';
    const status = day > this.anchorDay - 21 && rng.chance(0.5) ? 'draft' : rng.chance(0.93) ? 'complete' : 'draft';
    const consent = rng.chance(0.8);
    const statement = rng.pick(STATEMENTS[outcome]).replace('{r}', primary.toLowerCase());
    this.sink.interview({
      id,
      dealId: deal.id,
      status,
      intervieweeName: rng.chance(0.6) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null,
      intervieweeRole: role,
      intervieweeTitle: rng.pick(BUYER_TITLES[role]!),
      interviewerType: isRep
        ? 'deal_owner'
        : rng.weighted([
            ['third_party', 45],
            ['internal_neutral', 55],
          ] as const),
      channel: isRep
        ? 'rep_form'
        : rng.weighted([
            ['call', 45],
            ['video', 40],
            ['survey', 15],
          ] as const),
      interviewDate: dayToIso(day),
      consentToQuote: consent,
      anonymous: rng.chance(0.3),
      guideId: this.lookups.guideIdByOutcome.get(outcome) ?? null,
      answersJson: JSON.stringify({ deciding_factor: statement }),
      buyerStatement: statement,
      notes: `**Primary reason:** ${primary}.\n\nFollow up with product on ${primary.toLowerCase()}.`,
      completedAt: status === 'complete' ? `${dayToIso(day)}T17:00:00.000Z` : null,
    });

    const coded = new Set<string>([primary]);
    this.sink.interviewReason(id, this.reasonId(primary), true, driver);
    const secondaries = rng.int(0, 2);
    for (let s = 0; s < secondaries; s++) {
      const pool = rng.chance(0.75) ? BUYER_REASONS[outcome] : BUYER_REASONS[outcome === 'won' ? 'lost' : 'won'];
      const name: string = rng.weighted(pool);
      if (coded.has(name)) continue;
      coded.add(name);
      const sameSide = BUYER_REASONS[outcome].some(([n]) => n === name);
      this.sink.interviewReason(id, this.reasonId(name), false, sameSide ? driver : driver === 'win' ? 'loss' : 'win');
    }

    // Ratings 1-5: won deals rate us higher; the competitor mirrors it.
    const base = outcome === 'won' ? 3.9 : outcome === 'lost' ? 2.9 : 3.3;
    for (const { key, id: criterionId } of this.lookups.ratingCriterionIds) {
      if (rng.chance(0.1)) continue;
      let us = base + rng.normal() * 0.8;
      if (key === 'price_value' && outcome === 'lost') us += 0.4; // buyers rarely lose us on price alone
      if (key === 'product_fit' && outcome === 'lost') us -= 0.5;
      this.sink.rating(id, criterionId, null, clampRating(us));
      if (primaryCompetitor !== null) {
        const them = (outcome === 'won' ? 3.1 : 3.8) + rng.normal() * 0.8;
        this.sink.rating(id, criterionId, primaryCompetitor, clampRating(them));
      }
    }

    // Quotes from the coded reasons.
    let sort = 0;
    for (const name of coded) {
      const templates = QUOTES[name];
      if (!templates || (sort > 0 && rng.chance(0.4))) continue;
      const t = rng.pick(templates);
      const mentions = t.text.includes('{c}');
      const quoteId = ++this.quoteId;
      const sentiment: Sentiment = name === primary ? (driver === 'win' ? 'positive' : 'negative') : 'neutral';
      this.sink.quote(
        quoteId,
        id,
        quoteWording(t.text, competitorName, quoteId),
        sentiment,
        consent && rng.chance(0.7),
        mentions ? primaryCompetitor : null,
        this.reasonId(name),
        sort++,
      );
      for (const theme of t.themes) {
        const themeId = this.lookups.themeIdByName.get(theme);
        if (themeId !== undefined) this.sink.quoteTheme(quoteId, themeId);
      }
    }
  }
}

function clampRating(x: number): number {
  return Math.max(1, Math.min(5, Math.round(x)));
}
