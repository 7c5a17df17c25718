// The shape of every `winnow <command> --help`: usage, what it does, its options in aligned
// columns. Commands give their own words; the options most commands share are worded once here.

export type OptionHelp = readonly [flag: string, what: string];

export const DB_OPTION: OptionHelp = [
  '--db FILE',
  'the workspace file (default: the one the app last opened, else its default file)',
];
export const JSON_OPTION: OptionHelp = ['--json', 'print the result as JSON instead of text'];
export const HELP_OPTION: OptionHelp = ['-h, --help', 'show this help'];

export function helpText(usage: string | string[], what: string, options: readonly OptionHelp[]): string {
  const usages = typeof usage === 'string' ? [usage] : usage;
  const all = [...options, HELP_OPTION];
  const width = Math.max(...all.map(([flag]) => flag.length));
  return [
    ...usages.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}${u}`),
    '',
    what,
    '',
    'Options:',
    ...all.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
  ].join('\n');
}

/** The app's version, from package.json (the CLI runs from source, beside it). */
