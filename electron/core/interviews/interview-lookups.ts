// What the capture form and the filter bars choose from: deals to interview, reasons, criteria,
// themes, guides, competitors, segments and products.
import type Database from 'better-sqlite3';
import type { GuideSection } from '#shared/domain/defaults.ts';
import type {
  CaptureOptions,
  DealOption,
  Guide,
  InterviewFacets,
  RatingCriterion,
  ReasonOption,
  Theme,
} from '#shared/domain/interviews.ts';

const DEAL_COLUMNS = `d.id, d.external_id AS externalId, d.name, a.name AS accountName, d.outcome, d.close_date AS closeDate,
  d.amount, d.currency, d.segment, (SELECT count(*) FROM interviews i WHERE i.deal_id = d.id) AS interviews`;

/** LIKE pattern for "contains", with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How many LIKE matches to look at before ranking: bounds the scan on very large workspaces. */
const CANDIDATES = 400;

/**
 * Deals for the capture form. With no text: recently closed deals that have no interview yet
 * (who to call next). With text: an exact external id first, then deals whose name or account
 * contains it, closed before open, most recently closed first.
 */
export function findDeals(sqlite: Database.Database, query: string, limit: number, dealId?: number): DealOption[] {
  if (dealId !== undefined) {
    return sqlite
      .prepare(`SELECT ${DEAL_COLUMNS} FROM deals d LEFT JOIN accounts a ON a.id = d.account_id WHERE d.id = ?`)
      .all(dealId) as DealOption[];
  }
  const q = query.trim();
  if (q === '') {
    return sqlite
      .prepare(
        `SELECT ${DEAL_COLUMNS} FROM deals d LEFT JOIN accounts a ON a.id = d.account_id
          WHERE d.close_date IS NOT NULL AND d.outcome <> 'open'
            AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.deal_id = d.id)
          ORDER BY d.close_date DESC, d.id DESC LIMIT ?`,
      )
      .all(limit) as DealOption[];
  }
  const exact = sqlite
    .prepare(`SELECT ${DEAL_COLUMNS} FROM deals d LEFT JOIN accounts a ON a.id = d.account_id WHERE d.external_id = ?`)
    .all(q) as DealOption[];
  const like = containsPattern(q);
  const byName = sqlite
    .prepare(
      `SELECT ${DEAL_COLUMNS} FROM deals d LEFT JOIN accounts a ON a.id = d.account_id
        WHERE d.name LIKE @like ESCAPE '\\' LIMIT @n`,
    )
    .all({ like, n: CANDIDATES }) as DealOption[];
  const byAccount = sqlite
    .prepare(
      `SELECT ${DEAL_COLUMNS} FROM accounts a JOIN deals d ON d.account_id = a.id
        WHERE a.id IN (SELECT id FROM accounts WHERE name LIKE @like ESCAPE '\\' LIMIT @n) LIMIT @n`,
    )
    .all({ like, n: CANDIDATES }) as DealOption[];
  const seen = new Set<number>();
  const merged: DealOption[] = [];
  for (const d of [...exact, ...byName, ...byAccount]) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    merged.push(d);
  }
  const head = exact.length ? merged.slice(0, exact.length) : [];
  const rest = merged.slice(head.length).sort((a, b) => {
    const openA = a.outcome === 'open' ? 1 : 0;
    const openB = b.outcome === 'open' ? 1 : 0;
    return openA - openB || (b.closeDate ?? '').localeCompare(a.closeDate ?? '') || b.id - a.id;
  });
  return [...head, ...rest].slice(0, limit);
}

export function reasonOptions(sqlite: Database.Database): ReasonOption[] {
  const rows = sqlite
    .prepare(
      `SELECT r.id, r.name, r.category_id AS categoryId, c.name AS categoryName,
              (r.retired_at IS NULL AND c.retired_at IS NULL) AS active
         FROM reasons r JOIN reason_categories c ON c.id = r.category_id
        WHERE r.merged_into_id IS NULL
        ORDER BY c.sort, c.id, r.sort, r.id`,
    )
    .all() as (Omit<ReasonOption, 'active'> & { active: number })[];
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export function listThemes(sqlite: Database.Database): Theme[] {
  return sqlite
    .prepare(
      `SELECT t.id, t.name, (SELECT count(*) FROM quote_themes qt WHERE qt.theme_id = t.id) AS quotes
         FROM themes t ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as Theme[];
}

export function listCriteria(sqlite: Database.Database): RatingCriterion[] {
  const rows = sqlite
    .prepare('SELECT id, key, label, retired_at IS NOT NULL AS retired FROM rating_criteria ORDER BY sort, id')
    .all() as (Omit<RatingCriterion, 'retired'> & { retired: number })[];
  return rows.map((r) => ({ ...r, retired: r.retired === 1 }));
}

export function listGuides(sqlite: Database.Database): Guide[] {
  const rows = sqlite
    .prepare(
      `SELECT g.id, g.name, g.default_for AS defaultFor, g.sections_json AS sectionsJson,
              (SELECT count(*) FROM interviews i WHERE i.guide_id = g.id) AS interviews
         FROM interview_guides g
        ORDER BY CASE g.default_for WHEN 'won' THEN 0 WHEN 'lost' THEN 1 WHEN 'no_decision' THEN 2 ELSE 3 END, g.name`,
    )
    .all() as (Omit<Guide, 'sections'> & { sectionsJson: string })[];
  return rows.map(({ sectionsJson, ...g }) => ({ ...g, sections: parseSections(sectionsJson) }));
}

/** A guide's sections from its JSON; anything malformed (a hand edit) becomes an empty guide. */
export function parseSections(json: string): GuideSection[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((s): s is { title: unknown; questions: unknown } => typeof s === 'object' && s !== null)
      .map((s) => ({
        title: typeof s.title === 'string' ? s.title : '',
        questions: Array.isArray(s.questions)
          ? s.questions
              .filter(
                (q): q is { key: string; text: string } =>
                  typeof q === 'object' && q !== null && typeof q.key === 'string' && typeof q.text === 'string',
              )
              .map((q) => ({ key: q.key, text: q.text }))
          : [],
      }));
  } catch {
    return [];
  }
}

export function captureOptions(sqlite: Database.Database): CaptureOptions {
  return {
    reasons: reasonOptions(sqlite),
    criteria: listCriteria(sqlite),
    themes: listThemes(sqlite),
    guides: listGuides(sqlite),
  };
}

export function interviewFacets(sqlite: Database.Database): InterviewFacets {
  const competitors = sqlite
    .prepare(
      `SELECT c.id, c.name FROM competitors c
        WHERE c.id IN (SELECT dc.competitor_id FROM deal_competitors dc WHERE dc.deal_id IN (SELECT deal_id FROM interviews))
           OR c.id IN (SELECT competitor_id FROM interview_ratings WHERE competitor_id IS NOT NULL)
        ORDER BY c.name COLLATE NOCASE`,
    )
    .all() as { id: number; name: string }[];
  // One pass over the interviewed deals gives segments, products and close dates: on a large
  // workspace the lookups into the deals table are the cost, so they are made once.
  const dealFacets = sqlite
    .prepare(
      `WITH interviewed AS (SELECT DISTINCT deal_id FROM interviews)
       SELECT d.segment, d.product_id AS productId, min(d.close_date) AS first, max(d.close_date) AS last
         FROM interviewed x JOIN deals d ON d.id = x.deal_id
        GROUP BY d.segment, d.product_id`,
    )
    .all() as { segment: string | null; productId: number | null; first: string | null; last: string | null }[];
  const segments = [...new Set(dealFacets.map((f) => f.segment).filter((s): s is string => s !== null))].sort();
  const productIds = new Set(dealFacets.map((f) => f.productId).filter((p): p is number => p !== null));
  const products = (
    sqlite.prepare('SELECT id, name FROM products ORDER BY name COLLATE NOCASE').all() as { id: number; name: string }[]
  ).filter((p) => productIds.has(p.id));
  const interviewDates = sqlite
    .prepare('SELECT min(interview_date) AS first, max(interview_date) AS last FROM interviews')
    .get() as { first: string | null; last: string | null };
  const firsts = dealFacets.map((f) => f.first).filter((d): d is string => d !== null);
  const lasts = dealFacets.map((f) => f.last).filter((d): d is string => d !== null);
  const closeDates = {
    first: firsts.length ? firsts.reduce((a, b) => (a < b ? a : b)) : null,
    last: lasts.length ? lasts.reduce((a, b) => (a > b ? a : b)) : null,
  };
  const counts = sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM interviews) AS interviews,
              (SELECT count(*) FROM interviews WHERE status = 'draft') AS drafts,
              (SELECT count(*) FROM quotes) AS quotes`,
    )
    .get() as InterviewFacets['counts'];
  return {
    competitors,
    segments,
    products,
    reasons: reasonOptions(sqlite),
    themes: listThemes(sqlite),
    interviewDates,
    closeDates,
    counts,
  };
}
