// How every call's answer travels between processes: a value or a typed error, never a thrown
// exception or a stack trace, so the UI can always say something clear.

export const ERROR_CODES = [
  'invalid_argument', // the payload failed its schema; nothing was written
  'unknown_channel',
  'not_found',
  'conflict', // e.g. a name already taken, or the workspace is busy
  'no_workspace',
  'not_a_workspace', // the file is not a Winnow database
  'schema_newer', // written by a newer Winnow; refused and left untouched
  'migration_failed',
  'corrupt', // integrity check failed: the workspace is read-only until a backup is restored
  'cancelled',
  'forbidden', // a sender we do not trust
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem, so forms can show the message next to the field. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
