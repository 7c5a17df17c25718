// Entry of the data core process (docs/internals/process-split.md): Electron's main process
// starts it as a utility process, the test host as a forked child. It waits for its config, opens
// the workspace, says ready, then answers calls until told to shut down.
import { CoreService } from './core-service.ts';
import type { HostToCore } from './messages.ts';
import { parentLink } from './parent-link.ts';

const link = parentLink();
let service: CoreService | null = null;
let ready = false;
const early: HostToCore[] = [];

function handle(m: HostToCore): void {
  if (m.t === 'shutdown') {
    void service!.close().finally(() => {
      link.send({ t: 'closed' });
      process.exit(0);
    });
  } else {
    service!.handle(m);
  }
}

link.onMessage((m) => {
  if (m.t === 'init' && !service) {
    service = new CoreService(m.config, link.send);
    void service.start().then(() => {
      ready = true;
      link.send({ t: 'ready' });
      for (const queued of early.splice(0)) handle(queued);
    });
  } else if (!ready) {
    early.push(m);
  } else {
    handle(m);
  }
});
