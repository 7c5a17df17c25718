// The context every export carries: its lines, the CSV's leading comment rows (read back by
// papaparse with comments:'#'), the chart's text block and its SVG, and the PNG's text chunks.
import Papa from 'papaparse';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ExportContext } from '#shared/export/context.ts';
import {
  commentText,
  contextMetadata,
  csvWithContext,
  exportContextLines,
  periodText,
} from '#shared/export/context.ts';
import { csvValueOf } from '#shared/export/table-cells.ts';
import { figureText, svgWithContext, wrapText } from '#shared/export/figure-text.ts';
import { crc32, readPngText, withPngText } from '#shared/export/png-text.ts';

const MADE = new Date('2026-12-06T03:07:09.500Z');
const matrix: ExportContext = {
  title: 'Win rate by Segment and Region',
  n: { value: 1234, of: 'closed deals' },
  interval: '95% Wilson intervals',
  filters: [
    { label: 'Segment', values: ['SMB', 'Mid-market'] },
    { label: 'Region', values: [] },
  ],
  period: '2025-01-01 to 2025-12-31',
  measure: 'Count',
  includeNoDecision: true,
  madeAt: MADE,
  workspace: 'acme.winnow',
};

describe('export context lines', () => {
  it('lists title, n, intervals, filters, period, measure, the no-decision setting and when, in order', () => {
    expect(exportContextLines(matrix)).toEqual([
      { key: 'Title', value: 'Win rate by Segment and Region' },
      { key: 'n', value: '1,234 closed deals' },
      { key: 'Intervals', value: '95% Wilson intervals' },
      { key: 'Filters', value: 'Segment = SMB | Mid-market' },
      { key: 'Period', value: '2025-01-01 to 2025-12-31' },
      { key: 'Measure', value: 'Count' },
      { key: 'No-decision deals', value: 'counted as closed (win rate = won / (won + lost + no decision))' },
      { key: 'Made', value: '2026-12-06 03:07 UTC with Winnow from acme.winnow' },
    ]);
  });

  it('leaves out what a figure lacks but always says the filters, period and setting in force', () => {
    const lines = exportContextLines({ title: 'Cohorts', includeNoDecision: false, madeAt: MADE });
    expect(lines.map((l) => `${l.key}: ${l.value}`)).toEqual([
      'Title: Cohorts',
      'Filters: none',
      'Period: all dates',
      'No-decision deals: left out of closed deals (win rate = won / (won + lost))',
      'Made: 2026-12-06 03:07 UTC with Winnow',
    ]);
    expect(exportContextLines(matrix, true)[1]).toEqual({ key: 'n', value: '1234 closed deals' });
  });

  it('keeps a comment row in one spreadsheet cell: commas, quotes and line breaks become look-alikes', () => {
    expect(commentText({ key: 'Title', value: 'Acme, Inc. "the big one"\nprofile' })).toBe(
      '# Title: Acme\u201A Inc. \u201Dthe big one\u201D profile',
    );
  });
});

describe('CSV with a leading context block', () => {
  const rows = [
    ['Segment', 'Won', 'Closed', 'Win rate'],
    ['SMB', 40, 100, 0.4],
    ['=cmd, "x"', 1, 2, 0.5],
  ];
  const csv = csvWithContext(matrix, rows);

  it('starts with the BOM and one "# Key: value" row per context line, then header and data', () => {
    const lines = csv.split('\r\n');
    expect(csv.startsWith('\uFEFF# Title: Win rate by Segment and Region\r\n')).toBe(true);
    expect(lines.slice(1, 8)).toEqual([
      '# n: 1234 closed deals',
      '# Intervals: 95% Wilson intervals',
      '# Filters: Segment = SMB | Mid-market',
      '# Period: 2025-01-01 to 2025-12-31',
      '# Measure: Count',
      '# No-decision deals: counted as closed (win rate = won / (won + lost + no decision))',
      '# Made: 2026-12-06 03:07 UTC with Winnow from acme.winnow',
    ]);
    expect(lines.slice(8)).toEqual(['Segment,Won,Closed,Win rate', 'SMB,40,100,0.4', `"'=cmd, ""x""",1,2,0.5`, '']);
  });

  it('reads back with papaparse comments:"#": exactly the header and data rows, formula cell kept as text', () => {
    const parsed = Papa.parse<string[]>(csv, { comments: '#', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['Segment', 'Won', 'Closed', 'Win rate'],
      ['SMB', '40', '100', '0.4'],
      ['\'=cmd, "x"', '1', '2', '0.5'],
    ]);
    // Without comment handling every context row is one cell in column A (how Excel shows it).
    const plain = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(plain.data.slice(0, 8).every((r) => r.length === 1)).toBe(true);
    expect(plain.data[8]).toEqual(['Segment', 'Won', 'Closed', 'Win rate']);
  });
});

describe('chart text block', () => {
  it('wraps by words within the characters a line holds', () => {
    expect(wrapText('Segment = SMB | Mid-market; Region = EMEA', 20)).toEqual([
      'Segment = SMB |',
      'Mid-market; Region =',
      'EMEA',
    ]);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('puts the title and figure context above the chart and the setting and date below', () => {
    const t = figureText(matrix, 800);
    expect(t.header.map((l) => l.text)).toEqual([
      'Win rate by Segment and Region',
      'n: 1,234 closed deals',
      'Intervals: 95% Wilson intervals',
      'Filters: Segment = SMB | Mid-market',
      'Period: 2025-01-01 to 2025-12-31',
      'Measure: Count',
    ]);
    expect(t.header[0]).toMatchObject({ size: 16, bold: true, y: 16 + 22 });
    expect(t.header[1]).toMatchObject({ size: 11, bold: false, y: 38 + 15 });
    expect(t.headerHeight).toBe(38 + 5 * 15 + 8);
    expect(t.footer.map((l) => l.text)).toEqual([
      'No-decision deals: counted as closed (win rate = won / (won + lost + no decision))',
      'Made: 2026-12-06 03:07 UTC with Winnow from acme.winnow',
    ]);
    expect(t.footer.map((l) => l.y)).toEqual([19, 34]);
    expect(t.footerHeight).toBe(50);
  });

  it('wraps an SVG chart in a figure with the context as text elements, user text escaped', () => {
    const chart =
      '<?xml version="1.0"?>\n<svg width="400" height="200" xmlns="http://www.w3.org/2000/svg"><rect/></svg>';
    const svg = svgWithContext(chart, { ...matrix, title: 'A <b>&</b> B' }, 400, 200);
    const t = figureText({ ...matrix, title: 'A <b>&</b> B' }, 400);
    const total = t.headerHeight + 200 + t.footerHeight;
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="${total}"`)).toBe(true);
    expect(svg).toContain('<title>A &lt;b&gt;&amp;&lt;/b&gt; B</title>');
    expect(svg).toContain(`<svg x="0" y="${t.headerHeight}" width="400" height="200"`);
    expect(svg).toContain('>Made: 2026-12-06 03:07 UTC with Winnow from acme.winnow</text>');
    expect(svg).not.toContain('<?xml');
  });
});

/** A valid 1×1 white PNG built by hand (signature, IHDR, IDAT, IEND). */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const typed = new Uint8Array([...Buffer.from(type, 'latin1'), ...data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.set(typed, 4);
    out.writeUInt32BE(crc32(typed), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const idat = deflateSync(Buffer.from([0, 255, 255, 255]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ]);
}

describe('PNG text chunks', () => {
  it('has the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('stores the context as UTF-8 iTXt chunks after IHDR, read back exactly', () => {
    const png = tinyPng();
    const meta = contextMetadata({ ...matrix, title: 'Win rate vs Müller & Søn' });
    const out = withPngText(png, meta);
    expect(out.length).toBeGreaterThan(png.length);
    expect(String.fromCharCode(...out.subarray(37, 41))).toBe('iTXt');
    expect(readPngText(out)).toEqual(meta);
    expect(meta.Title).toBe('Win rate vs Müller & Søn');
    expect(meta.Description!.split('\n')[1]).toBe('n: 1,234 closed deals');
    expect(meta['Creation Time']).toBe('2026-12-06T03:07:09.500Z');
    expect(() => withPngText(new Uint8Array([1, 2, 3]), meta)).toThrow('Not a PNG image.');
  });
});

describe('table cells as CSV values', () => {
  it('turns plain counts and amounts as shown into numbers, and keeps everything else as the screen shows it', () => {
    expect(['12', '1,234', '-12.5', '\u22123', '0', '0.25'].map(csvValueOf)).toEqual([12, 1234, -12.5, -3, 0, 0.25]);
    expect(['83.3%', '007', '1,23', '2025-Q1', '–', '55%–95%', '12 d'].map(csvValueOf)).toEqual([
      '83.3%',
      '007',
      '1,23',
      '2025-Q1',
      '–',
      '55%–95%',
      '12 d',
    ]);
  });

  it('gives every period its wording: both ends, one end, or all dates', () => {
    expect(periodText('2025-01-01', '2025-03-31', 'close date')).toBe('2025-01-01 to 2025-03-31 (close date)');
    expect(periodText('2025-01-01', null)).toBe('from 2025-01-01');
    expect(periodText(null, '2025-03-31')).toBe('until 2025-03-31');
    expect(periodText(undefined, undefined, 'entry')).toBe('all dates (entry)');
  });
});
