import { describe, expect, it } from 'vitest';
import { buildApi } from '#shared/contract/api.ts';
import { CHANNEL_NAME } from '#shared/contract/define.ts';
import { CHANNELS, contract } from '#shared/contract/index.ts';
import type { Channel } from '#shared/contract/index.ts';
import { handlers } from '#core/rpc/handlers.ts';

describe('the contract', () => {
  it("names every channel 'domain:verb' and gives it a summary", () => {
    for (const ch of CHANNELS) {
      expect(ch).toMatch(CHANNEL_NAME);
      expect(contract[ch].summary.length).toBeGreaterThan(10);
    }
  });

  it('has exactly one handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('builds an API with one function per channel, each bound to its own channel only', async () => {
    const calls: [Channel, unknown][] = [];
    const api = buildApi(CHANNELS, async (channel, arg) => {
      calls.push([channel, arg]);
      return { ok: true, value: channel };
    });
    const functions = Object.entries(api).flatMap(([domain, verbs]) => Object.keys(verbs).map((v) => `${domain}:${v}`));
    expect(functions.sort()).toEqual([...CHANNELS].sort());
    expect(await api.dashboard.summary()).toEqual({ ok: true, value: 'dashboard:summary' });
    await api.jobs.get({ id: 'abc' });
    expect(calls).toEqual([
      ['dashboard:summary', undefined],
      ['jobs:get', { id: 'abc' }],
    ]);
    expect(Object.isFrozen(api) && Object.isFrozen(api.jobs)).toBe(true);
    expect('invoke' in api).toBe(false);
  });
});
