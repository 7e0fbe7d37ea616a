import { findNames, type CompiledGazetteer } from '../../gazetteer/compile.js';
import { unitsOf, type Unit } from '../../gazetteer/units.js';
import type { Candidate } from './candidate.js';
import type { UnitSentence } from './sentences.js';

/** Name particles that are never a name variant on their own. */
const PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'abu', 'de', 'del', 'della', 'der', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'jr', 'sr', 'ii', 'iii', 'st', 'mc']);

/** A shorter form of a full name, as folded unit keys ("kadhimi", "al - kadhimi", "mustafa"). */
function shortForms(fullName: string): string[][] {
  const units = unitsOf(fullName).filter((u) => u.text !== '.');
  const words: Unit[][] = [];
  // Group "al" "-" "Kadhimi" into one word so that "al-Kadhimi" is a form of its own.
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.key === '-' && words.length > 0 && units[i + 1]) {
      words[words.length - 1]!.push(u, units[i + 1]!);
      i++;
    } else words.push([u]);
  }
  if (words.length < 2) return [];
  const forms: string[][] = [];
  for (const word of words) {
    const keys = word.map((u) => u.key);
    const letters = keys.filter((k) => /\p{L}/u.test(k));
    if (letters.length === 1 && (PARTICLES.has(letters[0]!) || letters[0]!.length < 3)) continue;
    forms.push(keys);
    // "al-Kadhimi" also gives "Kadhimi".
    if (word.length === 3 && PARTICLES.has(keys[0]!)) forms.push([keys[2]!]);
  }
  return forms;
}

/**
 * In-document name variants in the manner of GATE's OrthoMatcher: once a person is matched
 * by a name of two or more words ("Mustafa al-Kadhimi"), other mentions of a part of that name
 * ("Kadhimi", "al-Kadhimi", "Mustafa") anywhere in the same document link to the same entry,
 * even when the gazetteer lacks the short form. A short form shared by two people of the
 * document, a common word, or a name the gazetteer gives to another entry is not used.
 * `taken` are the spans already kept; new mentions never overlap them.
 */
export function orthomatchCandidates(gazetteer: CompiledGazetteer, sentences: readonly UnitSentence[], kept: readonly Candidate[]): Candidate[] {
  const owners = new Map<string, Candidate | null>();
  for (const m of kept) {
    if (m.label !== 'PERSON' || m.source === 'orthomatch') continue;
    for (const form of [...shortForms(m.canonical), ...shortForms(m.alias)]) {
      const key = form.join(' ');
      if (gazetteer.commonWords.has(key)) continue;
      const other = owners.get(key);
      if (other === undefined) owners.set(key, m);
      else if (other !== null && other.id !== m.id) owners.set(key, null);
    }
  }
  // A short form that the gazetteer resolves to another entry stays with that entry.
  for (const [key, owner] of owners) {
    if (!owner) continue;
    const units = key.split(' ').map((k, i) => ({ start: i, end: i + 1, text: k, key: k }));
    if (findNames(gazetteer, units).some((n) => n.from === 0 && n.to === units.length && gazetteer.entries[n.terminal.entry]!.id !== owner.id)) owners.set(key, null);
  }
  const maxLength = Math.max(0, ...[...owners.keys()].map((k) => k.split(' ').length));
  const found: Candidate[] = [];
  for (const sentence of sentences) {
    const units = sentence.units;
    for (let i = 0; i < units.length; i++) {
      // Variants start with a capital letter in the text ("Kadhimi", "al-Kadhimi" via its last word).
      for (let len = Math.min(maxLength, units.length - i); len >= 1; len--) {
        const key = units.slice(i, i + len).map((u) => u.key).join(' ');
        const owner = owners.get(key);
        if (!owner) continue;
        const last = units[i + len - 1]!;
        if (!/^\p{Lu}/u.test(last.text)) continue;
        const start = units[i]!.start;
        const end = last.end;
        if (kept.some((k) => start < k.end && k.start < end)) break;
        found.push({
          start,
          end,
          units: len,
          label: owner.label,
          id: owner.id,
          canonical: owner.canonical,
          source: 'orthomatch',
          alias: owner.alias,
          cased: false,
          rank: owner.rank,
          provenance: { antecedent: { start: owner.start, end: owner.end } },
        });
        break;
      }
    }
  }
  return found;
}
