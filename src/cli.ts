import { Command, CommanderError, Option } from 'commander';
import { evalCommand } from './commands/eval.js';
import { RUN_DEFAULTS, runCommand } from './commands/run.js';
import { UsageError } from './core/errors.js';
import { toolVersion } from './core/manifest.js';
import { stageRefs } from './core/registry.js';
import type { Io } from './io.js';

/** Exit codes: 0 ok, 1 findings or failed documents, 2 usage or configuration error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('annotate')
    .description('Layered, inspectable annotations for news pages and their reader-comment threads')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  program
    .command('run')
    .description('Run a pipeline over pages and write one JSONL file per stage, plus manifest.json')
    .argument('[INPUT...]', 'files or folders (searched recursively for *.txt)', RUN_DEFAULTS.inputs)
    .option('-p, --pipeline <FILE>', 'pipeline file', RUN_DEFAULTS.pipeline)
    .option('-o, --out <DIR>', 'output folder', RUN_DEFAULTS.out)
    .option('-c, --concurrency <N>', 'documents annotated at the same time', RUN_DEFAULTS.concurrency)
    .option('--max-size <MB>', 'skip (and report) documents larger than this many megabytes', RUN_DEFAULTS.maxSize)
    .addOption(new Option('--no-progress', 'no progress bar even on a terminal'))
    .addHelpText('after', `\nStages available to pipeline files: ${stageRefs().join(', ')}\nExit codes: 0 ok, 1 some documents failed, 2 usage or pipeline error.`)
    .action(async (inputs: string[], opts) => setCode(await runCommand({ inputs, ...opts }, io)));

  program
    .command('eval')
    .description('Score a stage against hand-made gold: entities (per label, micro, lenient, linking), claims (per class, claim vs not), segment (kinds, comment threads)')
    .argument('[INPUT...]', 'pages to run the pipeline on when --pred is not given', [])
    .requiredOption('-g, --gold <FILE>', 'gold JSONL with records shaped like the stage output')
    .option('--pred <FILE>', 'predictions: an existing stage file instead of running the pipeline')
    .option('-s, --stage <NAME>', 'entities, claims or segment (default: guessed from the gold records)')
    .option('-p, --pipeline <FILE>', 'pipeline used when running INPUT', RUN_DEFAULTS.pipeline)
    .option('-l, --labels <LIST>', 'comma-separated labels to score (entities; default: every label in the gold)')
    .option('--list', 'list every miss and false alarm with doc:line:col', false)
    .option('--json', 'machine-readable output', false)
    .addHelpText('after', '\nExamples:\n  annotate eval --gold tests/gold/entities.jsonl --labels PERSON,COUNTRY,ORG seeds\n  annotate eval --gold tests/gold/segment.jsonl --pred output/segment.jsonl --json')
    .action(async (inputs: string[], opts) => setCode(await evalCommand({ inputs, ...opts }, io)));

  return program;
}

/** Parses argv (without node and script) and runs the command; returns the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; parse errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`annotate: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
