// Ids Winnow writes for records that have no CRM id (a deal or an interview made in the app), so
// an export imports back: into the same workspace the importer matches `winnow-<id>` to the record
// with that id and no CRM id (nothing changes), into another it becomes the new record's CRM id
// (stable: exporting that workspace writes the same id again).
const PREFIX = 'winnow-';

export function winnowId(id: number): string {
  return `${PREFIX}${id}`;
}

/** What an export writes as a record's CRM id: its own, else `winnow-<id>`. */
export function exportedId(externalId: string | null, id: number): string {
  return externalId ?? winnowId(id);
}

/** The internal id a `winnow-<id>` names, or null for any other id. */
export function parseWinnowId(externalId: string): number | null {
  const m = /^winnow-([1-9]\d{0,15})$/.exec(externalId);
  return m ? Number(m[1]) : null;
}
