/** Lowercased text with typographic quotes and apostrophes unified, same length as the input. */
export function plain(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”„«»]/g, '"');
}

/** Offset of `phrase` in `lower` as whole words, or -1. */
export function findPhrase(lower: string, phrase: string): number {
  let from = 0;
  for (;;) {
    const at = lower.indexOf(phrase, from);
    if (at === -1) return -1;
    const before = at === 0 ? ' ' : lower[at - 1]!;
    const after = at + phrase.length >= lower.length ? ' ' : lower[at + phrase.length]!;
    if (!/[\p{L}\p{N}]/u.test(before) && (!/[\p{L}\p{N}]/u.test(after) || /[:]$/.test(phrase))) return at;
    from = at + 1;
  }
}

/** The first phrase of a list found in the text, with its offset. */
export function firstPhrase(lower: string, phrases: readonly string[]): { phrase: string; at: number } | null {
  let best: { phrase: string; at: number } | null = null;
  for (const phrase of phrases) {
    const at = findPhrase(lower, phrase);
    if (at !== -1 && (best === null || at < best.at)) best = { phrase, at };
  }
  return best;
}
