// The report as one self-contained HTML document: cover, contents, the chosen sections in their
// order, and an appendix (filters, definitions, taxonomy version, workspace, data's last date, app
// version). Page size and orientation, the running header and "page X of Y" are CSS (@page and its
// margin boxes), so Chromium's print engine lays out the pages; tables repeat their header row and
// never cut a row; charts (inline SVG) never split. The document loads nothing: its CSP allows only
// inline styles and data: fonts and images, and it has no script.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportDocument } from '#shared/domain/reports.ts';
import { REPORT_DEFINITIONS, SECTION_LABEL } from '#shared/domain/reports.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import { esc, table } from './html.ts';
import type { ReportData } from './report-data.ts';
import { chartDrawer, sectionBody } from './report-sections.ts';

const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** resources/fonts, from source (electron/core/reports) or from the bundle (out/main). */
function fontsDir(): string | null {
  for (const rel of ['../../../resources/fonts/', '../../resources/fonts/', '../resources/fonts/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}inter-latin-400-normal.woff2`)) return dir;
  }
  return null;
}

let fontCss: string | null = null;
/** Inter (bundled, OFL) as data: URLs: the PDF embeds the same font on every machine. */
function fontFaces(): string {
  if (fontCss !== null) return fontCss;
  const dir = fontsDir();
  fontCss = dir
    ? [400, 600, 700]
        .map((w) => {
          const data = readFileSync(`${dir}inter-latin-${w}-normal.woff2`).toString('base64');
          return `@font-face { font-family: 'Inter'; font-style: normal; font-weight: ${w}; src: url(data:font/woff2;base64,${data}) format('woff2'); }`;
        })
        .join('\n')
    : '';
  return fontCss;
}

/** A CSS string literal (for @page margin boxes). */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

function pageCss(data: ReportData): string {
  const size = data.spec.pageSize;
  const period = `${data.from} to ${data.to}`;
  return `
@page {
  size: ${size} portrait;
  margin: 18mm 15mm 18mm 15mm;
  @top-left { content: ${cssString(data.spec.title)}; font: 600 8pt Inter, sans-serif; color: #1f3a5f; }
  @top-right { content: ${cssString(period)}; font: 400 8pt Inter, sans-serif; color: #555; }
  @bottom-left { content: ${cssString(`Winnow · ${data.workspaceName}`)}; font: 400 7.5pt Inter, sans-serif; color: #777; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 400 8pt Inter, sans-serif; color: #555; }
}
@page wide { size: ${size} landscape; }
.landscape { page: wide; }
`;
}

/** Looks of the document; shared by the print and the preview (where .report is the page). */
export const REPORT_CSS = `
.report { font-family: Inter, system-ui, sans-serif; font-size: 9.5pt; line-height: 1.45; color: #1b1f24; }
.report h1 { font-size: 17pt; font-weight: 700; color: #1f3a5f; margin: 0 0 6mm; }
.report h2 { font-size: 12pt; font-weight: 600; color: #1f3a5f; margin: 6mm 0 2mm; break-after: avoid; }
.report h3, .report h4 { font-size: 10.5pt; font-weight: 600; margin: 4mm 0 2mm; break-after: avoid; }
.report p { margin: 0 0 2.5mm; }
.report .lead { font-size: 10pt; }
.report .note { font-size: 8pt; color: #555; margin: 1.5mm 0; }
.report .page { break-before: page; }
.report .cover { display: flex; flex-direction: column; justify-content: center; min-height: 200mm; }
.report .cover .kicker { font-size: 10pt; letter-spacing: 0.08em; text-transform: uppercase; color: #555; }
.report .cover .title { font-size: 28pt; font-weight: 700; color: #1f3a5f; margin: 4mm 0 6mm; line-height: 1.15; }
.report .cover dl { display: grid; grid-template-columns: 32mm auto; gap: 1.5mm 4mm; font-size: 10.5pt; }
.report .cover dt { color: #555; }
.report .cover dd { margin: 0; }
.report .toc ol { font-size: 11pt; padding-left: 6mm; }
.report .toc li { margin: 1.5mm 0; }
.report .toc a { color: #1f3a5f; text-decoration: none; }
.report table.data { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; font-variant-numeric: tabular-nums; }
.report table.data caption { text-align: left; font-size: 8.5pt; color: #555; padding-bottom: 1mm; caption-side: top; }
.report table.data thead { display: table-header-group; }
.report table.data tr { break-inside: avoid; page-break-inside: avoid; }
.report table.data th { text-align: left; font-weight: 600; border-bottom: 1.2pt solid #1f3a5f; padding: 1.2mm 1.5mm; font-size: 8.5pt; vertical-align: bottom; }
.report table.data td { border-bottom: 0.5pt solid #d7dbe0; padding: 1mm 1.5mm; vertical-align: top; }
.report table.data td + td { white-space: nowrap; }
.report table.data.wrap td + td { white-space: normal; }
.report table.data .num { text-align: right; }
.report table.matrix td.num, .report table.matrix th.num { text-align: center; }
.report .cell { display: inline-block; min-width: 15mm; padding: 0.6mm 1mm; border-radius: 1mm; }
.report .cell small { display: block; font-size: 6.5pt; color: #444; }
.report table.criteria { font-size: 8pt; }
.report table.criteria td + td { white-space: normal; }
.report table.criteria small, .report table.by-count small { display: block; font-size: 6.5pt; color: #444; }
.report table.criteria small.warning { color: #8a4b00; }
.report .nowrap { white-space: nowrap; }
.report .h0 { background: #f4d6d2; } .report .h1 { background: #f7e6d0; } .report .h2 { background: #f3f0d8; }
.report .h3 { background: #dcebdc; } .report .h4 { background: #c4e3cd; } .report .hx { background: #eef0f3; }
.report .low { color: #7a828c; } .report .hidden { color: #7a828c; font-style: italic; }
.report figure.chart { break-inside: avoid; page-break-inside: avoid; margin: 3mm 0 4mm; }
.report figure.chart svg { width: 100%; height: auto; display: block; }
.report figcaption { font-size: 8pt; color: #555; margin-top: 1mm; }
.report ul.quotes { list-style: none; padding: 0; margin: 1.5mm 0 0; }
.report ul.quotes li { break-inside: avoid; margin: 0 0 2.5mm; }
.report blockquote { margin: 0; padding-left: 3mm; border-left: 1.5pt solid #1f3a5f; font-style: italic; }
.report .attribution { font-size: 8pt; color: #555; margin: 0.5mm 0 0 3mm; }
.report .url { color: #555; font-size: 8.5pt; }
.report pre { white-space: pre-wrap; font-size: 8.5pt; background: #f4f5f7; padding: 2mm; }
.report dl.facts { display: grid; grid-template-columns: 45mm auto; gap: 1mm 4mm; }
.report dl.facts dt { color: #555; } .report dl.facts dd { margin: 0; }
`;

/** The same looks on screen: each section as a sheet of paper. */
export const PREVIEW_CSS = `
.report { background: #e9ecf0; padding: 12px; }
.report .sheet { background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.2); margin: 0 auto 16px; padding: 16mm 14mm; max-width: 190mm; }
.report .sheet.landscape { max-width: 270mm; }
.report .cover { min-height: 0; }
`;

export function buildReportDocument(data: ReportData): ReportDocument {
  const charts = chartDrawer();
  const sections = data.sections.map(({ section, data: d }, i) => {
    const title =
      section.kind === 'notes' && data.sections.filter((s) => s.section.kind === 'notes').length > 1
        ? `${SECTION_LABEL.notes} (${i + 1})`
        : SECTION_LABEL[section.kind];
    return {
      id: `s-${section.id}`,
      title,
      html: `<section class="sheet page ${section.orientation}" id="s-${esc(section.id)}" aria-labelledby="h-${esc(section.id)}"><h1 id="h-${esc(section.id)}">${esc(title)}</h1>\n${sectionBody(section, d, charts)}\n</section>`,
    };
  });
  const spec = data.spec;
  const cover = `<section class="sheet cover"><p class="kicker">Winnow report</p><p class="title">${esc(spec.title)}</p><dl>
<dt>Period</dt><dd>${esc(data.from)} to ${esc(data.to)}</dd>
${spec.author ? `<dt>Author</dt><dd>${esc(spec.author)}</dd>` : ''}
<dt>Workspace</dt><dd>${esc(data.workspaceName)}</dd>
<dt>Made</dt><dd>${esc(data.madeAt.slice(0, 10))}</dd>
<dt>Filters</dt><dd>${filtersText(data)}</dd>
</dl></section>`;
  const toc = `<nav class="sheet page toc" aria-labelledby="h-toc"><h1 id="h-toc">Contents</h1><ol>${sections
    .map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`)
    .join('')}<li><a href="#s-appendix">Appendix: filters and definitions</a></li></ol></nav>`;
  const body = `<div class="report">\n${cover}\n${toc}\n${sections.map((s) => s.html).join('\n')}\n${appendix(data)}\n</div>`;
  const css = `${REPORT_CSS}\n${pageCss(data)}`;
  const html = `<!doctype html>
<html lang="en" data-report="ready">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="author" content="${esc(spec.author)}">
<meta name="generator" content="Winnow ${esc(data.appVersion)}">
<title>${esc(spec.title)}</title>
<style>
${fontFaces()}
html, body { margin: 0; padding: 0; }
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
  return {
    title: spec.title,
    from: data.from,
    to: data.to,
    html,
    css: `${REPORT_CSS}\n${PREVIEW_CSS}`,
    body,
    charts: charts.count,
  };
}

function filtersText(data: ReportData): string {
  const f = data.filterLabels.map((x) => `${esc(x.dimension)}: ${esc(x.values.join(', '))}`);
  return f.length ? f.join('; ') : 'none (all deals in the period)';
}

function appendix(data: ReportData): string {
  const s = data.settings;
  const facts: [string, string][] = [
    [
      'Period',
      `${esc(data.from)} to ${esc(data.to)} (close dates, both included)${data.spec.period.kind === 'relative' ? `, resolved on ${esc(data.madeAt.slice(0, 10))}` : ''}`,
    ],
    ['Deal filters', filtersText(data)],
    ['No-decision setting', esc(closedDefinition(s))],
    [
      'Low-n thresholds',
      `low confidence below n = ${s.lowConfidenceBelowN}; rate hidden below n = ${s.hideRateBelowN}`,
    ],
    ['Currency', esc(s.currency)],
    ['Taxonomy version', esc(data.taxonomyVersion)],
    ['Workspace', esc(data.workspaceName)],
    ["Data's last date", esc(data.dataLastDate ?? 'no closed deals')],
    ['App version', `Winnow ${esc(data.appVersion)}`],
    ['Made', esc(data.madeAt)],
  ];
  return `<section class="sheet page appendix" id="s-appendix" aria-labelledby="h-appendix"><h1 id="h-appendix">Appendix: filters and definitions</h1>
<h2>Filters in force</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>Definitions</h2>
${table(
  [{ label: 'Term' }, { label: 'Definition (docs/METRICS.md)' }],
  REPORT_DEFINITIONS.map((d) => [`<strong>${esc(d.term)}</strong>`, esc(d.text)]),
  undefined,
  'wrap',
)}
</section>`;
}
