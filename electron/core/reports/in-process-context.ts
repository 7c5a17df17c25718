// What the report's handlers need when they run in-process (the CLI, the benchmark): the open
// workspace, a printer, and no dialogs or background jobs.
import type { Workspace } from '../db/open-workspace.ts';
import { AppError } from '../errors.ts';
import type { CoreContext } from '../rpc/context.ts';
import type { Printer } from './printer.ts';

export function inProcessContext(ws: Workspace, version: string, printer: Printer): CoreContext {
  const noDialog = async () => null;
  return {
    require: () => ws,
    platform: {
      host: 'testhost',
      version,
      userDataDir: '',
      pickOpenFile: noDialog,
      pickSaveFile: noDialog,
      revealInFolder: async () => false,
      printPdf: (job) => printer.print(job),
    },
    startJob: () => Promise.reject(new AppError('conflict', 'No background jobs run here.')),
    jobStatus: () => Promise.reject(new AppError('not_found', 'No such job.')),
    jobsRunning: async () => false,
  };
}
