// How the CLI talks: results on stdout, progress and errors on stderr, one line per error.
import { terminalSafe } from '#shared/text/clean-text.ts';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress lines are drawn only then). */
  interactive: boolean;
}

/** Both streams go through terminalSafe: stored text never writes control codes to a terminal. */
export const processIO: CliIO = {
  out: (t) => process.stdout.write(`${terminalSafe(t)}\n`),
  err: (t) => process.stderr.write(`${terminalSafe(t)}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/**
 * A progress line on a terminal's stderr, redrawn in place (\r, then the line cleared to its
 * end); nothing when stderr is not a terminal. Its text goes through terminalSafe like all output:
 * only our own carriage return and erase sequence reach the terminal.
 */
export function progress(io: CliIO, text: string): void {
  if (io.interactive) process.stderr.write(`\r${terminalSafe(text)}\x1b[K`);
}

/** Ends a progress line: clears it, so the result starts on a clean line. */
export function endProgress(io: CliIO): void {
  if (io.interactive) process.stderr.write('\r\x1b[K');
}

/** A usage mistake (exit 2), as opposed to a failure while working (exit 1). */
export class UsageError extends Error {}

/**
 * Every number in text output goes through here: thousands separators (1,234,567) and a fixed
 * number of decimals, so columns line up and large counts read at a glance. '–' for no value.
 */
export function num(x: number | null | undefined, decimals = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A share as a percentage with one decimal (0.4567 → "45.7%"); '–' for none. */
export const pct = (x: number | null | undefined, decimals = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${num(x * 100, decimals)}%`;
