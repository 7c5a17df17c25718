// A table cell's text as a CSV value: plain counts and amounts as shown on screen ("1,234",
// "-12.5") become numbers a spreadsheet can sum; everything else (rates with their %, intervals,
// ids with leading zeros, labels) stays the text the screen shows.
import type { CsvValue } from './csv.ts';

const NUMBER = /^[-\u2212]?(\d{1,3}(,\d{3})+|[1-9]\d*|0)(\.\d+)?$/;

export function csvValueOf(text: string): CsvValue {
  if (!NUMBER.test(text)) return text;
  return Number(text.replace(/,/g, '').replace('\u2212', '-'));
}
