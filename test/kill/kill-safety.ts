// The full kill -9 run of issue 13 (npm test runs a few points in test/integration/safety/kill.test.ts):
// node test/kill/kill-safety.ts [POINTS=20] [ROWS=100000]
// Each import kill must leave 0 or ROWS deals and a sound file; each backup kill no unsound backup.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killBackups, killFixture, killImports } from '../support/kill-points.ts';

const points = Number(process.argv[2] ?? 20);
const rows = Number(process.argv[3] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'winnow-kill-'));
try {
  const fixture = await killFixture(dir, rows);
  // One uninterrupted run on a copy: how long the import (with its backup) takes.
  const timing = join(dir, 'timing.winnow');
  copyFileSync(fixture.path, timing);
  const t0 = performance.now();
  const [full] = await killImports({ ...fixture, path: timing }, [600_000]);
  const importMs = performance.now() - t0;
  if (full!.deals !== rows) throw new Error(`the uninterrupted import left ${full!.deals} deals, not ${rows}`);
  const delays = Array.from({ length: points }, () => Math.round(Math.random() * importMs));
  const imports = await killImports(fixture, delays);
  const b0 = performance.now();
  await killBackups(timing, [600_000]); // backups of the workspace with the import in it
  const backupMs = performance.now() - b0;
  const backups = await killBackups(
    timing,
    Array.from({ length: points }, () => Math.round(Math.random() * backupMs)),
  );
  let bad = 0;
  for (const o of [...imports, ...backups]) {
    const ok = o.integrity === 'ok' && o.backupsSound && (o.deals === rows || o.deals === 0);
    if (!ok) bad++;
    console.log(
      `${o.what.padEnd(6)} kill at ${String(o.afterMs).padStart(6)} ms  killed=${o.killed}  integrity=${o.integrity}  deals=${o.deals}  backups sound=${o.backupsSound}${ok ? '' : '  <-- FAIL'}`,
    );
  }
  console.log(
    `import of ${rows} rows: ${(importMs / 1000).toFixed(1)} s (with its backup); backup: ${(backupMs / 1000).toFixed(1)} s; ${bad} failures in ${imports.length + backups.length} kills`,
  );
  process.exitCode = bad === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
