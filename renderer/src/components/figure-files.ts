// The files of one exported figure, built in the page: a chart's PNG (the screen's pixels under
// the context's header, above its footer, the context also stored as PNG text chunks), its SVG
// (redrawn as vectors, same text) and a table's CSV (the cells as shown, after the context rows).
import type { ECharts } from 'echarts/core';
import type { ExportContext } from '#shared/export/context.ts';
import { contextMetadata, csvWithContext } from '#shared/export/context.ts';
import { csvValueOf } from '#shared/export/table-cells.ts';
import { FIGURE_PAD, figureText, svgWithContext } from '#shared/export/figure-text.ts';
import { withPngText } from '#shared/export/png-text.ts';

function load(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('Could not draw the chart image.'));
    img.src = src;
  });
}

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** The chart as a PNG data URL at twice its screen size, with its context drawn and stored. */
export async function chartPng(chart: ECharts, context: ExportContext): Promise<string> {
  const ratio = 2;
  const img = await load(chart.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#ffffff' }));
  const width = img.width / ratio;
  const chartHeight = img.height / ratio;
  const t = figureText(context, width);
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = Math.ceil((t.headerHeight + chartHeight + t.footerHeight) * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This window cannot draw images.');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, canvas.height / ratio);
  const draw = (lines: typeof t.header, top: number) => {
    for (const l of lines) {
      ctx.font = `${l.bold ? 600 : 400} ${l.size}px Inter, sans-serif`;
      ctx.fillStyle = l.bold ? '#1b2430' : '#4a5568';
      ctx.fillText(l.text, FIGURE_PAD, top + l.y);
    }
  };
  draw(t.header, 0);
  ctx.drawImage(img, 0, t.headerHeight, width, chartHeight);
  draw(t.footer, t.headerHeight + chartHeight);
  const png = fromBase64(canvas.toDataURL('image/png').split(',')[1]!);
  return `data:image/png;base64,${toBase64(withPngText(png, contextMetadata(context)))}`;
}

export async function chartSvgFile(chart: ECharts, context: ExportContext): Promise<string> {
  const { chartSvg } = await import('./chart-svg.ts');
  const { svg, width, height } = chartSvg(chart);
  return svgWithContext(svg, context, width, height);
}

/** A table's cells as the screen shows them: header rows, then body rows; a wide cell spans blanks. */
export function tableCells(table: HTMLTableElement): string[][] {
  return Array.from(table.rows).map((row) =>
    Array.from(row.cells).flatMap((cell) => [
      (cell.innerText || cell.textContent || '').replace(/\s+/g, ' ').trim(),
      ...Array.from({ length: cell.colSpan - 1 }, () => ''),
    ]),
  );
}

export function tableCsv(table: HTMLTableElement, context: ExportContext): string {
  return csvWithContext(
    context,
    tableCells(table).map((row) => row.map(csvValueOf)),
  );
}
