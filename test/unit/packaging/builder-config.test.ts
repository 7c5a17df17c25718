// Installers cannot be built here (no Electron binary can be downloaded), so the electron-builder
// configuration is checked as data: the fuses issue 13 asks for, the native module unpacked from
// the asar (a .node file cannot be loaded from inside it), the migrations shipped, no rebuild of
// better-sqlite3 (its N-API prebuild serves Node and Electron alike), a target per platform.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = JSON.parse(readFileSync(`${root}electron-builder.json`, 'utf8')) as Record<string, unknown>;

/** electron-builder's `files` patterns, as minimatch would read the few forms we use. */
function shipped(path: string): boolean {
  const patterns = config.files as string[];
  const toRegex = (glob: string) =>
    new RegExp(
      `^${glob
        .replace(/[.+^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_, alts: string) => `(${alts.split(',').join('|')})`)
        .replace(/\*\*\//g, '%DIRS%')
        .replace(/\*\*/g, '%ANY%')
        .replace(/\*/g, '[^/]*')
        .replace(/%DIRS%/g, '(.*/)?')
        .replace(/%ANY%/g, '.*')}$`,
    );
  // Production dependencies are always copied by electron-builder; `files` can only leave parts out.
  let included = path.startsWith('node_modules/');
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (toRegex(p.slice(1)).test(path)) included = false;
    } else if (toRegex(p).test(path)) included = true;
  }
  return included;
}

describe('the installer configuration (electron-builder.json)', () => {
  it('sets the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity and asar-only; cookies encrypted; no file:// extras', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('unpacks better-sqlite3’s .node from the asar and never rebuilds it', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(false);
    const prebuilds = `${root}node_modules/better-sqlite3/prebuilds`;
    const nodeFiles = existsSync(prebuilds) ? readdirSync(prebuilds).filter((f) => f.endsWith('.node')) : [];
    for (const f of nodeFiles) expect(shipped(`node_modules/better-sqlite3/prebuilds/${f}`)).toBe(true);
  });

  it('ships the built app and every migration, and leaves source maps out', () => {
    const migrations = readdirSync(`${root}resources/migrations`, { recursive: true }) as string[];
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(shipped(`resources/migrations/${m.replace(/\\/g, '/')}`)).toBe(true);
    expect(shipped('out/main/index.js')).toBe(true);
    expect(shipped('out/renderer/index.html')).toBe(true);
    expect(shipped('out/main/index.js.map')).toBe(false);
    expect(shipped('test/e2e/shell.test.ts')).toBe(false);
  });

  it('builds for Windows, macOS and Linux, with an icon that exists', () => {
    for (const os of ['win', 'mac', 'linux'] as const) {
      const target = config[os] as { target: string[]; icon: string };
      expect(target.target.length).toBeGreaterThan(0);
      expect(existsSync(`${root}${target.icon}`)).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { main: string };
    expect(shipped(pkg.main.replace(/^\.\//, ''))).toBe(true);
  });
});
