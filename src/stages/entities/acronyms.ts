import type { Unit } from '../../gazetteer/units.js';
import type { Candidate } from './candidate.js';
import type { UnitSentence } from './sentences.js';

/** Do the capitals of `acronym` spell the initials of the long form's words, in order? */
export function spellsInitials(acronym: string, longForm: string): boolean {
  const capitals = acronym.replace(/[^\p{Lu}]/gu, '');
  const initials = longForm
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  if (capitals.length < 2) return false;
  // Every capital in order among the initials, and the first initial used ("IrAF" ← Iraqi Air Force).
  let k = 0;
  for (const c of initials) if (c === capitals[k]) k++;
  return k === capitals.length && initials[0] === capitals[0];
}

const ACRONYM = /^(?=.*\p{Lu}.*\p{Lu})[\p{L}\d&]{2,10}$/u;

/**
 * Acronyms introduced in the text, "Iraqi Air Force (IrAF)": when a kept mention is followed
 * by a bracketed acronym that spells its initials, the acronym and its later uses in the
 * document (written the same way) link to the long form's entry.
 */
export function acronymCandidates(sentences: readonly UnitSentence[], kept: readonly Candidate[], docText: string): Candidate[] {
  const defined = new Map<string, Candidate>();
  for (const { units } of sentences) {
    for (let i = 0; i + 2 < units.length; i++) {
      if (units[i]!.text !== '(' || units[i + 2]!.text !== ')') continue;
      const acronym = units[i + 1]!;
      if (!ACRONYM.test(acronym.text)) continue;
      const long = kept.find((k) => k.end <= units[i]!.start && docText.slice(k.end, units[i]!.start).trim() === '');
      if (long && spellsInitials(acronym.text, docText.slice(long.start, long.end)) && !defined.has(acronym.text)) defined.set(acronym.text, long);
    }
  }
  if (defined.size === 0) return [];
  const found: Candidate[] = [];
  const overlapsKept = (u: Unit) => kept.some((k) => u.start < k.end && k.start < u.end);
  for (const { units } of sentences) {
    for (const u of units) {
      const long = defined.get(u.text);
      if (!long || overlapsKept(u)) continue;
      found.push({
        start: u.start,
        end: u.end,
        units: 1,
        label: long.label,
        id: long.id,
        canonical: long.canonical,
        source: 'orthomatch',
        alias: docText.slice(long.start, long.end),
        cased: true,
        rank: long.rank,
        provenance: { antecedent: { start: long.start, end: long.end }, acronym: true },
      });
    }
  }
  return found;
}
