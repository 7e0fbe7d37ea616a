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

type CoreModel = { features: Record<string, { hash?: Record<string, number>; list?: string[]; index?: number }> } & Record<string, unknown>;

/** Only what this stage reads: sentence boundaries and POS (wink's NER, negation and sentiment are not used). */
const PIPE = ['sbd', 'pos'];

let pristineCore: CoreModel | null = null;
let metaCer: unknown = null;

/**
 * A wink-nlp instance in the model's pristine state.
 *
 * Why not one shared instance: wink-nlp adds every out-of-vocabulary word it meets to its
 * lexicon, and its tokenizer keeps a word whole when the lexicon knows it. So after reading
 * "of Obama's." once, a later "Obama's comments" becomes one token instead of "Obama" + "'s":
 * tokens would depend on which documents ran before, breaking byte-identical output across
 * concurrency levels and batches. Building a fresh instance costs ~60 ms, almost all of it
 * parsing the core model; here the parsed core model is kept once and each instance gets
 * copy-on-write views of its mutable feature tables (~6 ms), so every document starts from
 * the same state.
 */
export function freshWink(): WinkMethods {
  const loaders = model as unknown as { core(): CoreModel; metaCER(): unknown };
  pristineCore ??= loaders.core();
  // The model's metaCER() re-stringifies its own cached string on every call, so the string
  // doubles in size per instance; call it once and hand out that result.
  metaCer ??= loaders.metaCER();
  const base = pristineCore;
  const cer = metaCer;
  const view = Object.create(model) as typeof model & { core(): CoreModel; metaCER(): unknown };
  view.metaCER = () => cer;
  view.core = () => {
    const features: CoreModel['features'] = Object.assign(Object.create(null), base.features);
    for (const [name, feature] of Object.entries(base.features)) {
      if (feature && feature.hash && feature.list) {
        features[name] = { ...feature, hash: Object.create(feature.hash) as Record<string, number>, list: feature.list.slice() };
      }
    }
    return Object.assign(Object.create(null), base, { features }) as CoreModel;
  };
  return withParsedMachinesShared(() => winkNLP(view, PIPE));
}

/** Parsed automata by their JSON text; see withParsedMachinesShared(). */
const parsedMachines = new Map<string, unknown>();

/**
 * wink-nlp re-parses the JSON of its sentence and POS automata (~2 MB) for every instance,
 * which is most of an instance's cost. Recognition never writes to a parsed automaton (only
 * learning custom patterns does, which this stage never does), so instances can share them:
 * while an instance is built, JSON.parse returns the earlier result for the same large text.
 */
function withParsedMachinesShared<T>(build: () => T): T {
  const parse = JSON.parse;
  JSON.parse = (text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    if (reviver !== undefined || typeof text !== 'string' || text.length < 10_000) return parse(text, reviver);
    let parsed = parsedMachines.get(text);
    if (parsed === undefined) {
      parsed = parse(text);
      parsedMachines.set(text, parsed);
    }
    return parsed;
  };
  try {
    return build();
  } finally {
    JSON.parse = parse;
  }
}

/** Loads the model once up front (so the first document does not pay for it). */
export function warmWink(): void {
  freshWink();
}

/**
 * Runs wink-nlp on `text.slice(start, end)` and returns sentences with absolute offsets.
 * wink keeps every token's original characters, so offsets come from a cursor that skips
 * whitespace and checks each token against the text; a mismatch is a bug and throws.
 */
export function tokenizeUnit(nlp: WinkMethods, text: string, start: number, end: number): Sentence[] {
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
  return joinTouchingSentences(sentences, text);
}

/** Abbreviations that end in a period inside a name or phrase ("Dept. of Education"), lowercase. */
const ABBREVIATIONS = new Set(['dept.', 'depts.', 'govt.', 'gov.', 'corp.', 'inc.', 'co.', 'ltd.', 'bros.', 'assn.', 'univ.', 'natl.', 'intl.', 'st.', 'ave.', 'mt.', 'ft.', 'no.', 'vs.', 'approx.', 'est.', 'etc.']);

/** Abbreviations inside a name that a capitalised word continues more often than a new sentence starts ("Warner Bros. Discovery", "Ringling Bros. Circus"). */
const NAME_INTERNAL = new Set(['bros.']);

/**
 * wink-nlp ends a sentence at a period even when no space follows it, so "Amazon.com",
 * "MoveOn.org" and "Britannica.com/biography/…" came out as two sentences. A sentence that
 * starts exactly where the previous one ends (not even a space between) continues it; so does
 * one that starts with a lowercase letter right after an abbreviation ("Dept. | of Education"),
 * or with a capital after "Bros." ("Warner Bros. | Discovery").
 */
function joinTouchingSentences(sentences: Sentence[], text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    const abbreviation = last === undefined ? '' : lastWord(last, text);
    const continues = /^\p{Ll}/u.test(s.tokens[0]!.text) || (NAME_INTERNAL.has(abbreviation) && /^\p{Lu}/u.test(s.tokens[0]!.text));
    const afterAbbreviation = last !== undefined && ABBREVIATIONS.has(abbreviation) && continues && /^[ \t]+$/.test(text.slice(last.end, s.start));
    if (last && (last.end === s.start || afterAbbreviation)) out[out.length - 1] = { start: last.start, end: s.end, tokens: [...last.tokens, ...s.tokens] };
    else out.push(s);
  }
  return out;
}

/** The sentence's last word with its period ("Dept."), lowercase, whether wink split the period off or not. */
function lastWord(sentence: Sentence, text: string): string {
  return (/\S+$/.exec(text.slice(sentence.start, sentence.end))?.[0] ?? '').toLowerCase();
}
