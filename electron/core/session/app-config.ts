// The app's own small config (not workspace data): the last workspace and the recent list.
// Lives in the user-data folder as JSON; a damaged file is treated as empty, never fatal.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const configSchema = z.object({
  lastWorkspace: z.string().max(4096).nullable().default(null),
  recent: z.array(z.string().max(4096)).max(20).default([]),
});
export type AppConfig = z.infer<typeof configSchema>;

export const RECENT_LIMIT = 8;

export function configPath(userDataDir: string): string {
  return join(userDataDir, 'config.json');
}

export function readAppConfig(userDataDir: string): AppConfig {
  try {
    const parsed = configSchema.safeParse(JSON.parse(readFileSync(configPath(userDataDir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or unreadable: start fresh
  }
  return { lastWorkspace: null, recent: [] };
}

export function writeAppConfig(userDataDir: string, config: AppConfig): void {
  const path = configPath(userDataDir);
  mkdirSync(dirname(path), { recursive: true });
  // Write then rename, so a crash mid-write never leaves half a file.
  writeFileSync(`${path}.tmp`, JSON.stringify(config, null, 2));
  renameSync(`${path}.tmp`, path);
}

export function withRecent(config: AppConfig, path: string): AppConfig {
  return { lastWorkspace: path, recent: [path, ...config.recent.filter((p) => p !== path)].slice(0, RECENT_LIMIT) };
}
