// The version the command line reports in what it writes (report footers, archive manifests):
// package.json's, as the app's own (app.getVersion()) is.
import { readFileSync } from 'node:fs';

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
