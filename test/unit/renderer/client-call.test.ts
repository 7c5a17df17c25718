// The renderer's call(): names each call with an id beside its argument, and cancels it in the
// core when its signal aborts (a query superseded by a newer one). The API it wraps is frozen,
// as the preload's is.
import { afterEach, describe, expect, it } from 'vitest';
import { buildApi } from '#shared/contract/api.ts';
import { CHANNELS } from '#shared/contract/index.ts';
import type { CallMeta } from '#shared/contract/index.ts';
import { call } from '../../../renderer/src/api/client.ts';

const sent: { channel: string; arg: unknown; meta?: CallMeta }[] = [];
let release: () => void = () => {};

function install(): void {
  const api = buildApi(CHANNELS, (channel, arg, meta) => {
    sent.push({ channel, arg, meta });
    if (channel === 'calls:cancel') return Promise.resolve({ ok: true, value: { dropped: true } });
    return new Promise((resolve) => {
      release = () => resolve({ ok: true, value: { deals: 7 } });
    });
  });
  (globalThis as { window?: unknown }).window = { winnow: api };
}

afterEach(() => {
  sent.length = 0;
  delete (globalThis as { window?: unknown }).window;
});

describe('call', () => {
  it('passes a call id with the argument when given a signal, and none without', async () => {
    install();
    const controller = new AbortController();
    const pending = call((api) => api.deals.summary({ filter: {} }), { signal: controller.signal });
    release();
    expect(await pending).toEqual({ deals: 7 });
    const plain = call((api) => api.deals.summary({ filter: {} }));
    release();
    await plain;
    expect(sent[0]!.channel).toBe('deals:summary');
    expect(sent[0]!.meta?.callId).toMatch(/^[a-z0-9]+-\d+$/);
    expect(sent[1]!.meta).toBeUndefined();
  });

  it('cancels the call in the core when the signal aborts, and not after it has answered', async () => {
    install();
    const done = new AbortController();
    const first = call((api) => api.deals.summary({ filter: {} }), { signal: done.signal });
    release();
    await first;
    done.abort();
    const superseded = new AbortController();
    void call((api) => api.deals.summary({ filter: {} }), { signal: superseded.signal });
    superseded.abort();
    const cancels = sent.filter((s) => s.channel === 'calls:cancel');
    expect(cancels).toEqual([{ channel: 'calls:cancel', arg: { callId: sent[1]!.meta!.callId }, meta: undefined }]);
  });
});
