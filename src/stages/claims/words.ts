import type { Token } from './types.js';

/** The word features of a sentence for the learned model: lowercase lemmas of its words. */
export function wordFeatures(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => /\p{L}/u.test(t.text)).map((t) => (t.lemma || t.text).toLowerCase());
}
