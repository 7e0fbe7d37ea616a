/**
 * Errors the user can fix (bad arguments, bad pipeline file, unwritable output folder).
 * The CLI prints their message without a stack trace and exits with code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem with one input document; the batch goes on and the run exits with code 1. */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';
}
