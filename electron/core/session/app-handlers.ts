// Handlers for app:info and the workspace menu.
import type { HandlerMap } from '#shared/contract/index.ts';
import type { Session } from './session.ts';

type Channels = 'app:info' | 'workspace:create' | 'workspace:open' | 'workspace:reveal';

export const appHandlers: Pick<HandlerMap<Session>, Channels> = {
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
};
