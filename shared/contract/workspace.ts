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
  'workspace:exportArchive': channel(
    z.object({ path: filePath.optional() }).strict(),
    'Save the whole workspace as one zip (every table as JSON and CSV, a manifest with checksums); asks where when no path is given; runs as a job',
    'session',
  ).returns<{ jobId: string; path: string } | null>(),
  'workspace:importArchive': channel(
    z.object({ archive: filePath.optional(), target: filePath.optional() }).strict(),
    'Build a NEW workspace file from a whole-workspace zip (asks for the zip, then the new file, when not given); runs as a job; open its result when done',
    'session',
  ).returns<{ jobId: string; archive: string; target: string } | null>(),
});
