// Search matches travel as text with two control characters around each match (what SQLite's
// highlight()/snippet() produce with our markers), then become segments a renderer shows as
// <mark> elements. No HTML is built at any point. User text never holds the markers: saving
// strips control characters (clean-text.ts).

export const MATCH_OPEN = '\u0001';
export const MATCH_CLOSE = '\u0002';

export interface Segment {
  text: string;
  match: boolean;
}

export function segmentsOf(marked: string): Segment[] {
  const out: Segment[] = [];
  let match = false;
  let buf = '';
  const push = () => {
    if (buf) {
      const last = out.at(-1);
      if (last && last.match === match) last.text += buf;
      else out.push({ text: buf, match });
    }
    buf = '';
  };
  for (const ch of marked) {
    if (ch === MATCH_OPEN || ch === MATCH_CLOSE) {
      push();
      match = ch === MATCH_OPEN;
    } else buf += ch;
  }
  push();
  return out;
}

/** Plain text of marked text, and the [start, end) offsets of its matches (CLI --json). */
export function matchOffsets(marked: string): { text: string; matches: [number, number][] } {
  let text = '';
  const matches: [number, number][] = [];
  for (const seg of segmentsOf(marked)) {
    if (seg.match) matches.push([text.length, text.length + seg.text.length]);
    text += seg.text;
  }
  return { text, matches };
}

/** Marked text for a terminal: matches wrapped in the given brackets. */
export function bracketMatches(marked: string, open = '[', close = ']'): string {
  return segmentsOf(marked)
    .map((s) => (s.match ? `${open}${s.text}${close}` : s.text))
    .join('');
}
