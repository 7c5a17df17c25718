// The context's text block around an exported chart image: a header (title, n, intervals,
// filters, period, measure) above the chart and a footer (no-decision setting, when made) below.
// Laid out here once, by character counts, so the PNG (drawn on a canvas) and the SVG (text
// elements) put the same words on the same lines.
import type { ExportContext } from './context.ts';
import { exportContextLines } from './context.ts';

export interface FigureTextLine {
  text: string;
  /** Font size in CSS pixels. */
  size: number;
  bold: boolean;
  /** Baseline, from the top of its block. */
  y: number;
}

export interface FigureText {
  header: FigureTextLine[];
  footer: FigureTextLine[];
  headerHeight: number;
  footerHeight: number;
}

export const FIGURE_PAD = 16;
const TITLE_SIZE = 16;
const TEXT_SIZE = 11;
/** Inter's average advance is about 0.55 em: a line of `width` pixels holds this many characters. */
const charsFor = (width: number, size: number) => Math.max(20, Math.floor((width - 2 * FIGURE_PAD) / (size * 0.55)));

/** Words in lines of at most `max` characters (a longer word is cut). */
export function wrapText(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.length > max ? (word.match(new RegExp(`.{1,${max}}`, 'g')) ?? []) : [word];
    for (const piece of pieces) {
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= max) line += ` ${piece}`;
      else {
        out.push(line);
        line = piece;
      }
    }
  }
  if (line) out.push(line);
  return out;
}

function stack(texts: { text: string; size: number; bold: boolean }[], width: number): FigureTextLine[] {
  const out: FigureTextLine[] = [];
  let y = FIGURE_PAD;
  for (const t of texts) {
    for (const line of wrapText(t.text, charsFor(width, t.size))) {
      y += Math.round(t.size * 1.35);
      out.push({ text: line, size: t.size, bold: t.bold, y });
    }
  }
  return out;
}

const FOOTER_KEYS = new Set(['No-decision deals', 'Made']);

/** The header and footer of an exported chart `width` pixels wide. */
export function figureText(context: ExportContext, width: number): FigureText {
  const lines = exportContextLines(context);
  const [title, ...rest] = lines;
  const header = stack(
    [
      { text: title!.value, size: TITLE_SIZE, bold: true },
      ...rest
        .filter((l) => !FOOTER_KEYS.has(l.key))
        .map((l) => ({ text: `${l.key}: ${l.value}`, size: TEXT_SIZE, bold: false })),
    ],
    width,
  );
  const footer = stack(
    rest
      .filter((l) => FOOTER_KEYS.has(l.key))
      .map((l) => ({ text: `${l.key}: ${l.value}`, size: TEXT_SIZE, bold: false })),
    width,
  ).map((l) => ({ ...l, y: l.y - FIGURE_PAD + 4 }));
  return {
    header,
    footer,
    headerHeight: (header.at(-1)?.y ?? 0) + Math.round(FIGURE_PAD / 2),
    footerHeight: (footer.at(-1)?.y ?? 0) + FIGURE_PAD,
  };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An ECharts SVG (`renderToSVGString`) inside a larger SVG with the context's text above and
 * below it, on white: a vector figure that still says what it shows when pasted alone.
 */
export function svgWithContext(chartSvg: string, context: ExportContext, width: number, height: number): string {
  const t = figureText(context, width);
  const total = t.headerHeight + height + t.footerHeight;
  const text = (l: FigureTextLine, top: number) =>
    `<text x="${FIGURE_PAD}" y="${top + l.y}" font-family="Inter, sans-serif" font-size="${l.size}"${l.bold ? ' font-weight="600"' : ''} fill="${l.bold ? '#1b2430' : '#4a5568'}">${xml(l.text)}</text>`;
  const inner = chartSvg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg x="0" y="${t.headerHeight}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">`,
    `<title>${xml(context.title)}</title>`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    ...t.header.map((l) => text(l, 0)),
    inner,
    ...t.footer.map((l) => text(l, t.headerHeight + height)),
    '</svg>',
  ].join('\n');
}
