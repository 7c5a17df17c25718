#!/usr/bin/env node
// The `winnow` command. It runs the CLI straight from its TypeScript source with Node's built-in
// type stripping: the same core the app uses, with no build step. Node 22.18+ strips types by
// default; on 22.14-22.17 we re-launch with the flag.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(`winnow: Node.js 22.14 or newer is needed (this is ${process.version}).`);
  process.exit(1);
}

if (!process.features.typescript) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', self, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

// A reader that stops early (`winnow cohorts | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
