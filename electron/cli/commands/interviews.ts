// winnow interviews search "TEXT" [--db FILE] [--json] [--limit N]
// winnow interviews export interviews|quotes --out FILE [--db FILE] [--include-anonymous-names]
// Search runs the same full-text query as the app's interview list (statements, notes, answers,
// quotes), best matches first; matches are shown in [brackets], or as offsets with --json.
import { resolve } from 'node:path';
import { closest, didYouMean, parseArgs } from '../args.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { SEARCH_FIELD_LABEL, STATUS_LABEL } from '#shared/domain/interviews.ts';
import { bracketMatches, matchOffsets, MATCH_CLOSE, MATCH_OPEN } from '#shared/text/highlight.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { exportInterviewsCsv, exportQuotesCsv } from '#core/interviews/interview-export.ts';
import { listInterviews } from '#core/interviews/interview-list.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { UsageError, num } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const interviewsHelp =
  'winnow interviews search "TEXT" [--db FILE] [--json] [--limit N]   full-text search of interviews and quotes\n' +
  '  winnow interviews export interviews|quotes --out FILE [--db FILE]  write interviews or quotes as CSV';

const SEARCH_HELP = helpText(
  'winnow interviews search "TEXT" [--limit N] [--db FILE] [--json]',
  'Full-text search of interview statements, notes, guide answers and quotes, best matches first; matches\n' +
    'are shown in [brackets] (with --json, as offsets).',
  [['--limit N', 'show the best N interviews, 1 to 500 (default 20)'], DB_OPTION, JSON_OPTION],
);
const EXPORT_HELP = helpText(
  'winnow interviews export interviews|quotes --out FILE [--include-anonymous-names] [--include-drafts] [--db FILE]',
  'Writes every interview (one row each, with codings and ratings) or every quote as CSV.',
  [
    ['--out FILE', 'the CSV file to write (required)'],
    ['--include-anonymous-names', 'write the names of people who asked to stay anonymous (default: blank)'],
    ['--include-drafts', 'quotes: include quotes of draft interviews'],
    DB_OPTION,
  ],
);

export function interviewsDetails(words: string[]): string {
  if (words[0] === 'search') return SEARCH_HELP;
  if (words[0] === 'export') return EXPORT_HELP;
  return `${SEARCH_HELP}\n\n${EXPORT_HELP}`;
}

const marked = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `${MATCH_OPEN}${s.text}${MATCH_CLOSE}` : s.text)).join('');

/** One line per match in a terminal: no newlines from the text itself. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function interviewsCommand(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'search') return search(rest, io);
  if (sub === 'export') return exportCsv(rest, io);
  throw new UsageError(
    `expected "search" or "export", got ${sub ? `"${sub}"${didYouMean(closest(sub, ['search', 'export']))}` : 'nothing'}`,
  );
}

async function search(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError('give the text to search for, e.g. winnow interviews search "security review"');
  if (text.length > 500) throw new UsageError('the search text is too long (at most 500 characters)');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new UsageError(`--limit must be a whole number from 1 to 500, got "${values.limit}"`);
  const path = workspacePathFrom(values.db);
  const ws = await openWorkspace(path, { mode: 'open', verify: 'quick' });
  try {
    const page = listInterviews(ws.sqlite, {
      filters: { search: text },
      sort: 'relevance',
      dir: 'desc',
      offset: 0,
      limit,
    });
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            query: text,
            total: page.total,
            deals: page.deals,
            results: page.rows.map((r) => ({
              interviewId: r.id,
              dealId: r.dealId,
              dealName: r.dealName,
              account: r.accountName,
              outcome: r.outcome,
              status: r.status,
              interviewDate: r.interviewDate,
              primaryReason: r.primaryReason?.name ?? null,
              matches: r.matches.map((m) => {
                const { text: snippet, matches } = matchOffsets(marked(m.segments));
                return { field: m.field, quoteId: m.quoteId, snippet, highlights: matches };
              }),
            })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    if (page.total === 0) {
      io.out(`No interview mentions "${text}".`);
      return 0;
    }
    io.out(
      `${num(page.total)} interview${page.total === 1 ? '' : 's'} on ${num(page.deals)} deal${page.deals === 1 ? '' : 's'} match "${text}"` +
        (page.total > page.rows.length ? ` (best ${num(page.rows.length)} shown)` : ''),
    );
    for (const r of page.rows) {
      io.out('');
      io.out(
        `#${r.id}  ${r.interviewDate ?? 'no date'}  ${oneLine(r.dealName)} (${OUTCOME_LABEL[r.outcome]}, ${STATUS_LABEL[r.status].toLowerCase()})`,
      );
      for (const m of r.matches) {
        io.out(`  ${SEARCH_FIELD_LABEL[m.field]}: ${oneLine(bracketMatches(marked(m.segments)))}`);
      }
    }
    return 0;
  } finally {
    ws.close();
  }
}

async function exportCsv(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      'include-anonymous-names': { type: 'boolean' },
      'include-drafts': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const kind = positionals[0];
  if (kind !== 'interviews' && kind !== 'quotes')
    throw new UsageError(`export what? "interviews" or "quotes", got ${kind ? `"${kind}"` : 'nothing'}`);
  if (!values.out) throw new UsageError('give the file to write with --out FILE');
  const out = resolve(values.out);
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const options = { includeAnonymousNames: values['include-anonymous-names'] ?? false };
    const rows =
      kind === 'interviews'
        ? exportInterviewsCsv(ws.sqlite, {}, out, options)
        : exportQuotesCsv(ws.sqlite, { includeDrafts: values['include-drafts'] ?? false }, out, options);
    io.out(`Wrote ${num(rows)} ${kind} to ${out}`);
    return 0;
  } finally {
    ws.close();
  }
}
