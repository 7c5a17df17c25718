// What a screen tells the export menu about its figure (components/ExportMenu.tsx).
import type { ExportContext } from '#shared/export/context.ts';

/**
 * The figure's own context; the menu fills in the no-decision setting and the time. Filters whose
 * values need their labels looked up may be given as a function run at export time.
 */
export type FigureContext = Omit<ExportContext, 'includeNoDecision' | 'madeAt' | 'filters'> & {
  filters?: ExportContext['filters'] | (() => Promise<ExportContext['filters']>);
};
