import type { Document } from './document.js';
import { compareRecords } from './jsonl.js';
import type { Pipeline, PipelineStep } from './pipeline.js';
import { offsetProblem, type SpanRecord } from './record.js';
import type { Annotator } from './stage.js';

/** A pipeline whose stages have done their one-time setup. */
export interface CompiledPipeline {
  pipeline: Pipeline;
  steps: { step: PipelineStep; annotate: Annotator; resources: Record<string, unknown> }[];
}

export async function compilePipeline(pipeline: Pipeline): Promise<CompiledPipeline> {
  const steps = [];
  for (const step of pipeline.steps) {
    const resources: Record<string, unknown> = {};
    steps.push({ step, annotate: await step.stage.create(step.options, { baseDir: pipeline.baseDir, resources }), resources });
  }
  return { pipeline, steps };
}

/** Thrown when a stage returns a record that breaks the output contract (a bug, not a user error). */
export class ContractError extends Error {
  override readonly name = 'ContractError';
}

/**
 * Runs every stage on one document. Each stage sees, for each layer it requires, the records
 * of the instance the pipeline wired to it. The records are checked (doc id, offsets, text ===
 * slice) and sorted here, so every stage file keeps the contract whatever a stage does.
 */
export function annotateDocument(compiled: CompiledPipeline, doc: Document): Map<string, SpanRecord[]> {
  const byId = new Map<string, SpanRecord[]>();
  for (const { step, annotate } of compiled.steps) {
    const layers = new Map<string, readonly SpanRecord[]>();
    for (const [layer, provider] of Object.entries(step.inputs)) layers.set(layer, byId.get(provider)!);
    const records = annotate(doc, layers);
    for (const record of records) {
      if (record.doc !== doc.id) throw new ContractError(`stage "${step.id}" returned a record for doc "${record.doc}" while annotating "${doc.id}"`);
      const problem = offsetProblem(record, doc.text);
      if (problem) throw new ContractError(`stage "${step.id}" broke the offset contract: ${problem}`);
    }
    records.sort(compareRecords);
    byId.set(step.id, records);
  }
  return byId;
}
