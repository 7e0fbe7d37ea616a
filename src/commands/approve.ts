import { join, resolve } from 'node:path';
import { compilePipeline } from '../core/compiled-pipeline.js';
import { resolveInputs } from '../core/inputs.js';
import { loadPipeline, type Pipeline } from '../core/pipeline.js';
import { runBatch } from '../core/runner.js';
import type { Io } from '../io.js';
import { DOCUMENTS_FILE } from '../regression/snapshot.js';
import type { Register } from './register.js';
import { RUN_DEFAULTS } from './run.js';

export interface ApproveArgs {
  inputs: string[];
  pipeline: string;
  approved?: string;
}

/** The approved snapshot folder of a pipeline: tests/approved/<pipeline name>/ in the project. */
export function approvedDir(pipeline: Pipeline, explicit?: string): string {
  return explicit ?? join(resolve(pipeline.baseDir), 'tests', 'approved', pipeline.name);
}

/**
 * `annotate approve`: runs the pipeline and stores its stage files as the approved snapshot,
 * with the documents' texts (so `check` can map old offsets through later edits of a page).
 */
export async function approveCommand(args: ApproveArgs, io: Io): Promise<number> {
  const pipeline = loadPipeline(args.pipeline);
  const inputs = await resolveInputs(args.inputs.length ? args.inputs : RUN_DEFAULTS.inputs);
  const compiled = await compilePipeline(pipeline);
  const dir = approvedDir(pipeline, args.approved);
  // The texts go into the snapshot with the stage files, in the same atomic move.
  const lines: string[] = [];
  const summary = await runBatch(compiled, inputs, {
    outDir: dir,
    concurrency: 4,
    maxBytes: 4e6,
    onDocumentError: (_i, m) => io.stderr.write(`error: ${m}\n`),
    onDocument: (doc) => lines.push(JSON.stringify({ doc: doc.id, sha256: doc.sha256, text: doc.text })),
    extraFiles: () => ({ [DOCUMENTS_FILE]: lines.join('\n') + '\n' }),
  });
  if (summary.failed > 0) {
    io.stderr.write(`annotate: ${summary.failed} documents failed; the snapshot does not include them\n`);
  }
  io.stdout.write(`approved ${summary.documents - summary.failed} documents (${Object.entries(summary.records).map(([id, n]) => `${id} ${n}`).join(', ')}) into ${dir}\n`);
  return summary.failed > 0 ? 1 : 0;
}

export const registerApprove: Register = (program, io, setCode) => {
  program
    .command('approve')
    .description('Run the pipeline and store its stage files as the approved snapshot that `annotate check` compares with')
    .argument('[INPUT...]', 'files or folders (default: seeds)', [])
    .option('-p, --pipeline <FILE>', 'pipeline file', RUN_DEFAULTS.pipeline)
    .option('--approved <DIR>', 'snapshot folder (default: tests/approved/<pipeline name>/)')
    .action(async (inputs: string[], opts) => setCode(await approveCommand({ inputs, ...opts }, io)));
};
