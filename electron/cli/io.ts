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

/** A usage mistake (exit 2), as opposed to a failure while working (exit 1). */
export class UsageError extends Error {}
