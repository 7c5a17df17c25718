// The static import graph of our own TypeScript (electron/ and shared/), read from the source
// text: relative and #core/#shared specifiers, `import` and `export ... from`, dynamic import()
// left out (a deliberate late load, as the CLI's commands). Type-only imports count: they are no
// cycle at run time, but two files that need each other are one module in two pieces.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const STATIC = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** File (relative to root) -> the files it imports at run time. */
export function importGraph(root: string, dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((d) => tsFiles(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(STATIC)) {
      const spec = m[1]!;
      let target: string | null = null;
      if (spec.startsWith('.')) target = resolve(dirname(file), spec);
      else if (spec.startsWith('#core/')) target = join(root, 'electron/core', spec.slice(6));
      else if (spec.startsWith('#shared/')) target = join(root, 'shared', spec.slice(8));
      if (target) deps.push(relative(root, target));
    }
    graph.set(relative(root, file), deps);
  }
  return graph;
}

/** Every cycle, each once, as the files around it (depth-first search with colours). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const s = state.get(next);
      if (s === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}
