// What is stored from user text: control characters removed (they are invisible, break CSV
// and terminals, and two of them mark search matches), tabs and newlines kept, Windows and old
// Mac line ends made \n. Everything else, markup included, is kept exactly as typed: it is shown
// as text, never interpreted. Applied at every door: the contract (electron/core/rpc/dispatch.ts
// cleans every string of every call), the CSV reader (each decoded chunk) and the stores.

/** C0 controls but tab, newline and carriage return; DEL; C1 controls (8-bit CSI and friends). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Control characters dropped; line ends untouched (the CSV reader still needs \r\n). */
export function dropControls(s: string): string {
  return HAS_CONTROL.test(s) ? s.replace(CONTROLS, '') : s;
}

export function cleanText(s: string): string {
  return dropControls(s.replace(/\r\n?/g, '\n'));
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

// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Text for a terminal: every control character but tab and newline shown as a visible \uXXXX
 * escape (valid inside JSON strings too), so stored data can never move the cursor, ring the
 * bell, retitle the window or inject escape sequences. Workspaces made by older versions may
 * still hold such characters.
 */
export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string in a parsed value cleaned with cleanText (objects and arrays rebuilt, keys kept). */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cleanStrings(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, not assignment: a key named __proto__ stays an ordinary key.
      Object.defineProperty(out, k, { value: cleanStrings(v), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}
