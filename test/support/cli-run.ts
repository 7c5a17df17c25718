// Running the `winnow` command in-process for tests: its exit code and what it printed.
import { main } from '../../electron/cli/main.ts';
import type { CliIO } from '../../electron/cli/io.ts';

export function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: false };
}

/** `winnow ...args`: exit code, stdout and stderr (lines joined by newlines). */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO();
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
