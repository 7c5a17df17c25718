// Attribution of won revenue to campaigns and channels (docs/METRICS.md#attribution). SQL orders each
// won deal's touches (window functions) and groups them by what decides a touch's credit: its
// campaign, position, the deal's touch count, opportunity touch and amount. The weight rule and the
// split into whole cents are the pure functions of shared/analytics/attribution.ts, applied once
// per group, so every deal's credits still sum to its amount to the cent.
import type Database from 'better-sqlite3';
import { attributionWeights, splitCents, weightTable } from '#shared/analytics/attribution.ts';
import type {
  AttributedCampaign,
  AttributedChannel,
  AttributionModel,
  AttributionReport,
} from '#shared/domain/sourced.ts';
import type { SourcedPeriod } from './sourced-queries.ts';
import { periodParams } from './sourced-queries.ts';

/** Won deals of the period with their counted touches, one per campaign and day, numbered in order. */
function touchesCte(dated: boolean): string {
  const counted = 'w.close_date IS NULL OR t.touched_at <= w.close_date';
  return `won AS (
      SELECT id, CAST(ROUND(COALESCE(amount, 0) * 100) AS INTEGER) AS cents, created_date, close_date FROM deals
      WHERE outcome = 'won'${dated ? ' AND close_date BETWEEN @from AND @to' : ''}),
    touched AS (
      SELECT w.id AS deal_id, t.campaign_id, t.touched_at FROM won w JOIN deal_touches t ON t.deal_id = w.id
      WHERE ${counted}
      UNION
      SELECT w.id, t.campaign_id, t.touched_at FROM won w JOIN leads l ON l.deal_id = w.id
        JOIN lead_touches t ON t.lead_id = l.id WHERE ${counted}),
    ordered AS (
      SELECT x.deal_id, x.campaign_id, c.channel, w.cents,
        ROW_NUMBER() OVER deal_order AS pos,
        COUNT(*) OVER (PARTITION BY x.deal_id) AS k,
        COUNT(CASE WHEN x.touched_at <= w.created_date THEN 1 END) OVER (PARTITION BY x.deal_id) AS opp,
        ROW_NUMBER() OVER (PARTITION BY x.deal_id, x.campaign_id) = 1 AS first_of_campaign,
        ROW_NUMBER() OVER (PARTITION BY x.deal_id, c.channel) = 1 AS first_of_channel
      FROM touched x JOIN won w ON w.id = x.deal_id JOIN campaigns c ON c.id = x.campaign_id
      WINDOW deal_order AS (PARTITION BY x.deal_id ORDER BY x.touched_at, x.campaign_id))`;
}

interface CreditGroup {
  campaign_id: number;
  campaign: string;
  channel: string;
  k: number;
  pos: number;
  opp: number;
  cents: number;
  touches: number;
  deals: number;
  channel_deals: number;
}

export function attributionReport(
  sqlite: Database.Database,
  model: AttributionModel,
  period: SourcedPeriod,
): AttributionReport {
  const dated = period.from !== null || period.to !== null;
  const params = dated ? [periodParams(period)] : [];
  // The opportunity touch is the last touch on or before the deal's created date (its position is
  // the count of such touches), else T1; it only matters to W-shaped, so other models group without it.
  const opp = model === 'w' ? 'MAX(1, o.opp)' : '1';
  const groups = sqlite
    .prepare(
      `WITH ${touchesCte(dated)}
       SELECT o.campaign_id, c.name AS campaign, o.channel, o.k, o.pos, ${opp} AS opp, o.cents,
         COUNT(*) AS touches, SUM(o.first_of_campaign) AS deals, SUM(o.first_of_channel) AS channel_deals
       FROM ordered o JOIN campaigns c ON c.id = o.campaign_id
       GROUP BY o.campaign_id, o.k, o.pos, ${opp}, o.cents`,
    )
    .all(...params) as CreditGroup[];
  // Every touched deal has exactly one T1, so the T1 groups count the attributed deals and their cents.
  const totals = sqlite
    .prepare(
      `SELECT COUNT(*) AS won_n, TOTAL(CAST(ROUND(COALESCE(amount, 0) * 100) AS INTEGER)) AS won_cents FROM deals
       WHERE outcome = 'won'${dated ? ' AND close_date BETWEEN @from AND @to' : ''}`,
    )
    .get(...params) as { won_n: number; won_cents: number };
  let attributedDeals = 0;
  let attributedCents = 0;
  for (const g of groups) {
    if (g.pos !== 1) continue;
    attributedDeals += g.touches;
    attributedCents += g.cents * g.touches;
  }

  const splits = new Map<string, number[]>();
  const campaigns = new Map<number, AttributedCampaign & { cents: number }>();
  const channels = new Map<string, AttributedChannel & { cents: number }>();
  for (const g of groups) {
    const key = `${g.cents}:${g.k}:${g.opp}`;
    let split = splits.get(key);
    if (!split) {
      split = splitCents(g.cents, attributionWeights(model, g.k, g.opp - 1));
      splits.set(key, split);
    }
    const cents = split[g.pos - 1]! * g.touches;
    let c = campaigns.get(g.campaign_id);
    if (!c) {
      c = {
        campaignId: g.campaign_id,
        campaign: g.campaign,
        channel: g.channel,
        deals: 0,
        amount: 0,
        share: null,
        cents: 0,
      };
      campaigns.set(g.campaign_id, c);
    }
    c.deals += g.deals;
    c.cents += cents;
    let ch = channels.get(g.channel);
    if (!ch) {
      ch = { channel: g.channel, deals: 0, amount: 0, share: null, cents: 0 };
      channels.set(g.channel, ch);
    }
    ch.deals += g.channel_deals;
    ch.cents += cents;
  }
  const finish = <T extends { cents: number; amount: number; share: number | null }>(rows: T[]) =>
    rows
      .map(({ cents, ...rest }) => ({
        ...rest,
        amount: cents / 100,
        share: attributedCents === 0 ? null : cents / attributedCents,
      }))
      .sort((a, b) => b.amount - a.amount);

  return {
    model,
    weights: weightTable(model),
    wonDeals: totals.won_n,
    wonAmount: totals.won_cents / 100,
    attributedDeals,
    attributedAmount: attributedCents / 100,
    unattributedDeals: totals.won_n - attributedDeals,
    unattributedAmount: (totals.won_cents - attributedCents) / 100,
    campaigns: finish([...campaigns.values()]) as AttributedCampaign[],
    channels: finish([...channels.values()]) as AttributedChannel[],
  };
}
