export type { Token } from '../tokenize/wink.js';

/** An entity mention of the entities layer. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  label: string;
}

/** Every kind of signal; each has one weight (log-odds toward "claim") in weights.ts. */
export const CUE_IDS = [
  'question', 'rhetorical-question', 'exclamative', 'fragment', 'imperative', 'wish', 'prediction',
  'modal-should', 'modal-could', 'modal-would', 'modal-can', 'about-writer', 'first-person',
  'evaluation', 'hedge', 'no-verb', 'addresses-reader', 'exclamation', 'number-or-date',
  'past-event', 'names-entity', 'names-group', 'existence', 'quantified', 'entity-acts', 'entity-was',
  'entity-is', 'subject-acts', 'third-person', 'does-or-has', 'evaluative-predicate', 'impression', 'is-a', 'comparison', 'cause', 'negation', 'url', 'quotes-article-statement',
  'quotes-article-name', 'vague-attribution', 'attributed', 'previous-source', 'next-source', 'introduces-source',
] as const;
export type CueId = (typeof CUE_IDS)[number];

/** A signal that fired: which kind, in words a user understands, and how many times it counts. */
export interface Cue {
  id: CueId;
  says: string;
  count: number;
}

export type SourceKind = 'named' | 'quote' | 'article' | 'url';

export interface Source {
  kind: SourceKind;
  start: number;
  end: number;
}

export type ClaimLabel = 'unsourced_claim' | 'sourced_claim' | 'not_claim';
