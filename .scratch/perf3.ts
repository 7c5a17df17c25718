import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
const counted = 'w.close_date IS NULL OR t.touched_at <= w.close_date';
const base = (extra: string) => `WITH won AS (SELECT id, CAST(ROUND(COALESCE(amount, 0) * 100) AS INTEGER) AS cents, created_date, close_date FROM deals WHERE outcome = 'won'),
 touched AS (
      SELECT w.id AS deal_id, t.campaign_id, t.touched_at FROM won w JOIN deal_touches t ON t.deal_id = w.id WHERE ${counted}
      UNION
      SELECT w.id, t.campaign_id, t.touched_at FROM won w JOIN leads l ON l.deal_id = w.id JOIN lead_touches t ON t.lead_id = l.id WHERE ${counted}),
 ordered AS (SELECT x.deal_id, x.campaign_id, c.channel, w.cents, ROW_NUMBER() OVER deal_order AS pos, COUNT(*) OVER (PARTITION BY x.deal_id) AS k,
        COUNT(CASE WHEN x.touched_at <= w.created_date THEN 1 END) OVER (PARTITION BY x.deal_id) AS opp ${extra}
      FROM touched x JOIN won w ON w.id = x.deal_id JOIN campaigns c ON c.id = x.campaign_id
      WINDOW deal_order AS (PARTITION BY x.deal_id ORDER BY x.touched_at, x.campaign_id))
 SELECT campaign_id, k, pos, opp, cents, COUNT(*) FROM ordered GROUP BY campaign_id, k, pos, opp, cents`;
const time = (label: string, sql: string) => { const t0 = performance.now(); const r = db.prepare(sql).all(); console.log(label, (performance.now() - t0).toFixed(0), r.length); };
for (let i = 0; i < 3; i++) {
  time('full', base(', ROW_NUMBER() OVER (PARTITION BY x.deal_id, x.campaign_id) = 1 AS f1, ROW_NUMBER() OVER (PARTITION BY x.deal_id, c.channel) = 1 AS f2'));
  time('lean', base(''));
}
