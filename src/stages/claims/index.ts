import { z } from 'zod';
import type { SpanRecord } from '../../core/record.js';
import { defineStage } from '../../core/stage.js';
import { SEGMENT_KINDS } from '../segment/types.js';
import { findAttribution, introducesSource, squash } from './attribution.js';
import { claimCues } from './cues.js';
import { loadClaimLexicons } from './lexicons.js';
import type { ClaimLabel, Cue, Mention, Source, Token } from './types.js';

export const claimsOptions = z.strictObject({
  /** Segment kinds whose sentences are labelled: reader comments by default; add "body" for the article. */
  sections: z.array(z.enum(SEGMENT_KINDS as [string, ...string[]])).min(1).default(['comment']),
  /** A sentence is a claim when its score (0–1) is at least this. */
  threshold: z.number().min(0).max(1).default(0.5),
  /** Folder of the cue word lists, relative to the project root. */
  lexicons: z.string().default('src/stages/claims/lexicons'),
});

export type ClaimsOptions = z.infer<typeof claimsOptions>;

/** Log-odds of a plain declarative sentence with a verb and nothing else to go on. */
const BIAS = 0;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export const claimsStage = defineStage({
  name: 'claims',
  version: 1,
  description: 'Labels each comment sentence unsourced claim, sourced claim or not a claim, with the cues that decided it',
  requires: ['segment', 'tokenize', 'entities'],
  produces: 'claims',
  options: claimsOptions,
  create: (options: ClaimsOptions, context) => {
    const lexicons = loadClaimLexicons(options.lexicons, context.baseDir);
    context.resources.lexicons = lexicons.files;
    const sections = new Set(options.sections);
    return (doc, layers) => {
      const segments = layers.get('segment') ?? [];
      const sentences = (layers.get('tokenize') ?? []).filter((s) => sections.has(s.segment as string));
      const entities = (layers.get('entities') ?? []) as unknown as Mention[];
      const article = squash(segments.filter((s) => s.kind === 'body').map((s) => s.text).join(' '));
      const records: SpanRecord[] = [];
      let previous: { comment: unknown; introduces: Source | null } | null = null;
      for (const s of sentences) {
        const tokens = s.tokens as Token[];
        const mentions = entities.filter((e) => e.start >= s.start && e.end <= s.end);
        const cues: Cue[] = claimCues(s.text, tokens, mentions, lexicons);
        const attribution = findAttribution(s.text, s.start, tokens, mentions, lexicons, article);
        cues.push(...attribution.cues);
        let source = attribution.source;
        if (!source && previous && previous.comment === s.comment && previous.introduces) {
          source = previous.introduces;
          cues.push({ says: `source named in the previous sentence ('${doc.text.slice(source.start, source.end)}')`, weight: 1 });
        }
        const score = logistic(BIAS + cues.reduce((sum, c) => sum + c.weight, 0));
        const claim = score >= options.threshold;
        const label: ClaimLabel = !claim ? 'not_claim' : source ? 'sourced_claim' : 'unsourced_claim';
        records.push({
          doc: doc.id,
          start: s.start,
          end: s.end,
          text: s.text,
          label,
          comment: s.comment,
          score: Math.round(score * 1000) / 1000,
          cues: cues.map((c) => (c.weight === 0 ? c.says : `${c.says} ${c.weight > 0 ? '+' : '−'}${Math.abs(c.weight)}`)),
          source: label === 'sourced_claim' && source ? { kind: source.kind, start: source.start, end: source.end, text: doc.text.slice(source.start, source.end) } : null,
        });
        previous = { comment: s.comment, introduces: introducesSource(s.text, s.start, mentions, tokens) };
      }
      return records;
    };
  },
});
