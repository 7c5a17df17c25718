// Which workspace file a command works on: --db FILE, else the one the app last used, else the
// app's default file in the OS user-data folder.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '#core/errors.ts';
import { readAppConfig } from '#core/session/app-config.ts';
import { defaultUserDataDir, defaultWorkspacePath } from '#core/session/paths.ts';

export function workspacePathFrom(db: string | undefined): string {
  if (db !== undefined) {
    const path = resolve(db);
    // A folder is the commonest slip (--db ~/winnow): say so before anything looks inside it.
    // Exit 1 like every other file that is not a workspace; nothing is created or changed.
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw new AppError(
        'not_a_workspace',
        `${path} is a directory, not a workspace file (name a file in it, e.g. ${join(path, 'sales.winnow')})`,
      );
    return path;
  }
  const dir = defaultUserDataDir();
  return readAppConfig(dir).lastWorkspace ?? defaultWorkspacePath(dir);
}
