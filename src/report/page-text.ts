import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodePage } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import type { DocumentEntry } from '../core/manifest.js';

type OkEntry = Extract<DocumentEntry, { status: 'ok' }>;

/**
 * The page text the records' offsets point into. The output folder holds offsets, not texts,
 * so the page is read again from the manifest's path; its sha256 must still be the one the run
 * saw, or every offset could be wrong.
 */
export function readPageText(entry: OkEntry, manifestFile: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(
      `${entry.path} (document ${entry.doc} of ${manifestFile}) cannot be read (${code}); run this command in the folder \`annotate run\` ran in, or run \`annotate run\` again`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== entry.sha256) throw staleError(entry.path, `changed since ${manifestFile} was written`);
  return decodePage(bytes, entry.path);
}

/** The page changed after the run wrote its records: the only fix is to annotate it again. */
export function staleError(path: string, why: string): UsageError {
  return new UsageError(`${path}: ${why}, so its annotations are stale; run \`annotate run\` again to refresh them`);
}
