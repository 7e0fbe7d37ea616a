import type { Label, SourcedEntry } from './entry.js';
import { isEnglishWord } from '../core/english-words.js';
import { comparableUnits, foldKey, unitsOf, type Unit } from './units.js';

/** How a name reached the trie; decides the record's `source` and tie-breaking. */
export type NameKind = 'name' | 'alias' | 'cased' | 'variant' | 'demonym';

/** One name of one entry, at the trie node its last unit leads to. */
export interface Terminal {
  /** Index into CompiledGazetteer.entries. */
  entry: number;
  /** The name as written in the gazetteer. */
  alias: string;
  kind: NameKind;
  /** The label mentions through this name get (NORP for demonyms, else the entry's). */
  label: Label;
  /** Only matches text written with the name's own capitalisation (or all in capitals). */
  caseSensitive: boolean;
  /** The name's units as written, compared with the text when caseSensitive (else empty). */
  surface: string[];
  /** Number of units (the length the priority rule compares). */
  length: number;
}

/**
 * A token trie stored in arrays indexed by node number. Most nodes have a single child (the
 * rest of one name), kept inline; a node gets a Map only when a second child appears. This
 * keeps a 100k-entry gazetteer to a few allocations per name, so it compiles in well under a
 * second.
 */
class Trie {
  private readonly firstKey: (string | undefined)[] = [undefined];
  private readonly firstChild: number[] = [-1];
  private readonly more: (Map<string, number> | undefined)[] = [undefined];
  readonly terminals: (Terminal[] | undefined)[] = [undefined];

  child(node: number, key: string): number | undefined {
    if (this.firstKey[node] === key) return this.firstChild[node];
    return this.more[node]?.get(key);
  }

  /** The child for `key`, created when missing. */
  ensure(node: number, key: string): number {
    const found = this.child(node, key);
    if (found !== undefined) return found;
    const created = this.firstKey.length;
    this.firstKey.push(undefined);
    this.firstChild.push(-1);
    this.more.push(undefined);
    this.terminals.push(undefined);
    if (this.firstKey[node] === undefined) {
      this.firstKey[node] = key;
      this.firstChild[node] = created;
    } else {
      let map = this.more[node];
      if (!map) this.more[node] = map = new Map();
      map.set(key, created);
    }
    return created;
  }

  get size(): number {
    return this.firstKey.length;
  }

}

export interface CompiledGazetteer {
  entries: SourcedEntry[];
  trie: Trie;
  /** Names compiled (all kinds). */
  names: number;
  /** Folded words that only match with their own capitalisation. */
  commonWords: ReadonlySet<string>;
}

const ROOT = 0;
/** Shared by every case-insensitive name (they compare no surface): one array, not 300k. */
const NO_SURFACE: string[] = [];

/** Plain names (ASCII letters, digits, single spaces) need no unit regex: most of a large gazetteer. */
const PLAIN_NAME = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** A name's units as written (the same cuts as text units), cheaply for plain names. */
function nameUnitTexts(name: string): string[] {
  if (PLAIN_NAME.test(name)) return name.split(' ');
  return comparableUnits(unitsOf(name)).map((u) => u.text);
}

/**
 * Compiles entries into a token trie keyed by folded units. Matching walks the trie from each
 * unit of a sentence, so its cost depends on the text and the longest name, not on how many
 * entries there are (as with FlashText / Aho–Corasick).
 */
export function compileGazetteer(entries: SourcedEntry[], commonWords: ReadonlySet<string> = new Set()): CompiledGazetteer {
  const trie = new Trie();
  let names = 0;
  const add = (index: number, alias: string, kind: NameKind, label: Label) => {
    const texts = nameUnitTexts(alias);
    if (texts.length === 0) return;
    let at = ROOT;
    let joined = '';
    for (const text of texts) {
      const key = foldKey(text);
      at = trie.ensure(at, key);
      if (commonWords.size > 0) joined = joined ? `${joined} ${key}` : key;
    }
    const caseSensitive = kind === 'cased' || (commonWords.size > 0 && commonWords.has(joined));
    let list = trie.terminals[at];
    if (!list) trie.terminals[at] = list = [];
    const surface = caseSensitive ? texts : NO_SURFACE;
    // The same name twice on one entry adds nothing.
    if (list.some((t) => t.entry === index && t.label === label && t.caseSensitive === caseSensitive && t.surface.length === surface.length && t.surface.every((x, k) => x === surface[k]))) return;
    list.push({ entry: index, alias, kind, label, caseSensitive, surface, length: texts.length });
    names++;
  };
  entries.forEach((e, i) => {
    // A canonical name also listed in `cased` is matched only as written ("Iraqi Army", not "the Iraqi army").
    if (!(e.cased ?? []).includes(e.name)) add(i, e.name, 'name', e.label);
    for (const a of e.aliases ?? []) add(i, a, 'alias', e.label);
    for (const a of e.cased ?? []) add(i, a, 'cased', e.label);
    for (const a of e.variants ?? []) add(i, a, 'variant', e.label);
    for (const a of e.demonyms ?? []) add(i, a, 'demonym', 'NORP');
  });
  return { entries, trie, names, commonWords };
}

/** A name found in the text: units [from, to) of the sequence searched. */
export interface TrieMatch {
  from: number;
  to: number;
  terminal: Terminal;
}

/** Does the text spell the name exactly as the gazetteer does, or entirely in capitals ("TURKEY")? */
function surfaceMatches(units: readonly Unit[], from: number, t: Terminal): boolean {
  const written = t.surface.map((_, k) => units[from + k]!.text);
  if (written.every((w, k) => w === t.surface[k])) return true;
  const hasLower = t.surface.some((s) => /\p{Ll}/u.test(s));
  return hasLower && written.every((w, k) => w === t.surface[k]!.toUpperCase());
}

/** A word written in capitals only (two letters or more). */
const SHOUTED = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const isWord = (u: Unit | undefined) => u !== undefined && /\p{L}/u.test(u.text);

/**
 * Is a case-sensitive name written in capitals ("IS", "US", "WHO", "ICE") standing in text
 * written in capitals ("THIS IS WHO WE ARE")? Then its capitals say nothing and it is skipped.
 */
function inShoutedText(units: readonly Unit[], from: number, to: number): boolean {
  let before = from - 1;
  while (before >= 0 && !isWord(units[before])) before--;
  let after = to;
  while (after < units.length && !isWord(units[after])) after++;
  const neighbours = [units[before], units[after]].filter(isWord);
  // Neighbours shout when they are ordinary words in capitals ("THIS IS"), not other acronyms ("JFK & RFK").
  return neighbours.length > 0 && neighbours.every((u) => SHOUTED.test(u!.text) && isEnglishWord(u!.key));
}

/** Forms of "be" that are also names in capitals ("IS" for the Islamic State). */
const BE_FORMS = new Set(['is', 'am', 'are', 'was', 'were']);
/** Words that follow a verb "be", not a name: "IS a failed state", "IS not", "IS what they want". */
const AFTER_BE = new Set(['a', 'an', 'the', 'not', 'no', 'what', 'so', 'very', 'just', 'still', 'also', 'never', 'always', 'all', 'only', 'too', 'exactly', 'really', 'being', 'there', 'here', 'it', 'this', 'that']);

/** Is a name spelled like a form of "be" ("IS") used as the verb, stressed in capitals ("Correction; IS a failed state")? */
function stressedVerb(units: readonly Unit[], from: number, to: number): boolean {
  if (to - from !== 1 || !BE_FORMS.has(units[from]!.key)) return false;
  const next = units[to];
  return next !== undefined && AFTER_BE.has(next.key);
}

/** Every name occurrence in a unit sequence (overlaps included; the caller resolves them). */
export function findNames(gazetteer: CompiledGazetteer, units: readonly Unit[]): TrieMatch[] {
  const found: TrieMatch[] = [];
  const trie = gazetteer.trie;
  for (let i = 0; i < units.length; i++) {
    let at: number | undefined = ROOT;
    for (let j = i; j < units.length; j++) {
      at = trie.child(at, units[j]!.key);
      if (at === undefined) break;
      for (const t of trie.terminals[at] ?? []) {
        if (t.caseSensitive && !surfaceMatches(units, i, t)) continue;
        if (t.caseSensitive && t.surface.every((x) => !/\p{Ll}/u.test(x)) && (inShoutedText(units, i, j + 1) || stressedVerb(units, i, j + 1))) continue;
        found.push({ from: i, to: j + 1, terminal: t });
      }
    }
  }
  return found;
}
