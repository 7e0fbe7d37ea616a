import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseJsonLines } from '../core/jsonl.js';
import type { SpanRecord } from '../core/record.js';

/** One approved document: its id, the hash of its bytes and its text (to map offsets through edits). */
export interface ApprovedDocument {
  doc: string;
  sha256: string;
  text: string;
}

export interface Snapshot {
  dir: string;
  /** Records per stage instance id (file name without .jsonl). */
  stages: Map<string, SpanRecord[]>;
  documents: Map<string, ApprovedDocument>;
}

export const DOCUMENTS_FILE = 'documents.jsonl';

/** Reads an approved snapshot written by `annotate approve`. */
export function readSnapshot(dir: string): Snapshot {
  if (!existsSync(join(dir, DOCUMENTS_FILE))) {
    throw new UsageError(`${dir}: no approved snapshot here (${DOCUMENTS_FILE} is missing); run \`annotate approve\` first`);
  }
  const documents = new Map(parseJsonLines<ApprovedDocument>(readFileSync(join(dir, DOCUMENTS_FILE), 'utf8'), join(dir, DOCUMENTS_FILE)).map((d) => [d.doc, d]));
  const stages = new Map<string, SpanRecord[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl') && f !== DOCUMENTS_FILE).sort()) {
    stages.set(file.replace(/\.jsonl$/, ''), parseJsonLines<SpanRecord>(readFileSync(join(dir, file), 'utf8'), join(dir, file)));
  }
  return { dir, stages, documents };
}
