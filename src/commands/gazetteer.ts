import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { resolveInputs } from '../core/inputs.js';
import type { Pipeline } from '../core/pipeline.js';
import { planAdd, type Conflict } from '../gazetteer/add.js';
import { LABELS, type Entry, type Label, type SourcedEntry } from '../gazetteer/entry.js';
import { defaultCommonWordTest, formatProblem, lintSources, RULES, summarise } from '../gazetteer/lint.js';
import { displayPath, entryLine, gazetteerSetup, isLabel, readSource, readWordList, writeFileAtomic, type GazetteerSetup, type SetupOptions } from '../gazetteer/source.js';
import { fromSpacyJsonl, toSpacyJsonl, toSpacyPatterns } from '../gazetteer/spacy.js';
import { formatStats, gazetteerStats } from '../gazetteer/stats.js';
import { formatSuggestions, suggest } from '../gazetteer/suggest.js';
import type { Io } from '../io.js';
import type { Register } from './register.js';
import { RUN_DEFAULTS } from './run.js';

/**
 * `annotate gazetteer …`: keeping the gazetteers — lint, add, suggest, export/import (spaCy
 * EntityRuler patterns), stats. Gazetteers are those of the pipeline's entities stage unless
 * --gazetteer names others, so what `add` writes is what the next `annotate run` reads.
 */

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface Common {
  pipeline?: string;
  gazetteer?: string[];
  commonWords?: string;
}

function setupOf(opts: Common): GazetteerSetup {
  const options: SetupOptions = {};
  if (opts.pipeline !== undefined) options.pipeline = opts.pipeline;
  if (opts.gazetteer?.length) options.gazetteer = opts.gazetteer;
  if (opts.commonWords !== undefined) options.commonWords = opts.commonWords;
  return gazetteerSetup(options, RUN_DEFAULTS.pipeline);
}

/** Valid entries of the gazetteers, with file (as displayed) and line. */
function entriesOf(setup: GazetteerSetup): SourcedEntry[] {
  const seen = new Set<string>();
  const entries: SourcedEntry[] = [];
  for (const source of setup.files.map(readSource)) {
    for (const l of source.lines) {
      if (!l.entry || seen.has(l.entry.id)) continue;
      seen.add(l.entry.id);
      entries.push({ ...l.entry, file: source.display, line: l.number });
    }
  }
  return entries;
}

function withCommon(command: Command, pipelineHelp = 'pipeline whose entities stage names the gazetteers'): Command {
  return command
    .option('-p, --pipeline <FILE>', `${pipelineHelp} (default: ${RUN_DEFAULTS.pipeline})`)
    .option('-g, --gazetteer <PATH>', 'gazetteer file or folder instead of the pipeline\'s (repeatable)', collect)
    .option('--common-words <FILE>', 'common-words list (default: the pipeline\'s, or common-words.txt beside the gazetteers)');
}

// ---------------------------------------------------------------- lint

export interface LintArgs extends Common {
  files: string[];
  strict: boolean;
  quiet: boolean;
  json: boolean;
  probe: boolean;
}

export async function lintCommand(args: LintArgs, io: Io): Promise<number> {
  const setup = setupOf(args.files.length ? { ...args, gazetteer: args.files } : args);
  const sources = setup.files.map(readSource);
  const problems = lintSources(sources, {
    commonWords: readWordList(setup.commonWords),
    commonWordsFile: setup.commonWords ? displayPath(setup.commonWords) : 'common-words.txt',
    isCommonWord: await defaultCommonWordTest(),
    probe: args.probe,
  });
  const { errors, warnings } = summarise(problems);
  const shown = args.quiet ? problems.filter((p) => p.severity === 'error') : problems;
  if (args.json) io.stdout.write(JSON.stringify({ files: sources.map((s) => s.display), errors, warnings, problems: shown }, null, 2) + '\n');
  else for (const p of shown) io.stdout.write(formatProblem(p) + '\n');
  const byRule = Object.keys(RULES)
    .map((r) => [r, problems.filter((p) => p.rule === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  io.stderr.write(`${sources.length} gazetteer file${sources.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${byRule ? ` (${byRule})` : ''}\n`);
  return errors > 0 || (args.strict && warnings > 0) ? 1 : 0;
}

// ---------------------------------------------------------------- add

export interface AddArgs extends Common {
  label?: string;
  name?: string;
  alias?: string[];
  caseSensitive?: string[];
  variant?: string[];
  demonym?: string[];
  id?: string;
  note?: string;
  file?: string;
  merge: boolean;
  conflict: string;
  dryRun: boolean;
}

export async function addCommand(args: AddArgs, io: Io): Promise<number> {
  const setup = setupOf(args);
  const plan = planAdd(
    {
      ...(args.label !== undefined ? { label: args.label.toUpperCase() } : {}),
      ...(args.name !== undefined ? { name: args.name } : {}),
      ...(args.id !== undefined ? { id: args.id } : {}),
      ...(args.note !== undefined ? { note: args.note } : {}),
      ...(args.file !== undefined ? { file: args.file } : {}),
      aliases: args.alias ?? [],
      caseSensitive: args.caseSensitive ?? [],
      variants: args.variant ?? [],
      demonyms: args.demonym ?? [],
      merge: args.merge,
      conflict: args.conflict as Conflict,
    },
    setup,
  );
  for (const s of plan.skipped) io.stderr.write(`note: left out "${s.name}": ${s.why}\n`);
  for (const n of plan.notes) io.stderr.write(`warning: ${n}\n`);
  // Names that will match more than meant.
  const isCommon = await defaultCommonWordTest();
  const common = readWordList(setup.commonWords);
  for (const field of ['name', 'aliases', 'variants'] as const) {
    const names = field === 'name' ? [plan.entry.name] : (plan.entry[field] ?? []);
    for (const n of names) {
      if (field === 'name' && plan.entry.cased?.includes(n)) continue;
      const key = n.toLowerCase();
      if (/^\p{L}+$/u.test(n) && !common.has(key) && isCommon(key)) io.stderr.write(`warning: "${n}" is an ordinary English word and is matched ignoring case ("${key}" in any text); pass it with --case-sensitive to match it only as written\n`);
    }
  }
  const line = plan.text;
  if (args.dryRun) {
    io.stdout.write(`${line}\n`);
    io.stdout.write(`(dry run: would ${plan.action === 'added' ? 'add this line to' : plan.action === 'merged' ? 'replace the entry in' : 'leave'} ${plan.file}${plan.action === 'unchanged' ? ' unchanged' : `:${plan.line}`}${plan.changes.length > 1 ? ` and change ${plan.changes.length - 1} other file${plan.changes.length > 2 ? 's' : ''}` : ''}; nothing written)\n`);
    return 0;
  }
  for (const change of plan.changes) writeFileAtomic(change.path, change.text);
  for (const m of plan.moved) io.stdout.write(`moved "${m.name}" from ${m.from} (${m.file})\n`);
  const verb = plan.action === 'added' ? 'added' : plan.action === 'merged' ? 'updated' : 'unchanged:';
  io.stdout.write(`${verb} ${plan.entry.id} (${plan.entry.label} "${plan.entry.name}") in ${plan.file}:${plan.line}\n${line}\n`);
  return 0;
}

// ---------------------------------------------------------------- suggest

export interface SuggestArgs extends Common {
  inputs: string[];
  minCount: string;
  label?: string;
  contexts: string;
  format: string;
}

function wholeNumber(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

export async function suggestCommand(args: SuggestArgs, io: Io): Promise<number> {
  const minCount = wholeNumber(args.minCount, '--min-count', 1);
  const contexts = wholeNumber(args.contexts, '--contexts', 0);
  let label: Label | undefined;
  if (args.label !== undefined) {
    const upper = args.label.toUpperCase();
    if (!isLabel(upper)) throw new UsageError(`--label must be one of ${LABELS.join(', ')}, got "${args.label}"`);
    label = upper;
  }
  if (!['text', 'add', 'json'].includes(args.format)) throw new UsageError(`--format must be text, add or json, got "${args.format}"`);
  // The pipeline is needed to annotate; its entities stage is run with model proposals on.
  const setup = setupOf({ ...args, pipeline: args.pipeline ?? RUN_DEFAULTS.pipeline });
  const pipeline = setup.pipeline!;
  if (!setup.entitiesStep) throw new UsageError(`${pipeline.file}: the pipeline has no entities stage; suggest needs one to know what the gazetteers already cover`);
  const at = pipeline.steps.findIndex((s) => s.id === setup.entitiesStep);
  const steps = pipeline.steps.slice(0, at + 1).map((s, i) =>
    i === at
      ? {
          ...s,
          options: {
            ...(s.options as object),
            model: 'records',
            debug: false,
            gazetteers: setup.paths,
            ...(setup.commonWords ? { commonWords: setup.commonWords } : {}),
          },
        }
      : s,
  );
  const adjusted: Pipeline = { ...pipeline, steps };
  const inputs = await resolveInputs(args.inputs.length ? args.inputs : RUN_DEFAULTS.inputs);
  const titles = readWordList(setup.titles);
  const options = { minCount, contexts, ...(label ? { label } : {}) };
  const result = await suggest(adjusted, setup.entitiesStep, inputs, entriesOf(setup), titles, options);
  if (args.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else if (args.format === 'add') for (const p of result.proposals) io.stdout.write(p.command + '\n');
  else io.stdout.write(formatSuggestions(result, options));
  return 0;
}

// ---------------------------------------------------------------- export / import

export interface ExportArgs extends Common {
  format: string;
  out?: string;
  plain: boolean;
  label?: string;
}

function checkFormat(format: string): void {
  if (format !== 'spacy') throw new UsageError(`--format must be spacy (spaCy EntityRuler patterns), got "${format}"`);
}

export async function exportCommand(args: ExportArgs, io: Io): Promise<number> {
  checkFormat(args.format);
  const setup = setupOf(args);
  let entries: Entry[] = entriesOf(setup);
  if (args.label !== undefined) {
    const upper = args.label.toUpperCase();
    if (!isLabel(upper)) throw new UsageError(`--label must be one of ${LABELS.join(', ')}, got "${args.label}"`);
    entries = entries.filter((e) => e.label === upper);
  }
  const patterns = toSpacyPatterns(entries, readWordList(setup.commonWords), args.plain);
  const text = toSpacyJsonl(patterns);
  if (args.out) {
    writeFileAtomic(resolve(args.out), text);
    io.stderr.write(`wrote ${patterns.length} patterns for ${entries.length} entries to ${args.out}\n`);
  } else io.stdout.write(text);
  return 0;
}

export interface ImportArgs {
  format: string;
  file: string;
  out?: string;
  force: boolean;
}

export async function importCommand(args: ImportArgs, io: Io): Promise<number> {
  checkFormat(args.format);
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    throw new UsageError(`${args.file}: cannot read the patterns file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const { entries, problems } = fromSpacyJsonl(text);
  if (problems.length) throw new UsageError(problems.slice(0, 20).map((p) => `${args.file}:${p.line}: ${p.message}`).join('\n') + (problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''));
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = [`# Imported from ${args.file} (spaCy EntityRuler patterns) by annotate gazetteer import; format: README, "Gazetteers".`, ...sorted.map(entryLine)].join('\n') + '\n';
  if (args.out) {
    if (existsSync(args.out) && !args.force) throw new UsageError(`${args.out} exists; pass --force to overwrite it, or write elsewhere`);
    writeFileAtomic(resolve(args.out), out);
    io.stderr.write(`wrote ${entries.length} entries to ${args.out}\n`);
  } else io.stdout.write(out);
  return 0;
}

// ---------------------------------------------------------------- stats

export async function statsCommand(args: Common & { json: boolean }, io: Io): Promise<number> {
  const setup = setupOf(args);
  const stats = gazetteerStats(setup.files.map(readSource));
  io.stdout.write(args.json ? JSON.stringify(stats, null, 2) + '\n' : formatStats(stats));
  return 0;
}

// ---------------------------------------------------------------- registration

export const registerGazetteer: Register = (program, io, setCode) => {
  const gazetteer = program
    .command('gazetteer')
    .description('Keep the gazetteers: lint, add an entry, suggest names the pages lack, export/import spaCy patterns, stats')
    .addHelpText('after', '\nWorkflow: suggest → add → lint → check → approve (README, "Gazetteers").');

  withCommon(
    gazetteer
      .command('lint')
      .description('Check gazetteer files: malformed lines, duplicate ids and names, whitespace, ordinary words without a case flag, names that can never match')
      .argument('[FILE...]', 'gazetteer files or folders (default: the pipeline\'s gazetteers)')
      .option('--strict', 'also exit 1 on warnings', false)
      .option('-q, --quiet', 'print errors only', false)
      .option('--json', 'machine-readable output', false)
      .addOption(new Option('--no-probe', 'skip running each name through the tokenizer and matcher (faster; no unmatchable/shadowed checks)')),
  )
    .addHelpText('after', `\nRules: ${Object.entries(RULES).map(([r, d]) => `${r} (${d.severity})`).join(', ')}.\nEach problem: file:line:col severity message; fix (rule). Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.`)
    .action(async (files: string[] | undefined, opts) => setCode(await lintCommand({ files: files ?? [], ...opts }, io)));

  withCommon(
    gazetteer
      .command('add')
      .description('Write an entry into the right gazetteer file, in id order (or names into an existing entry with --merge)')
      .option('-l, --label <LABEL>', `${LABELS.join(', ')} (PERSON → people.jsonl, ORG → organisations.jsonl, LOCATION → places.jsonl)`)
      .option('-n, --name <NAME>', 'canonical name')
      .option('-a, --alias <NAME>', 'another name, matched ignoring case (repeatable)', collect)
      .option('-c, --case-sensitive <NAME>', 'a name matched only as written, e.g. an acronym or an ordinary word (repeatable; may be the name itself)', collect)
      .option('--variant <NAME>', 'a misspelling (repeatable)', collect)
      .option('--demonym <NAME>', 'a demonym, labelled NORP (repeatable)', collect)
      .option('--id <ID>', 'entry id (default: from the name, e.g. "hamid-farouqi")')
      .option('--note <TEXT>', 'note for readers (role, years)')
      .option('-f, --file <FILE>', 'gazetteer file to write (default: by label)')
      .option('--merge', 'when the id exists, add the names to that entry', false)
      .option('--conflict <HOW>', 'a name another entry has: refuse, skip (leave it out) or move (take it from that entry)', 'refuse')
      .option('--dry-run', 'print the line instead of writing', false),
  )
    .addHelpText('after', '\nExamples:\n  annotate gazetteer add --label PERSON --name "Hamid Farouqi" --alias Farouqi\n  annotate gazetteer add --id mustafa-al-kadhimi --merge --alias "Mustafa Kadhimi"\nExit codes: 0 written, 2 refused (id or name taken, generated file, bad option) with the fix.')
    .action(async (opts) => setCode(await addCommand(opts, io)));

  withCommon(
    gazetteer
      .command('suggest')
      .description('Run the pipeline and list names the gazetteers do not cover, by frequency, with contexts and a guessed label (writes nothing)')
      .argument('[INPUT...]', 'files or folders (default: seeds)')
      .option('-m, --min-count <N>', 'only names seen at least N times', '2')
      .option('-l, --label <LABEL>', 'only names guessed as this label')
      .option('--contexts <N>', 'contexts shown per name', '3')
      .option('--format <FORMAT>', 'text (gazetteer lines and # comments), add (one add command per name) or json', 'text'),
    'pipeline to run',
  )
    .addHelpText('after', '\nExample:\n  annotate gazetteer suggest seeds --min-count 2 --label PERSON')
    .action(async (inputs: string[] | undefined, opts) => setCode(await suggestCommand({ inputs: inputs ?? [], ...opts }, io)));

  withCommon(
    gazetteer
      .command('export')
      .description('Write the gazetteers as spaCy EntityRuler patterns (JSONL)')
      .requiredOption('--format <FORMAT>', 'spacy')
      .option('-o, --out <FILE>', 'write here instead of stdout')
      .option('-l, --label <LABEL>', 'only entries with this label')
      .option('--plain', 'only the spaCy keys (no "annotate" object; import then rebuilds names from tokens)', false),
  )
    .addHelpText('after', '\nEach line: {"label", "pattern", "id"} with LOWER tokens for names matched ignoring case and ORTH for names matched only as written, plus an "annotate" object (ignored by spaCy) that lets import restore the entries exactly.')
    .action(async (opts) => setCode(await exportCommand(opts, io)));

  gazetteer
    .command('import')
    .description('Read spaCy EntityRuler patterns (JSONL) into gazetteer entries, grouping patterns by id')
    .argument('<FILE>', 'patterns file')
    .requiredOption('--format <FORMAT>', 'spacy')
    .option('-o, --out <FILE>', 'write a gazetteer file here instead of stdout')
    .option('--force', 'overwrite --out when it exists', false)
    .action(async (file: string, opts) => setCode(await importCommand({ file, ...opts }, io)));

  withCommon(gazetteer.command('stats').description('Entries and names per gazetteer file and label').option('--json', 'machine-readable output', false)).action(async (opts) => setCode(await statsCommand(opts, io)));
};
