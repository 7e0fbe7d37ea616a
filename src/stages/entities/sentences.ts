import type { SpanRecord } from '../../core/record.js';
import { comparableUnits, unitsOf, type Unit } from '../../gazetteer/units.js';

/** A sentence from the tokenize layer, cut into matching units, with where it lies. */
export interface UnitSentence {
  units: Unit[];
  segment: string;
  comment: number | null;
}

/**
 * Cuts each token of each sentence into matching units. Units never cross a token, so names
 * stay token-aligned, and never cross a sentence, so names never span two sentences.
 */
export function unitSentences(docText: string, sentences: readonly SpanRecord[]): UnitSentence[] {
  return sentences.map((s) => ({
    units: comparableUnits((s.tokens as { start: number; end: number }[]).flatMap((t) => unitsOf(docText, t.start, t.end))),
    segment: s.segment as string,
    comment: (s.comment as number | null) ?? null,
  }));
}
