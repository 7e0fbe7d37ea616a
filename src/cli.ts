import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './core/errors.js';
import { toolVersion } from './core/manifest.js';
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

  for (const register of COMMANDS) register(program, io, setCode);

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
