// Handlers that run on the session thread (never SQL on a pool connection): app:info, the
// Workspace menu, jobs, the demo loader and call cancellation.
import type { appChannels } from '#shared/contract/app.ts';
import type { backupChannels } from '#shared/contract/backup.ts';
import type { callsChannels } from '#shared/contract/calls.ts';
import type { demoChannels } from '#shared/contract/demo.ts';
import type { HandlersOf } from '#shared/contract/index.ts';
import type { jobsChannels } from '#shared/contract/jobs.ts';
import type { reportsChannels } from '#shared/contract/reports.ts';
import type { workspaceChannels } from '#shared/contract/workspace.ts';
import { archiveHandlers } from '../archive/archive-handlers.ts';
import { assertEmptyForDemo } from '../demo/load-demo.ts';
import type { Session } from './session.ts';

type SessionChannels = typeof appChannels &
  typeof workspaceChannels &
  typeof jobsChannels &
  typeof demoChannels &
  typeof callsChannels &
  Pick<typeof reportsChannels, 'reports:cancelPdf'> &
  Pick<typeof backupChannels, 'backup:health' | 'backup:restore'>;

export const sessionHandlers: HandlersOf<SessionChannels, Session> = {
  'reports:cancelPdf': async ({ printId }, s) => ({ cancelled: await s.platform.cancelPrint(printId) }),
  'app:info': (_arg, s) => ({
    version: s.platform.version,
    host: s.platform.host,
    workspace: s.info(),
    workspaceError: s.workspaceError,
    recentWorkspaces: s.recent,
    userDataDir: s.platform.userDataDir,
  }),
  'workspace:create': (arg, s) => s.createWorkspace(arg.path),
  'workspace:open': (arg, s) => s.openExisting(arg.path),
  'workspace:reveal': async (_arg, s) => ({ shown: await s.platform.revealInFolder(s.require().path) }),
  ...archiveHandlers,
  'jobs:get': ({ id }, s) => s.jobs.get(id),
  'jobs:cancel': ({ id }, s) => s.jobs.cancel(id),
  'demo:load': async (params, s) => {
    // Refuse at once, with a clear message, rather than after a worker has started.
    assertEmptyForDemo(s.requireWritable().sqlite);
    return { jobId: (await s.startJob('demo', params)).id };
  },
  'backup:health': (_arg, s) => s.health(),
  'backup:restore': ({ name }, s) => s.restore(name),
  'calls:cancel': ({ callId }, s) => ({ dropped: s.cancelCall(callId) }),
};
