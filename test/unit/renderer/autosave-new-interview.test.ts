// A new interview's form stores nothing until the first edit; that save creates the interview
// once, then saves into it, and later saves reuse the id.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';
import { emptyDraft } from '#shared/domain/interview-draft.ts';
import type { InterviewRecord, SaveResult } from '#shared/domain/interviews.ts';
import { AutosaveController } from '../../../renderer/src/interviews/capture/use-autosave.ts';
import type { SaveState } from '../../../renderer/src/interviews/capture/use-autosave.ts';

let log: string[];
let states: SaveState[];

const saved: Result<SaveResult> = {
  ok: true,
  value: { status: 'draft', savedAt: '2026-01-01T00:00:00.000Z', quoteIds: {}, missing: [], reopened: false },
};

function newFormController(): AutosaveController {
  const c = new AutosaveController(
    null,
    emptyDraft(),
    0,
    (s) => states.push(s),
    (_api, id, draft) => {
      log.push(`save ${id} ${draft.notes}`);
      return Promise.resolve(saved);
    },
    (_api, draft) => {
      log.push(`create ${draft.notes}`);
      return Promise.resolve({ ok: true, value: { id: 41 } as InterviewRecord });
    },
  );
  c.onCreated = (id) => log.push(`created ${id}`);
  return c;
}

beforeEach(() => {
  vi.useFakeTimers();
  (globalThis as unknown as { window: { winnow: Partial<Api> } }).window = { winnow: {} };
  log = [];
  states = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave of a new interview', () => {
  it('creates nothing while nothing is typed', async () => {
    const c = newFormController();
    c.changed(0); // a render without an edit
    await vi.advanceTimersByTimeAsync(5000);
    await c.flush();
    expect(log).toEqual([]);
    expect(states).toEqual([]);
  });

  it('creates the interview on the first save, then saves into it; the next save only saves', async () => {
    const c = newFormController();
    c.sync({ ...emptyDraft(), notes: 'a' }, () => {});
    c.changed(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(log).toEqual(['create a', 'created 41', 'save 41 a']);
    c.sync({ ...emptyDraft(), notes: 'ab' }, () => {});
    c.changed(2);
    await vi.advanceTimersByTimeAsync(250);
    expect(log).toEqual(['create a', 'created 41', 'save 41 a', 'save 41 ab']);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2026-01-01T00:00:00.000Z' });
  });
});
