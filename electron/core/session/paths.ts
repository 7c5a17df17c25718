// Where the app keeps its files, computed the same way Electron's app.getPath('userData') does
// for an app named "Winnow", so the CLI without --db finds the app's own workspace.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Winnow';
export const WORKSPACE_EXTENSION = 'winnow';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.WINNOW_USER_DATA) return env.WINNOW_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultWorkspacePath(userDataDir: string): string {
  return join(userDataDir, `default.${WORKSPACE_EXTENSION}`);
}
