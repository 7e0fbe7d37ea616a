import { z } from 'zod';
import type { SpanRecord } from '../../core/record.js';
import type { Document } from '../../core/document.js';
import { defineStage, type Layers } from '../../core/stage.js';
import { SEGMENT_KINDS } from '../segment/types.js';
import { findAttribution, introducesSource, isSourceLine, squash } from './attribution.js';
import { claimCues } from './cues.js';
import { loadClaimLexicons, type ClaimLexicons } from './lexicons.js';
import type { ClaimLabel, Cue, Mention, Source, Token } from './types.js';
import { loadClaimWeights, type ClaimWeights } from './weights.js';
import { wordFeatures } from './words.js';

export const claimsOptions = z.strictObject({
  /** Segment kinds whose sentences are labelled: reader comments by default; add "body" for the article. */
  sections: z.array(z.enum(SEGMENT_KINDS as [string, ...string[]])).min(1).default(['comment']),
  /** A sentence is a claim when its score (0–1) is at least this. */
  threshold: z.number().min(0).max(1).default(0.5),
  /**
   * Cue weights: "learned" (fitted offline on the hand-labelled development sets, README), "rules"
   * (set by hand), or a weights file written by `annotate train-claims`, relative to the project
   * root. Learned is the default: on text neither was made from it is ahead on every set
   * (tests/heldout-claims-4/README.md, "Decision rule").
   */
  weights: z.string().min(1).default('learned'),
  /** Folder of the cue word lists, relative to the project root. */
  lexicons: z.string().default('src/stages/claims/lexicons'),
});

export type ClaimsOptions = z.infer<typeof claimsOptions>;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** The learned model's word weights for the words of a sentence (each word once). */
function wordContributions(tokens: readonly Token[], table: Record<string, number>): { word: string; weight: number }[] {
  return [...new Set(wordFeatures(tokens))].filter((w) => table[w] !== undefined).map((word) => ({ word, weight: table[word]! }));
}

/** A contribution to the log-odds as shown in a cue: signed, rounded to 0.01 ("+1.2", "−0.35"). */
const signed = (w: number) => `${w > 0 ? '+' : '−'}${Math.abs(Math.round(w * 100) / 100)}`;

/**
 * The three words that pushed hardest, as cues ("word 'failure' −0.62"), and the sum of the
 * others ("12 other words +0.31"), so that the shown contributions still add up to the score.
 */
function strongest(words: { word: string; weight: number }[]): string[] {
  const sorted = [...words].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.word < b.word ? -1 : 1));
  const shown = sorted.slice(0, 3).map((w) => `word '${w.word}' ${signed(w.weight)}`);
  const rest = sorted.slice(3);
  const restSum = rest.reduce((sum, w) => sum + w.weight, 0);
  if (rest.length && Math.round(restSum * 100) !== 0) shown.push(`${rest.length} other word${rest.length === 1 ? '' : 's'} ${signed(restSum)}`);
  return shown;
}

/** "past event ('delivered') +1.2": the cue with its contribution to the log-odds. */
function describeCue(c: Cue, weights: ClaimWeights): string {
  const w = weights.cues[c.id] * c.count;
  return Math.round(w * 100) === 0 ? c.says : `${c.says} ${signed(w)}`;
}

/**
 * The cues of every sentence of the chosen sections, and the source each sentence would cite
 * (its own attribution, or one named earlier in the same comment). Shared by the stage and by
 * the offline trainer (bench/train-claims.ts), so both see exactly the same signals.
 */
export function sentenceCues(doc: Document, layers: Layers, sections: ReadonlySet<string>, lexicons: ClaimLexicons): { sentence: SpanRecord; cues: Cue[]; source: Source | null }[] {
  const segments = layers.get('segment') ?? [];
  const sentences = (layers.get('tokenize') ?? []).filter((s) => sections.has(s.segment as string));
  const entities = (layers.get('entities') ?? []) as unknown as Mention[];
  // Quotations are matched against the body paragraphs only, as the issue and the guideline define the article.
  const article = squash(segments.filter((s) => s.kind === 'body').map((s) => s.text).join(' '));
  const out: { sentence: SpanRecord; cues: Cue[]; source: Source | null }[] = [];
  let previous: { comment: unknown; introduces: Source | null } | null = null;
  for (const s of sentences) {
    const tokens = s.tokens as Token[];
    const mentions = entities.filter((e) => e.start >= s.start && e.end <= s.end);
    const attribution = findAttribution(s.text, s.start, tokens, mentions, lexicons, article);
    // "Here's what the BBC reported.": the source it names is for the next sentence, not for this one.
    const introduces = introducesSource(s.text, s.start, mentions, tokens);
    // "Reuters: 12 people died": the lead-in only names the source; the sentence form is read after it.
    const statementAt = attribution.statementAt ?? s.start;
    const statement = tokens.filter((t) => t.start >= statementAt);
    const read = statementAt > s.start && statement.some((t) => /[\p{L}\p{N}]/u.test(t.text))
      ? claimCues(doc.text.slice(statement[0]!.start, s.end), statement, mentions.filter((m) => m.start >= statementAt), lexicons)
      : claimCues(s.text, tokens, mentions, lexicons);
    // "Read the Constitution, …": the imperative only points to the source.
    const cues: Cue[] = [
      ...read.filter((c) => !(attribution.pointsToSource && c.id === 'imperative')),
      ...attribution.cues.filter((c) => !(introduces && c.id === 'attributed')),
    ];
    let source = introduces ? null : attribution.source;
    if (!source && previous && previous.comment === s.comment && previous.introduces) {
      // "If Voltaire is right..": the source named there covers the rest of the comment.
      source = previous.introduces;
      cues.push({ id: 'previous-source', says: `source named in the previous sentence ('${doc.text.slice(source.start, source.end)}')`, count: 1 });
    }
    if (introduces) cues.push({ id: 'introduces-source', says: `introduces a source for what follows ('${doc.text.slice(introduces.start, introduces.end)}')`, count: 1 });
    const before = out.at(-1);
    if (source && isSourceLine(s.text) && before && before.sentence.comment === s.comment && !before.source) {
      // "Russia delivered 12 jets. Source: CNN": the source line covers the sentence above it.
      before.source = source;
      before.cues.push({ id: 'next-source', says: `source named in the next sentence ('${doc.text.slice(source.start, source.end)}')`, count: 1 });
    }
    out.push({ sentence: s, cues, source });
    const carried = introduces ?? (attribution.carriesOn ? attribution.source : null);
    previous = { comment: s.comment, introduces: carried ?? (previous && previous.comment === s.comment ? previous.introduces : null) };
  }
  return out;
}

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
    const { weights, file: weightsFile } = loadClaimWeights(options.weights, context.baseDir);
    if (weightsFile) context.resources.weights = weightsFile;
    return (doc, layers) =>
      sentenceCues(doc, layers, sections, lexicons).map(({ sentence: s, cues, source }) => {
        const words = weights.words ? wordContributions(s.tokens as Token[], weights.words) : [];
        const score = logistic(weights.bias + cues.reduce((sum, c) => sum + weights.cues[c.id] * c.count, 0) + words.reduce((sum, w) => sum + w.weight, 0));
        const label: ClaimLabel = score < options.threshold ? 'not_claim' : source ? 'sourced_claim' : 'unsourced_claim';
        return {
          doc: doc.id,
          start: s.start,
          end: s.end,
          text: s.text,
          label,
          comment: s.comment,
          score: Math.round(score * 1000) / 1000,
          // The starting point first, so that the contributions shown add up to the score with nothing else to look up.
          cues: [`starting point (bias) ${signed(weights.bias)}`, ...cues.map((c) => describeCue(c, weights)), ...strongest(words)],
          source: label === 'sourced_claim' && source ? { kind: source.kind, start: source.start, end: source.end, text: doc.text.slice(source.start, source.end) } : null,
        };
      });
  },
});
