import type { Io } from '../io.js';
import { loadRun } from '../report/load-run.js';
import { runStats } from '../report/stats.js';
import { statsJson } from '../report/stats-json.js';
import { colourEnabled, painter } from '../report/terminal/colour.js';
import { statsText } from '../report/terminal/stats-text.js';
import type { Register } from './register.js';

export interface StatsArgs {
  from: string;
  json: boolean;
}

/** `annotate stats`: counts of an existing run, from its JSONL files alone (pages are not read). */
export function statsCommand(args: StatsArgs, io: Io): number {
  const run = loadRun({ dir: args.from, flag: '--from', texts: false });
  for (const note of run.notes) io.stderr.write(`note: ${note}\n`);
  const stats = runStats(run.docs);
  io.stdout.write(args.json ? JSON.stringify(statsJson(run, stats), null, 2) + '\n' : statsText(run, stats, painter(colourEnabled(io))));
  return 0;
}

export const registerStats: Register = (program, io, setCode) => {
  program
    .command('stats')
    .description('Count an existing run: entity mentions per label and document, claims per label, comments and their authors')
    .option('-f, --from <DIR>', 'output folder of `annotate run` to read', 'output')
    .option('--json', 'machine-readable output', false)
    .addHelpText('after', '\nExamples:\n  annotate stats\n  annotate stats --from out/heldout --json')
    .action((opts) => setCode(statsCommand(opts, io)));
};
