// The winnow command line, in process (fast, exact output) and once through the real bin.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { CliIO } from '../../../electron/cli/io.ts';
import { tempDir } from '../../support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../../../electron/cli/winnow.js', import.meta.url));

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

describe('winnow CLI', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('demo then stats --json prints real counts and the win rate with its interval', async () => {
    const db = join(dir, 'w.winnow');
    const io = captureIO();
    expect(await main(['demo', '--db', db, '--deals', '1200', '--seed', '5'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Demo workspace written to .*w\.winnow: 1,200 deals/);

    const json = captureIO();
    expect(await main(['stats', '--db', db, '--json'], json)).toBe(0);
    const stats = JSON.parse(json.stdout.join('\n'));
    expect(stats.dealsTotal).toBe(1200);
    expect(stats.outcomes.reduce((s: number, o: { deals: number }) => s + o.deals, 0)).toBe(1200);
    const r = stats.winRate;
    expect(r.rate).toBeCloseTo(r.hits / r.n, 12);
    expect(r.low).toBeLessThan(r.rate);
    expect(r.high).toBeGreaterThan(r.rate);
    expect(stats.definition).toMatch(/closed = won \+ lost \+ no decision/);

    const text = captureIO();
    expect(await main(['stats', '--db', db], text)).toBe(0);
    expect(text.stdout.join('\n')).toContain(
      `n = ${r.n.toLocaleString('en-US')}; ${r.hits.toLocaleString('en-US')} won`,
    );
  });

  it('prints one clear line and exits non-zero on errors', async () => {
    const missing = captureIO();
    expect(await main(['stats', '--db', join(dir, 'nope.winnow')], missing)).toBe(1);
    expect(missing.stderr).toEqual([`winnow stats: No workspace file at ${join(dir, 'nope.winnow')}.`]);
    expect(existsSync(join(dir, 'nope.winnow'))).toBe(false);

    const bad = captureIO();
    expect(await main(['demo', '--db', join(dir, 'x.winnow'), '--deals', '12x'], bad)).toBe(2);
    expect(bad.stderr).toEqual(['winnow demo: --deals must be a whole number, got "12x"']);

    const unknown = captureIO();
    expect(await main(['frobnicate'], unknown)).toBe(2);
    expect(unknown.stderr[0]).toMatch(/unknown command "frobnicate"/);

    const flag = captureIO();
    expect(await main(['stats', '--colour'], flag)).toBe(2);
    expect(flag.stderr).toEqual(['winnow stats: unknown option --colour']);
  });

  it('runs as a real command through its bin under plain Node', () => {
    const db = join(dir, 'bin.winnow');
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--db', db, '--deals', '300'], { encoding: 'utf8' });
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('300 deals');
    const again = spawnSync(process.execPath, [BIN, 'demo', '--db', db], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(
      'winnow demo: This workspace already holds data (300 deals, 200 accounts). Create a new workspace for the demo.',
    );
  });
});
