// Sourced vs influenced (docs/METRICS.md#sourced-and-influenced): pipeline created and revenue won
// by who sourced the deal and deal type, and how much of each marketing touched before close. SQL
// groups the deals; the shares and their Wilson intervals are computed from the group counts.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { DealType } from '#shared/domain/enums.ts';
import { DEAL_TYPES } from '#shared/domain/enums.ts';
import type { ConfidenceThresholds } from '#shared/domain/settings.ts';
import type { SourcedCell, SourcedKey, SourcedLine, SourcedMeasure } from '#shared/domain/sourced.ts';
import { SOURCED_KEYS } from '#shared/domain/sourced.ts';

export interface SourcedPeriod {
  from: string | null;
  to: string | null;
}

/** Binds @from and @to: an open end is the start or end of time. */
export const periodParams = (p: SourcedPeriod) => ({ from: p.from ?? '0000-01-01', to: p.to ?? '9999-12-31' });

/** The deal's own value, else its lead source's default, else its first lead's (own, else its source's). */
export const SOURCED_BY_SQL = `COALESCE(d.sourced_by,
    (SELECT sourced_by FROM lead_sources WHERE id = d.lead_source_id),
    (SELECT COALESCE(l.sourced_by, (SELECT sourced_by FROM lead_sources WHERE id = l.lead_source_id))
       FROM leads l WHERE l.deal_id = d.id ORDER BY COALESCE(l.mql_date, l.created_date), l.id LIMIT 1),
    'none')`;

/** A campaign touch of the deal or of a lead converted into it, on or before close (open deals: any). */
export function touchCountsSql(touchedAt: string): string {
  return `(d.outcome = 'open' OR d.close_date IS NULL OR ${touchedAt} <= d.close_date)`;
}

const INFLUENCED_SQL = `(EXISTS (SELECT 1 FROM deal_touches t WHERE t.deal_id = d.id AND ${touchCountsSql('t.touched_at')})
  OR EXISTS (SELECT 1 FROM leads l JOIN lead_touches t ON t.lead_id = l.id
             WHERE l.deal_id = d.id AND ${touchCountsSql('t.touched_at')}))`;

interface GroupRow {
  sb: SourcedKey;
  deal_type: DealType;
  n: number;
  amount: number;
  inf_n: number;
  inf_amount: number;
}

function groupSql(measure: 'pipeline' | 'won', period: SourcedPeriod): string {
  const dated = period.from !== null || period.to !== null;
  const where =
    measure === 'pipeline'
      ? dated
        ? 'd.created_date BETWEEN @from AND @to'
        : '1'
      : `d.outcome = 'won'${dated ? ' AND d.close_date BETWEEN @from AND @to' : ''}`;
  return `SELECT sb, deal_type, COUNT(*) AS n, TOTAL(amount) AS amount, SUM(inf) AS inf_n,
      TOTAL(CASE WHEN inf THEN amount END) AS inf_amount
    FROM (SELECT d.deal_type, d.amount, ${SOURCED_BY_SQL} AS sb, ${INFLUENCED_SQL} AS inf FROM deals d WHERE ${where})
    GROUP BY sb, deal_type`;
}

const emptyCell = (): SourcedCell => ({ n: 0, amount: 0, influencedN: 0, influencedAmount: 0 });

function add(into: SourcedCell, c: SourcedCell): void {
  into.n += c.n;
  into.amount += c.amount;
  into.influencedN += c.influencedN;
  into.influencedAmount += c.influencedAmount;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function sourcedMeasure(
  sqlite: Database.Database,
  measure: 'pipeline' | 'won',
  period: SourcedPeriod,
  t: ConfidenceThresholds,
): SourcedMeasure {
  const rows = sqlite.prepare(groupSql(measure, period)).all(periodParams(period)) as GroupRow[];
  const cells = new Map<SourcedKey | 'all', { byType: Record<DealType, SourcedCell>; total: SourcedCell }>();
  const slot = (k: SourcedKey | 'all') => {
    let s = cells.get(k);
    if (!s) {
      s = {
        byType: Object.fromEntries(DEAL_TYPES.map((d) => [d, emptyCell()])) as Record<DealType, SourcedCell>,
        total: emptyCell(),
      };
      cells.set(k, s);
    }
    return s;
  };
  slot('all');
  for (const r of rows) {
    const c: SourcedCell = { n: r.n, amount: r.amount, influencedN: r.inf_n, influencedAmount: r.inf_amount };
    for (const k of [r.sb, 'all'] as const) {
      add(slot(k).byType[r.deal_type], c);
      add(slot(k).total, c);
    }
  }
  const all = slot('all').total;
  const keys = [...SOURCED_KEYS.filter((k) => cells.has(k)), 'all' as const];
  const lines: SourcedLine[] = keys.map((k) => {
    const { byType, total } = cells.get(k)!;
    return {
      sourcedBy: k,
      byType,
      total,
      share: rateOf(total.n, all.n, t),
      amountShare: ratio(total.amount, all.amount),
      influenced: rateOf(total.influencedN, total.n, t),
      influencedAmountShare: ratio(total.influencedAmount, total.amount),
    };
  });
  return {
    measure,
    label: measure === 'pipeline' ? 'Pipeline created' : 'Revenue won',
    lines,
  };
}
