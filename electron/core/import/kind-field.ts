// One field of an import kind: what the mapping screen shows and how a cell is read. Apart from
// kind.ts because the cell reader (row-cells.ts) needs it and kind.ts needs the cell reader.
import type { ImportFieldSpec } from '#shared/domain/imports.ts';

export interface KindField extends ImportFieldSpec {
  /** Header names that suggest this field (compared without case, spaces or punctuation). */
  headers: string[];
  /** For lookups: which names it resolves (decisions are shared by every field of that entity). */
  entity?: 'competitor' | 'product' | 'account' | 'owner' | 'team' | 'leadSource' | 'reason' | 'theme' | 'guide';
  /**
   * What the check calls the values of an entity several fields feed ("Reason" for the primary
   * and secondary reasons); its source then names every column. Without it, the first field's
   * label and column.
   */
  entityLabel?: string;
  /** Longest text kept; longer cells are a problem, not silently cut. */
  maxLength?: number;
}
