// winnow report --template NAME [--from D --to D] --out FILE.pdf | --list: re-run a saved report
// template (the monthly pack) and print it to PDF with a Chromium (CHROMIUM_PATH or
// /usr/bin/chromium) over the DevTools pipe, the same document the app previews and prints.
import { resolve } from 'node:path';
import { parseArgs } from '../args.ts';
import { isoDate } from '#shared/contract/fields.ts';
import type { ReportSpec } from '#shared/domain/reports.ts';
import { RELATIVE_PERIOD_LABEL } from '#shared/domain/reports.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { AppError } from '#core/errors.ts';
import { inProcessContext } from '#core/reports/in-process-context.ts';
import { ChromiumPrinter } from '#core/reports/chromium-printer.ts';
import { DEFAULT_PRINT_TIMEOUT_MS } from '#core/reports/printer.ts';
import { writeReportPdf } from '#core/reports/report-pdf.ts';
import { renderReport } from '#core/reports/reports-handlers.ts';
import { listTemplates, templateByName } from '#core/reports/template-queries.ts';
import { appVersion } from '../app-version.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { UsageError, num } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const reportHelp =
  'winnow report --template NAME [--from D --to D] --out FILE.pdf | --list [--db FILE]   print a saved report to PDF';

export const reportDetails = () =>
  helpText(
    [
      'winnow report --template NAME [--from DATE --to DATE] --out FILE.pdf [--timeout S] [--db FILE] [--json]',
      'winnow report --list [--db FILE] [--json]',
    ],
    'Re-runs a report template saved in the Reports area and prints it to PDF with Chromium (CHROMIUM_PATH,\n' +
      'else /usr/bin/chromium): the same document the app previews. A saved-plan section prints the\n' +
      'needed-MQL plan of that name as saved now (see winnow plan); a deleted plan prints a note.',
    [
      ['--template NAME', 'the saved template to run'],
      ['--from DATE', "with --to: this period instead of the template's (YYYY-MM-DD)"],
      ['--to DATE', 'the last close date of that period'],
      ['--out FILE.pdf', 'the PDF to write'],
      ['--timeout S', 'give up printing after S seconds'],
      ['--list', 'list the saved templates'],
      DB_OPTION,
      JSON_OPTION,
    ],
  );
function date(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isoDate.safeParse(value).success)
    throw new UsageError(`--${name} must be a date like 2026-03-31, got "${value}"`);
  return value;
}

function periodText(spec: ReportSpec): string {
  return spec.period.kind === 'absolute'
    ? `${spec.period.from} to ${spec.period.to}`
    : RELATIVE_PERIOD_LABEL[spec.period.preset].toLowerCase();
}

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      template: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      list: { type: 'boolean' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const from = date(values.from, 'from');
  const to = date(values.to, 'to');
  if (!values.list) {
    if (!values.template) throw new UsageError('name a template with --template NAME (see --list)');
    if (!values.out) throw new UsageError('give --out FILE.pdf');
    if (!values.out.toLowerCase().endsWith('.pdf'))
      throw new UsageError(`--out must name a .pdf file; got "${values.out}"`);
    if ((from === undefined) !== (to === undefined)) throw new UsageError('give both --from and --to, or neither');
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  }
  const timeoutMs = values.timeout === undefined ? DEFAULT_PRINT_TIMEOUT_MS : Number(values.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError(`--timeout is a number of seconds; got "${values.timeout}"`);
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open' });
  try {
    if (values.list) {
      const templates = listTemplates(ws.sqlite);
      if (values.json) {
        io.out(JSON.stringify(templates, null, 2));
        return 0;
      }
      if (templates.length === 0) io.out('No report templates. Save one from the Reports area.');
      for (const t of templates)
        io.out(
          `${t.name.padEnd(32)} ${String(t.spec.sections.length).padStart(2)} sections, ${periodText(t.spec)}, ${t.spec.pageSize}`,
        );
      return 0;
    }
    const template = templateByName(ws.sqlite, values.template!);
    if (!template)
      throw new AppError('not_found', `No report template called "${values.template}" (see winnow report --list).`);
    const spec: ReportSpec = from && to ? { ...template.spec, period: { kind: 'absolute', from, to } } : template.spec;
    const ctx = inProcessContext(ws, appVersion(), new ChromiumPrinter());
    const doc = await renderReport(spec, ctx);
    const result = await writeReportPdf(doc, resolve(values.out!), (job) => ctx.platform.printPdf(job), { timeoutMs });
    if (values.json) io.out(JSON.stringify({ ...result, from: doc.from, to: doc.to, charts: doc.charts }));
    else
      io.out(
        `Report "${spec.title}" (${doc.from} to ${doc.to}) written to ${result.path}: ${num(result.pages)} pages, ${(result.ms / 1000).toFixed(1)} s.`,
      );
    return 0;
  } finally {
    ws.close();
  }
}
