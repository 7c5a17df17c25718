// Command-line arguments: Node's parseArgs, with its errors turned into one line that names the
// bad value and, for a typo, the option that was probably meant ("unknown option --form (did you
// mean --from?)"). Every command parses through here so every command answers alike.
import { parseArgs as nodeParseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { editDistance } from '#shared/domain/name-matching.ts';
import { UsageError } from './io.ts';

/** The closest of `known` to a mistyped word, or null when none is near enough to be a typo. */
export function closest(typed: string, known: readonly string[]): string | null {
  const word = typed.toLowerCase();
  // One edit per three letters (at least one): "--form" → "--from", "stat" → "stats", not "--x" → "--db".
  const max = Math.max(1, Math.floor(word.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const d = name.startsWith(word) && word.length >= 3 ? 1 : editDistance(word, name.toLowerCase(), max);
    if (d <= max && (!best || d < best.distance)) best = { name, distance: d };
  }
  return best?.name ?? null;
}

export const didYouMean = (guess: string | null) => (guess ? ` (did you mean ${guess}?)` : '');

/** Node's parse error as our one line; `options` are the command's, for the suggestion. */
function usageFrom(e: TypeError & { code: string }, options: Record<string, { short?: string }>): UsageError {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = quoted.replace(/=.*$/, '');
    const known = Object.keys(options).map((o) => `--${o}`);
    return new UsageError(`unknown option ${name}${didYouMean(closest(name, known))}`);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '--db <value>' argument missing", "Option '--db' argument is ambiguous" (the next word
    // is an option) or "Option '--json' does not take an argument" (--json=x).
    const name = quoted.replace(/ <value>$/, '').replace(/^-\w, /, '');
    return new UsageError(/does not take/.test(e.message) ? `${name} takes no value` : `${name} needs a value`);
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`unexpected argument "${quoted}": this command takes options only`);
  }
  return new UsageError(e.message);
}

/** node:util parseArgs (strict unless told otherwise, as in Node), whose mistakes are UsageErrors (exit 2) naming the value. */
export function parseArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof nodeParseArgs<T>> {
  try {
    return nodeParseArgs(config);
  } catch (e) {
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
      throw usageFrom(e as TypeError & { code: string }, config.options ?? {});
    throw e;
  }
}

/** Where --help or -h stands among the arguments (before a "--"), or -1. */
export function helpIndex(argv: readonly string[]): number {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).findIndex((a) => a === '--help' || a === '-h');
}
