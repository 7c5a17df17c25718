// Starts the data core (electron/core/process/core-process.ts) as an Electron utility process and
// relays to it. A utility process, not a worker thread, because a crash or a runaway query there
// cannot take the window down, it has its own heap (a 1M-row import's memory never counts against
// the window's process), and the test host gets the identical split from child_process.fork.
import { app, utilityProcess } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CoreClient } from '#core/process/core-client.ts';
import type { CoreChild, HostDialogs } from '#core/process/core-client.ts';
import type { CoreToHost } from '#core/process/messages.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

function forkUtility(): CoreChild {
  const child = utilityProcess.fork(join(here, 'core-process.js'), [], {
    serviceName: 'Winnow data core',
    stdio: 'inherit',
  });
  return {
    postMessage: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', (m: unknown) => listener(m as CoreToHost)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}

export function startCore(dialogs: HostDialogs, dbPath: string | undefined): CoreClient {
  return new CoreClient(
    forkUtility,
    {
      host: 'electron',
      version: app.getVersion(),
      userDataDir: app.getPath('userData'),
      migrationsDir: join(app.getAppPath(), 'resources', 'migrations'),
      jobWorkerUrl: pathToFileURL(join(here, 'job-worker.js')).href,
      connectionWorkerUrl: pathToFileURL(join(here, 'connection-worker.js')).href,
      dbPath,
    },
    dialogs,
  );
}
