import { findNames, type CompiledGazetteer, type TrieMatch } from '../../gazetteer/compile.js';
import { isEnglishWord } from '../../core/english-words.js';
import type { NameSpeller } from '../../gazetteer/fuzzy.js';
import type { Candidate } from './candidate.js';
import type { UnitSentence } from './sentences.js';

/** The candidate for one trie match in a sentence; `spelling` notes fuzzy corrections. */
function candidateOf(gazetteer: CompiledGazetteer, sentence: UnitSentence, m: TrieMatch, spelling?: string): Candidate {
  const entry = gazetteer.entries[m.terminal.entry]!;
  return {
    start: sentence.units[m.from]!.start,
    end: sentence.units[m.to - 1]!.end,
    units: m.to - m.from,
    label: m.terminal.label,
    id: entry.id,
    canonical: entry.name,
    source: spelling !== undefined || m.terminal.kind === 'variant' ? 'variant' : 'gazetteer',
    alias: m.terminal.alias,
    cased: spelling === undefined && m.terminal.caseSensitive,
    rank: m.terminal.entry,
    provenance: spelling === undefined ? { file: entry.file, line: entry.line } : { file: entry.file, line: entry.line, spelling },
  };
}

/**
 * Twitter's retweet marker, "RT @user: …", is no mention of RT (Russia Today): the letters RT
 * right before an @handle.
 */
export function isRetweetMarker(docText: string, c: Candidate): boolean {
  return docText.slice(c.start, c.end) === 'RT' && /^\s*@/.test(docText.slice(c.end, c.end + 3));
}

/** Every gazetteer name in every sentence, as candidates (overlaps not yet resolved). */
export function gazetteerCandidates(gazetteer: CompiledGazetteer, sentences: readonly UnitSentence[]): Candidate[] {
  return sentences.flatMap((sentence) => findNames(gazetteer, sentence.units).map((m) => candidateOf(gazetteer, sentence, m)));
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
      candidates.push(candidateOf(gazetteer, sentence, m, fixed.join(', ')));
    }
  }
  return candidates;
}
