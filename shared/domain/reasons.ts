// The reason taxonomy as the editor, the CLI (`winnow reasons`) and the analyses see it.

export interface ReasonCounts {
  /** Interviews coded with the reason (complete and draft). */
  interviews: number;
  /** ... as their primary reason. */
  primary: number;
  winDriver: number;
  lossDriver: number;
  /** Distinct deals among those interviews. */
  deals: number;
  /** Deals whose rep-stated reason (CRM) is this one. */
  repStated: number;
  /** Quotes linked to the reason. */
  quotes: number;
}

export interface TaxonomyReason {
  id: number;
  categoryId: number;
  name: string;
  sort: number;
  retiredAt: string | null;
  /** Set when merged into another reason: its codings now belong to that one. */
  mergedInto: { id: number; name: string; at: string | null } | null;
  counts: ReasonCounts;
}

export interface TaxonomyCategory {
  id: number;
  name: string;
  sort: number;
  retiredAt: string | null;
  reasons: TaxonomyReason[];
}

export interface Taxonomy {
  categories: TaxonomyCategory[];
  /** Interviews with at least one reason coded. */
  codedInterviews: number;
}

export const REASON_ACTIONS = ['add', 'rename', 'reorder', 'merge', 'retire', 'restore', 'move'] as const;
export type ReasonAction = (typeof REASON_ACTIONS)[number];

export interface ReasonChange {
  id: number;
  at: string;
  action: ReasonAction;
  /** Whether the change was to a reason or to a category. */
  subject: 'reason' | 'category';
  reasonId: number | null;
  categoryId: number | null;
  /** One line for people: 'Merged "Cost" into "Price" (12 interviews moved)'. */
  description: string;
}
