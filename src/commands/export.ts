import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Io } from '../io.js';
import { codePointIndex, toCodePoints } from '../export/code-points.js';
import { spacyDoc } from '../export/spacy-doc.js';
import { loadRun } from '../report/load-run.js';
import { readManifest } from '../report/manifest-file.js';
import { readPageText } from '../report/page-text.js';
import { readStageRecords } from '../report/stage-records.js';
import type { Register } from './register.js';

export interface ExportArgs {
  from: string;
  format: string;
  out?: string;
}

const FORMATS = ['spacy', 'codepoints'];

/** `annotate export`: a run's annotations with code-point offsets, for Python tools. */
export function exportCommand(args: ExportArgs, io: Io): number {
  if (!FORMATS.includes(args.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${args.format}"`);
  return args.format === 'spacy' ? exportSpacy(args, io) : exportCodePoints(args, io);
}

/** One JSON line per document: text, entities, claims and comments as code-point tuples. */
function exportSpacy(args: ExportArgs, io: Io): number {
  const run = loadRun({ dir: args.from, flag: '--from', texts: true });
  for (const note of run.notes) io.stderr.write(`note: ${note}\n`);
  for (const failed of run.failed) io.stderr.write(`note: ${failed.path} is not exported: the run could not annotate it\n`);
  const lines = run.docs.map((view) => JSON.stringify(spacyDoc(view)) + '\n').join('');
  if (args.out === undefined || args.out === '-') io.stdout.write(lines);
  else {
    write(args.out, lines);
    io.stderr.write(`wrote ${args.out} (${run.docs.length} documents, offsets in code points)\n`);
  }
  return 0;
}

/** Every stage file of the run, rewritten with code-point offsets into a folder. */
function exportCodePoints(args: ExportArgs, io: Io): number {
  const dir = args.from.replace(/(.)\/+$/, '$1');
  const manifest = readManifest(dir, '--from');
  const out = args.out ?? join(dir, 'codepoints');
  const indexes = new Map<string, Uint32Array>();
  for (const entry of manifest.documents) {
    if (entry.status === 'ok') indexes.set(entry.doc, codePointIndex(readPageText(entry, manifest.file)));
    else io.stderr.write(`note: ${entry.path} is not exported: the run could not annotate it\n`);
  }
  for (const stage of manifest.stages) {
    const byDoc = readStageRecords(dir, manifest, stage.id);
    let text = '';
    for (const [doc, index] of indexes) for (const record of byDoc.get(doc) ?? []) text += JSON.stringify(toCodePoints(record, index)) + '\n';
    write(join(out, stage.file), text);
  }
  io.stderr.write(`wrote ${manifest.stages.length} stage files for ${indexes.size} documents to ${out}/ (offsets in code points)\n`);
  return 0;
}

function write(file: string, text: string): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`${file}: cannot write the export (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose another --out`);
  }
}

export const registerExport: Register = (program, io, setCode) => {
  program
    .command('export')
    .description('Export a run for Python tools: offsets converted from UTF-16 code units to code points')
    .option('-f, --from <DIR>', 'output folder of `annotate run` to read', 'output')
    .option('--format <FORMAT>', '"spacy": one JSON line per document with text, ents, claims and comments; "codepoints": every stage file, records unchanged but for their offsets', 'spacy')
    .option('-o, --out <PATH>', 'spacy: a .jsonl file (default: standard output); codepoints: a folder (default: DIR/codepoints)')
    .addHelpText(
      'after',
      [
        '',
        'annotate counts offsets in UTF-16 code units (JavaScript); Python strings count code points,',
        'so the two differ after any emoji. Exported offsets slice Python strings directly.',
        'Examples:',
        '  annotate export > annotations.jsonl',
        '  annotate export --format codepoints --out out/py',
        'In Python (spaCy):',
        '  doc = nlp.make_doc(rec["text"])',
        '  doc.ents = [doc.char_span(s, e, label=l, kb_id=k, alignment_mode="expand") for s, e, l, k in rec["ents"]]',
      ].join('\n'),
    )
    .action((opts) => setCode(exportCommand(opts, io)));
};
