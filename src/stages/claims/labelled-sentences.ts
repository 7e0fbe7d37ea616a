/**
 * Hand-labelled sentences with the cues the claims stage computes for them: the material the
 * learned weights are fitted on (`annotate train-claims`, bench/train-claims.ts). Pure: given a
 * document, its earlier layers and the gold labels by sentence start, returns one example per
 * labelled sentence the tokenizer also produces.
 */
import type { Document } from '../../core/document.js';
import type { Layers } from '../../core/stage.js';
import { sentenceCues } from './index.js';
import type { ClaimLexicons } from './lexicons.js';
import { CUE_IDS, type Mention, type Token } from './types.js';

export interface LabelledSentence {
  doc: string;
  start: number;
  text: string;
  label: string;
  /** Whether the stage found a source the sentence would cite (its own or the previous sentence's). */
  sourced: boolean;
  /** Count of each cue, in CUE_IDS order. */
  cues: number[];
  tokens: Token[];
  mentions: Mention[];
}

/** `labels`: gold label by sentence start (UTF-16 offset). Sentences without a label are skipped. */
export function labelledSentences(doc: Document, layers: Layers, sections: ReadonlySet<string>, lexicons: ClaimLexicons, labels: ReadonlyMap<number, string>): LabelledSentence[] {
  const entities = (layers.get('entities') ?? []) as unknown as Mention[];
  const out: LabelledSentence[] = [];
  for (const { sentence, cues, source } of sentenceCues(doc, layers, sections, lexicons)) {
    const label = labels.get(sentence.start);
    if (!label) continue;
    out.push({
      doc: doc.id,
      start: sentence.start,
      text: sentence.text,
      label,
      sourced: source !== null,
      cues: CUE_IDS.map((cue) => cues.filter((c) => c.id === cue).reduce((s, c) => s + c.count, 0)),
      tokens: sentence.tokens as Token[],
      mentions: entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end),
    });
  }
  return out;
}
