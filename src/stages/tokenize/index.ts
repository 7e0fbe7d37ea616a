import { z } from 'zod';
import type { SpanRecord } from '../../core/record.js';
import { defineStage } from '../../core/stage.js';
import { SEGMENT_KINDS } from '../segment/types.js';
import { splitUnits } from './units.js';
import { freshWink, tokenizeUnit, warmWink } from './wink.js';

export const tokenizeOptions = z.strictObject({
  /** Where sentences are forced to break besides wink-nlp's own sentence boundaries. */
  sentenceBreaks: z.enum(['line', 'paragraph']).default('line'),
  /** Segment kinds to tokenize (default: all). */
  kinds: z.array(z.enum(SEGMENT_KINDS as [string, ...string[]])).min(1).default([...SEGMENT_KINDS]),
});

export type TokenizeOptions = z.infer<typeof tokenizeOptions>;

export const tokenizeStage = defineStage({
  name: 'tokenize',
  version: 1,
  description: 'Sentences and tokens (wink-nlp) with exact offsets, POS, token type and lemma; sentences never cross segments or line breaks',
  requires: ['segment'],
  produces: 'tokenize',
  options: tokenizeOptions,
  create: (options: TokenizeOptions) => {
    warmWink();
    const kinds = new Set(options.kinds);
    return (doc, layers) => {
      // A fresh instance per document: see freshWink() for why tokens would otherwise depend on earlier documents.
      const nlp = freshWink();
      const records: SpanRecord[] = [];
      for (const segment of layers.get('segment') ?? []) {
        const kind = segment.kind as string;
        if (!kinds.has(kind) || segment.start === segment.end) continue;
        const comment = kind === 'comment' ? (segment.index as number) : null;
        for (const unit of splitUnits(doc.text, segment.start, segment.end, options.sentenceBreaks)) {
          for (const sentence of tokenizeUnit(nlp, doc.text, unit.start, unit.end)) {
            records.push({
              doc: doc.id,
              start: sentence.start,
              end: sentence.end,
              text: doc.text.slice(sentence.start, sentence.end),
              segment: kind,
              comment,
              tokens: sentence.tokens,
            });
          }
        }
      }
      return records;
    };
  },
});
