import winkNLP, { type ItemSentence, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isSpace } from '../segment/lines.js';

/** One token with absolute offsets and the attributes later stages read. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, PUNCT, …). */
  pos: string;
  /** wink-nlp token type (word, number, punctuation, emoji, url, email, mention, hashtag, …). */
  type: string;
  lemma: string;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

let shared: WinkMethods | null = null;

/** The wink-nlp instance; the model takes ~0.5 s to load, so it is built once per process. */
export function winkInstance(): WinkMethods {
  shared ??= winkNLP(model);
  return shared;
}

/**
 * Runs wink-nlp on `text.slice(start, end)` and returns sentences with absolute offsets.
 * wink keeps every token's original characters, so offsets come from a cursor that skips
 * whitespace and checks each token against the text; a mismatch is a bug and throws.
 */
export function tokenizeUnit(text: string, start: number, end: number): Sentence[] {
  const nlp = winkInstance();
  const its = nlp.its;
  const unit = text.slice(start, end);
  const doc = nlp.readDoc(unit);
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const values = s.tokens().out(its.value) as string[];
    const pos = s.tokens().out(its.pos) as string[];
    const types = s.tokens().out(its.type) as string[];
    // wink's typings declare lemma with a narrower signature than out() accepts; it works at run time.
    const lemmas = s.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    const tokens: Token[] = [];
    values.forEach((value, i) => {
      if (value.trim() === '') {
        cursor += value.length;
        return;
      }
      while (cursor < unit.length && isSpace(unit[cursor]!) && !unit.startsWith(value, cursor)) cursor++;
      if (!unit.startsWith(value, cursor)) {
        throw new Error(`tokenizer offset mismatch at ${start + cursor}: wink token ${JSON.stringify(value)} but text has ${JSON.stringify(unit.slice(cursor, cursor + value.length))}`);
      }
      const tokenStart = start + cursor;
      cursor += value.length;
      tokens.push({ start: tokenStart, end: start + cursor, text: value, pos: pos[i]!, type: types[i]!, lemma: lemmas[i]! });
    });
    if (tokens.length > 0) sentences.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens });
  });
  return sentences;
}
