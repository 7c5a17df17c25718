import Database from 'better-sqlite3';
const db = new Database(process.argv[2]!, { readonly: true });
const counted = 'w.close_date IS NULL OR t.touched_at <= w.close_date';
const won = `won AS (SELECT id, CAST(ROUND(COALESCE(amount, 0) * 100) AS INTEGER) AS cents, created_date, close_date FROM deals WHERE outcome = 'won')`;
const touched = `touched AS (
      SELECT w.id AS deal_id, t.campaign_id, t.touched_at FROM won w JOIN deal_touches t ON t.deal_id = w.id WHERE ${counted}
      UNION
      SELECT w.id, t.campaign_id, t.touched_at FROM won w JOIN leads l ON l.deal_id = w.id JOIN lead_touches t ON t.lead_id = l.id WHERE ${counted})`;
const time = (label: string, sql: string) => { const t0 = performance.now(); const r = db.prepare(sql).all(); console.log(label, (performance.now() - t0).toFixed(0), r.length); };
for (let i = 0; i < 2; i++) {
time('won', `WITH ${won} SELECT COUNT(*) FROM won`);
time('won covering?', `SELECT COUNT(*), TOTAL(amount) FROM deals WHERE outcome='won'`);
time('touched', `WITH ${won}, ${touched} SELECT COUNT(*) FROM touched`);
time('ordered1', `WITH ${won}, ${touched} SELECT x.deal_id, ROW_NUMBER() OVER (PARTITION BY x.deal_id ORDER BY x.touched_at, x.campaign_id) pos, COUNT(*) OVER (PARTITION BY x.deal_id) k FROM touched x`);
}
for (const r of db.prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM deals WHERE outcome='won'`).all() as any[]) console.log(r.detail);
console.log(db.prepare('select count(*) from deal_touches').pluck().get(), db.prepare("select count(*) from deals where outcome='won'").pluck().get());
