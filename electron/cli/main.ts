// The winnow command line: the app's core under plain Node, for analysts who automate and for
// checks. Each command lives in commands/; errors print one line and exit non-zero.
import { AppError } from '#core/errors.ts';
import { competitorCommand, competitorHelp } from './commands/competitor.ts';
import { cohortsCommand, cohortsHelp } from './commands/cohorts.ts';
import { demoCommand, demoHelp } from './commands/demo.ts';
import { matrixCommand, matrixHelp } from './commands/matrix.ts';
import { interviewsCommand, interviewsHelp } from './commands/interviews.ts';
import { reasonsCommand, reasonsHelp } from './commands/reasons.ts';
import { reportCommand, reportHelp } from './commands/report.ts';
import { exportCommand, exportHelp } from './commands/export.ts';
import { importCommand, importHelp } from './commands/import.ts';
import { statsCommand, statsHelp } from './commands/stats.ts';
import { processIO, UsageError } from './io.ts';
import type { CliIO } from './io.ts';

const COMMANDS: Record<string, { run: (argv: string[], io: CliIO) => Promise<number>; help: string }> = {
  cohorts: { run: cohortsCommand, help: cohortsHelp },
  demo: { run: demoCommand, help: demoHelp },
  stats: { run: statsCommand, help: statsHelp },
  matrix: { run: matrixCommand, help: matrixHelp },
  competitor: { run: competitorCommand, help: competitorHelp },
  interviews: { run: interviewsCommand, help: interviewsHelp },
  reasons: { run: reasonsCommand, help: reasonsHelp },
  import: { run: importCommand, help: importHelp },
  export: { run: exportCommand, help: exportHelp },
  report: { run: reportCommand, help: reportHelp },
};

function usage(): string {
  return [
    'Usage: winnow <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.help}`),
    '',
    'Without --db, commands use the workspace the app last opened (or its default file in the user-data folder).',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`winnow: unknown command "${name}". Run "winnow help" for the list.`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`winnow ${name}: ${e.message}`);
      return 2;
    }
    if (e instanceof AppError) {
      io.err(`winnow ${name}: ${e.message}`);
      return 1;
    }
    io.err(`winnow ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
