// The demo generator: a believable B2B company over four years, from a seed. Pure: it emits rows
// to a sink and touches no database, so the same seed gives the same rows on every machine, and
// the same code makes 3,000 deals for the demo or 1,000,000 for the benchmarks.
import { aliasKey } from '#shared/domain/competitor-names.ts';
import { addMonths, dayToIso, isoToDay } from '#shared/domain/dates.ts';
import type { Outcome } from '#shared/domain/enums.ts';
import {
  ACCOUNT_CORES,
  ACCOUNT_PREFIXES,
  ACCOUNT_SUFFIXES,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_TOPICS,
  CLOSED_STAGE,
  FIRST_NAMES,
  LAST_NAMES,
  LEAD_SOURCES,
  PRODUCT_BY_SEGMENT,
  PRODUCTS,
  REGIONS,
  REP_REASONS,
  SECTORS,
  STAGES,
  TEAMS,
} from './catalog.ts';
import type { SegmentSpec } from './catalog.ts';
import { InterviewWriter } from './generate-interviews.ts';
import { Rng } from './rng.ts';
import { scaledCompetitors, scaledSegments } from './scale.ts';
import type { DealRow, DemoLookups, DemoSink, LeadExtra } from './rows.ts';

export interface DemoOptions {
  /** Total deals, every deal type included. */
  deals: number;
  seed: number;
  /** The last day of the data ("today" in the demo world); fixed so the data does not drift. */
  anchor: string;
  /** Benchmarks only: more competitors than the catalog's ten (invented ones copy catalog behaviour). */
  competitorCount?: number;
  /** Benchmarks only: more segments than the catalog's three ("SMB 2" ... copy a catalog segment). */
  segmentCount?: number;
}

export const DEMO_DEFAULTS: DemoOptions = { deals: 3000, seed: 42, anchor: '2026-10-31' };

/** Four years of history before the anchor. */
const HISTORY_DAYS = 4 * 365;
/** The CRM gained the qualification checklist fields this long before the anchor. */
const CHECKLIST_DAYS = 540;
/** How often an MQL that never converted met each criterion (planted: engagement as often as a deal's lead). */
const MISSED_LEAD_MET: Record<string, number> = { budget: 0.3, decision_maker: 0.3, timeframe: 0.35, engagement: 0.8 };
/** Brightline's enterprise edge fades over the last twelve months (planted pattern). */
const RECOVERY_DAYS = 365;

interface Account {
  id: number;
  name: string;
  segment: SegmentSpec;
  region: string;
}

export interface DemoStats {
  deals: number;
  accounts: number;
  leads: number;
  interviews: number;
}

/** Emits the whole demo workspace into the sink. `onDeal` is called after each deal (progress/cancel). */
export function generateDemo(
  options: DemoOptions,
  lookups: DemoLookups,
  sink: DemoSink,
  onDeal?: (done: number) => void,
): DemoStats {
  const rng = new Rng(options.seed);
  const COMPETITORS = scaledCompetitors(options.competitorCount);
  const SEGMENTS = scaledSegments(options.segmentCount);
  const anchorDay = isoToDay(options.anchor);
  const startDay = anchorDay - HISTORY_DAYS;
  const checklistDay = anchorDay - CHECKLIST_DAYS;
  const recoveryDay = anchorDay - RECOVERY_DAYS;
  const reasonId = (name: string): number => {
    const id = lookups.reasonIdByName.get(name);
    if (id === undefined) throw new Error(`Demo needs reason "${name}" in the taxonomy`);
    return id;
  };

  // --- Reference data -------------------------------------------------------------------------
  TEAMS.forEach((t, i) => sink.team(i + 1, t.name));
  const ownerCount = Math.min(400, Math.max(24, Math.round(options.deals / 100)));
  const ownersByTeam: number[][] = TEAMS.map(() => []);
  for (let i = 0; i < ownerCount; i++) {
    const teamIndex = i % TEAMS.length;
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length]!;
    const suffix =
      i >= FIRST_NAMES.length * LAST_NAMES.length
        ? ` ${Math.floor(i / (FIRST_NAMES.length * LAST_NAMES.length)) + 1}`
        : '';
    sink.owner(
      i + 1,
      `${first} ${last}${suffix}`,
      `${first}.${last}${suffix.trim()}@northwind.example`.toLowerCase(),
      teamIndex + 1,
    );
    ownersByTeam[teamIndex]!.push(i + 1);
  }
  PRODUCTS.forEach((p, i) => sink.product(i + 1, p.name, p.line, Math.round(30_000 * p.priceFactor)));
  LEAD_SOURCES.forEach((s, i) => sink.leadSource(i + 1, s.name, s.sourcedBy));

  const campaignCount = 36 + Math.floor(options.deals / 20_000);
  const campaignStarts: number[] = [];
  for (let i = 0; i < campaignCount; i++) {
    const day = startDay - 60 + Math.floor(((HISTORY_DAYS + 60) * i) / campaignCount);
    const channel = CAMPAIGN_CHANNELS[i % CAMPAIGN_CHANNELS.length]!;
    const topic = CAMPAIGN_TOPICS[(i * 5) % CAMPAIGN_TOPICS.length]!;
    sink.campaign(i + 1, `${topic} (${channel}, ${dayToIso(day).slice(0, 7)})`, channel, dayToIso(day));
    campaignStarts.push(day);
  }

  COMPETITORS.forEach((c, i) => {
    sink.competitor(i + 1, c.name, `${aliasKey(c.name)}.example`);
    const seen = new Set<string>();
    for (const spelling of [c.name, ...c.variants]) {
      const key = aliasKey(spelling);
      if (seen.has(key)) continue;
      seen.add(key);
      sink.alias(i + 1, spelling, key);
    }
  });

  // --- Accounts --------------------------------------------------------------------------------
  const accountCount = Math.max(200, Math.round(options.deals * 0.42));
  const accountsBySegment = new Map<string, Account[]>(SEGMENTS.map((s) => [s.name, []]));
  const allAccounts: Account[] = [];
  const nameCombos = ACCOUNT_PREFIXES.length * ACCOUNT_CORES.length;
  for (let i = 0; i < accountCount; i++) {
    const segment = rng.weighted(SEGMENTS.map((s) => [s, s.weight] as const));
    const region = rng.weighted(REGIONS.map((r) => [r, r.weight] as const));
    const sector = rng.pick(SECTORS);
    const combo = (i * 7919) % nameCombos;
    const base = `${ACCOUNT_PREFIXES[combo % ACCOUNT_PREFIXES.length]}${ACCOUNT_CORES[Math.floor(combo / ACCOUNT_PREFIXES.length)]!.toLowerCase()}`;
    const round = Math.floor(i / nameCombos);
    const name = `${base} ${rng.pick(ACCOUNT_SUFFIXES[sector]!)}${round > 0 ? ` ${round + 1}` : ''}`;
    sink.account(
      i + 1,
      `ACC-${String(i + 1).padStart(6, '0')}`,
      name,
      sector,
      rng.pick(segment.employeeBands),
      rng.pick(segment.revenueBands),
      segment.name,
      region.name,
      rng.pick(region.countries),
    );
    const account = { id: i + 1, name, segment, region: region.name };
    accountsBySegment.get(segment.name)!.push(account);
    allAccounts.push(account);
  }

  // --- Deals -----------------------------------------------------------------------------------
  const interviews = new InterviewWriter(
    rng,
    lookups,
    sink,
    anchorDay,
    COMPETITORS.map((c) => c.name),
  );
  let dealId = 0;
  let leadId = 0;
  // Planted funnel patterns draw from their own generator, so the deals stay as they were.
  const plant = new Rng(options.seed * 31 + 7);
  const checklist = new Rng(options.seed * 53 + 11);
  // Planted: the MQL trap. Over the year ending 240 days before the anchor (cohorts old enough
  // to be mature), marketing hands over ever more MQLs that never convert: volume rises quarter
  // by quarter while MQL-to-won conversion falls.
  const trapEnd = anchorDay - 240;
  // Planted: marketing sources about a quarter of the pipeline but influences most of it. Reps are
  // credited with 40% of the deals that came in through a marketing channel (an SDR already worked
  // the account), and customer marketing touches about 60% of expansions and renewals. Its own
  // generator again, so nothing else in the demo moves.
  const sourcing = new Rng(options.seed * 53 + 11);
  const SALES_CLAIMS_MARKETING_LEAD = 0.4;
  const CUSTOMER_MARKETING_REACH = 0.6;
  const trapStart = trapEnd - 365;
  const DISQUALIFY = ['No budget', 'Bad timing', 'Not a fit', 'No response'] as const;
  /** Non-converting MQLs: mostly disqualified; planted: about one in eight stalls (no SQL, never disqualified). */
  const missExtra = (ownerId: number, mql: number): LeadExtra => {
    if (mql > anchorDay - 45) return { ownerId, status: 'Open', disqualified: false, reason: null };
    if (plant.chance(0.12)) return { ownerId, status: 'Working', disqualified: false, reason: null };
    return { ownerId, status: 'Disqualified', disqualified: true, reason: plant.pick(DISQUALIFY) };
  };
  const qualIds = [...lookups.qualificationIdByKey.entries()];

  const teamFor = (segment: string, region: string): number => {
    const index = TEAMS.findIndex((t) => t.segments.includes(segment) && t.regions.includes(region));
    return index < 0 ? TEAMS.length : index + 1;
  };

  const emitTouches = (id: number, fromDay: number, toDay: number, count: number, draw: Rng = rng): void => {
    const used = new Set<number>();
    for (let k = 0; k < count; k++) {
      // Campaigns that had started by the touch date.
      const touchDay = fromDay + draw.int(0, Math.max(0, toDay - fromDay));
      let c = draw.int(0, campaignCount - 1);
      while (campaignStarts[c]! > touchDay && c > 0) c--;
      if (used.has(c)) continue;
      used.add(c);
      sink.touch(id, c + 1, dayToIso(touchDay));
    }
  };

  /** Customer marketing (user webinars, the customer conference) before an expansion or renewal closes. */
  const customerTouches = (id: number, createdDay: number, closeDay: number): void => {
    if (sourcing.chance(CUSTOMER_MARKETING_REACH))
      emitTouches(id, createdDay - 60, closeDay, sourcing.int(1, 2), sourcing);
  };

  const stageHistory = (
    id: number,
    createdDay: number,
    endDay: number,
    reached: number,
    amount: number,
    closed: Outcome | null,
  ): void => {
    const span = Math.max(1, endDay - createdDay);
    let day = createdDay;
    for (let s = 0; s < reached; s++) {
      sink.stage(id, STAGES[s]!, dayToIso(day), amount);
      day = Math.min(endDay, day + Math.max(1, Math.round((span / reached) * (0.6 + 0.8 * rng.next()))));
    }
    if (closed && closed !== 'open') sink.stage(id, CLOSED_STAGE[closed], dayToIso(endDay), amount);
  };

  // Pipeline deal creation dates grow over time (density rises 60% over the window).
  const growth = 0.6;
  const createdDayFor = (): number => {
    const u = rng.next();
    const t = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
    return startDay + Math.floor(t * HISTORY_DAYS);
  };

  while (dealId < options.deals) {
    const account = rng.pick(allAccounts);
    const segment = account.segment;
    const createdDay = createdDayFor();
    const dealType = rng.chance(0.12) ? 'cross_sell' : 'new_business';
    // Invented benchmark segments behave like the catalog segment they copy.
    const like = segment.like ?? segment.name;
    const productIndex = dealType === 'cross_sell' ? rng.pick([3, 4]) : rng.weighted(PRODUCT_BY_SEGMENT[like]!);
    const product = PRODUCTS[productIndex]!;
    const sourceIndex = rng.weighted(LEAD_SOURCES.map((s, i) => [i, s.weight] as const));
    const source = LEAD_SOURCES[sourceIndex]!;
    const teamId = teamFor(like, account.region);
    const ownerId = rng.pick(ownersByTeam[teamId - 1]!);

    // Qualification checklist (planted): budget, timeframe and decision-maker predict winning;
    // campaign engagement does not (it follows the lead source, not the buyer's readiness).
    const qual = {
      right_sector: rng.chance(0.8),
      company_size: rng.chance(0.75),
      decision_maker: rng.chance(0.55),
      engagement: rng.chance(source.sourcedBy === 'marketing' ? 0.8 : 0.4),
      need_identified: rng.chance(0.7),
      timeframe: rng.chance(0.6),
      budget: rng.chance(0.5),
    };

    // Competitors on the deal, weighted by who shows up in this segment.
    const competitorCount = rng.weighted([
      [0, 0.18],
      [1, 0.5],
      [2, 0.23],
      [3, 0.09],
    ] as const);
    const competitorIds: number[] = [];
    while (competitorIds.length < competitorCount) {
      const c = rng.weighted(COMPETITORS.map((spec, i) => [i + 1, spec.presence[like] ?? 1] as const));
      if (!competitorIds.includes(c)) competitorIds.push(c);
    }
    const primary = competitorIds[0];

    // Win, loss or no decision.
    let pWin = segment.baseWin * source.winLift;
    pWin *= qual.budget ? 1.3 : 0.7;
    pWin *= qual.decision_maker ? 1.25 : 0.75;
    pWin *= qual.need_identified ? 1.1 : 0.85;
    if (primary !== undefined) {
      const spec = COMPETITORS[primary - 1]!;
      let strength = spec.strength[like] ?? 1;
      // Planted: Brightline beats us in enterprise, but we win back share over the last year.
      if (spec.name === 'Brightline' && segment.name === 'Enterprise' && createdDay >= recoveryDay - 60)
        strength = 1.05;
      // Planted: DataForge weakens steadily over the four years.
      if (spec.name === 'DataForge') strength = 0.75 + 0.45 * ((createdDay - startDay) / HISTORY_DAYS);
      pWin *= strength;
    } else {
      pWin *= 1.1;
    }
    pWin = Math.min(0.85, pWin);
    let pNoDecision = segment.baseNoDecision * (primary === undefined ? 1.7 : 1) * (qual.budget ? 0.7 : 1.4);
    pNoDecision = Math.min(0.5, pNoDecision);
    const u = rng.next();
    const fate: Exclude<Outcome, 'open'> = u < pWin ? 'won' : u < pWin + pNoDecision ? 'no_decision' : 'lost';
    // Planted: buyers able to buy in time win more often. Drawn from its own generator after the
    // outcome, so the deals, dates and every other planted pattern stay exactly as they were.
    qual.timeframe = checklist.chance(fate === 'won' ? 0.8 : 0.5);

    const cycleScale = fate === 'no_decision' ? 1.3 : fate === 'lost' ? 0.85 : 1;
    const cycle = Math.round(Math.min(420, Math.max(7, rng.logNormal(segment.cycleMedianDays * cycleScale, 0.5))));
    const closeDay = createdDay + cycle;
    const outcome: Outcome = closeDay <= anchorDay ? fate : 'open';
    const amount =
      Math.round(
        (rng.logNormal(segment.medianAmount * product.priceFactor, 0.55) * (outcome === 'won' ? 0.93 : 1)) / 100,
      ) * 100;

    let mqlDay: number | null = null;
    let sqlDay: number;
    if (source.sourcedBy === 'marketing') {
      mqlDay = createdDay - rng.int(8, 45);
      sqlDay = Math.min(createdDay, mqlDay + rng.int(2, 20));
    } else {
      sqlDay = createdDay - rng.int(0, 5);
    }

    let repReason: string | null = null;
    if (outcome !== 'open') repReason = rng.weighted(REP_REASONS[outcome]);
    const id = ++dealId;
    const closed = outcome !== 'open';
    const contractMonths =
      segment.name === 'Enterprise'
        ? rng.weighted([
            [12, 0.5],
            [24, 0.3],
            [36, 0.2],
          ] as const)
        : 12;
    const closeIso = dayToIso(closeDay);
    const contractEnd = outcome === 'won' ? dayToIso(isoToDay(addMonths(closeIso, contractMonths)) - 1) : null;
    let stage: string;
    let reached: number;
    if (closed) {
      stage = CLOSED_STAGE[outcome];
      reached = outcome === 'won' ? STAGES.length : outcome === 'lost' ? rng.int(2, 5) : rng.int(2, 4);
    } else {
      const progress = (anchorDay - createdDay) / Math.max(1, cycle);
      reached = Math.max(1, Math.min(STAGES.length, Math.ceil(progress * STAGES.length)));
      stage = STAGES[reached - 1]!;
    }
    const deal: DealRow = {
      id,
      externalId: `OPP-${String(id).padStart(7, '0')}`,
      name: `${account.name} - ${product.name}`,
      accountId: account.id,
      amount,
      productId: productIndex + 1,
      ownerId,
      teamId,
      dealType,
      leadSourceId: sourceIndex + 1,
      sourcedBy:
        source.sourcedBy === 'marketing' && sourcing.chance(SALES_CLAIMS_MARKETING_LEAD) ? 'sales' : source.sourcedBy,
      segment: segment.name,
      region: account.region,
      createdDate: dayToIso(createdDay),
      mqlDate: mqlDay === null ? null : dayToIso(mqlDay),
      sqlDate: sqlDay === null ? null : dayToIso(sqlDay),
      closeDate: closed ? closeIso : null,
      stage,
      outcome,
      lostToCompetitorId: outcome === 'lost' && primary !== undefined && rng.chance(0.85) ? primary : null,
      repReasonId: repReason ? reasonId(repReason) : null,
      repReasonText: repReason,
      contractStart: outcome === 'won' ? closeIso : null,
      contractEnd,
    };
    sink.deal(deal);
    competitorIds.forEach((c, k) =>
      sink.dealCompetitor(
        id,
        c,
        k === 0,
        k === 0 && rng.chance(0.3) ? 'Strong incumbent relationships' : null,
        k === 0 && rng.chance(0.25) ? 'Slow to answer security questions' : null,
      ),
    );
    stageHistory(id, createdDay, closed ? closeDay : anchorDay, reached, amount, closed ? outcome : null);
    const touchCount = source.sourcedBy === 'marketing' ? rng.int(1, 4) : rng.chance(0.5) ? rng.int(1, 2) : 0;
    emitTouches(id, (mqlDay ?? createdDay) - 60, closed ? closeDay : anchorDay, touchCount);
    if (createdDay >= checklistDay) {
      for (const [key, cid] of qualIds) sink.dealQualification(id, cid, qual[key as keyof typeof qual] ?? false);
    }

    // The lead this deal came from (marketing-sourced), and the MQLs that did not convert.
    if (mqlDay !== null) {
      leadId++;
      sink.lead(
        leadId,
        `LEAD-${String(leadId).padStart(8, '0')}`,
        account.id,
        sourceIndex + 1,
        dayToIso(mqlDay - rng.int(0, 20)),
        dayToIso(mqlDay),
        sqlDay === null ? null : dayToIso(sqlDay),
        id,
        { ownerId, status: 'Converted', disqualified: false, reason: null },
      );
      const misses = rng.int(1, 3);
      for (let m = 0; m < misses; m++) {
        leadId++;
        const mql = mqlDay + rng.int(-30, 30);
        const reachedSql = rng.chance(0.3);
        const leadAccount = rng.chance(0.6) ? rng.pick(accountsBySegment.get(segment.name)!).id : null;
        sink.lead(
          leadId,
          `LEAD-${String(leadId).padStart(8, '0')}`,
          leadAccount,
          sourceIndex + 1,
          dayToIso(mql - rng.int(0, 20)),
          dayToIso(mql),
          reachedSql ? dayToIso(mql + rng.int(3, 20)) : null,
          null,
          reachedSql
            ? { ownerId, status: 'Unqualified', disqualified: true, reason: 'Lost to no decision' }
            : missExtra(ownerId, mql),
        );
        if (mql >= checklistDay) {
          for (const [key, cid] of qualIds) {
            // Leads that never converted mostly lacked budget, a timeframe or a decision-maker; they
            // were as engaged with campaigns as the MQLs that converted (both are marketing-sourced).
            const p = MISSED_LEAD_MET[key] ?? 0.6;
            sink.leadQualification(leadId, cid, rng.chance(p));
          }
        }
      }
    }

    if (mqlDay !== null && mqlDay >= trapStart && mqlDay <= trapEnd) {
      const quarter = Math.min(3, Math.floor(((mqlDay - trapStart) * 4) / 366));
      const extra = [3, 5, 7, 9][quarter]!;
      for (let k = 0; k < extra; k++) {
        leadId++;
        const mql = mqlDay + plant.int(-10, 10);
        sink.lead(
          leadId,
          `LEAD-${String(leadId).padStart(8, '0')}`,
          null,
          sourceIndex + 1,
          dayToIso(mql - plant.int(0, 20)),
          dayToIso(mql),
          null,
          null,
          missExtra(ownerId, mql),
        );
      }
    }

    if (outcome !== 'open' && dealType === 'new_business') interviews.maybeInterview(deal, competitorIds);
    onDeal?.(dealId);

    // Customer lifecycle: renewals with expansion or contraction, mid-term upsells, churn.
    if (outcome === 'won' && contractEnd) {
      const wonOnPrice = repReason === 'Price';
      let arr = amount;
      let termEnd = isoToDay(contractEnd);
      let termStart = closeDay;
      while (dealId < options.deals) {
        if (rng.chance(0.22 * ((termEnd - termStart) / 365))) {
          const day = termStart + rng.int(60, Math.max(61, termEnd - termStart - 30));
          if (day > anchorDay || dealId >= options.deals) break;
          const won = rng.chance(0.75);
          const upsell = Math.round((arr * (0.15 + 0.35 * rng.next())) / 100) * 100;
          const xid = ++dealId;
          sink.deal({
            ...deal,
            id: xid,
            externalId: `OPP-${String(xid).padStart(7, '0')}`,
            name: `${account.name} - expansion`,
            amount: upsell,
            dealType: 'expansion',
            leadSourceId: null,
            sourcedBy: 'sales',
            createdDate: dayToIso(day - 30),
            mqlDate: null,
            sqlDate: null,
            closeDate: dayToIso(day),
            stage: won ? CLOSED_STAGE.won : CLOSED_STAGE.lost,
            outcome: won ? 'won' : 'lost',
            lostToCompetitorId: null,
            repReasonId: null,
            repReasonText: null,
            contractStart: won ? dayToIso(day) : null,
            contractEnd: won ? dayToIso(termEnd) : null,
          });
          stageHistory(xid, day - 30, day, 3, upsell, won ? 'won' : 'lost');
          customerTouches(xid, day - 30, day);
          onDeal?.(dealId);
          if (won) arr += upsell;
        }
        const renewalDay = termEnd + 1;
        if (renewalDay > anchorDay || dealId >= options.deals) break;
        // Planted: customers won on price churn at more than twice the usual rate.
        const churn = segment.churn * (wonOnPrice ? 2.4 : 1);
        if (rng.chance(churn)) break;
        const roll = rng.next();
        const factor =
          roll < 0.25 ? 1.1 + 0.3 * rng.next() : roll < 0.4 ? 0.6 + 0.3 * rng.next() : 0.98 + 0.07 * rng.next();
        arr = Math.round((arr * factor) / 100) * 100;
        const rid = ++dealId;
        const nextEnd = isoToDay(addMonths(dayToIso(renewalDay), 12)) - 1;
        sink.deal({
          ...deal,
          id: rid,
          externalId: `OPP-${String(rid).padStart(7, '0')}`,
          name: `${account.name} - renewal ${dayToIso(renewalDay).slice(0, 4)}`,
          amount: arr,
          dealType: 'renewal',
          leadSourceId: null,
          sourcedBy: 'sales',
          createdDate: dayToIso(renewalDay - 75),
          mqlDate: null,
          sqlDate: null,
          closeDate: dayToIso(renewalDay - rng.int(0, 20)),
          stage: CLOSED_STAGE.won,
          outcome: 'won',
          lostToCompetitorId: null,
          repReasonId: null,
          repReasonText: null,
          contractStart: dayToIso(renewalDay),
          contractEnd: dayToIso(nextEnd),
        });
        stageHistory(rid, renewalDay - 75, renewalDay, 4, arr, 'won');
        customerTouches(rid, renewalDay - 75, renewalDay - 20);
        onDeal?.(dealId);
        termStart = renewalDay;
        termEnd = nextEnd;
      }
    }
  }

  return { deals: dealId, accounts: accountCount, leads: leadId, interviews: interviews.count };
}
