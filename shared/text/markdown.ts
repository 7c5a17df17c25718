// A small, safe Markdown subset for interview notes, parsed into a tree that the UI turns into
// React elements (and reports into their own output). There is no HTML in or out: a tag typed
// into a note is text like any other. Links are never navigable: the tree keeps the link text and
// the URL, and marks whether the URL is plain http(s) so a renderer can show it as text.
//
// Supported: paragraphs (single newlines are line breaks), # to ### headings, - * + bullets,
// 1. numbered items, > quotes, ``` fenced code, **strong**, *em* / _em_, `code`, [text](url),
// backslash escapes. Anything else stays literal text.
//
// Written to stay linear on hostile input (100,000 asterisks, unclosed brackets): a delimiter
// with no closer after some position has none after any later position either, so the search
// is not repeated, and nesting is capped.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; children: Inline[]; url: string; safe: boolean }
  | { type: 'br' };

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'quote'; content: Inline[] }
  | { type: 'code'; text: string };

const MAX_DEPTH = 6;
const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '#', '+', '-', '.', '!', '>']);

/** True for URLs a renderer may show (never follow): http or https with a host. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

class InlineParser {
  /** Per delimiter and region end: the position after which no closer exists (searched once). */
  private readonly noCloserAfter = new Map<string, number>();
  private readonly s: string;

  constructor(s: string) {
    this.s = s;
  }

  private findCloser(delim: string, from: number, end: number): number {
    const key = `${delim}:${end}`;
    const none = this.noCloserAfter.get(key);
    if (none !== undefined && from >= none) return -1;
    const s = this.s;
    let j = s.indexOf(delim, from);
    while (j !== -1 && j + delim.length <= end) {
      const before = s[j - 1];
      const after = s[j + delim.length];
      const single = delim.length === 1;
      // A single * or _ must not be half of a double; a closer must follow non-space text; an
      // underscore must not sit inside a word (snake_case stays literal).
      const partOfDouble = single && (after === delim || before === delim);
      const flanking = !isSpace(before) && j > from;
      const wordOk = delim[0] !== '_' || !isWordChar(after);
      if (!partOfDouble && flanking && wordOk) return j;
      j = s.indexOf(delim, j + 1);
    }
    this.noCloserAfter.set(key, Math.min(from, none ?? from));
    return -1;
  }

  parse(start: number, end: number, depth: number, inLink: boolean): Inline[] {
    const s = this.s;
    const out: Inline[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', text });
      text = '';
    };
    let i = start;
    while (i < end) {
      const c = s[i]!;
      if (c === '\\' && i + 1 < end && ESCAPABLE.has(s[i + 1]!)) {
        text += s[i + 1];
        i += 2;
        continue;
      }
      if (c === '\n') {
        flush();
        out.push({ type: 'br' });
        i++;
        continue;
      }
      if (c === '`') {
        const close = s.indexOf('`', i + 1);
        if (close !== -1 && close < end && close > i + 1) {
          flush();
          out.push({ type: 'code', text: s.slice(i + 1, close) });
          i = close + 1;
          continue;
        }
      }
      if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
        const double = s[i + 1] === c;
        const delim = double ? c + c : c;
        const contentStart = i + delim.length;
        const opensOk = !isSpace(s[contentStart]) && s[contentStart] !== c && (c !== '_' || !isWordChar(s[i - 1]));
        if (opensOk) {
          const close = this.findCloser(delim, contentStart, end);
          if (close !== -1) {
            flush();
            const children = this.parse(contentStart, close, depth + 1, inLink);
            out.push(double ? { type: 'strong', children } : { type: 'em', children });
            i = close + delim.length;
            continue;
          }
        }
        // No emphasis here: keep the whole run of delimiters literal.
        let j = i;
        while (j < end && s[j] === c) j++;
        text += s.slice(i, j);
        i = j;
        continue;
      }
      if (c === '[' && !inLink && depth < MAX_DEPTH) {
        const link = this.tryLink(i, end, depth);
        if (link) {
          flush();
          out.push(link.node);
          i = link.next;
          continue;
        }
      }
      text += c;
      i++;
    }
    flush();
    return out;
  }

  private tryLink(open: number, end: number, depth: number): { node: Inline; next: number } | null {
    const s = this.s;
    const closeText = this.findPlain('](', open + 1, end);
    if (closeText === -1) return null;
    const closeUrl = this.findPlain(')', closeText + 2, end);
    if (closeUrl === -1) return null;
    const url = s.slice(closeText + 2, closeUrl).trim();
    if (url === '' || /\s/.test(url) || url.length > 2048) return null;
    return {
      node: { type: 'link', children: this.parse(open + 1, closeText, depth + 1, true), url, safe: isWebUrl(url) },
      next: closeUrl + 1,
    };
  }

  private findPlain(needle: string, from: number, end: number): number {
    const key = `${needle}:${end}`;
    const none = this.noCloserAfter.get(key);
    if (none !== undefined && from >= none) return -1;
    const j = this.s.indexOf(needle, from);
    if (j === -1 || j + needle.length > end) {
      this.noCloserAfter.set(key, Math.min(from, none ?? from));
      return -1;
    }
    return j;
  }
}

export function parseInline(text: string): Inline[] {
  return new InlineParser(text).parse(0, text.length, 0, false);
}

const HEADING = /^(#{1,3})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^[ ]{0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^[ ]{0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const QUOTE = /^[ ]{0,3}>[ ]?(.*)$/;
const FENCE = /^[ ]{0,3}```/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; start: number; items: string[][] } | null = null;

  const endPara = () => {
    if (para.length) blocks.push({ type: 'paragraph', content: parseInline(para.join('\n')) });
    para = [];
  };
  const endQuote = () => {
    if (quote.length) blocks.push({ type: 'quote', content: parseInline(quote.join('\n')) });
    quote = [];
  };
  const endList = () => {
    if (list) {
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((lines) => parseInline(lines.join('\n'))),
      });
    }
    list = null;
  };
  const endAll = () => {
    endPara();
    endQuote();
    endList();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      endAll();
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i]!)) body.push(lines[i++]!);
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      endAll();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endAll();
      blocks.push({
        type: 'heading',
        level: heading[1]!.length as 1 | 2 | 3,
        content: parseInline(heading[2]!),
      });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      endPara();
      endQuote();
      const isOrdered = ordered !== null;
      if (!list || list.ordered !== isOrdered) {
        endList();
        list = { ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items: [] };
      }
      list.items.push([(bullet ? bullet[1] : ordered![2])!]);
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      endPara();
      endList();
      quote.push(q[1]!);
      continue;
    }
    // An indented line right after a list item continues that item.
    if (list && /^[ \t]/.test(line)) {
      list.items.at(-1)!.push(line.trim());
      continue;
    }
    endQuote();
    endList();
    para.push(line);
  }
  endAll();
  return blocks;
}

/** The text of a tree without formatting (search previews, plain-text exports). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
        case 'code':
          return n.text;
        case 'br':
          return '\n';
        case 'link':
          return inlineText(n.children);
        default:
          return inlineText(n.children);
      }
    })
    .join('');
}
