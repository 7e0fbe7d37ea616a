import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import { entrySchema, LABELS, type Entry, type Label } from './entry.js';
import { isEnglishWord } from '../core/english-words.js';
import { canCoMatch, ENTRY_KEYS, matchKey, namesOf, slugId, type EntryName, type GazetteerSource, type NameField } from './source.js';
import { plainSpelling, probeNames } from './probe.js';
import { unitsOf } from './units.js';

/**
 * `annotate gazetteer lint`: every problem of a set of gazetteer files, positioned for an
 * editor (file:line:col) and with its fix. Errors are what breaks loading or makes output
 * wrong (a name resolved to two entries); warnings are names that probably match too much
 * (an ordinary word) or not at all (a name shadowed by another).
 */

export type Severity = 'error' | 'warning';

export const RULES = {
  malformed: { severity: 'error', what: 'a line that is not a valid entry: broken JSON, unknown key, bad id or label, a name that is not a string' },
  'missing-name': { severity: 'error', what: 'an entry without a canonical name' },
  whitespace: { severity: 'error', what: 'spaces at the start or end of a line or name, double spaces, tabs, CR line ends, non-breaking or zero-width spaces, no final newline' },
  'duplicate-id': { severity: 'error', what: 'an id used by two entries (across all files)' },
  'duplicate-alias': { severity: 'error', what: 'one name (compared as the matcher does: case and accents folded) on two entries, or with two labels in one entry' },
  'common-word': { severity: 'warning', what: 'a one-word name that is an ordinary English word, matched ignoring case (so "hope" or "target" in lower case would be a mention)' },
  'shadowed-alias': { severity: 'warning', what: 'a name that can never produce a mention: another name of the same words always wins on the same span' },
  unmatchable: { severity: 'warning', what: 'a name the tokenizer never hands to the matcher in one piece (it ends a sentence inside it, or splits a word where the name does not), so it can never match as written' },
  unsorted: { severity: 'warning', what: 'an entry out of id order (files are sorted by id)' },
} as const satisfies Record<string, { severity: Severity; what: string }>;

export type Rule = keyof typeof RULES;

export interface LintProblem {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  rule: Rule;
  message: string;
  /** How to fix it, for the user. */
  fix: string;
}

export interface LintOptions {
  /** Folded words that are matched only with a name's own capitalisation (common-words.txt). */
  commonWords?: ReadonlySet<string>;
  /** Shown in fixes that point at the common-words list. */
  commonWordsFile?: string;
  /** Is a lowercase word an ordinary English word? (default: the word-list package, less proper nouns). */
  isCommonWord?: (word: string) => boolean;
  /** Write every name into a sentence and run the tokenizer and matcher on it (unmatchable, shadowed-alias); default true. */
  probe?: boolean;
}

export function formatProblem(p: LintProblem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity} ${p.message}; ${p.fix} (${p.rule})`;
}

const ALLOWED_KEYS: readonly string[] = ENTRY_KEYS;
const NAME_FIELDS: readonly NameField[] = ['name', 'aliases', 'cased', 'variants', 'demonyms'];
const FIELD_WORD: Record<NameField, string> = { name: 'name', aliases: 'alias', cased: 'cased name', variants: 'variant', demonyms: 'demonym' };
const describe = (n: { field: NameField }) => (n.field === 'name' ? 'the name' : n.field === 'aliases' ? 'the alias' : `the ${FIELD_WORD[n.field]}`);

/** Characters that look like a space but are not one, or are invisible. */
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/u;

/** The cleaned form of a name: odd spaces to plain spaces, trimmed, single spaces. */
export function cleanName(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/gu, '')
    .replace(/[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu, ' ')
    .trim();
}

function whitespaceIssue(text: string): string | null {
  if (text !== text.trim()) return 'starts or ends with a space';
  if (/[\u200b-\u200d\u2060\ufeff]/u.test(text)) return 'contains an invisible (zero-width) character';
  if (/[\t\r\n]/.test(text)) return 'contains a tab or line break';
  if (ODD_SPACE.test(text)) return 'contains a non-breaking or other special space';
  if (/ {2,}/.test(text)) return 'has two spaces in a row';
  return null;
}

/** Closest allowed key to a misspelt one ("alias" → "aliases"). */
function nearestKey(key: string): string | null {
  const k = key.toLowerCase();
  for (const allowed of ALLOWED_KEYS) if (allowed === k || allowed.startsWith(k) || k.startsWith(allowed) || allowed.replace(/s$/, '') === k.replace(/s$/, '')) return allowed;
  return null;
}

/** A parsed line with positions of its parts. */
class LinePositions {
  private readonly root: Node | undefined;
  constructor(text: string) {
    this.root = parseTree(text);
  }
  /** 1-based column of a key's property, or of an array element when index is given. */
  col(key: string, index?: number, atKey = false): number {
    if (!this.root) return 1;
    if (atKey) {
      const prop = this.root.children?.find((p) => p.children?.[0]?.value === key);
      return prop ? prop.offset + 1 : 1;
    }
    const node = findNodeAtLocation(this.root, index === undefined ? [key] : [key, index]) ?? findNodeAtLocation(this.root, [key]);
    return node ? node.offset + 1 : 1;
  }
}

/** An entry as far as it could be read, for the checks between entries (even when a line has other problems). */
interface Readable {
  file: string;
  line: number;
  entry: Entry;
  positions: LinePositions;
  /** For each list, the index in the line of each kept item (items that are not names are left out). */
  indexMap: Partial<Record<NameField, number[]>>;
  /** Position among the readable entries (file order, then line). */
  order: number;
}

const isString = (v: unknown): v is string => typeof v === 'string';

let commonWordTest: ((word: string) => boolean) | null = null;

/**
 * The default test for "an ordinary English word": in the word-list package (isEnglishWord,
 * 275k words, many of them rare), known to wink-nlp's vocabulary of ~88k words of web text
 * (so "maduro", "yale" and "knesset", which the word list has, do not count), and not read as
 * a proper noun in lower case by compromise's lexicon or wink-nlp's tagger ("french", "congo").
 */
export async function defaultCommonWordTest(): Promise<(word: string) => boolean> {
  if (!commonWordTest) {
    const nlp = (await import('compromise')).default;
    const { freshWink } = await import('../stages/tokenize/wink.js');
    const wink = freshWink();
    const cache = new Map<string, boolean>();
    commonWordTest = (word: string) => {
      let common = cache.get(word);
      if (common === undefined) {
        common = false;
        if (isEnglishWord(word)) {
          const doc = wink.readDoc(word);
          const tags = (nlp(word).json({ terms: { tags: true } }) as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
          common = !doc.isOOV(word) && (doc.tokens().out(wink.its.pos) as string[])[0] !== 'PROPN' && !tags.includes('ProperNoun');
        }
        cache.set(word, common);
      }
      return common;
    };
  }
  return commonWordTest;
}

/** Lints gazetteer files together (ids and names must be unique across all of them). */
export function lintSources(sources: readonly GazetteerSource[], options: LintOptions = {}): LintProblem[] {
  const problems: LintProblem[] = [];
  const commonWords = options.commonWords ?? new Set<string>();
  const isCommon = options.isCommonWord ?? isEnglishWord;
  const commonFile = options.commonWordsFile ?? 'common-words.txt';
  const readable: Readable[] = [];
  const generated = new Map(sources.filter((s) => s.generated).map((s) => [s.display, s.generatedBy]));
  const add = (file: string, line: number, col: number, rule: Rule, message: string, fix: string) => {
    const by = generated.get(file);
    const note = generated.has(file) ? ` (this file is generated${by ? ` by ${by}` : ''}: make the change in its sources and regenerate it)` : '';
    problems.push({ file, line, col, severity: RULES[rule].severity, rule, message, fix: fix + note });
  };

  for (const source of sources) {
    const file = source.display;
    let previousId: string | null = null;
    for (const l of source.lines) {
      const text = l.text;
      if (text.endsWith('\r')) add(file, l.number, text.length, 'whitespace', 'the line ends with a CR (Windows line break)', 'save the file with LF line breaks');
      const body = text.replace(/\r$/, '');
      if (l.kind === 'blank' || l.kind === 'comment') {
        if (l.kind === 'comment' && /\s$/.test(body)) add(file, l.number, body.trimEnd().length + 1, 'whitespace', 'trailing spaces', 'remove the spaces at the end of the line');
        continue;
      }
      if (/^\s/.test(body)) add(file, l.number, 1, 'whitespace', 'the line starts with spaces', 'start the entry at the first column');
      if (/\s$/.test(body)) add(file, l.number, body.trimEnd().length + 1, 'whitespace', 'trailing spaces', 'remove the spaces at the end of the line');
      const entry = checkLine(body, file, l.number, add);
      if (!entry) continue;
      if (previousId !== null && entry.entry.id < previousId) add(file, l.number, entry.positions.col('id'), 'unsorted', `id "${entry.entry.id}" comes after "${previousId}"`, `move the line up so the file stays sorted by id`);
      previousId = entry.entry.id;
      readable.push({ ...entry, order: readable.length });
    }
    if (source.text.length > 0 && !source.text.endsWith('\n')) {
      const last = source.lines[source.lines.length - 1]!;
      add(file, last.number, last.text.length + 1, 'whitespace', 'the file does not end with a line break', 'add a newline after the last line');
    }
  }

  // Ids unique across files.
  const byId = new Map<string, Readable>();
  const duplicateIds = new Set<Readable>();
  for (const r of readable) {
    const other = byId.get(r.entry.id);
    if (other) {
      duplicateIds.add(r);
      add(r.file, r.line, r.positions.col('id'), 'duplicate-id', `id "${r.entry.id}" is already used at ${other.file}:${other.line} (${other.entry.name})`, `give one of them another id (a qualified slug such as "${r.entry.id}-${slugId(r.entry.label.toLowerCase())}"), or merge the two entries`);
    } else byId.set(r.entry.id, r);
  }

  // Names: the matcher's key (units, case and accents folded) must lead to one entry and one label.
  const owners = new Map<string, { r: Readable; name: EntryName }[]>();
  const where = (r: Readable, n: EntryName) => r.positions.col(n.field, n.field === 'name' ? undefined : (r.indexMap[n.field]?.[n.index] ?? n.index));
  /** Names already reported as on two entries or dead (the probe does not report them again). */
  const reported = new Set<string>();
  const nameId = (r: Readable, n: EntryName) => `${r.order}:${n.field}:${n.index}`;
  for (const r of readable) {
    if (duplicateIds.has(r)) continue;
    const names = namesOf(r.entry, commonWords);
    const keys = names.map((n) => matchKey(n.text));
    const at = (n: EntryName) => where(r, n);
    // The canonical name listed under cased is how a name is made case-sensitive, not a repeat
    // (the matcher then does not add the name itself).
    const skip = new Set<number>();
    if ((r.entry.cased ?? []).includes(r.entry.name)) skip.add(0);
    const dead = new Set<number>();
    for (let j = 0; j < names.length; j++) {
      if (skip.has(j) || keys[j] === '') continue;
      for (let i = 0; i < j; i++) {
        if (skip.has(i) || dead.has(i) || keys[i] !== keys[j]) continue;
        const a = names[i]!;
        const b = names[j]!;
        if (a.label !== b.label) {
          add(r.file, r.line, at(b), 'duplicate-alias', `"${b.text}" is both ${describe(a)} (${a.label}) and ${describe(b)} (${b.label}) of "${r.entry.id}", so its mentions get two labels`, `keep it under only one of "${a.field}" and "${b.field}"`);
          dead.add(j);
          break;
        }
        // The same words twice in one entry: harmless when both match the same way (typographic
        // apostrophes, case); reported when one copy makes the other pointless.
        const shadow = (lost: EntryName, k: number, why: string, fix: string) => {
          add(r.file, r.line, at(lost), 'shadowed-alias', `${describe(lost)} "${lost.text}" of "${r.entry.id}" ${why}`, fix);
          dead.add(k);
        };
        const sensitive = a.caseSensitive ? a : b.caseSensitive ? b : null;
        const insensitive = !a.caseSensitive ? a : !b.caseSensitive ? b : null;
        if (sensitive && insensitive && sensitive.field !== 'variants' && insensitive.field !== 'variants') {
          shadow(sensitive, sensitive === a ? i : j, `is meant to match only as written, but ${describe(insensitive)} "${insensitive.text}" of the same entry matches these words in any capitalisation`, `remove "${insensitive.text}" from "${insensitive.field}" if only this capitalisation should match, else remove "${sensitive.text}" from "${sensitive.field}"`);
        } else if ((a.field === 'variants') !== (b.field === 'variants')) {
          const [variant, other, k] = a.field === 'variants' ? [a, b, i] : [b, a, j];
          if (!other.caseSensitive || other.text === variant.text) shadow(variant, k, `is the same words as ${describe(other)} "${other.text}", which always wins, so it is never reported as a variant`, `remove "${variant.text}" from "variants"`);
        }
        if (dead.has(j)) break;
      }
    }
    names.forEach((n, i) => {
      if (dead.has(i) || keys[i] === '') return;
      const key = keys[i]!;
      // Ordinary words: a one-word name matched ignoring case.
      if (!n.caseSensitive && /^\p{L}+$/u.test(key) && unitsOf(n.text).length === 1 && isCommon(key)) {
        add(r.file, r.line, at(n), 'common-word', `the ${FIELD_WORD[n.field]} "${n.text}" is an ordinary English word ("${key}") and is matched ignoring case`, n.field === 'name' ? `add "${n.text}" to "cased" (the name is then matched only as written), or add "${key}" to ${commonFile}` : n.field === 'aliases' ? `move it from "aliases" to "cased", or add "${key}" to ${commonFile}` : `add "${key}" to ${commonFile} (then it matches only as written)`);
      }
      const list = owners.get(key) ?? [];
      if (list.length === 0) owners.set(key, list);
      const owner = list.find((o) => o.r.entry.id !== r.entry.id && canCoMatch(o.name, n));
      list.push({ r, name: n });
      if (owner) {
        const o = owner.r;
        const labels = owner.name.label !== n.label ? `; its mentions would get two labels (${owner.name.label}, ${n.label})` : '';
        add(
          r.file,
          r.line,
          at(n),
          'duplicate-alias',
          `the ${FIELD_WORD[n.field]} "${n.text}" of "${r.entry.id}" is also the ${FIELD_WORD[owner.name.field]} "${owner.name.text}" of "${o.entry.id}" (${o.file}:${o.line})${labels}`,
          `keep it on the entry it most often means and remove it from the other (or write a qualified form such as "${n.text}, …")`,
        );
        reported.add(nameId(r, n));
        reported.add(nameId(o, owner.name));
      }
    });
    for (const k of dead) reported.add(nameId(r, names[k]!));
  }

  if (options.probe !== false) {
    const probed = readable.filter((r) => !duplicateIds.has(r));
    for (const f of probeNames(probed.map((r) => ({ ...r.entry, file: r.file, line: r.line })), commonWords)) {
      const r = probed[f.entry]!;
      const n = f.name;
      if (reported.has(nameId(r, n))) continue;
      const what = `${describe(n)} "${n.text}" of "${r.entry.id}"`;
      if (f.problem === 'sentence') {
        add(r.file, r.line, where(r, n), 'unmatchable', `${what} never matches: the tokenizer ends a sentence inside it (${f.pieces.map((p) => JSON.stringify(p)).join(' | ')})`, `remove it, or write it without the sentence-ending "."`);
      } else if (f.problem === 'tokens') {
        const plain = plainSpelling(n.text);
        const listed = namesOf(r.entry).some((m) => m.text === plain);
        const fix =
          plain !== n.text
            ? listed
              ? `its plain spelling "${plain}" is listed, so only text written that way matches; mentions written "${n.text}" are missed until the matcher joins the pieces (src/stages/entities/sentences.ts)`
              : `also list the plain spelling "${plain}" (matches text written that way); mentions written "${n.text}" are missed until the matcher joins the pieces (src/stages/entities/sentences.ts)`
            : `write it as the tokenizer cuts it, "${f.pieces.join(' ')}" (names are compared token by token, so that also matches "${n.text}"), or remove it`;
        add(r.file, r.line, where(r, n), 'unmatchable', `${what} never matches as written: the tokenizer cuts it into ${f.pieces.join('|')}, and names are matched token by token`, fix);
      } else {
        const w = f.winner;
        const other = w ? (w.id === r.entry.id ? `its own "${w.alias}"` : `"${w.alias}" of "${w.id}"`) : 'another name';
        add(r.file, r.line, where(r, n), 'shadowed-alias', `${what} never matches: ${other} always wins over it on these words`, `remove it, or remove or qualify ${other}`);
      }
    }
  }
  problems.sort((a, b) => sourceOrder(sources, a.file) - sourceOrder(sources, b.file) || a.line - b.line || a.col - b.col);
  return problems;
}

function sourceOrder(sources: readonly GazetteerSource[], file: string): number {
  return sources.findIndex((s) => s.display === file);
}

type Add = (file: string, line: number, col: number, rule: Rule, message: string, fix: string) => void;

/**
 * Checks one entry line key by key; returns what could be read of the entry (id, label and a
 * canonical name are needed for the checks between entries), or null.
 */
function checkLine(body: string, file: string, line: number, add: Add): Omit<Readable, 'order'> | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const detail = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^.*?(Unexpected|Expected)/s, '$1');
    add(file, line, at ? Number(at[1]) + 1 : 1, 'malformed', `not a JSON object (${detail})`, 'write each entry as one JSON object on one line, e.g. {"id":"iraq","label":"COUNTRY","name":"Iraq"}');
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    add(file, line, 1, 'malformed', `a JSON ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}, not an entry object`, 'write each entry as one JSON object on one line, e.g. {"id":"iraq","label":"COUNTRY","name":"Iraq"}');
    return null;
  }
  const positions = new LinePositions(body);
  const object = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(object)) {
    if (ALLOWED_KEYS.includes(key)) continue;
    const near = nearestKey(key);
    add(file, line, positions.col(key, undefined, true), 'malformed', `unknown key "${key}"`, near ? `write "${near}"` : `allowed keys: ${ALLOWED_KEYS.join(', ')}`);
    ok = false;
  }
  // The canonical name.
  let name: string | null = null;
  if (!('name' in object)) add(file, line, 1, 'missing-name', 'the entry has no "name"', `add "name": the canonical name${firstOtherName(object) ? ` (e.g. "${firstOtherName(object)}")` : ''}`);
  else if (!isString(object.name)) add(file, line, positions.col('name'), 'missing-name', '"name" is not a string', 'write the canonical name as a string');
  else if (cleanName(object.name) === '') add(file, line, positions.col('name'), 'missing-name', 'the name is empty', `write the canonical name${firstOtherName(object) ? ` (e.g. "${firstOtherName(object)}")` : ''}`);
  else name = object.name;
  if (name === null) ok = false;
  // The id.
  const suggested = name ? slugId(cleanName(name)) : 'a-slug';
  let id: string | null = null;
  if (!('id' in object)) add(file, line, 1, 'malformed', 'the entry has no "id"', `add "id":"${suggested}"`);
  else if (!isString(object.id) || !/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(object.id)) add(file, line, positions.col('id'), 'malformed', `id ${JSON.stringify(object.id)} is not lowercase letters and digits joined by "-" or "."`, `write "id":"${isString(object.id) ? slugId(object.id) || suggested : suggested}"`);
  else id = object.id;
  // The label.
  let label: Label | null = null;
  if (!('label' in object)) add(file, line, 1, 'malformed', 'the entry has no "label"', `add "label": one of ${LABELS.join(', ')}`);
  else if (!isString(object.label) || !(LABELS as readonly string[]).includes(object.label)) {
    const upper = isString(object.label) ? object.label.toUpperCase() : '';
    const near = (LABELS as readonly string[]).find((l) => l === upper || (upper.length >= 3 && (l.startsWith(upper.slice(0, 3)) || upper.startsWith(l))));
    add(file, line, positions.col('label'), 'malformed', `label ${JSON.stringify(object.label)} is not one of ${LABELS.join(', ')}`, near ? `write "label":"${near}"` : `use one of ${LABELS.join(', ')}`);
  } else label = object.label as Label;
  // Names.
  const lists: Partial<Record<Exclude<NameField, 'name'>, string[]>> = {};
  const indexMap: Partial<Record<NameField, number[]>> = {};
  for (const field of NAME_FIELDS) {
    if (!(field in object)) continue;
    const raw = object[field];
    const items: { text: string; index?: number }[] = [];
    if (field === 'name') {
      if (name !== null) items.push({ text: name });
    } else if (!Array.isArray(raw)) {
      add(file, line, positions.col(field), 'malformed', `"${field}" is not a list`, `write "${field}":[${isString(raw) ? JSON.stringify(raw) : '"…"'}]`);
      ok = false;
      continue;
    } else {
      raw.forEach((item, index) => {
        if (!isString(item)) {
          add(file, line, positions.col(field, index), 'malformed', `"${field}" item ${index + 1} is ${JSON.stringify(item)}, not a string`, 'write every name as a string');
          ok = false;
        } else if (cleanName(item) === '') {
          add(file, line, positions.col(field, index), 'malformed', `"${field}" item ${index + 1} is empty`, 'remove the empty string');
          ok = false;
        } else items.push({ text: item, index });
      });
    }
    const cleaned: string[] = [];
    for (const item of items) {
      const issue = whitespaceIssue(item.text);
      if (issue) add(file, line, positions.col(field, item.index), 'whitespace', `the ${FIELD_WORD[field]} ${JSON.stringify(item.text)} ${issue}`, `write ${JSON.stringify(cleanName(item.text))}`);
      cleaned.push(cleanName(item.text));
    }
    if (field !== 'name') {
      lists[field] = cleaned;
      indexMap[field] = items.map((item) => item.index ?? 0);
    }
  }
  if ('note' in object && !isString(object.note)) {
    add(file, line, positions.col('note'), 'malformed', '"note" is not a string', 'write the note as text');
    ok = false;
  }
  if (id === null || label === null || name === null) return null;
  const entry: Entry = { id, label, name: cleanName(name), ...lists, ...(isString(object.note) ? { note: object.note } : {}) };
  if (ok) {
    // Anything the checks above did not name (should be nothing) still shows.
    const parsed = entrySchema.safeParse({ ...object, name: entry.name, ...lists });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      add(file, line, positions.col(String(issue.path[0] ?? 'id')), 'malformed', `${issue.path.length ? `"${issue.path.join('.')}": ` : ''}${issue.message}`, 'see README, "Gazetteers", for the format');
    }
  }
  return { file, line, entry, positions, indexMap };
}

function firstOtherName(object: Record<string, unknown>): string | null {
  for (const field of ['aliases', 'cased'] as const) {
    const list = object[field];
    if (Array.isArray(list)) {
      const first = list.find((x): x is string => isString(x) && x.trim() !== '');
      if (first) return first.trim();
    }
  }
  return null;
}

/** Counts by severity. */
export function summarise(problems: readonly LintProblem[]): { errors: number; warnings: number } {
  return { errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length };
}
