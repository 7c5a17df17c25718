// No file of electron/ or shared/ may import itself through others, type-only imports included:
// a cycle means two files are one module split in two, loads in an order that depends on who
// came first, and blocks lazy loading (the CLI loads one command's files only).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('import graph', () => {
  it('reads the imports it should (a check on the reader itself)', () => {
    const graph = importGraph(ROOT, ['electron', 'shared']);
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('electron/core/import/row-cells.ts')).toContain('electron/core/import/kind-field.ts');
    expect(graph.get('electron/core/db/schema/deals.ts')).toContain('shared/domain/enums.ts');
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('has no cycle in electron/ or shared/', () => {
    expect(cycles(importGraph(ROOT, ['electron', 'shared']))).toEqual([]);
  });
});
