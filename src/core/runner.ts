import PQueue from 'p-queue';
import { annotateInput, type Outcome } from './annotate-input.js';
import type { Document } from './document.js';
import type { InputFile } from './inputs.js';
import type { CompiledPipeline } from './compiled-pipeline.js';
import { buildManifest, type DocumentEntry } from './manifest.js';
import { StageFiles } from './stage-files.js';
import { startThreads } from './thread-pool.js';

export interface RunOptions {
  outDir: string;
  /** Documents annotated at the same time. */
  concurrency: number;
  /**
   * Worker threads annotating documents (1, the default: all in this thread). Needs a pipeline
   * loaded from a file (its `source`); the stage files are the same bytes at any number.
   */
  threads?: number;
  /** Documents larger than this many bytes fail with a message instead of being annotated. */
  maxBytes: number;
  /** Called after each document (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Called for every annotated document, in document order (e.g. to keep its text). */
  onDocument?: (doc: Document) => void;
  /** More files to write into the output folder, moved into place with the stage files. */
  extraFiles?: () => Record<string, string>;
  /** Called for documents that were annotated but deserve a note (e.g. empty). */
  onDocumentWarning?: (input: InputFile, message: string) => void;
  /** Called once per failed document with a message that names the file. */
  onDocumentError?: (input: InputFile, message: string) => void;
  /** Lets the caller clean up on Ctrl-C. */
  onOpen?: (files: StageFiles) => void;
}

export interface RunSummary {
  documents: number;
  failed: number;
  /** Records written per stage instance id. */
  records: Record<string, number>;
  seconds: number;
  outDir: string;
}

/**
 * Annotates documents with p-queue concurrency and streams each stage file to disk in
 * document order. Results that finish early wait in a small reorder buffer; new documents are
 * only queued while that buffer is short, so memory stays bounded whatever the batch size.
 * A document that fails is reported and skipped; the others are still written.
 */
export async function runBatch(compiled: CompiledPipeline, inputs: readonly InputFile[], options: RunOptions): Promise<RunSummary> {
  const started = process.hrtime.bigint();
  const ids = compiled.steps.map((s) => s.step.id);
  const files = await StageFiles.open(options.outDir, ids);
  options.onOpen?.(files);
  const records: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  const entries: DocumentEntry[] = [];
  const ready = new Map<number, Outcome>();
  let nextToWrite = 0;
  let done = 0;
  let failed = 0;

  // On worker threads the main thread only reads results and writes files; in-process, it does everything.
  const threads = options.threads !== undefined && options.threads > 1 ? startThreads(compiled.pipeline, options.threads) : null;
  const annotate = (input: InputFile): Promise<Outcome> => (threads ? threads.annotate(input, options.maxBytes) : annotateInput(compiled, input, options.maxBytes));
  // Keep every thread fed: documents in flight are at least twice the threads.
  const concurrency = Math.max(options.concurrency, (options.threads ?? 1) * 2);

  const flush = async () => {
    while (ready.has(nextToWrite)) {
      const outcome = ready.get(nextToWrite)!;
      ready.delete(nextToWrite);
      nextToWrite++;
      if (outcome.error !== undefined) {
        failed++;
        options.onDocumentError?.(outcome.input, outcome.error);
        entries.push({ doc: outcome.input.id, path: outcome.input.path, status: 'failed', error: outcome.error });
        continue;
      }
      for (const [id, text] of outcome.lines!) {
        records[id]! += countLines(text);
        await files.write(id, text);
      }
      const d = outcome.doc!;
      options.onDocument?.(d);
      if (d.text.trim() === '') options.onDocumentWarning?.(outcome.input, `${d.path}: the document is empty; it has no annotations`);
      entries.push({ doc: d.id, path: d.path, status: 'ok', sha256: d.sha256, bytes: d.bytes, chars: d.text.length });
    }
  };

  const queue = new PQueue({ concurrency });
  let writing = Promise.resolve();
  // Resolved whenever a document finishes or a flush writes something, to re-check the bounds.
  let wake: (() => void) | null = null;
  const progress = () => new Promise<void>((resolve) => (wake = resolve));
  const signal = () => {
    wake?.();
    wake = null;
  };
  try {
    for (let i = 0; i < inputs.length; i++) {
      // Bound memory: at most 2×concurrency documents queued or running, and a short reorder buffer.
      while (queue.size + queue.pending >= concurrency * 2 || ready.size >= concurrency * 4) await progress();
      const index = i;
      void queue.add(async () => {
        const outcome = await annotate(inputs[index]!);
        ready.set(index, outcome);
        done++;
        options.onProgress?.(done, inputs.length);
        writing = writing.then(flush).then(signal);
        writing.catch(() => undefined); // handled by the final `await writing`; avoids an unhandled-rejection crash meanwhile
        signal();
      });
    }
    await queue.onIdle();
    await writing;
    await flush();
    const manifest = buildManifest(compiled, entries, records);
    await files.commit({ ...options.extraFiles?.(), 'manifest.json': JSON.stringify(manifest, null, 2) + '\n' });
  } catch (error) {
    await files.abort();
    throw error;
  } finally {
    await threads?.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { documents: inputs.length, failed, records, seconds, outDir: options.outDir };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
