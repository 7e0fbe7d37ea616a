import type { CompiledGazetteer } from './compile.js';
import { unitsOf } from './units.js';

/** Damerau–Levenshtein distance capped at 2 (we only ask "is it at most 1?"). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // One substitution, or one transposition of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Bounded fuzzy matching for misspelt names ("Hilary" → Hillary, "Barrack Obama",
 * "Sadam", "Micheal"): a capitalised word of five letters or more that is no gazetteer word
 * is corrected to the one name word within one edit (insertion, deletion, substitution or
 * swap of neighbours) with the same first letter; when two name words are that close, nothing
 * is corrected. Lookup uses a deletion index (SymSpell), so it costs a few map reads a word.
 */
export class NameSpeller {
  private readonly vocabulary = new Set<string>();
  private readonly byDeletion = new Map<string, string[]>();

  constructor(gazetteer: CompiledGazetteer) {
    // Name words only: demonyms ("Thais") are too close to ordinary words to correct towards.
    const keys = new Set<string>();
    for (const e of gazetteer.entries) {
      // Words as written with lowercase letters: acronyms ("CAIR") are not spelt out, so not misspelt either.
      for (const name of [e.name, ...(e.aliases ?? []), ...(e.cased ?? []), ...(e.variants ?? [])]) for (const u of unitsOf(name)) if (/\p{Ll}/u.test(u.text)) keys.add(u.key);
    }
    for (const key of keys) {
      if (key.length < 4 || !/^\p{L}+$/u.test(key)) continue;
      this.vocabulary.add(key);
      for (const d of [key, ...deletions(key)]) {
        const list = this.byDeletion.get(d);
        if (list) list.push(key);
        else this.byDeletion.set(d, [key]);
      }
    }
  }

  /** The name word a misspelt word stands for, or null (known word, too short, none, or ambiguous). */
  correct(key: string): string | null {
    if (key.length < 5 || this.vocabulary.has(key) || !/^\p{L}+$/u.test(key)) return null;
    const found = new Set<string>();
    for (const d of [key, ...deletions(key)]) {
      for (const candidate of this.byDeletion.get(d) ?? []) {
        // An extra last letter is an inflection ("Columbian", "Obamas"), not a misspelling.
        if (candidate[0] === key[0] && !(key.length === candidate.length + 1 && key.startsWith(candidate)) && withinOneEdit(key, candidate)) found.add(candidate);
      }
    }
    return found.size === 1 ? [...found][0]! : null;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
