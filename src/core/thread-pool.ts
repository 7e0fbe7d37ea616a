import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Outcome } from './annotate-input.js';
import { failureMessage } from './annotate-input.js';
import type { WorkerSetup } from './annotate-worker.js';
import type { InputFile } from './inputs.js';
import { packageRoot } from './package-root.js';
import type { Pipeline } from './pipeline.js';

/** Annotates documents on worker threads (piscina); each thread holds its own compiled pipeline. */
export interface AnnotationThreads {
  annotate(input: InputFile, maxBytes: number): Promise<Outcome>;
  close(): Promise<void>;
}

/**
 * The worker is always the built file in dist/, also when the caller runs from src/ under
 * vitest: a worker thread cannot load TypeScript. (`npm test` builds before it tests.)
 */
const WORKER_FILE = () => pathToFileURL(join(packageRoot(), 'dist', 'src', 'core', 'annotate-worker.js')).href;

export function startThreads(pipeline: Pipeline, threads: number): AnnotationThreads {
  const setup: WorkerSetup = { file: pipeline.file, source: pipeline.source, baseDir: pipeline.baseDir };
  const pool = new Piscina({ filename: WORKER_FILE(), workerData: setup, minThreads: threads, maxThreads: threads, idleTimeout: Infinity });
  return {
    // A thread that dies (out of memory, a crash in a library) fails only the documents it held;
    // piscina starts a new thread for the rest.
    annotate: (input, maxBytes) => pool.run({ input, maxBytes }).catch((error: unknown) => ({ input, error: failureMessage(input, error) })),
    close: () => pool.destroy(),
  };
}
