// Small HTML helpers for the report document: escaping, tables and figures. Every piece of user
// text (names, notes, quotes) goes through esc(); no markup is ever taken from data. No inline
// style attributes either (the in-app preview's page forbids them): looks come from classes.
import type { Rate } from '#shared/analytics/rate.ts';

export function esc(text: string | number | null | undefined): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const int = (n: number) => intFmt.format(n);
export const pct = (x: number | null, digits = 1) =>
  x === null || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)}%`;

export function money(amount: number | null, currency: string): string {
  if (amount === null) return '–';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** A rate as a table prints it: the rate (or counts only below the hide threshold). */
export function rateText(r: Rate): string {
  if (r.n === 0) return '–';
  if (r.confidence === 'hidden') return `${int(r.hits)}/${int(r.n)}`;
  return pct(r.rate);
}

/** Its 95% Wilson interval, or '–' where the rate is not shown. */
export function intervalText(r: Rate): string {
  if (r.n === 0 || r.confidence === 'hidden' || r.low === null || r.high === null) return '–';
  return `${pct(r.low)}–${pct(r.high)}`;
}

export function rateClass(r: Rate): string {
  return r.confidence === 'low' ? 'low' : r.confidence === 'hidden' ? 'hidden' : '';
}

export interface Column {
  label: string;
  /** Right-aligned figures. */
  num?: boolean;
}

/**
 * A table whose header row repeats on every page it spans and whose rows are never cut in half
 * (see the report CSS); every row is printed, however many.
 */
export function table(columns: Column[], rows: string[][], caption?: string, className = ''): string {
  const head = columns.map((c) => `<th scope="col"${c.num ? ' class="num"' : ''}>${esc(c.label)}</th>`).join('');
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells.map((cell, i) => `<td${columns[i]?.num ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="data ${className}">${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A chart with its caption; never split across pages. */
export function figure(svg: string, caption: string): string {
  return `<figure class="chart">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

export function note(text: string): string {
  return `<p class="note">${esc(text)}</p>`;
}
