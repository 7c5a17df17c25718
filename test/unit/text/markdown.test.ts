// The notes' Markdown subset: what it supports, and that markup and hostile input stay text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '#shared/text/markdown.ts';
import { inlineText, isWebUrl, parseInline, parseMarkdown } from '#shared/text/markdown.ts';

const HOSTILE = JSON.parse(
  readFileSync(new URL('../../fixtures/interviews/hostile-strings.json', import.meta.url), 'utf8'),
) as string[];

const text = (t: string): Inline => ({ type: 'text', text: t });

function allInlines(blocks: Block[]): Inline[] {
  const out: Inline[] = [];
  const walk = (nodes: Inline[]) => {
    for (const n of nodes) {
      out.push(n);
      if ('children' in n) walk(n.children);
    }
  };
  for (const b of blocks) {
    if (b.type === 'list') b.items.forEach(walk);
    else if (b.type !== 'code') walk(b.content);
  }
  return out;
}

describe('parseInline', () => {
  it('strong, em, code, links and escapes', () => {
    expect(parseInline('a **b** *c* _d_ `e*f` \\*g\\*')).toEqual([
      text('a '),
      { type: 'strong', children: [text('b')] },
      text(' '),
      { type: 'em', children: [text('c')] },
      text(' '),
      { type: 'em', children: [text('d')] },
      text(' '),
      { type: 'code', text: 'e*f' },
      text(' *g*'),
    ]);
    expect(parseInline('see [the docs](https://example.com/a?b=1) now')).toEqual([
      text('see '),
      { type: 'link', children: [text('the docs')], url: 'https://example.com/a?b=1', safe: true },
      text(' now'),
    ]);
  });

  it('keeps non-emphasis asterisks and intraword underscores literal', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
    expect(parseInline('snake_case_name')).toEqual([text('snake_case_name')]);
    expect(parseInline('**unclosed')).toEqual([text('**unclosed')]);
    expect(parseInline('[not a link] (x)')).toEqual([text('[not a link] (x)')]);
  });

  it('nests strong inside em and em inside strong', () => {
    expect(parseInline('*a **b** c*')).toEqual([
      { type: 'em', children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')] },
    ]);
  });

  it('marks links that are not plain http(s) as unsafe', () => {
    const [link] = parseInline('[x](javascript:alert(1))');
    expect(link).toMatchObject({ type: 'link', url: 'javascript:alert(1', safe: false });
    expect(isWebUrl('http://example.com')).toBe(true);
    expect(isWebUrl('JAVASCRIPT:alert(1)')).toBe(false);
    expect(isWebUrl('data:text/html,<script>')).toBe(false);
    expect(isWebUrl('file:///etc/passwd')).toBe(false);
    expect(isWebUrl('//evil.example')).toBe(false);
  });
});

describe('parseMarkdown', () => {
  it('paragraphs, line breaks, headings, lists, quotes and fenced code', () => {
    const blocks = parseMarkdown(
      '# Summary\nWon on **fit**.\nSecond line.\n\n- one\n- two\n  continued\n\n3. three\n4. four\n\n> said it\n> twice\n\n```\n<b>raw</b>\n```',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, content: [text('Summary')] },
      {
        type: 'paragraph',
        content: [
          text('Won on '),
          { type: 'strong', children: [text('fit')] },
          text('.'),
          { type: 'br' },
          text('Second line.'),
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [[text('one')], [text('two'), { type: 'br' }, text('continued')]],
      },
      { type: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] },
      { type: 'quote', content: [text('said it'), { type: 'br' }, text('twice')] },
      { type: 'code', text: '<b>raw</b>' },
    ]);
  });

  it.each(HOSTILE)('hostile input stays text: %s', (s) => {
    const blocks = parseMarkdown(s);
    const nodes = allInlines(blocks);
    // Only our own node types, and every character of the input is still there as text
    // (link URLs are kept on the node, not lost).
    for (const n of nodes) expect(['text', 'strong', 'em', 'code', 'link', 'br']).toContain(n.type);
    for (const n of nodes) if (n.type === 'link') expect(n.safe).toBe(isWebUrl(n.url));
    const shown = blocks
      .map((b) =>
        b.type === 'code' ? b.text : b.type === 'list' ? b.items.map(inlineText).join('') : inlineText(b.content),
      )
      .join('');
    if (!/[[\]*_`\\#>]|^[-+@\t]/.test(s)) expect(shown).toBe(s.trim());
  });

  it('stays fast on pathological input', () => {
    const inputs = [
      '*'.repeat(100_000),
      '*a '.repeat(30_000),
      '['.repeat(50_000),
      '**a *b '.repeat(20_000),
      '_'.repeat(100_000),
    ];
    for (const s of inputs) {
      const started = performance.now();
      const blocks = parseMarkdown(s);
      expect(performance.now() - started).toBeLessThan(1500);
      expect(blocks.length).toBeGreaterThan(0);
    }
  });
});
