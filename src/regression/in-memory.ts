import { annotateDocument, type CompiledPipeline } from '../core/compiled-pipeline.js';
import { readDocument, type Document } from '../core/document.js';
import { DocumentError, UsageError } from '../core/errors.js';
import type { InputFile } from '../core/inputs.js';
import type { SpanRecord } from '../core/record.js';

/** Runs a pipeline over inputs in memory: records per stage id, and the documents read. */
export async function annotateInMemory(compiled: CompiledPipeline, inputs: readonly InputFile[]): Promise<{ stages: Map<string, SpanRecord[]>; documents: Map<string, Document> }> {
  const stages = new Map<string, SpanRecord[]>(compiled.steps.map((s) => [s.step.id, []]));
  const documents = new Map<string, Document>();
  for (const input of inputs) {
    const doc = await readDocumentOrExplain(input);
    documents.set(doc.id, doc);
    for (const [id, records] of annotateDocument(compiled, doc)) stages.get(id)!.push(...records);
  }
  return { stages, documents };
}

/**
 * Reads one input for commands that compare whole batches (check, eval, approve): a page that
 * cannot be read is a usage error naming the file, since the comparison would be incomplete.
 */
export async function readDocumentOrExplain(input: InputFile): Promise<Document> {
  try {
    return await readDocument(input.path, input.id);
  } catch (error) {
    if (error instanceof DocumentError) throw new UsageError(error.message);
    throw error;
  }
}
