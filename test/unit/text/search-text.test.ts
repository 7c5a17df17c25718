// Search text: the FTS query built from user input, match markers to segments, stored-text cleaning.
import { describe, expect, it } from 'vitest';
import { blankToNull, cleanLine, cleanText } from '#shared/text/clean-text.ts';
import { ftsQuery } from '#shared/text/fts-query.ts';
import { bracketMatches, matchOffsets, segmentsOf } from '#shared/text/highlight.ts';

describe('ftsQuery', () => {
  it('words become quoted prefix terms joined with AND; phrases stay phrases', () => {
    expect(ftsQuery('security review')).toEqual({ match: '"security"* AND "review"*', terms: ['security', 'review'] });
    expect(ftsQuery('"row-level security" sso').match).toBe('"row level security" AND "sso"*');
  });

  it('FTS syntax typed by the user is only words', () => {
    expect(ftsQuery('price NOT discount').match).toBe('"price"* AND "NOT"* AND "discount"*');
    expect(ftsQuery('notes:secret OR (x)').match).toBe('"notes"* AND "secret"* AND "OR"* AND "x"*');
    expect(ftsQuery('<script>alert(1)</script>').match).toBe('"script"* AND "alert"* AND "1"* AND "script"*');
    expect(ftsQuery('"unterminated').match).toBe('"unterminated"*');
    expect(ftsQuery('  ;;; ** ').match).toBeNull();
    expect(ftsQuery('café 東京').terms).toEqual(['café', '東京']);
  });

  it('caps the number of terms', () => {
    expect(ftsQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).terms).toHaveLength(12);
  });
});

describe('match markers', () => {
  const marked = 'We needed row-level \u0001security\u0002 and \u0001SSO\u0002.';
  it('become segments, offsets and brackets', () => {
    expect(segmentsOf(marked)).toEqual([
      { text: 'We needed row-level ', match: false },
      { text: 'security', match: true },
      { text: ' and ', match: false },
      { text: 'SSO', match: true },
      { text: '.', match: false },
    ]);
    expect(matchOffsets(marked)).toEqual({
      text: 'We needed row-level security and SSO.',
      matches: [
        [20, 28],
        [33, 36],
      ],
    });
    expect(bracketMatches(marked)).toBe('We needed row-level [security] and [SSO].');
    expect(segmentsOf('')).toEqual([]);
  });
});

describe('cleanText', () => {
  it('removes control characters (the match markers among them), keeps tabs, newlines and markup', () => {
    expect(cleanText('a\u0001b\u0002c\u0000d\u007Fe\r\nf\rg\th')).toBe('abcde\nf\ng\th');
    expect(cleanText('<b>bold</b> 👍🏽 مرحبا \u202E')).toBe('<b>bold</b> 👍🏽 مرحبا \u202E');
    expect(cleanLine('  VP\nFinance\t ')).toBe('VP Finance');
    expect(blankToNull('  \n ')).toBeNull();
    expect(blankToNull(' x ', true)).toBe('x');
  });
});
