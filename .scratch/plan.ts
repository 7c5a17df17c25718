import Database from 'better-sqlite3';
const db = new Database('/tmp/sourced-scratch/d.winnow', { readonly: true });
const counted = 'w.close_date IS NULL OR t.touched_at <= w.close_date';
const cte = `WITH won AS (
      SELECT id, CAST(ROUND(COALESCE(amount, 0) * 100) AS INTEGER) AS cents, created_date, close_date FROM deals
      WHERE outcome = 'won'),
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
const q = `${cte} SELECT o.campaign_id, c.name AS campaign, o.channel, o.k, o.pos, 1 AS opp, o.cents,
         COUNT(*) AS touches, SUM(o.first_of_campaign) AS deals, SUM(o.first_of_channel) AS channel_deals
       FROM ordered o JOIN campaigns c ON c.id = o.campaign_id
       GROUP BY o.campaign_id, o.k, o.pos, 1, o.cents`;
for (const r of db.prepare('EXPLAIN QUERY PLAN ' + q).all() as any[]) console.log(r.id, r.parent, r.detail);
for (let i = 0; i < 3; i++) { const t = performance.now(); db.prepare(q).all(); console.log('ms', performance.now() - t); }
