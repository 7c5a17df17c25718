// SQL the benchmark suites use to pick their inputs (not app code).
export const competitorsSql =
  'SELECT c.id, c.name, count(*) AS deals FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id GROUP BY c.id ORDER BY deals DESC LIMIT 1';
