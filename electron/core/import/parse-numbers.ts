// Amounts as exports write them: "$1,234.50", "1.234,50 €", "1 234,50", "EUR 1234", "(500)".
// The decimal mark is the file's (stated, or detected from its values); currency symbols and
// codes are stripped, and an unambiguous one is reported so the deal keeps its currency.
import type { DecimalMark, Delimiter } from '#shared/domain/import-mapping.ts';

export type NumberResult = { ok: true; value: number; currency: string | null } | { ok: false; reason: string };

const SYMBOLS: Record<string, string | null> = {
  $: null, // dollars of several countries: the workspace currency decides
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  R$: 'BRL',
  C$: 'CAD',
  A$: 'AUD',
  CHF: 'CHF',
  kr: null,
};
const CODE = /^[A-Z]{3}$/;
const SPACES = /[\s\u00a0\u202f']/g;

/** Strip a currency symbol or ISO code from either end; returns the rest and the currency. */
function stripCurrency(s: string): { rest: string; currency: string | null } {
  let rest = s;
  let currency: string | null = null;
  const prefix = /^([A-Z]{3}|US\$|R\$|C\$|A\$|[$€£¥₹]|kr)\s*/i.exec(rest);
  if (prefix) {
    const sym = prefix[1]!;
    const upper = sym.toUpperCase();
    if (CODE.test(upper) && upper !== 'KR') currency = upper;
    else currency = SYMBOLS[sym] ?? SYMBOLS[upper] ?? null;
    rest = rest.slice(prefix[0].length);
  }
  const suffix = /\s*([A-Z]{3}|[$€£¥₹]|kr)$/i.exec(rest);
  if (suffix) {
    const sym = suffix[1]!;
    const upper = sym.toUpperCase();
    if (CODE.test(upper) && upper !== 'KR') currency = upper;
    else currency = SYMBOLS[sym] ?? null;
    rest = rest.slice(0, rest.length - suffix[0].length);
  }
  return { rest, currency };
}

const PLAIN = /^\d+(?:\.\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

/** Read one amount written with `decimal` as its decimal mark. */
export function parseNumber(raw: string, decimal: DecimalMark): NumberResult {
  let s = raw.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  // Most cells are plain digits: skip the currency and grouping work for them.
  if (decimal === '.' && PLAIN.test(s)) return { ok: true, value: Number(s), currency: null };
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  const { rest, currency } = stripCurrency(s);
  s = rest.trim();
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  const thousands = decimal === '.' ? ',' : '.';
  const digits = s.replace(SPACES, '');
  let plain: string;
  if (decimal === '.' && SCIENTIFIC.test(digits)) plain = digits;
  else {
    const parts = digits.split(decimal);
    if (parts.length > 2) return { ok: false, reason: describeMark(decimal) };
    let whole = parts[0]!;
    const fraction = parts[1];
    if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, reason: describeMark(decimal) };
    if (whole.includes(thousands)) {
      // Group separators must sit between digit groups: "1,234,567" yes, "1,2" no.
      if (!/^\d{1,3}(?:[.,]\d{2,3})+$/.test(whole)) return { ok: false, reason: describeMark(decimal) };
      whole = whole.split(thousands).join('');
    }
    plain = fraction === undefined ? whole : `${whole}.${fraction}`;
    if (!PLAIN.test(plain)) return { ok: false, reason: 'not a number' };
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not a finite number' };
  return { ok: true, value: negative ? -value : value, currency };
}

function describeMark(decimal: DecimalMark): string {
  return decimal === '.' ? 'the file uses a decimal point' : 'the file uses a decimal comma';
}

/**
 * The decimal mark a file's amounts use. "1,5" or "1.234,56" say comma; "1.5" or "1,234.56" say
 * point; "1,234" alone says nothing, and then the separator decides: European Excel writes ';'
 * between fields and ',' as the decimal mark.
 */
export function detectDecimalMark(
  values: Iterable<string>,
  delimiter: Delimiter,
): { mark: DecimalMark; certain: boolean } {
  let point = 0;
  let comma = 0;
  for (const raw of values) {
    const s = raw.replace(SPACES, '');
    if (/\d,\d{1,2}(?!\d)/.test(s) || /\d\.\d{3},\d/.test(s) || /\d,\d{4,}$/.test(s)) comma++;
    else if (/\d\.\d{1,2}(?!\d)/.test(s) || /\d,\d{3}\.\d/.test(s) || /\d\.\d{4,}$/.test(s)) point++;
  }
  if (point > comma) return { mark: '.', certain: true };
  if (comma > point) return { mark: ',', certain: true };
  return { mark: delimiter === ';' ? ',' : '.', certain: false };
}
