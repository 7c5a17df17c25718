// A plain-text log of slow work in the user-data folder (logs/slow-calls.log): every contract call
// over 100 ms with its channel and times, and every stall of the window's process. Nothing leaves
// the machine; the file is for the user (or us, if they choose to send it). Kept under 1 MB.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SLOW_CALL_MS = 100;
const MAX_BYTES = 1_000_000;

export function slowLogPath(userDataDir: string): string {
  return join(userDataDir, 'logs', 'slow-calls.log');
}

export class SlowLog {
  private readonly path: string;
  private ready = false;

  constructor(userDataDir: string) {
    this.path = slowLogPath(userDataDir);
  }

  /** One contract call; written only when it took longer than SLOW_CALL_MS in all. */
  call(channel: string, waitedMs: number, ranMs: number): void {
    const total = waitedMs + ranMs;
    if (total < SLOW_CALL_MS) return;
    this.write(`${channel}\t${Math.round(total)} ms\t(waited ${Math.round(waitedMs)} ms, ran ${Math.round(ranMs)} ms)`);
  }

  /** Anything else slow, such as the window's process not answering for a while. */
  note(what: string, ms: number): void {
    this.write(`${what}\t${Math.round(ms)} ms`);
  }

  private write(line: string): void {
    try {
      if (!this.ready) {
        mkdirSync(join(this.path, '..'), { recursive: true });
        this.ready = true;
      }
      if ((statSync(this.path, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES)
        renameSync(this.path, `${this.path}.1`);
      appendFileSync(this.path, `${new Date().toISOString()}\t${line}\n`);
    } catch {
      // A log that cannot be written must never fail the call it describes.
    }
  }
}
