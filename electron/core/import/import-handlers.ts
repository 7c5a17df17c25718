// Contract handlers of the importer. Files are picked through the host's dialog and then known to
// the renderer only by an id; the check and the import run as jobs in a worker; rejected rows
// wait in a temporary folder until the user saves them.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { HandlersOf } from '#shared/contract/index.ts';
import type { importChannels } from '#shared/contract/import.ts';
import type { FileInspection, ImportRunResult } from '#shared/domain/imports.ts';
import type { Delimiter, Encoding, ImportKindId, ImportMapping } from '#shared/domain/import-mapping.ts';
import { AppError } from '../errors.ts';
import type { CoreContext } from '../rpc/context.ts';
import { setupFile, estimateRows } from './file-setup.ts';
import { batchDetail, listBatches } from './import-log.ts';
import { KINDS, kindSpec } from './kinds/index.ts';
import { applyPreset, mappingIssues, suggestMapping } from './mapping-rules.ts';
import { deleteMapping, listMappings, saveMapping } from './saved-mappings.ts';

/** Files the user picked in this run of the app, by the id the renderer knows them by. */
const picked = new Map<string, string>();
/** Rejected-rows CSVs of checks and imports, by job id (the newest few; older folders are removed). */
const rejected = new Map<string, { dir: string; files: { fileName: string }[] }>();
const KEEP_REJECTED = 20;

function remember(path: string): string {
  for (const [id, p] of picked) if (p === path) return id;
  const id = randomUUID();
  picked.set(id, path);
  return id;
}

function pathOf(fileId: string): string {
  const path = picked.get(fileId);
  if (!path) throw new AppError('not_found', 'That file is no longer available; choose it again.');
  return path;
}

export function inspectFile(
  path: string,
  kind: ImportKindId,
  options: { encoding?: Encoding | undefined; delimiter?: Delimiter | undefined } = {},
): Omit<FileInspection, 'fileId'> {
  const setup = setupFile(path, { ...options, sampleRows: 50 });
  const suggestion = suggestMapping(KINDS[kind], setup.headers);
  suggestion.mapping.encoding = options.encoding;
  suggestion.mapping.delimiter = options.delimiter;
  return {
    fileName: setup.fileName,
    sizeBytes: setup.sizeBytes,
    encoding: setup.encoding,
    encodingDetected: setup.encodingDetected,
    delimiter: setup.delimiter,
    delimiterDetected: setup.delimiterDetected,
    headers: setup.headers,
    sampleRows: setup.sample.slice(0, 8),
    estimatedRows: estimateRows(setup),
    suggestion,
    notes: setup.notes,
  };
}

async function startImport(
  s: CoreContext,
  files: { fileId: string; kind: ImportKindId; mapping: ImportMapping }[],
  mode: 'preview' | 'commit',
  onProblems: 'all_or_nothing' | 'valid_rows',
  mappingName: string | null,
): Promise<{ jobId: string }> {
  s.require();
  const paths = files.map((f) => pathOf(f.fileId));
  for (const f of files) {
    if (f.mapping.kind !== f.kind)
      throw new AppError('invalid_argument', `The mapping is for ${f.mapping.kind} files, not ${f.kind}.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'winnow-rejected-'));
  const status = await s.startJob('import', {
    files: files.map((f, i) => ({ kind: f.kind, path: paths[i]!, mapping: f.mapping })),
    mode,
    onProblems,
    sourceName: basename(paths[0]!),
    mappingName,
    rejectedDir: dir,
  });
  rejected.set(status.id, { dir, files: paths.map((p) => ({ fileName: basename(p) })) });
  for (const [id, old] of [...rejected].slice(0, Math.max(0, rejected.size - KEEP_REJECTED))) {
    rmSync(old.dir, { recursive: true, force: true });
    rejected.delete(id);
  }
  return { jobId: status.id };
}

export const importHandlers: HandlersOf<typeof importChannels, CoreContext> = {
  'import:kinds': () => Object.values(KINDS).map(kindSpec),
  'import:pick': async ({ kind }, s) => {
    s.require();
    const path = await s.platform.pickOpenFile({
      title: `Choose a ${KINDS[kind].label.toLowerCase()} CSV file`,
      filters: [
        { name: 'CSV and text files', extensions: ['csv', 'txt', 'tsv'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    if (!path) return null;
    return { fileId: remember(path), ...inspectFile(path, kind) };
  },
  'import:inspect': ({ fileId, kind, encoding, delimiter }) => ({
    fileId,
    ...inspectFile(pathOf(fileId), kind, { encoding, delimiter }),
  }),
  'import:applyPreset': ({ kind, presetId, headers }) => {
    const preset = KINDS[kind].presets.find((p) => p.id === presetId);
    if (!preset)
      throw new AppError('not_found', `There is no preset "${presetId}" for ${KINDS[kind].label.toLowerCase()} files.`);
    return applyPreset(KINDS[kind], headers, preset);
  },
  'import:checkMapping': ({ mapping, headers }) => mappingIssues(KINDS[mapping.kind], mapping, headers),
  'import:preview': ({ files }, s) => startImport(s, files, 'preview', 'all_or_nothing', null),
  'import:commit': ({ files, onProblems, mappingName }, s) =>
    startImport(s, files, 'commit', onProblems, mappingName ?? null),
  'import:saveRejected': async ({ jobId, fileIndex }, s) => {
    const entry = rejected.get(jobId);
    const source = entry ? join(entry.dir, `${fileIndex}.csv`) : null;
    if (!entry || !source || !existsSync(source)) {
      throw new AppError('not_found', 'There are no rejected rows to save for this file (or they are no longer kept).');
    }
    const name = entry.files[fileIndex]?.fileName.replace(/\.[^.]*$/, '') ?? 'import';
    const dest = await s.platform.pickSaveFile({
      title: 'Save the rejected rows',
      filters: [{ name: 'CSV files', extensions: ['csv'] }],
      defaultName: `${name}-rejected.csv`,
    });
    if (!dest) return null;
    copyFileSync(source, dest);
    const result = (await s.jobStatus(jobId)).result as ImportRunResult | null;
    return {
      path: dest,
      rows: result?.files.find((f) => f.fileName === entry.files[fileIndex]?.fileName)?.rejected ?? 0,
    };
  },
  'import:mappings': ({ kind }, s) => listMappings(s.require().sqlite, kind),
  'import:saveMapping': ({ name, mapping, replace }, s) => saveMapping(s.require().sqlite, name, mapping, replace),
  'import:deleteMapping': ({ id }, s) => ({ deleted: deleteMapping(s.require().sqlite, id) }),
  'import:batches': (_arg, s) => listBatches(s.require().sqlite),
  'import:batch': ({ id }, s) => batchDetail(s.require().sqlite, id),
  'import:undo': async ({ id, force }, s) => {
    const ws = s.require();
    batchDetail(ws.sqlite, id); // a clear "no such import" before a worker starts
    return { jobId: (await s.startJob('undoImport', { batchId: id, force })).id };
  },
};
