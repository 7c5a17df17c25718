import { describe, expect, it } from 'vitest';
import { detectNewline, sniffDelimiter } from '#core/import/csv-dialect.ts';
import { detectEncoding, notTextReason } from '#core/import/text-decoding.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniffing a CSV dialect', () => {
  it('finds the line ending outside quotes', () => {
    expect(detectNewline('a,b\r\n1,2\r\n')).toBe('\r\n');
    expect(detectNewline('a,b\n1,"x\r\ny"\n2,3\n')).toBe('\n');
    expect(detectNewline('a,b\r1,2\r')).toBe('\r');
  });
  it('picks the separator that splits every line the same way', () => {
    expect(sniffDelimiter('id;name;amount\n1;A;1,5\n2;B;2,5\n', '\n')).toEqual({ delimiter: ';', certain: true });
    expect(sniffDelimiter('id\tname\n1\tA, Inc\n', '\n')).toEqual({ delimiter: '\t', certain: true });
    expect(sniffDelimiter('id,name\n1,"A; B"\n2,C\n', '\n').delimiter).toBe(',');
    expect(sniffDelimiter('single\nvalue\n', '\n')).toEqual({ delimiter: ',', certain: false });
  });
});

describe('encodings and non-text files', () => {
  it('detects UTF-8 with and without a mark, UTF-16, and falls back to Windows-1252', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({
      encoding: 'utf-8',
      certain: true,
    });
    expect(detectEncoding(bytes('Café'), true)).toEqual({ encoding: 'utf-8', certain: true });
    expect(detectEncoding(bytes('plain ascii'), true)).toEqual({ encoding: 'utf-8', certain: false });
    expect(detectEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), true)).toEqual({
      encoding: 'windows-1252',
      certain: true,
    });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), true).encoding).toBe('utf-16le');
  });
  it('names workbooks, PDFs and binary data instead of parsing them', () => {
    expect(notTextReason(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toMatch(/Excel workbook \(\.xlsx\)/);
    expect(notTextReason(bytes('%PDF-1.7'))).toMatch(/a PDF document/);
    expect(notTextReason(new Uint8Array([0x41, 0x00, 0x42, 0x42, 0x42, 0x00, 0x41, 0x41]))).toMatch(/binary data/);
    expect(notTextReason(bytes('id,name\n1,A\n'))).toBeNull();
  });
});
