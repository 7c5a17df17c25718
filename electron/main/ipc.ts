// Registers one ipcMain handler per contract channel. Each checks the sender, then relays the call
// to the data core process and its answer back as JSON text (parsed in the page, never here: a
// large result must not cost the window's process a parse).
import { ipcMain } from 'electron';
import { CHANNELS } from '#shared/contract/index.ts';
import { fail } from '#shared/contract/result.ts';
import type { CoreClient } from '#core/process/core-client.ts';
import type { AppOrigin } from './security-policy.ts';
import { isTrustedSender } from './security-policy.ts';

const FORBIDDEN = JSON.stringify(fail('forbidden', 'Request refused: it did not come from the Winnow window.'));

export function registerIpc(core: CoreClient, origin: AppOrigin): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown, meta: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url, frame?.parent === null, origin)) return FORBIDDEN;
      // The core checks the call id's shape; here it is only picked out of an object, if any.
      const callId = typeof meta === 'object' && meta !== null ? (meta as { callId?: unknown }).callId : undefined;
      return core.call(channel, arg, typeof callId === 'string' ? callId : undefined);
    });
  }
}
