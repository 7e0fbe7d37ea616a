import type { SpanRecord } from '../../core/record.js';
import { comparableUnits, unitsOf, type Unit } from '../../gazetteer/units.js';

/** A sentence from the tokenize layer, cut into matching units, with where it lies. */
export interface UnitSentence {
  units: Unit[];
  segment: string;
  comment: number | null;
}

/**
 * Cuts each sentence into matching units. Units are cut from the tokens' text, with tokens
 * that touch (no space between) read together: wink-nlp splits a word at letters it does not
 * know ("Erdo|ğ|an", "Wroc|ł|aw"), and such a word must still match "Erdoğan". Units never
 * cross whitespace or a sentence, so names never span two sentences.
 */
export function unitSentences(docText: string, sentences: readonly SpanRecord[]): UnitSentence[] {
  return sentences.map((s) => ({
    units: comparableUnits(touchingRuns(s.tokens as { start: number; end: number }[]).flatMap((r) => unitsOf(docText, r.start, r.end))),
    segment: s.segment as string,
    comment: (s.comment as number | null) ?? null,
  }));
}

/** Runs of tokens with no gap between them, as spans (UTF-16 offsets). */
function touchingRuns(tokens: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const t of tokens) {
    const last = runs[runs.length - 1];
    if (last && last.end === t.start) last.end = t.end;
    else runs.push({ start: t.start, end: t.end });
  }
  return runs;
}
