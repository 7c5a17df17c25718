// Calls in flight: the renderer's data layer cancels a call it no longer needs (the screen moved
// on, a newer filter replaced it), so the core never queues stale work.
import { z } from 'zod';
import { channel, namespace } from './define.ts';

/** Call ids are made by the renderer's client (random, short). */
export const callIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a call id');

export const callsChannels = namespace('calls', {
  'calls:cancel': channel(
    z.object({ callId: callIdSchema }).strict(),
    'Drop a call that is still waiting for a connection (a call already running finishes, unseen)',
    'session',
  ).returns<{ dropped: boolean }>(),
});
