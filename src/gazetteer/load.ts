import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { entrySchema, type SourcedEntry } from './entry.js';

/** A gazetteer file that was read, for the manifest. */
export interface GazetteerFile {
  /** Path relative to the base folder, `/`-separated. */
  path: string;
  sha256: string;
  entries: number;
}

export interface LoadedGazetteers {
  entries: SourcedEntry[];
  files: GazetteerFile[];
}

/** One problem in a gazetteer file, positioned for the user. */
export interface GazetteerProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** At most this many problems are printed; the rest are counted (a wrong file can have thousands). */
const SHOWN_PROBLEMS = 20;

export class GazetteerError extends UsageError {
  constructor(readonly problems: GazetteerProblem[]) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
    if (problems.length > SHOWN_PROBLEMS) shown.push(`… and ${problems.length - SHOWN_PROBLEMS} more problems (annotate gazetteer lint lists them all)`);
    super(shown.join('\n'));
  }
}

/** Expands files and folders (a folder means its own `*.jsonl` files, not sub-folders) in a stable order. */
export function gazetteerFiles(paths: readonly string[], baseDir: string): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(baseDir, p);
    let info;
    try {
      info = statSync(abs);
    } catch {
      throw new UsageError(`${p}: no such gazetteer file or folder (relative paths are resolved against ${baseDir})`);
    }
    if (info.isDirectory()) {
      files.push(...readdirSync(abs).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(abs, f)));
    } else files.push(abs);
  }
  return files;
}

const display = (abs: string, baseDir: string) => relative(baseDir, abs).split(sep).join('/');

/**
 * Parses one gazetteer file: `#` comment lines, blank lines, and one JSON entry per line,
 * each validated against the entry schema. Problems are collected, not thrown one by one,
 * so a user sees every broken line at once.
 */
export function parseGazetteer(source: string, file: string): { entries: SourcedEntry[]; problems: GazetteerProblem[] } {
  const entries: SourcedEntry[] = [];
  const problems: GazetteerProblem[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const at = /position (\d+)/.exec((error as Error).message);
      problems.push({ file, line: i + 1, col: at ? Number(at[1]) + 1 : 1, message: `not a JSON object (${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}); each entry is one line like {"id": "iraq", "label": "COUNTRY", "name": "Iraq"}` });
      return;
    }
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      // One problem per line, the most telling first: an unknown key usually explains the rest.
      const issues = [...parsed.error.issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
      const issue = issues[0]!;
      const where = issue.path.length ? `"${issue.path.join('.')}": ` : '';
      const detail = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: id, label, name, aliases, cased, variants, demonyms, note` : issue.message;
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''} on this line)` : '';
      problems.push({ file, line: i + 1, col: 1, message: `${where}${detail}${more}` });
      return;
    }
    entries.push({ ...parsed.data, file, line: i + 1 });
  });
  return { entries, problems };
}

/** Loads and validates gazetteers; duplicate ids across files are errors naming both places. */
export function loadGazetteers(paths: readonly string[], baseDir: string): LoadedGazetteers {
  const entries: SourcedEntry[] = [];
  const files: GazetteerFile[] = [];
  const problems: GazetteerProblem[] = [];
  const seen = new Map<string, SourcedEntry>();
  for (const abs of gazetteerFiles(paths, baseDir)) {
    const source = readFileSync(abs, 'utf8');
    const file = display(abs, baseDir);
    const parsed = parseGazetteer(source, file);
    problems.push(...parsed.problems);
    for (const entry of parsed.entries) {
      const other = seen.get(entry.id);
      if (other) {
        problems.push({ file, line: entry.line, col: 1, message: `id "${entry.id}" is already used at ${other.file}:${other.line}; ids must be unique across all gazetteers` });
        continue;
      }
      seen.set(entry.id, entry);
      entries.push(entry);
    }
    files.push({ path: file, sha256: createHash('sha256').update(source).digest('hex'), entries: parsed.entries.length });
  }
  if (problems.length) throw new GazetteerError(problems);
  return { entries, files };
}

/** Reads a word list: one word per line, `#` comments; returns folded keys. */
export function loadWordList(path: string, baseDir: string): { words: Set<string>; file: GazetteerFile } {
  const abs = resolve(baseDir, path);
  let source: string;
  try {
    source = readFileSync(abs, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the word list (relative paths are resolved against ${baseDir})`);
  }
  const words = new Set(
    source
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((w) => w.toLowerCase()),
  );
  return { words, file: { path: display(abs, baseDir), sha256: createHash('sha256').update(source).digest('hex'), entries: words.size } };
}
