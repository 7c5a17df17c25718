// The one export menu of every chart and table: PNG and SVG for a chart, CSV for a table, each
// carrying its context (shared/export/context.ts). The screen gives the figure's own context
// (title, n, intervals, filters, period, measure); the menu adds the no-decision setting and the
// time, builds the file in the page and asks the core to save it where the user chooses.
import type { ECharts } from 'echarts/core';
import { useCallback, useRef, useState } from 'react';
import type { ExportContext } from '#shared/export/context.ts';
import { fileNameFor } from '#shared/export/file-name.ts';
import { call } from '../api/client.ts';
import { useSettings } from '../settings/use-settings.ts';
import type { FigureContext } from './figure-context.ts';
import { ErrorMessage } from './Notice.tsx';
import { useDismiss } from './use-dismiss.ts';

export interface ExportMenuProps {
  context: FigureContext;
  /** The live chart, for PNG and SVG. */
  chart?: () => ECharts | null;
  /** The table as shown, for CSV. */
  table?: () => HTMLTableElement | null;
  /** Exports the core builds itself (a matrix's full figures), in the same menu; each saves and returns the path. */
  extra?: { label: string; testId: string; save: () => Promise<string | null> }[];
  testId?: string;
}

type Kind = 'png' | 'svg' | 'csv';

export function ExportMenu({ context, chart, table, extra = [], testId = 'export-menu' }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);
  const settings = useSettings();

  const attempt = async (work: () => Promise<string | null>) => {
    setOpen(false);
    setError(null);
    setSaved(null);
    setBusy(true);
    try {
      setSaved(await work());
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const run = (kind: Kind) =>
    attempt(async () => {
      const full: ExportContext = {
        ...context,
        filters: typeof context.filters === 'function' ? await context.filters() : context.filters,
        includeNoDecision: settings.data?.includeNoDecision ?? true,
        madeAt: new Date(),
      };
      const { chartPng, chartSvgFile, tableCsv } = await import('./figure-files.ts');
      const c = chart?.() ?? null;
      const t = table?.() ?? null;
      if (kind !== 'csv' && !c) throw new Error('The chart is not drawn yet: wait for it, then export again.');
      if (kind === 'csv' && !t) throw new Error('The table is not shown yet: wait for it, then export again.');
      const content =
        kind === 'png' ? await chartPng(c!, full) : kind === 'svg' ? await chartSvgFile(c!, full) : tableCsv(t!, full);
      const { path } = await call((api) =>
        api.export.saveFigure({ kind, defaultName: fileNameFor(context.title, kind), content }),
      );
      return path;
    });

  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        className="secondary small"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => setOpen(!open)}
        data-testid={testId}
        title={`Export “${context.title}” with its filters, period and settings`}
      >
        {busy ? 'Exporting…' : 'Export ▾'}
      </button>
      {open && (
        <div className="menu" role="menu" aria-label={`Export ${context.title}`}>
          {chart && (
            <>
              <button type="button" role="menuitem" onClick={() => run('png')} data-testid={`${testId}-png`}>
                Chart as PNG image
              </button>
              <button type="button" role="menuitem" onClick={() => run('svg')} data-testid={`${testId}-svg`}>
                Chart as SVG (vector)
              </button>
            </>
          )}
          {table && (
            <button type="button" role="menuitem" onClick={() => run('csv')} data-testid={`${testId}-csv`}>
              Table as CSV
            </button>
          )}
          {extra.map((x) => (
            <button key={x.testId} type="button" role="menuitem" onClick={() => attempt(x.save)} data-testid={x.testId}>
              {x.label}
            </button>
          ))}
        </div>
      )}
      {saved && (
        <p className="muted small" role="status" data-testid={`${testId}-saved`}>
          Saved to {saved}
        </p>
      )}
      {error && <ErrorMessage error={error} title="Export failed" />}
    </div>
  );
}
