import { findNames, type CompiledGazetteer } from '../../gazetteer/compile.js';
import { isEnglishWord, type NameSpeller } from '../../gazetteer/fuzzy.js';
import type { Candidate } from './candidate.js';
import type { UnitSentence } from './sentences.js';

/** Every gazetteer name in every sentence, as candidates (overlaps not yet resolved). */
export function gazetteerCandidates(gazetteer: CompiledGazetteer, sentences: readonly UnitSentence[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    for (const m of findNames(gazetteer, sentence.units)) {
      const entry = gazetteer.entries[m.terminal.entry]!;
      candidates.push({
        start: sentence.units[m.from]!.start,
        end: sentence.units[m.to - 1]!.end,
        units: m.to - m.from,
        label: m.terminal.label,
        id: entry.id,
        canonical: entry.name,
        source: m.terminal.kind === 'variant' ? 'variant' : 'gazetteer',
        alias: m.terminal.alias,
        cased: m.terminal.caseSensitive,
        rank: m.terminal.entry,
        provenance: { file: entry.file, line: entry.line },
      });
    }
  }
  return candidates;
}

/**
 * Misspelt names: capitalised words the speller corrects to a name word are matched again with
 * the correction ("Barrack Obama" → Barack Obama, "Hilary" → Hillary Clinton). A correction
 * of an ordinary English word only counts inside a longer name ("Barrack Obama", not
 * "Barrack"). Mentions found this way are variants.
 */
export function fuzzyCandidates(gazetteer: CompiledGazetteer, speller: NameSpeller, sentences: readonly UnitSentence[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const corrected = sentence.units.map((u) => (/^\p{Lu}/u.test(u.text) ? speller.correct(u.key) : null));
    if (!corrected.some((c) => c !== null)) continue;
    const units = sentence.units.map((u, i) => (corrected[i] ? { ...u, key: corrected[i]! } : u));
    for (const m of findNames(gazetteer, units)) {
      const fixed = corrected.slice(m.from, m.to).map((c, k) => (c ? `${sentence.units[m.from + k]!.text} → ${c}` : null)).filter((x): x is string => x !== null);
      if (fixed.length === 0) continue;
      // A lone corrected word must not be an ordinary word, nor owe its capital to starting the sentence.
      if (m.to - m.from === 1 && (isEnglishWord(sentence.units[m.from]!.key) || m.from === 0)) continue;
      const entry = gazetteer.entries[m.terminal.entry]!;
      candidates.push({
        start: sentence.units[m.from]!.start,
        end: sentence.units[m.to - 1]!.end,
        units: m.to - m.from,
        label: m.terminal.label,
        id: entry.id,
        canonical: entry.name,
        source: 'variant',
        alias: m.terminal.alias,
        cased: false,
        rank: m.terminal.entry,
        provenance: { file: entry.file, line: entry.line, spelling: fixed.join(', ') },
      });
    }
  }
  return candidates;
}
