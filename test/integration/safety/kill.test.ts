// Kill -9 during an import and during a backup, at a few points (the full 20+ points on 100,000
// rows: node test/kill/kill-safety.ts). After each kill the workspace passes integrity_check,
// holds the whole import or none of it, and every file that looks like a backup is sound.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killBackups, killFixture, killImports } from '../../support/kill-points.ts';
import { tempDir } from '../../support/temp-workspace.ts';

describe('kill -9 at random points', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('winnow-kill-')));
  afterEach(() => cleanup());

  it('during a 20,000-row import and during a backup: sound file, all or nothing, no half backup', async () => {
    const rows = 20_000;
    const fixture = await killFixture(dir, rows);
    const outcomes = [
      ...(await killImports(fixture, [0, 150, 400, 900, 1600])),
      ...(await killImports(fixture, [600_000])), // one that finishes: the backups below copy its rows
      ...(await killBackups(fixture.path, [0, 20, 60, 150])),
    ];
    for (const o of outcomes) {
      expect(o.integrity).toBe('ok');
      expect([0, rows]).toContain(o.deals);
      expect(o.backupsSound).toBe(true);
    }
    expect(outcomes.filter((o) => o.what === 'import' && o.killed).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.what === 'backup' && o.killed).length).toBeGreaterThan(0);
    expect(outcomes.at(-1)!.deals).toBe(rows);
  }, 120_000);
});
