// Reads the repo paths a Markdown page names in backticks, so a test can check the map still
// points at real files. Outside tables only paths from the repo's root count (`shared/x.ts`);
// inside a table a cell's path is relative to the folder its column header names in backticks
// (`shared/contract/`), unless it starts from the root itself.

/** Top folders (and files) a path must start from to be checked. */
const ROOTS = ['electron/', 'renderer/', 'shared/', 'test/', 'resources/', 'docs/'];

/** Globs, placeholders and ellipses name no single file. */
const NOT_A_PATH = /[<>*{}…]|\.\.\.|\s/;

/** Whether a backticked token names a file or folder at all. */
function looksLikePath(token: string): boolean {
  return !NOT_A_PATH.test(token) && (token.includes('/') || /\.(ts|tsx|js|md|css|json)$/.test(token));
}

function fromRoot(token: string): boolean {
  return ROOTS.some((root) => token.startsWith(root));
}

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
}

/** Every repo path the page names, root-relative, in order of appearance (duplicates kept). */
export function docPaths(markdown: string): string[] {
  const paths: string[] = [];
  let inFence = false;
  let bases: (string | undefined)[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (!line.trimStart().startsWith('|')) {
      bases = null;
      for (const token of backticked(line)) if (looksLikePath(token) && fromRoot(token)) paths.push(token);
      continue;
    }
    if (/^\|[\s|:-]+\|$/.test(line.trim())) continue; // the row under the header
    if (bases === null) {
      // A header row: each column's folder, if it names one.
      bases = cells(line).map((cell) => backticked(cell).find((t) => t.endsWith('/') && fromRoot(t)));
      for (const base of bases) if (base) paths.push(base);
      continue;
    }
    cells(line).forEach((cell, column) => {
      for (const token of backticked(cell)) {
        if (!looksLikePath(token)) continue;
        if (fromRoot(token)) paths.push(token);
        else if (bases?.[column]) paths.push(bases[column] + token);
      }
    });
  }
  return paths;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of every heading of a page. */
export function anchorsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) inFence = !inFence;
    const m = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
    if (m) out.add(headingAnchor(m[1] ?? ''));
  }
  return out;
}
