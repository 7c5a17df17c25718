// Autosave for the capture form: every edit reaches the database within a second, without any
// help from unload handlers (a crash or a killed window loses at most the last second).
//  - A save starts 250 ms after typing pauses, and at the latest 600 ms after the first unsaved
//    edit, so continuous typing is saved about every 0.6 s, leaving time for the request itself
//    on a busy machine.
//  - Saves run one at a time; edits made during a save are sent by the next one.
//  - A new interview is not stored until the first edit: that save creates the draft first
//    (interviews:create), so opening the form and leaving it leaves nothing behind.
//  - New quotes get their ids from the first save; the ids are kept here as well as in the
//    form, so a save that starts before the form re-renders cannot create a quote twice.
import { useEffect, useState } from 'react';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { SaveResult } from '#shared/domain/interviews.ts';
import type { Api } from '#shared/contract/index.ts';
import { ApiError, call } from '../../api/client.ts';

export const SAVE_PAUSE_MS = 250;
export const SAVE_MAX_WAIT_MS = 600;
const RETRY_MS = 2000;

export type SaveState =
  | { kind: 'blank' }
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: Error };

type Save = (api: Api, id: number, draft: InterviewDraft) => ReturnType<Api['interviews']['save']>;
/** Stores a new interview's draft row and returns its id (only for a form opened on no interview). */
type Create = (api: Api, draft: InterviewDraft) => ReturnType<Api['interviews']['create']>;

export class AutosaveController {
  draft: InterviewDraft;
  version: number;
  onSaved: (r: SaveResult) => void = () => {};
  /** Told the new interview's id once its first save has created it. */
  onCreated: (id: number) => void = () => {};
  private savedVersion: number;
  private firstUnsavedAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly quoteIds = new Map<string, number>();
  private id: number | null;
  private readonly setState: (s: SaveState) => void;
  private readonly save: Save;
  private readonly create: Create | undefined;

  constructor(
    id: number | null,
    draft: InterviewDraft,
    version: number,
    setState: (s: SaveState) => void,
    save: Save,
    create?: Create,
  ) {
    this.id = id;
    this.create = create;
    this.draft = draft;
    this.version = version;
    this.savedVersion = version;
    this.setState = setState;
    this.save = save;
  }

  get dirty(): boolean {
    return this.savedVersion !== this.version;
  }

  /** The form as it is now, and what to do with a save's answer. */
  sync(draft: InterviewDraft, onSaved: (r: SaveResult) => void, onCreated?: (id: number) => void): void {
    this.draft = draft;
    this.onSaved = onSaved;
    if (onCreated) this.onCreated = onCreated;
  }

  /** The form changed (a new version): save soon. */
  changed(version: number): void {
    this.version = version;
    if (!this.dirty) return;
    if (!this.inFlight) this.setState({ kind: 'pending' });
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    this.firstUnsavedAt ??= now;
    const wait = Math.max(0, Math.min(SAVE_PAUSE_MS, this.firstUnsavedAt + SAVE_MAX_WAIT_MS - now));
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), wait);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Save now; resolves once everything typed so far is stored (or rejects with the error). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    if (!this.dirty) return;
    const p = this.saveOnce();
    this.inFlight = p;
    try {
      await p;
    } finally {
      this.inFlight = null;
    }
    if (this.dirty) this.schedule();
  }

  private async saveOnce(): Promise<void> {
    const version = this.version;
    const draft: InterviewDraft = {
      ...this.draft,
      quotes: this.draft.quotes.map((q) =>
        q.id === null && this.quoteIds.has(q.key) ? { ...q, id: this.quoteIds.get(q.key)! } : q,
      ),
    };
    this.setState({ kind: 'saving' });
    try {
      if (this.id === null) {
        const create = this.create;
        if (!create) throw new Error('This form has no interview to save to.');
        const created = await call((api) => create(api, draft));
        this.id = created.id;
        this.onCreated(created.id);
      }
      const id: number = this.id;
      const result = await call((api) => this.save(api, id, draft));
      for (const [key, quoteId] of Object.entries(result.quoteIds)) this.quoteIds.set(key, quoteId);
      this.savedVersion = version;
      this.onSaved(result);
      if (this.dirty) {
        this.firstUnsavedAt = Date.now();
        this.setState({ kind: 'pending' });
      } else {
        this.firstUnsavedAt = null;
        this.setState({ kind: 'saved', at: result.savedAt });
      }
    } catch (e) {
      this.setState({ kind: 'error', error: e as Error });
      // A refused form (invalid_argument) waits for the next edit, and an interview that is not
      // there (not_found, no workspace) is not retried; anything else is, every two seconds.
      if (!(e instanceof ApiError && ['invalid_argument', 'not_found', 'no_workspace'].includes(e.code))) {
        this.clearTimer();
        this.timer = setTimeout(() => void this.flush().catch(() => undefined), RETRY_MS);
      }
      throw e;
    }
  }

  /** Leaving the form inside the app: send what is left, stop timers. */
  leave(): void {
    this.clearTimer();
    if (this.dirty) void this.flush().catch(() => undefined);
  }
}

/** id null: a new interview, created by the first save; onCreated hears its id. */
export function useAutosave(
  id: number | null,
  dealId: number,
  draft: InterviewDraft,
  version: number,
  onSaved: (result: SaveResult) => void,
  onCreated: (id: number) => void,
): { state: SaveState; flush: () => Promise<void> } {
  const [state, setState] = useState<SaveState>(id === null ? { kind: 'blank' } : { kind: 'saved', at: null });
  const [ctl] = useState(
    () =>
      new AutosaveController(
        id,
        draft,
        version,
        setState,
        (api, i, d) => api.interviews.save({ id: i, dealId, draft: d }),
        (api, d) => api.interviews.create({ dealId, ...(d.interviewDate ? { interviewDate: d.interviewDate } : {}) }),
      ),
  );
  useEffect(() => ctl.sync(draft, onSaved, onCreated));
  useEffect(() => ctl.changed(version), [ctl, version]);
  useEffect(() => () => ctl.leave(), [ctl]);
  return { state, flush: () => ctl.flush() };
}
