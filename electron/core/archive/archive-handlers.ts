// workspace:exportArchive / workspace:importArchive: pick the files through the host's dialogs,
// then run the work as a job (progress, cancel). Import builds a new file and needs no open
// workspace; the renderer opens the new file when the job is done.
import { basename } from 'node:path';
import type { HandlersOf } from '#shared/contract/index.ts';
import type { workspaceChannels } from '#shared/contract/workspace.ts';
import type { Session } from '../session/session.ts';
import { WORKSPACE_EXTENSION } from '../session/paths.ts';

type ArchiveChannels = Pick<typeof workspaceChannels, 'workspace:exportArchive' | 'workspace:importArchive'>;

const ZIP = [{ name: 'Winnow archives', extensions: ['zip'] }];
const stamp = () => new Date().toISOString().slice(0, 10);

export const archiveHandlers: HandlersOf<ArchiveChannels, Session> = {
  'workspace:exportArchive': async ({ path }, s) => {
    const ws = s.require();
    const chosen =
      path ??
      (await s.platform.pickSaveFile({
        title: 'Export whole workspace',
        filters: ZIP,
        defaultName: `${basename(ws.path).replace(/\.[^.]+$/, '')}-${stamp()}.zip`,
      }));
    if (!chosen) return null;
    const job = await s.startJob('exportArchive', { path: chosen, appVersion: s.platform.version });
    return { jobId: job.id, path: chosen };
  },
  'workspace:importArchive': async ({ archive, target }, s) => {
    const zip = archive ?? (await s.platform.pickOpenFile({ title: 'Open from archive', filters: ZIP }));
    if (!zip) return null;
    const chosen = target ?? (await s.platform.pickNewWorkspacePath(s.platform.userDataDir));
    if (!chosen) return null;
    const withExt = chosen.endsWith(`.${WORKSPACE_EXTENSION}`) ? chosen : `${chosen}.${WORKSPACE_EXTENSION}`;
    const job = await s.startDetachedJob('importArchive', {
      zipPath: zip,
      target: withExt,
      migrationsDir: s.platform.migrationsDir,
    });
    return { jobId: job.id, archive: zip, target: withExt };
  },
};
