import { findNames, type CompiledGazetteer } from '../../gazetteer/compile.js';
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
