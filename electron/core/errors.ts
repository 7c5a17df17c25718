// Errors the core raises on purpose. Each carries a contract error code, so dispatch can pass it
// to the UI as { ok: false, error } with a message written for the user, not a stack trace.
import type { ErrorCode, FieldIssue } from '#shared/contract/result.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}
