// winnow competitor NAME [--from DATE] [--to DATE] [--db FILE] [--json]: a competitor's profile,
// found by its name or any alias ("ACME Corp." finds Acme Analytics).
import { parseArgs } from '../args.ts';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import { periodSchema } from '#shared/contract/fields.ts';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { competitorProfile, findCompetitor } from '#core/win-rates/profile-queries.ts';
import { AppError } from '#core/errors.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { num, UsageError } from '../io.ts';
import { gridLines } from '../text-grid.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const competitorHelp =
  'winnow competitor NAME [--from DATE] [--to DATE] [--db FILE] [--json]\n' +
  '                                                     a competitor profile: win rates, reasons, ratings, quotes, recent deals';

export const competitorDetails = () =>
  helpText(
    'winnow competitor NAME [--from DATE] [--to DATE] [--db FILE] [--json]',
    "A competitor's profile, found by its name or any alias: deals met, win rate involved and head-to-head,\n" +
      'deal size and cycle, why we win and lose (buyers and reps), ratings us vs them, latest quotes, recent deals\n' +
      'and the win rate by segment, for deals closed in the period (default: all close dates).',
    [
      ['--from DATE', 'deals closed on or after DATE (YYYY-MM-DD)'],
      ['--to DATE', 'deals closed on or before DATE (YYYY-MM-DD)'],
      DB_OPTION,
      JSON_OPTION,
    ],
  );

const money = (x: number | null, currency: string) => (x === null ? '–' : `${num(x)} ${currency}`);
const days = (x: number | null) => (x === null ? '–' : `${num(x)} days`);
/** The screen shows eight quotes; so does the terminal (--json has all of them). */
const QUOTES_SHOWN = 8;
/** A quote on one line: its own line breaks become spaces. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function competitorCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const name = positionals.join(' ').trim();
  if (!name) throw new UsageError('name a competitor, for example: winnow competitor "Acme Analytics" --json');
  const period = periodSchema.safeParse({
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  });
  if (!period.success) {
    const issue = period.error.issues[0]!;
    const option = issue.path.join('.');
    const given = option === 'from' ? values.from : option === 'to' ? values.to : undefined;
    throw new UsageError(`--${option || 'from'}: ${issue.message}${given === undefined ? '' : `; got "${given}"`}`);
  }
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const found = findCompetitor(ws.sqlite, name, aliasKey(name));
    if (!found) throw new AppError('not_found', `No competitor called "${name}" (by name or alias) in this workspace.`);
    const settings = readSettings(ws.sqlite);
    const p = competitorProfile(ws.sqlite, found.id, settings, period.data);
    if (values.json) {
      io.out(JSON.stringify(p, null, 2));
      return 0;
    }
    const top = (list: { reason: string; count: number }[]) =>
      list
        .slice(0, 3)
        .map((r) => `${r.reason} (${num(r.count)})`)
        .join(', ') || 'none recorded';
    const periodText =
      p.period.from || p.period.to
        ? `deals closed ${p.period.from ?? 'from the start'} to ${p.period.to ?? 'the latest'}`
        : 'all close dates';
    const rating = (x: number | null, count: number) => (x === null ? '–' : `${num(x, 1)} (n=${num(count)})`);
    const lines = [
      `${p.name}${p.aliases.length ? ` (also: ${p.aliases.join(', ')})` : ''}: ${periodText}, every deal type`,
      `Deals met         ${num(p.encounters)}; lost to them (CRM): ${num(p.lostToThem)}`,
      `Win rate          involved: ${describeRateText(p.involved)}`,
      `                  head-to-head: ${describeRateText(p.headToHead)}`,
      `Deal size, cycle  ${money(p.sizeAndCycle.them.averageAmount, p.currency)}, ${days(p.sizeAndCycle.them.averageCycleDays)}` +
        ` (other competitors: ${money(p.sizeAndCycle.otherCompetitors.averageAmount, p.currency)}, ${days(p.sizeAndCycle.otherCompetitors.averageCycleDays)})`,
      `Why we win        buyers: ${top(p.interviewReasons.win)}; reps: ${top(p.crmReasons.win)}`,
      `Why we lose       buyers: ${top(p.interviewReasons.loss)}; reps: ${top(p.crmReasons.loss)}`,
      '',
      'By segment:',
      ...p.bySegment.map((b) => `  ${b.label.padEnd(20)} ${describeRateText(b.involved)}`),
      '',
      'Ratings, us vs them (mean of complete interviews on their deals; n = ratings):',
      ...(p.ratings.length === 0
        ? ['  none recorded']
        : gridLines(
            ['Criterion', 'Us', 'Them'],
            p.ratings.map((r) => [r.criterion, rating(r.us, r.usN), rating(r.them, r.themN)]),
          ).map((l) => `  ${l}`)),
      '',
      `Quotes (latest ${num(Math.min(QUOTES_SHOWN, p.quotes.length))} of ${num(p.quotes.length)}):`,
      ...(p.quotes.length === 0
        ? ['  none recorded']
        : p.quotes
            .slice(0, QUOTES_SHOWN)
            .map(
              (q) =>
                `  "${oneLine(q.text)}" (${q.speaker || 'anonymous'}, ${q.dealName}, ${OUTCOME_LABEL[q.outcome].toLowerCase()}${q.interviewDate ? `, ${q.interviewDate}` : ''})`,
            )),
      '',
      'Recent deals:',
      ...(p.recentDeals.length === 0
        ? ['  none']
        : gridLines(
            ['Deal', 'Account', 'Outcome', 'Closed', `Amount ${p.currency}`],
            p.recentDeals.map((d) => [
              d.name,
              d.account ?? '',
              OUTCOME_LABEL[d.outcome],
              d.closeDate ?? '',
              d.amount === null ? '–' : num(Math.round(d.amount)),
            ]),
            { textColumns: 4 },
          ).map((l) => `  ${l}`)),
      '',
      p.definition,
    ];
    for (const l of lines) io.out(l);
    return 0;
  } finally {
    ws.close();
  }
}
