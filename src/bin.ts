import { runCli } from './cli.js';
import { processIo } from './io.js';

// Only argument parsing lives in cli.ts; here the exit code is set and unexpected errors are
// reported as bugs (user mistakes never reach this point as exceptions).
// A reader that stops early (\`annotate show … | head\`) closes the pipe: stop quietly, as
// other command-line tools do, instead of reporting the write error as a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`annotate: internal error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
