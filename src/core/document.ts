import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DocumentError } from './errors.js';

/** One input page as the pipeline sees it. */
export interface Document {
  /** Path relative to its INPUT folder, without `.txt`, with `/` separators. */
  id: string;
  /** Path as given on the command line (for messages). */
  path: string;
  /** UTF-8 decoded, leading BOM removed, nothing else changed (CRLF stays). */
  text: string;
  /** sha256 of the raw bytes, hex. */
  sha256: string;
  /** Size of the raw file in bytes. */
  bytes: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes page bytes with the offset contract's rules. Rejects what cannot be a text page:
 * invalid UTF-8 and NUL bytes (a binary file), naming the byte offset so the user can look.
 */
export function decodePage(bytes: Uint8Array, path: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new DocumentError(`${path}: contains a NUL byte at byte ${nul}; this looks like a binary file, not a text page (remove it from the input or convert it to UTF-8 text)`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new DocumentError(`${path}: byte ${firstInvalidUtf8Byte(bytes)} is not valid UTF-8; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte where UTF-8 decoding fails (for the error message). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, found by bisection; a cut inside a multi-byte sequence is
  // allowed for up to 3 bytes, so check prefixes with `stream: true`.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // `lo` may end inside a multi-byte sequence that the next byte breaks: report its lead byte.
  let at = lo;
  while (at > 0 && at > lo - 3 && (bytes[at - 1]! & 0xc0) === 0x80) at--;
  if (at > 0 && bytes[at - 1]! >= 0xc0) at--;
  else at = lo;
  return at;
}

export async function readDocument(path: string, id: string): Promise<Document> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DocumentError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const text = decodePage(bytes, path);
  return { id, path, text, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** A document made from a string (tests, stdin-like uses). */
export function documentFromText(id: string, text: string, path = `${id}.txt`): Document {
  const bytes = Buffer.from(text, 'utf8');
  return { id, path, text, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}
