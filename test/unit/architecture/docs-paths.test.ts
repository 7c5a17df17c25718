// The map (docs/ARCHITECTURE.md) and its detailed notes (docs/internals/) must stay true: every
// repo path they name in backticks exists, every link between them lands on a page and heading
// that exist, and the map stays one page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchorsOf, docPaths, headingAnchor } from './doc-paths.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAP = 'docs/ARCHITECTURE.md';
const PAGES = [
  MAP,
  ...readdirSync(join(ROOT, 'docs/internals'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/internals/${f}`),
];
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('path extraction (a check on the reader itself)', () => {
  it('takes root paths, resolves table cells against their column folder, skips placeholders', () => {
    const page = [
      'See `electron/core/a.ts`, `core/b.ts` (relative: skipped), `shared/contract/<domain>.ts`,',
      '`test/**/*.test.ts` and `winnow import`.',
      '',
      '| Feature | Contract `shared/contract/` | Tests `test/` |',
      '| --- | --- | --- |',
      '| Deals | `deals.ts`, `views.ts` | `e2e/deals.test.ts`, `winnow export` |',
      '| CLI | none | `electron/cli/main.ts` |',
      '',
      '```',
      '`renderer/src/inside-a-fence.ts`',
      '```',
    ].join('\n');
    expect(docPaths(page)).toEqual([
      'electron/core/a.ts',
      'shared/contract/',
      'test/',
      'shared/contract/deals.ts',
      'shared/contract/views.ts',
      'test/e2e/deals.test.ts',
      'electron/cli/main.ts',
    ]);
  });

  it('makes the anchors GitHub makes', () => {
    expect(headingAnchor('One call, from a button to SQL and back')).toBe('one-call-from-a-button-to-sql-and-back');
    expect(headingAnchor('Export, then import back (issue 14)')).toBe('export-then-import-back-issue-14');
  });
});

describe('docs/ARCHITECTURE.md and docs/internals/', () => {
  it.each(PAGES)('%s names only paths that exist', (page) => {
    const paths = docPaths(read(page));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('the map names many paths: its feature index is checked too', () => {
    const paths = docPaths(read(MAP));
    expect(paths).toContain('shared/contract/funnel.ts');
    expect(paths).toContain('renderer/src/funnel/CriteriaView.tsx');
    expect(paths).toContain('test/integration/funnel/criteria.test.ts');
    expect(paths.length).toBeGreaterThan(120);
  });

  it('the map stays one page: under 160 lines, none over 120 characters', () => {
    const lines = read(MAP).split('\n');
    expect(lines.length).toBeLessThan(160);
    expect(lines.filter((l) => [...l].length > 120)).toEqual([]);
  });

  it.each(PAGES)('%s links only to pages and headings that exist', (page) => {
    const broken: string[] = [];
    for (const m of read(page).matchAll(/\]\(([^)\s]+)\)/g)) {
      const [target = '', anchor] = (m[1] ?? '').split('#');
      if (/^[a-z]+:/.test(target)) continue; // not a file of the repo
      const file = target === '' ? page : normalize(join(dirname(page), target));
      if (!existsSync(join(ROOT, file))) broken.push(m[0]);
      else if (anchor && file.endsWith('.md') && !anchorsOf(read(file)).has(anchor)) broken.push(m[0]);
    }
    expect(broken).toEqual([]);
  });

  it('every "ARCHITECTURE.md#anchor" or "internals/x.md#anchor" in the code lands on a heading', () => {
    const broken: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx|md)$/.test(entry.name)) {
          for (const m of read(path).matchAll(/docs\/(ARCHITECTURE|internals\/[\w-]+)\.md#([\w-]+)/g)) {
            const [, page = '', anchor = ''] = m;
            if (!anchorsOf(read(`docs/${page}.md`)).has(anchor)) broken.push(`${path}: ${m[0]}`);
          }
        }
      }
    };
    for (const dir of ['electron', 'renderer', 'shared', 'test', 'docs']) walk(dir);
    expect(broken).toEqual([]);
  });
});
