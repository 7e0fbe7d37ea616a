import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { parseJsonLines } from '../core/jsonl.js';
import type { SpanRecord } from '../core/record.js';

/** The records of a JSONL file a command was given (gold, predictions); problems are usage errors naming the file. */
export function readRecords(file: string, what: string): SpanRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read the ${what} file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return parseJsonLines<SpanRecord>(text, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
