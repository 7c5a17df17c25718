// App-level calls: what is open, and the workspace menu (new, open, switch, show in folder).
import { z } from 'zod';
import type { AppInfo, WorkspaceInfo } from '../domain/workspace.ts';
import { channel } from './define.ts';

const noArg = z.object({}).strict().optional();
/** A file path typed or picked by the user; the main process decides what to do with it. */
const filePath = z.string().trim().min(1, 'Choose a file').max(4096, 'That path is too long');

export const appChannels = {
  'app:info': channel(noArg, 'What is open: workspace, recent files, host').returns<AppInfo>(),
  'workspace:create': channel(
    z.object({ path: filePath.optional() }).strict(),
    'Create a new, empty workspace file (asks where when no path is given) and switch to it',
  ).returns<WorkspaceInfo | null>(),
  'workspace:open': channel(
    z.object({ path: filePath.optional() }).strict(),
    'Open or switch to an existing workspace file (asks which when no path is given)',
  ).returns<WorkspaceInfo | null>(),
  'workspace:reveal': channel(noArg, 'Show the workspace file in its folder').returns<{ shown: boolean }>(),
} as const;
