// The data core process's line to its host. Under Electron it is a utility process and talks
// through process.parentPort; in the test host it is a child_process.fork child and talks through
// process.send. Everything above this file is the same code in both.
import type { CoreToHost, HostToCore } from './messages.ts';

export interface ParentLink {
  send(message: CoreToHost): void;
  onMessage(listener: (message: HostToCore) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

export function parentLink(): ParentLink {
  const port = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (port) {
    return {
      send: (m) => port.postMessage(m),
      onMessage: (listener) => port.on('message', (e) => listener(e.data as HostToCore)),
    };
  }
  if (typeof process.send === 'function') {
    return {
      send: (m) => void process.send!(m),
      onMessage: (listener) => process.on('message', (m) => listener(m as HostToCore)),
    };
  }
  throw new Error('The data core must be started by Winnow (as a utility process or a forked child).');
}
