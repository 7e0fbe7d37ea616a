/**
 * The worker-thread side of `annotate run --threads N` (see thread-pool.ts): each thread
 * compiles the run's pipeline once, from the pipeline text the main thread already checked,
 * then annotates the files it is handed. Stages are pure, so a document's records do not
 * depend on which thread annotated it.
 */
import { workerData } from 'node:worker_threads';
import { annotateInput, type Outcome } from './annotate-input.js';
import { compilePipeline } from './compiled-pipeline.js';
import type { InputFile } from './inputs.js';
import { parsePipeline } from './pipeline.js';

/** What the main thread passes each worker at start. */
export interface WorkerSetup {
  file: string;
  source: string;
  baseDir: string;
}

const setup = workerData as WorkerSetup;
const compiled = await compilePipeline({ ...parsePipeline(setup.source, setup.file), baseDir: setup.baseDir });

export default function annotateInThread(task: { input: InputFile; maxBytes: number }): Promise<Outcome> {
  return annotateInput(compiled, task.input, task.maxBytes);
}
