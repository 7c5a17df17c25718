// The reason taxonomy with how much each reason is used, and its change log in words.
import type Database from 'better-sqlite3';
import type { ReasonAction, ReasonChange, ReasonCounts, Taxonomy, TaxonomyCategory } from '#shared/domain/reasons.ts';

interface CountRow {
  id: number;
  interviews: number;
  primary: number;
  winDriver: number;
  lossDriver: number;
  deals: number;
}

const ZERO: ReasonCounts = {
  interviews: 0,
  primary: 0,
  winDriver: 0,
  lossDriver: 0,
  deals: 0,
  repStated: 0,
  quotes: 0,
};

export function readTaxonomy(sqlite: Database.Database): Taxonomy {
  const categories = sqlite
    .prepare('SELECT id, name, sort, retired_at AS retiredAt FROM reason_categories ORDER BY sort, id')
    .all() as Omit<TaxonomyCategory, 'reasons'>[];
  const reasons = sqlite
    .prepare(
      `SELECT r.id, r.category_id AS categoryId, r.name, r.sort, r.retired_at AS retiredAt,
              r.merged_into_id AS mergedIntoId, m.name AS mergedIntoName,
              (SELECT max(rc.at) FROM reason_changes rc WHERE rc.reason_id = r.id AND rc.action = 'merge') AS mergedAt
         FROM reasons r LEFT JOIN reasons m ON m.id = r.merged_into_id
        ORDER BY r.sort, r.id`,
    )
    .all() as {
    id: number;
    categoryId: number;
    name: string;
    sort: number;
    retiredAt: string | null;
    mergedIntoId: number | null;
    mergedIntoName: string | null;
    mergedAt: string | null;
  }[];
  const coding = new Map(
    (
      sqlite
        .prepare(
          `SELECT ir.reason_id AS id, count(*) AS interviews, total(ir.is_primary) AS "primary",
                  count(*) FILTER (WHERE ir.driver = 'win') AS winDriver,
                  count(*) FILTER (WHERE ir.driver = 'loss') AS lossDriver,
                  count(DISTINCT i.deal_id) AS deals
             FROM interview_reasons ir JOIN interviews i ON i.id = ir.interview_id
            GROUP BY ir.reason_id`,
        )
        .all() as CountRow[]
    ).map((r) => [r.id, r]),
  );
  const rep = new Map(
    (
      sqlite
        .prepare(
          'SELECT rep_reason_id AS id, count(*) AS n FROM deals WHERE rep_reason_id IS NOT NULL GROUP BY rep_reason_id',
        )
        .all() as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  const quotes = new Map(
    (
      sqlite
        .prepare('SELECT reason_id AS id, count(*) AS n FROM quotes WHERE reason_id IS NOT NULL GROUP BY reason_id')
        .all() as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  const codedInterviews = (
    sqlite.prepare('SELECT count(DISTINCT interview_id) AS n FROM interview_reasons').get() as { n: number }
  ).n;
  return {
    codedInterviews,
    categories: categories.map((c) => ({
      ...c,
      reasons: reasons
        .filter((r) => r.categoryId === c.id)
        .map((r) => {
          const k = coding.get(r.id);
          return {
            id: r.id,
            categoryId: r.categoryId,
            name: r.name,
            sort: r.sort,
            retiredAt: r.retiredAt,
            mergedInto:
              r.mergedIntoId !== null ? { id: r.mergedIntoId, name: r.mergedIntoName ?? '', at: r.mergedAt } : null,
            counts: {
              ...ZERO,
              ...(k && {
                interviews: k.interviews,
                primary: k.primary,
                winDriver: k.winDriver,
                lossDriver: k.lossDriver,
                deals: k.deals,
              }),
              repStated: rep.get(r.id) ?? 0,
              quotes: quotes.get(r.id) ?? 0,
            },
          };
        }),
    })),
  };
}

type Detail = Record<string, unknown>;
const q = (v: unknown) => `"${String(v ?? '')}"`;

/** The change in words, from the names recorded at the time (later renames do not rewrite history). */
export function describeChange(action: ReasonAction, subject: 'reason' | 'category', d: Detail): string {
  const what = subject === 'category' ? 'category ' : '';
  switch (action) {
    case 'add':
      return subject === 'category'
        ? `Added category ${q(d.name)}`
        : `Added ${q(d.name)}${d.category ? ` to ${q(d.category)}` : ''}${d.source ? ` (${String(d.source)})` : ''}`;
    case 'rename':
      return `Renamed ${what}${q(d.from)} to ${q(d.to)}`;
    case 'reorder':
      return `Moved ${what}${q(d.name)} ${d.direction === 'up' ? 'up' : 'down'}`;
    case 'move':
      return `Moved ${q(d.name)} from ${q(d.from)} to ${q(d.to)}`;
    case 'merge':
      return (
        `Merged ${q(d.name)} into ${q(d.into)}: ${Number(d.interviews ?? 0)} interview codings, ` +
        `${Number(d.quotes ?? 0)} quotes and ${Number(d.repDeals ?? 0)} rep-stated deals followed`
      );
    case 'retire':
      return `Retired ${what}${q(d.name)}`;
    case 'restore':
      return `Restored ${what}${q(d.name)}`;
  }
}

export function reasonHistory(sqlite: Database.Database, limit: number): ReasonChange[] {
  const rows = sqlite
    .prepare(
      `SELECT id, at, action, reason_id AS reasonId, category_id AS categoryId, detail_json AS detail
         FROM reason_changes ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as {
    id: number;
    at: string;
    action: ReasonAction;
    reasonId: number | null;
    categoryId: number | null;
    detail: string;
  }[];
  return rows.map((r) => {
    let detail: Detail = {};
    try {
      detail = JSON.parse(r.detail) as Detail;
    } catch {
      // a hand-edited log line: describe it from the action alone
    }
    const subject = r.reasonId === null ? 'category' : 'reason';
    return {
      id: r.id,
      at: r.at,
      action: r.action,
      subject,
      reasonId: r.reasonId,
      categoryId: r.categoryId,
      description: describeChange(r.action, subject, detail),
    };
  });
}
