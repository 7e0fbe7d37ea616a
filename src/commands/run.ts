import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { Option } from 'commander';
import type { Register } from './register.js';
import { stageRefs } from '../core/registry.js';
import { compilePipeline } from '../core/compiled-pipeline.js';
import { UsageError } from '../core/errors.js';
import { resolveInputs } from '../core/inputs.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../core/pipeline.js';
import { runBatch } from '../core/runner.js';
import type { StageFiles } from '../core/stage-files.js';
import type { Io } from '../io.js';

export interface RunArgs {
  inputs: string[];
  pipeline: string;
  out: string;
  concurrency: string;
  threads: string;
  maxSize: string;
  progress: boolean;
}

export const RUN_DEFAULTS = { inputs: ['seeds'], pipeline: DEFAULT_PIPELINE, out: 'output', concurrency: '4', threads: '1', maxSize: '4' };

function positiveInt(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got "${value}"`);
  return n;
}

/**
 * Worker threads for a batch: a number, or "auto" for one per core (at most 8). The default is 1:
 * each thread loads its own models and gazetteers (~0.5 s, ~250 MB), and on the 2-core machine
 * this was built on two threads gave 1.07x to 1.57x on large batches, as busy as its cores were,
 * and were slower on a small one; `npm run bench` shows what they give on yours.
 */
function threadCount(value: string): number {
  if (value === 'auto') return Math.min(availableParallelism(), 8);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads must be "auto" or a whole number from 1 to 64, got "${value}"`);
  return n;
}

/** `annotate run`: the pipeline over a batch; exit 0 ok, 1 when some documents failed. */
export async function runCommand(args: RunArgs, io: Io): Promise<number> {
  const concurrency = positiveInt(args.concurrency, '--concurrency', 256);
  const maxMb = Number(args.maxSize);
  if (!(maxMb > 0)) throw new UsageError(`--max-size must be a positive number of megabytes, got "${args.maxSize}"`);
  const pipeline = loadPipeline(args.pipeline);
  const inputs = await resolveInputs(args.inputs.length > 0 ? args.inputs : RUN_DEFAULTS.inputs);
  const threads = threadCount(args.threads);
  const compiled = await compilePipeline(pipeline);

  const showBar = args.progress && io.stderr.isTTY === true && inputs.length > 1;
  const bar = showBar
    ? new cliProgress.SingleBar({ stream: io.stderr as NodeJS.WritableStream, format: 'annotate [{bar}] {value}/{total} documents | {eta}s left', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(inputs.length, 0);
  let open: StageFiles | null = null;
  const onSignal = () => {
    bar?.stop();
    open?.abortSync(rmSync);
    io.stderr.write('annotate: interrupted; the previous output was left as it was\n');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await runBatch(compiled, inputs, {
      outDir: args.out,
      concurrency,
      threads,
      maxBytes: maxMb * 1e6,
      onOpen: (files) => (open = files),
      onProgress: (done) => bar?.update(done),
      onDocumentWarning: (_input, message) => io.stderr.write(`warning: ${message}\n`),
      onDocumentError: (_input, message) => {
        if (bar) bar.stop();
        io.stderr.write(`error: ${message}\n`);
      },
    });
    bar?.stop();
    const ok = summary.documents - summary.failed;
    const perStage = Object.entries(summary.records).map(([id, n]) => `${id} ${n}`).join(', ');
    io.stdout.write(
      `annotated ${ok} of ${summary.documents} documents${summary.failed ? ` (${summary.failed} failed)` : ''} in ${summary.seconds.toFixed(2)} s (${(summary.documents / summary.seconds).toFixed(1)} documents/s); records: ${perStage}; written to ${summary.outDir}/\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export const registerRun: Register = (program, io, setCode) => {
  program
    .command('run')
    .description('Run a pipeline over pages and write one JSONL file per stage, plus manifest.json')
    .argument('[INPUT...]', 'files or folders (searched recursively for *.txt)', RUN_DEFAULTS.inputs)
    .option('-p, --pipeline <FILE>', 'pipeline file', RUN_DEFAULTS.pipeline)
    .option('-o, --out <DIR>', 'output folder', RUN_DEFAULTS.out)
    .option('-c, --concurrency <N>', 'documents annotated at the same time', RUN_DEFAULTS.concurrency)
    .option('-t, --threads <N>', 'worker threads annotating documents, or "auto" for one per core; the output is the same bytes at any number', RUN_DEFAULTS.threads)
    .option('--max-size <MB>', 'skip (and report) documents larger than this many megabytes', RUN_DEFAULTS.maxSize)
    .addOption(new Option('--no-progress', 'no progress bar even on a terminal'))
    .addHelpText('after', `\nStages available to pipeline files: ${stageRefs().join(', ')}\nExit codes: 0 ok, 1 some documents failed, 2 usage or pipeline error.`)
    .action(async (inputs: string[], opts) => setCode(await runCommand({ inputs, ...opts }, io)));
};
