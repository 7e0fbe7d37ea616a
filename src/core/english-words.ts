import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let englishWords: Set<string> | null = null;

/**
 * ~275k English words (the word-list package, MIT), lowercase; loaded on first use (about 0.1 s).
 * Misspelt names, user handles and most proper nouns are not in it.
 */
export function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return englishWords.has(word);
}
