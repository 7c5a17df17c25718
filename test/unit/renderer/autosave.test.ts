// The autosave controller with fake timers and a scripted save: when saves happen while typing,
// that they never overlap, that new quotes are not created twice, and what happens on errors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';
import { emptyDraft } from '#shared/domain/interview-draft.ts';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { SaveResult } from '#shared/domain/interviews.ts';
import { AutosaveController } from '../../../renderer/src/interviews/capture/use-autosave.ts';
import type { SaveState } from '../../../renderer/src/interviews/capture/use-autosave.ts';

interface Call {
  at: number;
  draft: InterviewDraft;
  resolve: (r: Result<SaveResult>) => void;
}

let calls: Call[];
let states: SaveState[];
let start: number;

const result = (quoteIds: Record<string, number> = {}): Result<SaveResult> => ({
  ok: true,
  value: { status: 'draft', savedAt: '2026-01-01T00:00:00.000Z', quoteIds, missing: [], reopened: false },
});

function controller(autoResolve = true): AutosaveController {
  return new AutosaveController(
    7,
    emptyDraft(),
    0,
    (s) => states.push(s),
    (_api, id, draft) =>
      new Promise<Result<SaveResult>>((resolve) => {
        expect(id).toBe(7);
        calls.push({ at: Date.now() - start, draft, resolve });
        if (autoResolve) resolve(result());
      }),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  (globalThis as unknown as { window: { winnow: Partial<Api> } }).window = { winnow: {} };
  calls = [];
  states = [];
  start = Date.now();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves 250 ms after typing pauses', async () => {
    const c = controller();
    c.sync({ ...emptyDraft(), notes: 'a' }, () => {});
    c.changed(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((x) => [x.at, x.draft.notes])).toEqual([[250, 'a']]);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2026-01-01T00:00:00.000Z' });
  });

  it('while typing without pause, saves at least every 600 ms', async () => {
    const c = controller();
    let text = '';
    for (let i = 1; i <= 25; i++) {
      text += 'x';
      c.sync({ ...emptyDraft(), notes: text }, () => {});
      c.changed(i);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(300);
    // Edits every 100 ms from 0 to 2400 ms: saved 600 ms after each first unsaved edit (600, 1200,
    // 1800, 2400), then 250 ms after the last one.
    expect(calls.map((x) => x.at)).toEqual([600, 1200, 1800, 2400, 2650]);
    expect(calls.at(-1)!.draft.notes).toBe(text);
  });

  it('runs one save at a time and sends quote ids learnt from the previous save', async () => {
    const c = controller(false);
    const quote = {
      id: null,
      key: 'k1',
      text: 'Hi',
      sentiment: 'neutral' as const,
      shareable: false,
      competitorId: null,
      reasonId: null,
      themeIds: [],
    };
    c.sync({ ...emptyDraft(), quotes: [quote] }, () => {});
    c.changed(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(calls).toHaveLength(1);
    // More typing while the first save is still on its way: no second save yet.
    c.sync({ ...emptyDraft(), quotes: [{ ...quote, text: 'Hi there' }] }, () => {});
    c.changed(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(result({ k1: 41 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    // The form has not re-rendered with the id yet, but the save carries it: no second insert.
    expect(calls[1]!.draft.quotes[0]).toMatchObject({ id: 41, text: 'Hi there' });
    calls[1]!.resolve(result());
    await vi.advanceTimersByTimeAsync(10);
    expect(c.dirty).toBe(false);
  });

  it('flush waits for everything typed so far', async () => {
    const c = controller();
    c.sync({ ...emptyDraft(), notes: 'now' }, () => {});
    c.changed(1);
    await c.flush();
    expect(calls.map((x) => x.draft.notes)).toEqual(['now']);
    expect(c.dirty).toBe(false);
  });

  it('a refused form waits for the next edit; other failures are retried', async () => {
    const c = new AutosaveController(
      7,
      emptyDraft(),
      0,
      (s) => states.push(s),
      async () => {
        calls.push({ at: Date.now() - start, draft: emptyDraft(), resolve: () => {} });
        return calls.length === 1
          ? { ok: false, error: { code: 'invalid_argument', message: 'A quote is too long' } }
          : { ok: false, error: { code: 'internal', message: 'disk full' } };
      },
    );
    c.changed(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(states.at(-1)).toMatchObject({ kind: 'error' });
    c.changed(2);
    await vi.advanceTimersByTimeAsync(250);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(3);
  });
});
