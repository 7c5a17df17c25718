// What is stored from user text: control characters removed (they are invisible, break CSV
// and terminals, and two of them mark search matches), tabs and newlines kept, Windows and old
// Mac line ends made \n. Everything else, markup included, is kept exactly as typed: it is shown
// as text, never interpreted.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** One-line fields (names, titles): also no line breaks or tabs, outer spaces trimmed. */
export function cleanLine(s: string): string {
  return cleanText(s)
    .replace(/[^\S\n\t]*[\n\t][\s]*/g, ' ')
    .trim();
}

/** null for blank, cleaned text otherwise (optional text columns). */
export function blankToNull(s: string | null | undefined, line = false): string | null {
  if (s === null || s === undefined) return null;
  const v = line ? cleanLine(s) : cleanText(s);
  return v.trim() === '' ? null : v;
}
