import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApi } from '#shared/contract/api.ts';
import { CHANNEL_NAME } from '#shared/contract/define.ts';
import { CHANNELS, contract, NAMESPACES } from '#shared/contract/index.ts';
import type { Channel } from '#shared/contract/index.ts';
import { handlers } from '#core/rpc/handlers.ts';
import { unboundedParts } from './bounded.ts';

describe('the contract', () => {
  it("names every channel 'domain:verb' and gives it a summary", () => {
    for (const ch of CHANNELS) {
      expect(ch).toMatch(CHANNEL_NAME);
      expect(contract[ch].summary.length).toBeGreaterThan(10);
    }
  });

  it('declares each channel once, in the file of its namespace', () => {
    // Spreading the namespaces into one object would silently keep the last of two channels with
    // the same name: read the declarations from the files themselves.
    const dir = new URL('../../../shared/contract/', import.meta.url);
    const declared = new Map<string, string[]>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(new URL(file, dir), 'utf8').matchAll(/^ {2}'([a-zA-Z]+:[a-zA-Z]+)': channel\(/gm)) {
        declared.set(m[1]!, [...(declared.get(m[1]!) ?? []), file]);
      }
    }
    const twice = [...declared].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
    expect([...declared.keys()].sort()).toEqual([...CHANNELS].sort());
    // Each namespace's file holds only its own channels, and together they are the contract.
    let total = 0;
    for (const [ns, channels] of Object.entries(NAMESPACES)) {
      for (const ch of Object.keys(channels)) expect(ch.startsWith(`${ns}:`)).toBe(true);
      total += Object.keys(channels).length;
    }
    expect(total).toBe(CHANNELS.length);
  });

  it('says where each call runs, and only session calls skip the workspace connection', () => {
    const byAccess = (a: string) => CHANNELS.filter((c) => contract[c].access === a).sort();
    expect(byAccess('session')).toEqual([
      'app:info',
      'backup:health',
      'backup:restore',
      'calls:cancel',
      'demo:load',
      'jobs:cancel',
      'jobs:get',
      'reports:cancelPdf',
      'workspace:create',
      // They start jobs (like demo:load) and ask the host for files; import needs no open workspace.
      'workspace:exportArchive',
      'workspace:importArchive',
      'workspace:open',
      'workspace:reveal',
    ]);
    // Everything that changes data is a write (a sample of each kind).
    for (const c of ['deals:create', 'interviews:save', 'reasons:merge', 'settings:update', 'import:commit'] as const)
      expect(contract[c].access).toBe('write');
    for (const c of ['deals:list', 'matrix:compute', 'dashboard:summary', 'quotes:list'] as const)
      expect(contract[c].access).toBe('read');
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

describe('contract bounds', () => {
  it('gives every string and array of every argument a maximum', () => {
    const unbounded = CHANNELS.flatMap((ch) => unboundedParts(contract[ch].input).map((p) => `${ch} ${p}`));
    expect(unbounded).toEqual([]);
  });

  it('finds what is unbounded (the check itself works)', () => {
    const schema = z.object({
      a: z.string(),
      b: z.string().max(5),
      c: z.array(z.string().regex(/^[a-z]{1,8}$/)),
      d: z.array(z.number()).max(3).optional(),
      e: z.string().regex(/^x+$/),
    });
    expect(unboundedParts(schema)).toEqual([
      '$.a: string without a maximum length',
      '$.c: array without a maximum count',
      '$.e: string without a maximum length',
    ]);
  });
});
