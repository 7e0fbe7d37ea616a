import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { entrySchema, LABELS, type Entry, type Label } from './entry.js';
import { cleanName } from './lint.js';
import {
  canCoMatch,
  displayPath,
  entryLine,
  isLabel,
  matchKey,
  namesOf,
  parseSource,
  readSource,
  slugId,
  type EntryName,
  type GazetteerSetup,
  type GazetteerSource,
  type NameField,
} from './source.js';

/**
 * `annotate gazetteer add`: one entry written into the right gazetteer file as a well-formed
 * line, in id order, touching no other line — or, with --merge, names added to an existing
 * entry. A name (or id) that already belongs to another entry is refused unless the user says
 * how to resolve it, so the gazetteers never resolve one name to two entries.
 */

/** Which file an entry of a label goes to when --file is not given. */
export const FILE_FOR_LABEL: Partial<Record<Label, string>> = { PERSON: 'people.jsonl', ORG: 'organisations.jsonl', LOCATION: 'places.jsonl' };

export type Conflict = 'refuse' | 'skip' | 'move';

export interface AddRequest {
  label?: string;
  name?: string;
  aliases?: string[];
  /** Names matched only as written (the entry's `cased`); the name itself may be one. */
  caseSensitive?: string[];
  variants?: string[];
  demonyms?: string[];
  id?: string;
  note?: string;
  /** Gazetteer file to write (default: by label, in the gazetteer folder). */
  file?: string;
  /** When the id exists: add the names to that entry instead of refusing. */
  merge?: boolean;
  /** A name that belongs to another entry: refuse (default), leave it out, or move it here. */
  conflict?: Conflict;
}

/** A file the add would write, with its new text. */
export interface FileChange {
  path: string;
  display: string;
  text: string;
}

export interface AddPlan {
  action: 'added' | 'merged' | 'unchanged';
  entry: Entry;
  file: string;
  /** 1-based line of the entry in the new file text. */
  line: number;
  /** The entry's line as written to the file. */
  text: string;
  changes: FileChange[];
  /** Names taken from other entries (--conflict move). */
  moved: { name: string; from: string; file: string }[];
  /** Names left out: taken by another entry (--conflict skip) or repeating a name of the entry. */
  skipped: { name: string; why: string }[];
  /** Things the user should know (the file is not read by the pipeline …). */
  notes: string[];
}

interface Located {
  source: GazetteerSource;
  index: number;
  entry: Entry;
}

const lineEnding = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

/** Does the file write its entries with a space after ":" and "," ({"id": "x", "label": …})? */
function spacedStyle(source: GazetteerSource): boolean {
  const entries = source.lines.filter((l) => l.kind === 'entry');
  return entries.length > 0 && entries.filter((l) => /^\{"id": /.test(l.text)).length * 2 > entries.length;
}

/** An entry line in the file's own style: compact (the repository's) or with spaces. */
function lineFor(source: GazetteerSource, entry: Entry): string {
  const compact = entryLine(entry);
  if (!spacedStyle(source)) return compact;
  const value = JSON.parse(compact) as Record<string, unknown>;
  const show = (v: unknown) => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v));
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${show(v)}`).join(', ')}}`;
}

function render(source: GazetteerSource, lines: string[]): string {
  const eol = lineEnding(source.text);
  return lines.map((l) => l.replace(/\r$/, '')).join(eol) + (lines.length ? eol : '');
}

const clean = (list: readonly string[] | undefined) => (list ?? []).map(cleanName).filter((x) => x !== '');

/** Plans the add; throws UsageError for anything the user has to decide or fix. Writes nothing. */
export function planAdd(request: AddRequest, setup: GazetteerSetup): AddPlan {
  const sources = setup.files.map(readSource);
  const located: Located[] = [];
  for (const source of sources) source.lines.forEach((l, index) => l.entry && located.push({ source, index, entry: l.entry }));
  const conflict = request.conflict ?? 'refuse';
  if (!['refuse', 'skip', 'move'].includes(conflict)) throw new UsageError(`--conflict must be refuse, skip or move, got "${conflict}"`);
  const where = (l: Located) => `${l.source.display}:${l.source.lines[l.index]!.number}`;

  const name = request.name === undefined ? undefined : cleanName(request.name);
  if (name === '') throw new UsageError('--name is empty; give the canonical name, e.g. --name "Hamid Farouqi"');
  if (request.label !== undefined && !isLabel(request.label)) throw new UsageError(`--label must be one of ${LABELS.join(', ')}, got "${request.label}"`);
  const id = request.id ?? (name ? slugId(name) : undefined);
  if (id === undefined) throw new UsageError('give --name (and --label) for a new entry, or --id of the entry to add names to');
  if (!/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(id)) throw new UsageError(`--id "${id}" is not lowercase letters and digits joined by "-" or "." (e.g. "${slugId(id) || 'hamid-farouqi'}")`);

  const existing = located.find((l) => l.entry.id === id);
  const notes: string[] = [];
  let base: Entry;
  let target: GazetteerSource;
  let replaceIndex: number | null = null;
  if (existing) {
    if (!request.merge) {
      throw new UsageError(`${where(existing)}: id "${id}" already belongs to "${existing.entry.name}" (${existing.entry.label}); pass --merge to add the names to that entry, or choose another --id`);
    }
    if (request.label && request.label !== existing.entry.label) throw new UsageError(`${where(existing)}: "${id}" is a ${existing.entry.label} entry, not ${request.label}; leave out --label or choose another --id`);
    if (request.file && resolve(request.file) !== existing.source.path) throw new UsageError(`${where(existing)}: "${id}" is in ${existing.source.display}, not ${request.file}; leave out --file to add names to it there`);
    if (existing.source.generated) throw new UsageError(generatedMessage(existing.source));
    base = existing.entry;
    target = existing.source;
    replaceIndex = existing.index;
  } else {
    if (!name || !request.label) throw new UsageError(`no entry has the id "${id}"; a new entry needs --label and --name`);
    const label = request.label as Label;
    target = targetFile(request.file, label, setup, sources);
    if (target.generated) throw new UsageError(generatedMessage(target));
    const read = setup.files.includes(target.path) || setup.paths.some((p) => p === dirname(target.path) && existsSync(p) && statSync(p).isDirectory());
    if (!read) notes.push(`${target.display} is not among the gazetteers the pipeline reads (${setup.paths.map((p) => displayPath(p)).join(', ')}); the next run will not use it unless you add it there`);
    base = { id, label, name };
  }

  // The names to add, each under the list it goes to.
  const skipped: AddPlan['skipped'] = [];
  const cased = clean(request.caseSensitive);
  const wanted: { field: Exclude<NameField, 'name'>; text: string }[] = [
    ...clean(request.aliases).filter((a) => !cased.includes(a)).map((text) => ({ field: 'aliases' as const, text })),
    ...cased.map((text) => ({ field: 'cased' as const, text })),
    ...clean(request.variants).map((text) => ({ field: 'variants' as const, text })),
    ...clean(request.demonyms).map((text) => ({ field: 'demonyms' as const, text })),
  ];
  // Merging with another name: it becomes an alias (the canonical name stays).
  if (existing && name && name !== existing.entry.name && !wanted.some((w) => w.text === name)) wanted.unshift({ field: 'aliases', text: name });

  const entry: Entry = structuredClone(base);
  for (const w of wanted) {
    const list = (entry[w.field] ??= []);
    if (list.includes(w.text)) {
      skipped.push({ name: w.text, why: `already listed under "${w.field}"` });
      continue;
    }
    if (w.field === 'cased') {
      // Case-sensitive from now on: an alias written the same way stops ignoring case.
      const alias = entry.aliases?.indexOf(w.text) ?? -1;
      if (alias >= 0) entry.aliases!.splice(alias, 1);
    } else {
      // The same words already on the entry, matched at least as widely, add nothing.
      const label = w.field === 'demonyms' ? 'NORP' : entry.label;
      const same = namesOf(entry).find((n) => n.label === label && matchKey(n.text) === matchKey(w.text) && (!n.caseSensitive || n.text === w.text));
      if (same) {
        skipped.push({ name: w.text, why: `same words as ${same.field === 'name' ? 'the name' : `"${same.text}" under "${same.field}"`}` });
        continue;
      }
    }
    list.push(w.text);
  }
  for (const key of ['aliases', 'cased', 'variants', 'demonyms'] as const) if (entry[key]?.length === 0) delete entry[key];
  if (request.note !== undefined) entry.note = request.note.trim() || undefined;
  if (entry.note === undefined) delete entry.note;

  // Names that belong to another entry.
  const moved: AddPlan['moved'] = [];
  const rewrites = new Map<GazetteerSource, Map<number, Entry>>();
  const before = existing ? new Set(namesOf(existing.entry).map((n) => `${n.field}\u0000${n.text}`)) : new Set<string>();
  for (const n of namesOf(entry)) {
    if (before.has(`${n.field}\u0000${n.text}`)) continue;
    const key = matchKey(n.text);
    for (const other of located) {
      if (other.entry.id === entry.id) continue;
      const taken = namesOf(other.entry).filter((m) => matchKey(m.text) === key && canCoMatch(m, n));
      if (taken.length === 0) continue;
      const owner = `"${other.entry.id}" (${other.entry.name})`;
      const label = taken[0]!.label !== n.label ? ` as ${taken[0]!.label}` : '';
      if (n.field === 'name') {
        throw new UsageError(`${where(other)}: the name "${n.text}" already belongs to ${owner}${label}; choose another --name (a qualified one), or add names to that entry with --id ${other.entry.id} --merge`);
      }
      if (conflict === 'refuse') {
        throw new UsageError(
          `${where(other)}: "${n.text}" already belongs to ${owner}${label}; leave it out, or pass --conflict skip to leave out names other entries have, or --conflict move to move them to "${entry.id}"`,
        );
      }
      if (conflict === 'skip') {
        removeName(entry, n);
        skipped.push({ name: n.text, why: `belongs to ${owner} at ${where(other)}` });
        break;
      }
      // move: take the names off the other entry.
      if (taken.some((m) => m.field === 'name')) {
        throw new UsageError(`${where(other)}: "${n.text}" is the canonical name of ${owner}; it cannot be moved: rename that entry first, or pass --conflict skip`);
      }
      if (other.source.generated) throw new UsageError(generatedMessage(other.source));
      const edits = rewrites.get(other.source) ?? new Map<number, Entry>();
      rewrites.set(other.source, edits);
      const changed = structuredClone(edits.get(other.index) ?? other.entry);
      for (const m of taken) removeName(changed, m);
      edits.set(other.index, changed);
      moved.push({ name: taken.map((m) => m.text).join(', '), from: other.entry.id, file: where(other) });
    }
  }

  const checked = entrySchema.safeParse(entry);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`the entry would not be valid: ${issue.path.length ? `"${issue.path.join('.')}": ` : ''}${issue.message}`);
  }
  const newEntry = checked.data;

  // New file texts: the target with the entry inserted (or replaced), other files with names moved off.
  const changes: FileChange[] = [];
  let line = 0;
  const targetEdits = rewrites.get(target) ?? new Map<number, Entry>();
  const lines = target.lines.map((l, i) => (targetEdits.has(i) ? lineFor(target, targetEdits.get(i)!) : l.text));
  let action: AddPlan['action'];
  if (replaceIndex !== null) {
    const unchanged = entryLine(newEntry) === entryLine(base);
    action = unchanged ? 'unchanged' : 'merged';
    if (!unchanged) lines[replaceIndex] = lineFor(target, newEntry);
    line = target.lines[replaceIndex]!.number;
  } else {
    action = 'added';
    const at = insertionIndex(target, newEntry.id);
    lines.splice(at, 0, lineFor(target, newEntry));
    line = at + 1;
  }
  if (action !== 'unchanged' || targetEdits.size) changes.push({ path: target.path, display: target.display, text: render(target, lines) });
  for (const [source, edits] of rewrites) {
    if (source === target) continue;
    const text = render(
      source,
      source.lines.map((l, i) => (edits.has(i) ? lineFor(source, edits.get(i)!) : l.text)),
    );
    changes.push({ path: source.path, display: source.display, text });
  }
  return { action, entry: newEntry, file: target.display, line, text: lines[line - 1]!, changes, moved, skipped, notes };
}

function removeName(entry: Entry, name: EntryName): void {
  if (name.field === 'name') return;
  const list = entry[name.field];
  if (!list) return;
  const at = list.indexOf(name.text);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) delete entry[name.field];
}

function generatedMessage(source: GazetteerSource): string {
  return `${source.display} is generated${source.generatedBy ? ` by ${source.generatedBy}` : ''} and must not be edited by hand; add the name to its sources (countries and demonyms: gazetteers/sources/country-overrides.jsonl) and regenerate it`;
}

/** The line index to insert an entry with this id at: before the first entry with a larger id. */
export function insertionIndex(source: GazetteerSource, id: string): number {
  let lastEntry = -1;
  for (let i = 0; i < source.lines.length; i++) {
    const l = source.lines[i]!;
    const lineId = l.entry?.id ?? (typeof (l.value as { id?: unknown } | undefined)?.id === 'string' ? (l.value as { id: string }).id : undefined);
    if (lineId === undefined) continue;
    if (lineId > id) return i;
    lastEntry = i;
  }
  // After the last entry; in a file without entries, after the header comments.
  if (lastEntry >= 0) return lastEntry + 1;
  let end = source.lines.length;
  while (end > 0 && source.lines[end - 1]!.kind === 'blank') end--;
  return end;
}

function targetFile(file: string | undefined, label: Label, setup: GazetteerSetup, sources: readonly GazetteerSource[]): GazetteerSource {
  let path: string;
  if (file) path = resolve(file);
  else {
    const fileName = FILE_FOR_LABEL[label];
    const folder = setup.paths.find((p) => existsSync(p) && statSync(p).isDirectory());
    if (!fileName) {
      const overrides = displayPath(join(folder ?? resolve('gazetteers'), 'sources', 'country-overrides.jsonl'));
      throw new UsageError(`${label} entries live in the generated countries.jsonl: add the ${label === 'NORP' ? 'demonym' : 'country or its names'} to ${overrides} and run node scripts/build-country-gazetteer.mjs (or pass --file for a hand-kept gazetteer file)`);
    }
    if (!folder) throw new UsageError(`the gazetteers (${setup.paths.map((p) => displayPath(p)).join(', ')}) are files, not a folder; pass --file to say which one gets the entry`);
    path = join(folder, fileName);
  }
  const known = sources.find((s) => s.path === path);
  if (known) return known;
  if (existsSync(path)) return readSource(path);
  if (!path.endsWith('.jsonl')) throw new UsageError(`${displayPath(path)}: gazetteer files end in .jsonl (only those are loaded from a folder)`);
  // A new file starts with the comment line every gazetteer opens with.
  return parseSource(`# ${basename(path)}: ${label} entries (format: README, "Gazetteers"), sorted by id.\n`, path);
}
