import { readDocument, type Document } from './document.js';
import { DocumentError } from './errors.js';
import type { InputFile } from './inputs.js';
import { toJsonLines } from './jsonl.js';
import { annotateDocument, type CompiledPipeline } from './compiled-pipeline.js';

/**
 * What became of one input file: its document and one JSONL text per stage instance id (in
 * pipeline order), or a message naming the file. Plain data, so a worker thread can send it back.
 */
export interface Outcome {
  input: InputFile;
  doc?: Document;
  lines?: [string, string][];
  error?: string;
}

/** Reads one file and runs the pipeline on it; a failure becomes a message, never a throw. */
export async function annotateInput(compiled: CompiledPipeline, input: InputFile, maxBytes: number): Promise<Outcome> {
  try {
    const doc = await readDocument(input.path, input.id);
    if (doc.bytes > maxBytes) {
      throw new DocumentError(`${input.path}: is ${(doc.bytes / 1e6).toFixed(1)} MB, larger than the limit of ${(maxBytes / 1e6).toFixed(1)} MB per document; split the file or raise --max-size`);
    }
    const byStage = annotateDocument(compiled, doc);
    const lines: [string, string][] = [];
    for (const [id, recs] of byStage) lines.push([id, toJsonLines(recs)]);
    return { input, doc, lines };
  } catch (error) {
    return { input, error: failureMessage(input, error) };
  }
}

/** A document's failure as the user reads it: DocumentErrors already name the file and the fix. */
export function failureMessage(input: InputFile, error: unknown): string {
  return error instanceof DocumentError ? error.message : `${input.path}: annotation failed: ${(error as Error).message}`;
}
