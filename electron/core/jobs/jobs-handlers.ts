// Job control, and the calls that start jobs.
import type { HandlerMap } from '#shared/contract/index.ts';
import { assertEmptyForDemo } from '../demo/load-demo.ts';
import type { Session } from '../session/session.ts';

export const jobsHandlers: Pick<HandlerMap<Session>, 'jobs:get' | 'jobs:cancel' | 'demo:load'> = {
  'jobs:get': ({ id }, s) => s.jobs.get(id),
  'jobs:cancel': ({ id }, s) => s.jobs.cancel(id),
  'demo:load': (params, s) => {
    const ws = s.require();
    // Refuse at once, with a clear message, rather than after a worker has started.
    assertEmptyForDemo(ws.sqlite);
    const status = s.jobs.start('demo', params, ws.path, ws.schemaVersion);
    return { jobId: status.id };
  },
};
