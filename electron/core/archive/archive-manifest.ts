// manifest.json of a whole-workspace archive: what wrote it, the schema it was written at, and per
// table the columns, row count and SHA-256 of the canonical content (data/<table>.jsonl) and of the
// CSV copy. Import reads it first and checks everything else against it.
import { z } from 'zod';

export const ARCHIVE_FORMAT = 'winnow-workspace-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const dataEntry = (table: string) => `data/${table}.jsonl`;
export const csvEntry = (table: string) => `csv/${table}.csv`;

const sha = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const name = z.string().min(1).max(200);

const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.number().int().min(1),
    appVersion: z.string().max(100),
    createdAt: z.string().max(40),
    workspaceName: z.string().max(1000),
    schema: z.object({ version: z.number().int().min(1), migration: name, hash: sha }),
    /** Tables not archived: rebuilt on import. */
    derived: z.array(name).max(1000),
    tables: z
      .array(
        z.object({
          name,
          columns: z.array(name).min(1).max(1000),
          rows: z.number().int().min(0),
          sha256: sha,
          csvSha256: sha,
        }),
      )
      .max(1000),
  })
  .strict();

export type ArchiveManifest = z.infer<typeof manifestSchema>;
export type ManifestTable = ArchiveManifest['tables'][number];

/** Parses manifest.json; the message names what is wrong. */
export function parseManifest(text: string): ArchiveManifest | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `manifest.json is not valid JSON (${(e as Error).message})`;
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format !== ARCHIVE_FORMAT)
    return 'manifest.json does not describe a Winnow workspace archive';
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `manifest.json: ${issue.path.join('.') || 'the document'}: ${issue.message}`;
  }
  if (parsed.data.formatVersion > ARCHIVE_FORMAT_VERSION)
    return `the archive's format (${parsed.data.formatVersion}) is newer than this Winnow reads (${ARCHIVE_FORMAT_VERSION}); update Winnow`;
  return parsed.data;
}
