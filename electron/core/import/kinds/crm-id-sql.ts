// Finding a record by the CRM id a file gives, where Winnow's own exports write `winnow-<id>` for
// records that have none (shared/domain/winnow-ids.ts): the record with that CRM id, else the one
// with that internal id and no CRM id. An exact CRM id wins when both exist.
import { parseWinnowId } from '#shared/domain/winnow-ids.ts';

/** A WHERE condition over `table`'s external_id and id, taking the two values of crmIdParams(). */
export function byCrmIdSql(table: string): string {
  return `(${table}.external_id = ? OR (${table}.external_id IS NULL AND ${table}.id = ?))
    ORDER BY ${table}.external_id IS NULL LIMIT 1`;
}

export function crmIdParams(externalId: string): [string, number] {
  return [externalId, parseWinnowId(externalId) ?? -1];
}
