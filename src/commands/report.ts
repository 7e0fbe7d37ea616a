import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Io } from '../io.js';
import { reportHtml } from '../report/html/page.js';
import { loadRun } from '../report/load-run.js';
import type { Register } from './register.js';

export interface ReportArgs {
  from: string;
  out?: string;
}

/** `annotate report`: every document of a run on one self-contained HTML page. */
export function reportCommand(args: ReportArgs, io: Io): number {
  const run = loadRun({ dir: args.from, flag: '--from', texts: true });
  for (const note of run.notes) io.stderr.write(`note: ${note}\n`);
  if (run.docs.length === 0) throw new UsageError(`${run.dir}/manifest.json lists no annotated documents; run \`annotate run\` on some pages first`);
  const out = args.out ?? join(run.dir, 'report.html');
  if (!/\.html?$/i.test(out)) throw new UsageError(`--out must name an .html file, got "${out}"`);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, reportHtml(run));
  } catch (error) {
    throw new UsageError(`${out}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose another --out`);
  }
  io.stdout.write(`wrote ${out} (${run.docs.length} documents${run.failed.length ? `, ${run.failed.length} failed ones listed` : ''}); open it in a browser\n`);
  return 0;
}

export const registerReport: Register = (program, io, setCode) => {
  program
    .command('report')
    .description('Write one self-contained HTML page for a run: highlighted entities, comment threads, claims, filters and counts')
    .option('-f, --from <DIR>', 'output folder of `annotate run` to read', 'output')
    .option('-o, --out <FILE.html>', 'where to write the page (default: DIR/report.html)')
    .addHelpText('after', '\nThe page needs no network: styles and script are inline.\nExamples:\n  annotate report && xdg-open output/report.html\n  annotate report --from out/heldout --out heldout.html')
    .action((opts) => setCode(reportCommand(opts, io)));
};
