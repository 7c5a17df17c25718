// Registers one ipcMain handler per contract channel. Each checks the sender, then goes through
// the same dispatch as the test host: validate, run, wrap as a Result.
import { ipcMain } from 'electron';
import { CHANNELS } from '#shared/contract/index.ts';
import { fail } from '#shared/contract/result.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import type { AppOrigin } from './security-policy.ts';
import { isTrustedSender } from './security-policy.ts';

export function registerIpc(session: Session, origin: AppOrigin): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url, frame?.parent === null, origin)) {
        return fail('forbidden', 'Request refused: it did not come from the Winnow window.');
      }
      return dispatch(handlers, channel, arg, session, (message, error) => console.error(message, error));
    });
  }
}
