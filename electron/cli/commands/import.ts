// winnow import <kind> FILE [options]: the app's importer on the command line, on the same code.
// Every import kind is a subcommand (deals, accounts, owners, products, competitors, stage-history,
// deal-competitors, interviews, quotes; a kind added to the importer appears here by itself),
// plus `log` and `undo`. Related files come with a main one: with deals, any other kind; with
// interviews, their quotes.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { closest, didYouMean, parseArgs } from '../args.ts';
import type { ImportRunResult } from '#shared/domain/imports.ts';
import type { DateFormat, Delimiter, Encoding, ImportKindId, ImportMapping } from '#shared/domain/import-mapping.ts';
import { DATE_FORMATS, ENCODINGS, IMPORT_KINDS, importMappingSchema } from '#shared/domain/import-mapping.ts';
import { AppError } from '#core/errors.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { setupFile } from '#core/import/file-setup.ts';
import { batchDetail, listBatches } from '#core/import/import-log.ts';
import { undoImport } from '#core/import/import-undo.ts';
import { KINDS } from '#core/import/kinds/index.ts';
import { suggestMapping } from '#core/import/mapping-rules.ts';
import type { ImportFileInput } from '#core/import/run-import.ts';
import { runImport } from '#core/import/run-import.ts';
import { getMapping, saveMapping } from '#core/import/saved-mappings.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { endProgress, num, progress, UsageError } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

const cliName = (kind: ImportKindId) => kind.replace(/_/g, '-');
const RELATED = IMPORT_KINDS.filter((k) => k !== 'deals');
/** Which related files each main kind takes. */
const RELATED_TO: Partial<Record<ImportKindId, ImportKindId[]>> = {
  deals: RELATED,
  interviews: ['quotes'],
  leads: ['touches'],
};

export const importHelp =
  'winnow import <kind> FILE [--mapping NAME|FILE] [--date-format F] [--db FILE] ...   import a CSV (kinds: ' +
  IMPORT_KINDS.map(cliName).join(', ') +
  '); also: import log, import undo ID. "winnow import --help" for all options';

const DELIMITER_NAMES: Record<string, Delimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  '|': '|',
  pipe: '|',
};

const n = (x: number) => num(x);

/** The options every kind takes. */
const FILE_OPTIONS = [
  [
    '--mapping NAME|FILE',
    'a mapping saved in the workspace, or a JSON mapping file (default: suggested from the header)',
  ],
  ['--date-format F', 'YYYY-MM-DD, M/D/YYYY, D/M/YYYY or D.M.YYYY (required when dates like 03/04/2024 are ambiguous)'],
  ['--encoding E', 'utf-8, windows-1252 or utf-16le (default: detected)'],
  ['--delimiter D', 'comma, semicolon, tab or pipe (default: detected)'],
  ['--valid-rows', 'import the rows without problems (default: all or nothing)'],
  ['--rejected FILE', 'write the rejected rows with their reasons to FILE'],
  ['--check', 'check only: report what would happen, write nothing (exit 1 if the import would fail)'],
  ['--accept-near-matches', 'take the suggested match for names that look like known ones (GTXPro -> GTX Pro)'],
  ['--add-new-themes', 'add the quote themes the file names that the workspace does not have yet'],
  ['--save-mapping NAME', 'save the mapping used (with accepted matches) for next time'],
  ['--db FILE', 'the workspace (default: the one the app last used); it must exist (winnow init makes one)'],
  JSON_OPTION,
] as const;

function optionLines(kinds: readonly ImportKindId[]): [string, string][] {
  return kinds.flatMap((k) =>
    (KINDS[k].options ?? []).map((o): [string, string] => [
      `--option ${o.key}=${o.choices.map((c) => c.value).join('|')}`,
      `${kinds.length > 1 ? `${cliName(k)}: ` : ''}${o.label.toLowerCase()} (default ${o.default})`,
    ]),
  );
}

function fullHelp(): string {
  return helpText(
    [
      'winnow import <kind> FILE [options]',
      'winnow import log [--db FILE] [--json]',
      'winnow import undo ID [--force] [--db FILE] [--json]',
    ],
    `Imports a CSV into the workspace, all or nothing, in one transaction (a backup is taken first).\n` +
      `Kinds: ${IMPORT_KINDS.map(cliName).join(', ')}. "winnow import <kind> --help" lists a kind's fields.`,
    [
      ...FILE_OPTIONS,
      ['--option KEY=VALUE', "a choice for the whole file, over the mapping's (repeatable):"],
      ...optionLines(IMPORT_KINDS).map(([flag, what]): [string, string] => ['', `${flag}  ${what}`]),
      ['--<related> FILE', `with deals: ${RELATED.map((k) => `--${cliName(k)}`).join(', ')} (and --<related>-mapping)`],
      ['', 'with interviews: --quotes FILE; with leads: --touches FILE (and --quotes-mapping, --touches-mapping)'],
      ['--force', "import undo: undo even if the import's rows changed since"],
    ],
  );
}

/** `winnow import deals --help`: the kind's columns, the CRMs it recognises and its options. */
function kindHelp(kind: ImportKindId): string {
  const k = KINDS[kind];
  const related = RELATED_TO[kind] ?? [];
  const columns = k.fields.map((f) => {
    const headers = f.headers.slice(0, 3).join(', ');
    return `  ${f.key}: ${f.label}${f.required ? ' (required)' : ''}${headers ? ` [${headers}]` : ''}. ${f.help}`;
  });
  return [
    helpText(`winnow import ${cliName(kind)} FILE [options]`, `${k.description}`, [
      ...FILE_OPTIONS,
      ...optionLines([kind]),
      ...related.map((r): [string, string] => [
        `--${cliName(r)} FILE`,
        `${KINDS[r].label.toLowerCase()} in the same import`,
      ]),
    ]),
    '',
    'Fields (key for a mapping file: label, header names that suggest it in brackets, then what it takes):',
    ...columns,
    ...(k.presets.length > 0 ? ['', `Recognised exports: ${k.presets.map((p) => p.label).join(', ')}`] : []),
  ].join('\n');
}

export function importDetails(words: string[]): string {
  const [sub] = words;
  if (sub === 'log')
    return helpText('winnow import log [--db FILE] [--json]', 'The import log, newest first.', [
      DB_OPTION,
      JSON_OPTION,
    ]);
  if (sub === 'undo')
    return helpText(
      'winnow import undo ID [--force] [--db FILE] [--json]',
      'Undoes import number ID (see "winnow import log"): removes the rows it added, restores the rows it changed.',
      [['--force', "undo even if the import's rows were edited since"], DB_OPTION, JSON_OPTION],
    );
  const kind = IMPORT_KINDS.find((k) => cliName(k) === sub);
  return kind ? kindHelp(kind) : fullHelp();
}

function loadMapping(ws: Workspace, value: string, kind: ImportKindId): ImportMapping {
  const path = resolve(value);
  if (existsSync(path)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new UsageError(`--mapping ${value}: not a JSON file (${(e as Error).message})`);
    }
    // A file may hold a bare mapping or a saved one ({ name, mapping }).
    const raw = json && typeof json === 'object' && 'mapping' in json ? (json as { mapping: unknown }).mapping : json;
    const parsed = importMappingSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`--mapping ${value}: ${issue.path.join('.') || 'mapping'}: ${issue.message}`);
    }
    if (parsed.data.kind !== kind)
      throw new UsageError(`--mapping ${value} is for ${parsed.data.kind} files, not ${kind}`);
    return parsed.data;
  }
  const saved = getMapping(ws.sqlite, value);
  if (!saved)
    throw new UsageError(`--mapping ${value}: no such file, and no mapping of that name is saved in the workspace`);
  if (saved.kind !== kind) throw new UsageError(`the mapping "${value}" is for ${saved.kind} files, not ${kind}`);
  return saved.mapping;
}

function describeResult(r: ImportRunResult): string[] {
  const lines: string[] = [];
  for (const f of r.files) {
    lines.push(
      `  ${f.fileName} (${KINDS[f.kind].label.toLowerCase()}): ${n(f.rowsRead)} rows read = ${n(f.inserted)} added + ${n(f.updated)} updated + ${n(f.unchanged)} unchanged + ${n(f.rejected)} rejected`,
    );
    if (f.blankLines > 0) lines.push(`    (${n(f.blankLines)} blank lines skipped)`);
    for (const note of f.notes) lines.push(`    ${note}`);
    for (const c of f.created) {
      lines.push(
        `    new ${c.entity}: ${n(c.count)}${c.names.length > 0 ? ` (${c.names.slice(0, 8).join(', ')}${c.count > 8 ? ', …' : ''})` : ''}`,
      );
    }
    for (const c of f.changedFields) lines.push(`    changed ${c.field} on ${n(c.count)} rows`);
  }
  return lines;
}

function describeProblems(r: ImportRunResult): string[] {
  const lines: string[] = [];
  for (const f of r.files) {
    if (f.dates.ambiguous) {
      lines.push(
        `  ${f.fileName}: dates such as 03/04/2024 fit both D/M/YYYY and M/D/YYYY: run again with --date-format.`,
      );
    }
    for (const v of f.values) {
      for (const x of v.values) {
        if (x.status === 'unknown')
          lines.push(
            `  ${f.fileName}: ${v.label} "${x.raw}" (${n(x.count)} rows) is not mapped: add it to the mapping's values` +
              (v.field === 'theme' ? ' (or run with --add-new-themes).' : '.'),
          );
        if (x.status === 'near') {
          lines.push(
            `  ${f.fileName}: ${v.label} "${x.raw}" (${n(x.count)} rows) looks like "${x.suggestions[0]}" (${x.why}): use --accept-near-matches or decide in the mapping.`,
          );
        }
      }
    }
    for (const p of f.problemSummary.slice(0, 12)) {
      const first = r.problems.find((q) => q.file === f.fileName && q.field === p.field && q.reason === p.reason);
      lines.push(
        `  ${f.fileName}: ${p.field ? `${p.field}: ` : ''}${p.reason} — ${n(p.count)} rows` +
          (first ? ` (first on line ${first.line}${first.value ? `: "${first.value}"` : ''})` : ''),
      );
    }
  }
  return lines;
}

async function runLog(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const batches = listBatches(ws.sqlite);
    if (values.json) io.out(JSON.stringify(batches, null, 2));
    else if (batches.length === 0) io.out('No imports yet.');
    else {
      for (const b of batches) {
        io.out(
          `#${b.id}  ${b.finishedAt.slice(0, 16).replace('T', ' ')}  ${b.status.padEnd(9)}  ${b.kind.padEnd(8)} ${b.sourceName}: ` +
            `${n(b.rowsRead)} read, ${n(b.rowsInserted)} added, ${n(b.rowsUpdated)} updated, ${n(b.rowsUnchanged)} unchanged, ${n(b.rowsRejected)} rejected`,
        );
      }
    }
    return 0;
  } finally {
    ws.close();
  }
}

async function runUndo(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id) || id < 1)
    throw new UsageError(
      `give the number of the import to undo (see "winnow import log")${positionals.length > 0 ? `; got "${positionals.join(' ')}"` : ''}`,
    );
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const detail = batchDetail(ws.sqlite, id);
    const result = undoImport(ws.sqlite, id, { force: values.force ?? false });
    if (values.json) io.out(JSON.stringify(result));
    else
      io.out(
        `Undid import #${id} (${detail.sourceName}): ${n(result.removed)} rows removed, ${n(result.restored)} rows restored.`,
      );
    return 0;
  } finally {
    ws.close();
  }
}

export async function importCommand(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(fullHelp());
    return sub ? 0 : 2;
  }
  if (sub === 'log') return runLog(rest, io);
  if (sub === 'undo') return runUndo(rest, io);
  const kind = IMPORT_KINDS.find((k) => cliName(k) === sub);
  if (!kind) {
    const names = [...IMPORT_KINDS.map(cliName), 'log', 'undo'];
    throw new UsageError(
      `unknown kind "${sub}"${didYouMean(closest(sub, names))}; kinds are ${IMPORT_KINDS.map(cliName).join(', ')}`,
    );
  }

  const relatedOptions = Object.fromEntries(
    RELATED.flatMap((k) => [
      [cliName(k), { type: 'string' as const }],
      [`${cliName(k)}-mapping`, { type: 'string' as const }],
    ]),
  );
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      mapping: { type: 'string' },
      'date-format': { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'valid-rows': { type: 'boolean' },
      rejected: { type: 'string' },
      check: { type: 'boolean' },
      'accept-near-matches': { type: 'boolean' },
      'add-new-themes': { type: 'boolean' },
      'save-mapping': { type: 'string' },
      option: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      ...relatedOptions,
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new UsageError(
      `give one file to import, e.g. winnow import ${sub} export.csv${positionals.length > 1 ? `; got "${positionals.join('", "')}"` : ''}`,
    );
  const dateFormat = values['date-format'] as DateFormat | undefined;
  if (dateFormat !== undefined && !DATE_FORMATS.includes(dateFormat)) {
    throw new UsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')}, got "${dateFormat}"`);
  }
  const encoding = values.encoding as Encoding | undefined;
  if (encoding !== undefined && !ENCODINGS.includes(encoding)) {
    throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, got "${encoding}"`);
  }
  let delimiter: Delimiter | undefined;
  if (values.delimiter !== undefined) {
    delimiter = DELIMITER_NAMES[values.delimiter];
    if (!delimiter)
      throw new UsageError(`--delimiter must be comma, semicolon, tab or pipe, got "${values.delimiter}"`);
  }
  const fileOptions: Record<string, string> = {};
  for (const o of values.option ?? []) {
    const [key, value] = o.split('=', 2);
    const spec = KINDS[kind].options?.find((x) => x.key === key);
    if (!spec || value === undefined) {
      const known = (KINDS[kind].options ?? []).map((x) => `${x.key}=${x.choices.map((c) => c.value).join('|')}`);
      throw new UsageError(
        `--option ${o}: ${known.length > 0 ? `${cliName(kind)} files take ${known.join(', ')}` : `${cliName(kind)} files have no options`}`,
      );
    }
    if (!spec.choices.some((c) => c.value === value))
      throw new UsageError(`--option ${key}: must be ${spec.choices.map((c) => c.value).join(' or ')}, got "${value}"`);
    fileOptions[spec.key] = value;
  }
  const mainPath = resolve(positionals[0]!);
  if (!existsSync(mainPath)) throw new UsageError(`no file at ${mainPath}`);
  const related: { kind: ImportKindId; path: string; mapping?: string }[] = [];
  const opts = values as Record<string, string | boolean | undefined>;
  for (const k of RELATED) {
    const file = opts[cliName(k)];
    if (typeof file === 'string') {
      if (!RELATED_TO[kind]?.includes(k)) {
        const mains = (Object.keys(RELATED_TO) as ImportKindId[]).filter((m) => RELATED_TO[m]!.includes(k));
        throw new UsageError(
          `--${cliName(k)} goes with ${mains.map((m) => `"winnow import ${cliName(m)}"`).join(' or ')}`,
        );
      }
      const path = resolve(file);
      if (!existsSync(path)) throw new UsageError(`--${cliName(k)}: no file at ${path}`);
      const mapping = opts[`${cliName(k)}-mapping`];
      related.push({ kind: k, path, ...(typeof mapping === 'string' ? { mapping } : {}) });
    }
  }

  const dbPath = workspacePathFrom(values.db);
  // An import never creates a workspace (only `winnow init`, `winnow demo` and the app's New do):
  // a mistyped --db must not leave a new empty file that later looks like the real one.
  if (values.db !== undefined && !existsSync(dbPath)) {
    throw new AppError(
      'not_found',
      `no workspace at ${dbPath}: create it first with "winnow init --db ${dbPath}", then import (nothing was written)`,
    );
  }
  const ws = await openWorkspace(dbPath, { mode: 'open', verify: 'quick' });
  const rejectedDir = mkdtempSync(join(tmpdir(), 'winnow-cli-rejected-'));
  try {
    const mappingFor = (k: ImportKindId, path: string, name: string | undefined): ImportMapping => {
      let mapping: ImportMapping;
      if (name !== undefined) mapping = loadMapping(ws, name, k);
      else mapping = suggestMapping(KINDS[k], setupFile(path, { encoding, delimiter }).headers).mapping;
      if (dateFormat) mapping.dateFormat = dateFormat;
      if (encoding) mapping.encoding = encoding;
      if (delimiter) mapping.delimiter = delimiter;
      return mapping;
    };
    const mainMapping = mappingFor(kind, mainPath, values.mapping);
    if (Object.keys(fileOptions).length > 0) mainMapping.options = { ...mainMapping.options, ...fileOptions };
    const files: ImportFileInput[] = [
      { kind, path: mainPath, mapping: mainMapping },
      ...related.map((r) => ({ kind: r.kind, path: r.path, mapping: mappingFor(r.kind, r.path, r.mapping) })),
    ];
    const base = {
      files,
      onProblems: values['valid-rows'] ? ('valid_rows' as const) : ('all_or_nothing' as const),
      sourceName: basename(mainPath),
      mappingName: values.mapping !== undefined && !existsSync(resolve(values.mapping)) ? values.mapping : null,
      rejectedDir,
    };
    const hooks = {
      progress: (done: number, total: number | null, message: string) => {
        progress(io, `${message}: ${n(done)}${total ? ` of about ${n(total)}` : ''} rows`);
      },
    };

    if (values['accept-near-matches'] || values['add-new-themes']) {
      const check = runImport(ws.sqlite, { ...base, mode: 'preview' }, hooks);
      for (const report of check.files) {
        const file = files[report.index]!;
        for (const v of report.values) {
          for (const x of v.values) {
            if (values['accept-near-matches'] && x.status === 'near' && x.suggestions[0]) {
              (file.mapping.values[v.field] ??= {})[x.raw] = x.suggestions[0];
              io.err(`Accepted: ${v.label} "${x.raw}" = "${x.suggestions[0]}" (${x.why})`);
            } else if (values['add-new-themes'] && v.field === 'theme' && x.status === 'unknown') {
              (file.mapping.values[v.field] ??= {})[x.raw] = x.raw;
              io.err(`New theme: "${x.raw}"`);
            }
          }
        }
      }
    }
    const result = runImport(ws.sqlite, { ...base, mode: values.check ? 'preview' : 'commit' }, hooks);
    endProgress(io);
    // What a real run would do: fail (exit 1) when rows have problems and it is all or nothing.
    const wouldFail =
      (!values['valid-rows'] && result.totals.rejected > 0) || result.files.some((f) => f.dates.ambiguous);

    if (values['save-mapping']) {
      saveMapping(ws.sqlite, values['save-mapping'], files[0]!.mapping, true);
      io.err(`Saved the mapping as "${values['save-mapping']}".`);
    }
    if (values.rejected && result.totals.rejected > 0) {
      const target = resolve(values.rejected);
      files.forEach((f, i) => {
        const source = join(rejectedDir, `${i}.csv`);
        if (!existsSync(source)) return;
        const dest = i === 0 ? target : target.replace(/(\.[^./\\]*)?$/, `-${cliName(f.kind)}$1`);
        copyFileSync(source, dest);
        io.err(`Rejected rows of ${basename(f.path)}, with their reasons: ${dest}`);
      });
    }
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
      if (values.check) return wouldFail ? 1 : 0;
      return result.committed || (result.totals.inserted + result.totals.updated === 0 && result.totals.rejected === 0)
        ? 0
        : 1;
    }
    const t = result.totals;
    const accounting = `${n(t.rowsRead)} rows read = ${n(t.inserted)} added + ${n(t.updated)} updated + ${n(t.unchanged)} unchanged + ${n(t.rejected)} rejected`;
    if (values.check) {
      io.out(`Check of ${basename(mainPath)} (nothing written): ${accounting}.`);
      for (const l of describeResult(result)) io.out(l);
      for (const l of describeProblems(result)) io.out(l);
      if (wouldFail) {
        io.err(
          `winnow import: the import would fail: ${n(t.rejected)} of ${n(t.rowsRead)} rows have problems, and without --valid-rows it is all or nothing.`,
        );
        return 1;
      }
      return 0;
    }
    if (result.committed) {
      io.out(`Imported ${basename(mainPath)} as import #${result.batchId}: ${accounting}.`);
      for (const l of describeResult(result)) io.out(l);
      if (t.rejected > 0) for (const l of describeProblems(result)) io.out(l);
      io.out(`Undo with: winnow import undo ${result.batchId}${values.db ? ` --db ${values.db}` : ''}`);
      return 0;
    }
    if (t.rejected === 0 && !result.files.some((f) => f.dates.ambiguous)) {
      io.out(`Nothing changed: all ${n(t.rowsRead)} rows already match the workspace.`);
      return 0;
    }
    if (values['valid-rows']) {
      io.out(
        `Nothing changed: ${n(t.unchanged)} rows already match the workspace; ${n(t.rejected)} rows have problems.`,
      );
      for (const l of describeProblems(result)) io.out(l);
      return 0;
    }
    io.err(
      `winnow import: nothing was imported: ${n(t.rejected)} of ${n(t.rowsRead)} rows have problems, and without --valid-rows it is all or nothing.`,
    );
    for (const l of describeProblems(result)) io.err(l);
    io.err(
      `Fix the file or the mapping, or run again with --valid-rows to import the ${n(t.inserted + t.updated + t.unchanged)} valid rows` +
        ' (add --rejected FILE to save the others with their reasons).',
    );
    return 1;
  } finally {
    rmSync(rejectedDir, { recursive: true, force: true });
    ws.close();
  }
}
