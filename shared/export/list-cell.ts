// Several names in one CSV cell ("Price; Missing integration"), written by Winnow's exports and
// read back by its importer. A name that holds the separator (or starts with a double quote) is
// wrapped in double quotes, inner quotes doubled, so "Price; packaging" stays one name on the way
// back: `"Price; packaging"; Support`. Names without either character are written as they are,
// so cells from CRMs, which never quote, read exactly as before.

/** What marks the primary competitor in a Competitors cell: "Acme (primary); Brightline". */
export const PRIMARY_MARK = ' (primary)';

function quoteItem(item: string, separator: string): string {
  return item.includes(separator) || item.startsWith('"') ? `"${item.replace(/"/g, '""')}"` : item;
}

/** The names as one cell, joined by "; " (or the separator and a space). */
export function listCell(items: readonly string[], separator = ';'): string {
  return items.map((i) => quoteItem(i, separator)).join(`${separator} `);
}

/** A cell back to its names, trimmed, blanks dropped; a quoted name may hold the separator. */
export function parseListCell(raw: string, separator = ';'): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= raw.length) {
    while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t')) i++;
    let item: string;
    if (raw[i] === '"') {
      // Quoted: up to the closing quote ("" is one quote), then to the next separator.
      let text = '';
      let j = i + 1;
      for (; j < raw.length; j++) {
        if (raw[j] === '"') {
          if (raw[j + 1] === '"') {
            text += '"';
            j++;
          } else break;
        } else text += raw[j];
      }
      if (j >= raw.length) {
        // No closing quote: not a quoted name after all, read the rest as written.
        const end = raw.indexOf(separator, i);
        item = raw.slice(i, end < 0 ? raw.length : end);
        i = end < 0 ? raw.length + 1 : end + separator.length;
      } else {
        const end = raw.indexOf(separator, j + 1);
        item = text + raw.slice(j + 1, end < 0 ? raw.length : end).trimEnd();
        i = end < 0 ? raw.length + 1 : end + separator.length;
      }
    } else {
      const end = raw.indexOf(separator, i);
      item = raw.slice(i, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length + 1 : end + separator.length;
    }
    const t = item.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** A Competitors cell's name without its primary mark, and whether it had one. */
export function splitPrimaryMark(name: string): { name: string; primary: boolean } {
  return name.endsWith(PRIMARY_MARK) && name.length > PRIMARY_MARK.length
    ? { name: name.slice(0, -PRIMARY_MARK.length).trimEnd(), primary: true }
    : { name, primary: false };
}
