// How the CLI talks: results on stdout, progress and errors on stderr, one line per error.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress lines are drawn only then). */
  interactive: boolean;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** A usage mistake (exit 2), as opposed to a failure while working (exit 1). */
export class UsageError extends Error {}
