// The data core as a plain Node child process (child_process.fork), for the test host: the same
// entry file and messages as Electron's utility process.
import { fork } from 'node:child_process';
import type { CoreChild } from './core-client.ts';
import type { CoreToHost } from './messages.ts';

export const CORE_PROCESS_SOURCE = new URL('./core-process.ts', import.meta.url);

export function forkCore(entry: URL | string = CORE_PROCESS_SOURCE): CoreChild {
  // 'advanced' serialisation: answers are long strings, sent as they are, not re-encoded as JSON.
  const child = fork(entry, [], { serialization: 'advanced', stdio: 'inherit' });
  return {
    postMessage: (m) => void child.send(m),
    onMessage: (listener) => child.on('message', (m) => listener(m as CoreToHost)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
    pid: child.pid,
  };
}
