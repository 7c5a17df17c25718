// Turns what a user typed into a safe FTS5 query. User text never reaches MATCH as syntax:
// every term becomes a quoted string (quotes doubled), so operators (AND, OR, NOT, NEAR),
// column filters, parentheses and stray quotes are plain words. Words become prefix terms
// ("integrat" finds "integrations"); "quoted phrases" stay phrases; all must match.

const MAX_TERMS = 12;

export interface FtsQuery {
  /** The MATCH expression, or null when the text has nothing searchable. */
  match: string | null;
  terms: string[];
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Words as the index's tokenizer sees them: letters, digits and marks; everything else splits. */
function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w.length > 0);
}

export function ftsQuery(input: string): FtsQuery {
  const parts: string[] = [];
  const terms: string[] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (let m = re.exec(input); m !== null && parts.length < MAX_TERMS; m = re.exec(input)) {
    if (m[1] !== undefined) {
      const phrase = words(m[1]);
      if (phrase.length === 0) continue;
      parts.push(quote(phrase.join(' ')));
      terms.push(phrase.join(' '));
    } else {
      for (const w of words(m[2]!)) {
        if (parts.length >= MAX_TERMS) break;
        parts.push(`${quote(w)}*`);
        terms.push(w);
      }
    }
  }
  return { match: parts.length ? parts.join(' AND ') : null, terms };
}
