import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { UsageError } from './errors.js';

/** One document to annotate: where it is and the id its records carry. */
export interface InputFile {
  path: string;
  /** Path relative to its INPUT folder, without `.txt`, `/`-separated (the file name for a file INPUT). */
  id: string;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && entry.name.endsWith('.txt')) files.push(path);
  }
  return files;
}

const toId = (path: string) => path.split(sep).join('/').replace(/\.txt$/, '');

/**
 * Expands INPUT arguments (files or folders, folders searched recursively for `*.txt`) into
 * documents sorted by id. Missing paths, empty folders and two files with one id are usage
 * errors: the user has to fix the command before anything runs.
 */
export async function resolveInputs(args: readonly string[]): Promise<InputFile[]> {
  const byId = new Map<string, InputFile>();
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch {
      throw new UsageError(`${arg}: no such file or folder; INPUT must be a .txt file or a folder of them`);
    }
    let found: InputFile[];
    if (info.isDirectory()) {
      const files = await walk(arg);
      if (files.length === 0) throw new UsageError(`${arg}: the folder has no .txt files (searched recursively); pass a folder of .txt pages or the files themselves`);
      found = files.map((path) => ({ path, id: toId(relative(arg, path)) }));
    } else {
      found = [{ path: arg, id: toId(basename(arg)) }];
    }
    for (const input of found) {
      const other = byId.get(input.id);
      if (other && other.path !== input.path) {
        throw new UsageError(`${input.path}: has the same document id "${input.id}" as ${other.path}; annotate them in separate runs or rename one`);
      }
      byId.set(input.id, input);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
