// Counts the distinct values of a field as rows go by, with what each became, so the check can
// list them for the user to map ("Demo scheduled: 41 rows, unknown"). Bounded: after MAX_DISTINCT
// values it only counts.
import type { ValueCount, ValueReport, ValueStatus } from '#shared/domain/imports.ts';
import { detach } from './detach.ts';

const MAX_DISTINCT = 2000;
/** Values listed in a report; the rest are summarised by `distinct`. */
const LISTED = 300;

const STATUS_ORDER: Record<ValueStatus, number> = { unknown: 0, near: 1, new: 2, mapped: 3, known: 4, blank: 5 };

export class ValueTracker {
  readonly field: string;
  readonly label: string;
  readonly source: string;
  private readonly values = new Map<string, ValueCount>();
  private overflow = false;

  constructor(field: string, label: string, source: string) {
    this.field = field;
    this.label = label;
    this.source = source;
  }

  add(
    raw: string,
    status: ValueStatus,
    resolved: string | null,
    suggestions: string[] = [],
    why: string | null = null,
  ): void {
    const v = this.values.get(raw);
    if (v) {
      v.count++;
      return;
    }
    if (this.values.size >= MAX_DISTINCT) {
      this.overflow = true;
      return;
    }
    const kept = detach(raw);
    this.values.set(kept, {
      raw: kept,
      count: 1,
      resolved: resolved === null ? null : detach(resolved),
      status,
      suggestions,
      why,
    });
  }

  has(raw: string): boolean {
    return this.values.has(raw);
  }

  /** Values needing attention first (unknown, near matches), then by count. */
  report(): ValueReport {
    const all = [...this.values.values()].sort(
      (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.count - a.count || a.raw.localeCompare(b.raw),
    );
    return {
      field: this.field,
      label: this.label,
      source: this.source,
      values: all.slice(0, LISTED),
      truncated: this.overflow || all.length > LISTED,
      distinct: all.length,
    };
  }
}
