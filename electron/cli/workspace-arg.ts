// Which workspace file a command works on: --db FILE, else the one the app last used, else the
// app's default file in the OS user-data folder.
import { resolve } from 'node:path';
import { readAppConfig } from '#core/session/app-config.ts';
import { defaultUserDataDir, defaultWorkspacePath } from '#core/session/paths.ts';

export function workspacePathFrom(db: string | undefined): string {
  if (db !== undefined) return resolve(db);
  const dir = defaultUserDataDir();
  return readAppConfig(dir).lastWorkspace ?? defaultWorkspacePath(dir);
}
