// The Workspace menu: create, open or switch workspace files, show the current one in its folder.
import { z } from 'zod';
import type { WorkspaceInfo } from '../domain/workspace.ts';
import { channel, namespace } from './define.ts';
import { noArg } from './fields.ts';

/** A file path typed or picked by the user; the main process decides what to do with it. */
const filePath = z.string().trim().min(1, 'Choose a file').max(4096, 'That path is too long');

export const workspaceChannels = namespace('workspace', {
  'workspace:create': channel(
    z.object({ path: filePath.optional() }).strict(),
    'Create a new, empty workspace file (asks where when no path is given) and switch to it',
    'session',
  ).returns<WorkspaceInfo | null>(),
  'workspace:open': channel(
    z.object({ path: filePath.optional() }).strict(),
    'Open or switch to an existing workspace file (asks which when no path is given)',
    'session',
  ).returns<WorkspaceInfo | null>(),
  'workspace:reveal': channel(noArg, 'Show the workspace file in its folder', 'session').returns<{ shown: boolean }>(),
});
