import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { loadPipeline, type Pipeline } from '../core/pipeline.js';
import { entrySchema, LABELS, type Entry, type Label } from './entry.js';
import { gazetteerFiles } from './load.js';
import { comparableUnits, unitsOf } from './units.js';

/**
 * Gazetteer files as text, line by line, for the `annotate gazetteer` commands. Unlike the
 * loader (which stops a run at the first broken file), this keeps every line — comments,
 * blank lines, broken lines — so files can be linted with positions and edited in place
 * without changing anything but the lines that have to change.
 */

/** The keys of an entry in the order every gazetteer line writes them. */
export const ENTRY_KEYS = ['id', 'label', 'name', 'aliases', 'cased', 'variants', 'demonyms', 'note'] as const;

/** One line of a gazetteer file. */
export interface SourceLine {
  /** 1-based. */
  number: number;
  /** The line without its line break (a trailing CR stays, so lint can see it). */
  text: string;
  kind: 'comment' | 'blank' | 'entry' | 'broken';
  /** The schema-checked entry (kind "entry"). */
  entry?: Entry;
  /** The parsed JSON value when it parsed (entries and schema failures). */
  value?: unknown;
}

export interface GazetteerSource {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user (relative to the working folder when inside it). */
  display: string;
  text: string;
  lines: SourceLine[];
  /** The file's header says it is generated (do not edit by hand). */
  generated: boolean;
}

/** A path as shown in messages: relative to the working folder when inside it, else absolute. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs.split(sep).join('/');
  return rel.split(sep).join('/');
}

export function parseSource(text: string, path: string, display = displayPath(path)): GazetteerSource {
  const raw = text.split('\n');
  // A final newline does not start another line.
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const lines: SourceLine[] = raw.map((line, i) => {
    const number = i + 1;
    const trimmed = line.trim();
    if (trimmed === '') return { number, text: line, kind: 'blank' };
    if (trimmed.startsWith('#')) return { number, text: line, kind: 'comment' };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { number, text: line, kind: 'broken' };
    }
    const parsed = entrySchema.safeParse(value);
    return parsed.success ? { number, text: line, kind: 'entry', entry: parsed.data, value } : { number, text: line, kind: 'broken', value };
  });
  const header = lines.filter((l) => l.kind === 'comment').slice(0, 12).map((l) => l.text).join('\n');
  return { path, display, text, lines, generated: /\bGENERATED\b/.test(header) };
}

export function readSource(path: string): GazetteerSource {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${displayPath(path)}: cannot read the gazetteer file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseSource(text, path);
}

/** One gazetteer line for an entry: compact JSON, keys in the fixed order, empty lists left out. */
export function entryLine(entry: Entry): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) {
    const value = entry[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  return JSON.stringify(ordered);
}

/** Just the entry fields (no file/line provenance), keys in the fixed order. */
export function plainEntry(entry: Entry): Entry {
  return JSON.parse(entryLine(entry)) as Entry;
}

/**
 * Writes a file through a temporary file in the same folder and a rename, so a reader (a run
 * starting at the same moment) sees the old or the new file, never half of one.
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    throw new UsageError(`${displayPath(path)}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the folder is writable`);
  }
}

/** How a name of an entry is matched (the entry key it is listed under). */
export type NameField = 'name' | 'aliases' | 'cased' | 'variants' | 'demonyms';

/** One name of an entry, with where it is listed. */
export interface EntryName {
  field: NameField;
  /** Index in the list (0 for the name). */
  index: number;
  text: string;
  /** The label mentions through this name get (NORP for demonyms). */
  label: Label;
  /** Matched only as written (listed under cased, or a common word). */
  caseSensitive: boolean;
}

/** The key names are compared by in the matcher: folded units, initials' periods dropped. */
export function matchKey(name: string): string {
  return comparableUnits(unitsOf(name))
    .map((u) => u.key)
    .join(' ');
}

/** Every name of an entry in file order: name, aliases, cased, variants, demonyms. */
export function namesOf(entry: Entry, commonWords: ReadonlySet<string> = new Set()): EntryName[] {
  const names: EntryName[] = [];
  const cased = new Set(entry.cased ?? []);
  const common = (text: string) => commonWords.has(matchKey(text));
  names.push({ field: 'name', index: 0, text: entry.name, label: entry.label, caseSensitive: cased.has(entry.name) || common(entry.name) });
  for (const field of ['aliases', 'cased', 'variants', 'demonyms'] as const) {
    (entry[field] ?? []).forEach((text, index) =>
      names.push({ field, index, text, label: field === 'demonyms' ? 'NORP' : entry.label, caseSensitive: field === 'cased' || common(text) }),
    );
  }
  return names;
}

/** A slug id from a name: folded, lowercase letters and digits joined by "-". */
export function slugId(name: string): string {
  return matchKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

/** Where the gazetteer commands find gazetteers and word lists. */
export interface GazetteerSetup {
  /** Gazetteer files and folders, absolute. */
  paths: string[];
  /** Every gazetteer file, absolute, in load order. */
  files: string[];
  /** The common-words list (absolute), or null when there is none. */
  commonWords: string | null;
  /** The titles list (absolute), or null. */
  titles: string | null;
  /** The pipeline read (when one was), with its entities step id. */
  pipeline: Pipeline | null;
  entitiesStep: string | null;
}

export interface SetupOptions {
  pipeline?: string;
  gazetteer?: string[];
  commonWords?: string;
}

/**
 * Gazetteers come from `--gazetteer` (files or folders, relative to the working folder) or,
 * by default, from the entities stage of the pipeline (relative to its project root), which
 * is what `annotate run` reads: an entry added there is used by the next run.
 */
export function gazetteerSetup(options: SetupOptions, defaultPipeline: string): GazetteerSetup {
  // The pipeline is read when it is named, or when no --gazetteer says where the gazetteers are.
  const readPipeline = options.pipeline !== undefined || !options.gazetteer?.length || existsSync(defaultPipeline);
  const pipeline = readPipeline ? loadPipeline(options.pipeline ?? defaultPipeline) : null;
  const step = pipeline?.steps.find((s) => s.stage.name === 'entities') ?? null;
  const stageOptions = (step?.options ?? {}) as { gazetteers?: string[]; commonWords?: string; titles?: string };
  const baseDir = pipeline?.baseDir ?? process.cwd();
  let paths: string[];
  if (options.gazetteer?.length) paths = options.gazetteer.map((p) => resolve(p));
  else if (stageOptions.gazetteers) paths = stageOptions.gazetteers.map((p) => resolve(baseDir, p));
  else throw new UsageError(`${pipeline!.file}: the pipeline has no entities stage; pass the gazetteers with --gazetteer FILE_OR_FOLDER`);
  const files = gazetteerFiles(paths, process.cwd());
  if (files.length === 0) throw new UsageError(`${paths.map((p) => displayPath(p)).join(', ')}: no *.jsonl gazetteer files there; pass --gazetteer FILE_OR_FOLDER`);
  const folder = paths.find((p) => statSync(p).isDirectory()) ?? dirname(files[0]!);
  const wordList = (given: string | undefined, fromStage: string | undefined, fileName: string): string | null => {
    if (given) return resolve(given);
    // With --gazetteer, the word list beside the gazetteers; else the one the pipeline names.
    const beside = join(folder, fileName);
    if (!options.gazetteer?.length && fromStage) return resolve(baseDir, fromStage);
    return existsSync(beside) ? beside : null;
  };
  return {
    paths,
    files,
    commonWords: wordList(options.commonWords, stageOptions.commonWords, 'common-words.txt'),
    titles: wordList(undefined, stageOptions.titles, 'titles.txt'),
    pipeline,
    entitiesStep: step?.id ?? null,
  };
}

/** Reads a word list (one word per line, `#` comments) as folded match keys; a missing file gives an empty set. */
export function readWordList(path: string | null): Set<string> {
  if (!path) return new Set();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${displayPath(path)}: cannot read the word list (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((w) => w.toLowerCase()),
  );
}
