import type { Io } from '../io.js';
import { labelFilter } from '../report/label-filter.js';
import { loadRun } from '../report/load-run.js';
import { runStats } from '../report/stats.js';
import { colourEnabled, painter } from '../report/terminal/colour.js';
import { showDocument } from '../report/terminal/show-document.js';
import type { Register } from './register.js';

export interface ShowArgs {
  doc: string;
  out: string;
  stage?: string[];
  label?: string[];
}

/** Lines are wrapped to the terminal, at most this wide (long lines are hard to read). */
const MAX_WIDTH = 100;

/** `annotate show DOC`: one annotated page in the terminal, read from an existing run. */
export function showCommand(args: ShowArgs, io: Io): number {
  const run = loadRun({ dir: args.out, flag: '--out', stages: args.stage, doc: args.doc, texts: true });
  for (const note of run.notes) io.stderr.write(`note: ${note}\n`);
  const view = run.docs[0];
  if (!view) {
    const failed = run.failed[0]!;
    io.stderr.write(`annotate: ${failed.path} was not annotated: ${failed.error}\n`);
    return 1;
  }
  const colour = colourEnabled(io);
  const columns = (io.stdout as { columns?: number }).columns;
  // Piped output is not wrapped: one paragraph per line is what grep and diff want.
  const width = io.stdout.isTTY ? Math.min(columns ?? 80, MAX_WIDTH) : Infinity;
  const filter = labelFilter(args.label, run, ['unsourced_claim', 'sourced_claim']);
  io.stdout.write(showDocument(view, runStats([view]).docs[0]!, { colour, paint: painter(colour), width, filter, layers: { entities: run.layers.entities.length > 0, claims: run.layers.claims.length > 0 } }));
  return 0;
}

export const registerShow: Register = (program, io, setCode) => {
  program
    .command('show')
    .description('Print one annotated page: entities highlighted by label, comment threads by depth, claims with their cues')
    .argument('<DOC>', 'document id (000_09eb5265a6b7dbef), an unambiguous start of one (000), or the page path')
    .option('-o, --out <DIR>', 'output folder of `annotate run` to read', 'output')
    .option('-s, --stage <ID...>', 'stage instances to display (default: the last entities and claims stages)')
    .option('-l, --label <LABEL...>', 'only these labels, e.g. PERSON ORG unsourced_claim (default: every entity; unsourced and sourced claims)')
    .addHelpText(
      'after',
      '\nColour on a terminal; with NO_COLOR set or when piped, entities are written [text|LABEL:id] and claims {U1 sentence}.\nExamples:\n  annotate show 000_09eb5265a6b7dbef\n  annotate show 000 --label PERSON --label not_claim | less',
    )
    .action((doc: string, opts) => setCode(showCommand({ doc, ...opts }, io)));
};
