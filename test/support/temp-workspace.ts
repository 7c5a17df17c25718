// Real SQLite files in a temp folder, opened with the real migrations, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '#core/db/open-workspace.ts';
import type { Workspace } from '#core/db/open-workspace.ts';

export function tempDir(prefix = 'winnow-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated workspace file (with the default taxonomy), closed and removed by cleanup. */
export async function tempWorkspace(): Promise<{ ws: Workspace; dir: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir();
  const ws = await openWorkspace(join(dir, 'test.winnow'), { mode: 'create' });
  return {
    ws,
    dir,
    cleanup: () => {
      ws.close();
      cleanup();
    },
  };
}
