import type nlp from 'compromise';
import { skipNegation } from './statements.js';
import type { Token } from './types.js';

/**
 * Past events: the strongest sign of checkable content in a comment sentence ("Russia delivered
 * 12 jets", "U.S. forces have withdrawn"), once the forms that report no event are set aside —
 * copulas, participles describing a noun, imagined events (after "would have", inside "if"),
 * and events whose subject is the writer (their own life) or the reader (the conversation).
 */

/** Lemmas whose past forms report no event by themselves. */
const NOT_EVENTS = new Set(['be', 'do']);

/** Present copulas and linking verbs: a participle after them describes ("is doomed", "remain fallen"); "its" is "it's" misspelt ("Its called pandering"). */
const BE = new Set(['is', 'are', 'am', 'be', 'being', "'s", "'re", 'its', 'seems', 'seem', 'looks', 'feel', 'feels', 'get', 'gets', 'remain', 'remains', 'stay', 'stays', 'become', 'becomes']);

/** Adverbs of degree: a participle after them is graded, so it is an adjective ("more advanced", "very respected"). */
const DEGREE = new Set(['more', 'most', 'less', 'least', 'very', 'so', 'too', 'well', 'better', 'best', 'highly']);

const COUNTERFACTUAL_MODALS = new Set(['would', 'could', 'should', 'might', 'may', "'d", "wouldn't", "couldn't", "shouldn't", 'wouldnt', 'couldnt', 'shouldnt']);
const CONDITIONALS = new Set(['if', 'unless', 'whether']);

/**
 * Whether the verb at `i` is only imagined: after a modal and "have" ("would have killed",
 * "should have always meant", "could have deleted") or inside an "if" clause ("if the father
 * had a gun", "if it was an illegal …"): no event is reported.
 */
function hypothetical(tokens: readonly Token[], i: number): boolean {
  // "when asked", "if needed", "as expected": a participle with no subject of its own.
  if (/^(when|if|unless|as|until|though|although)$/i.test(tokens[i - 1]?.text ?? '')) return true;
  const words = tokens.slice(Math.max(0, i - 4), i).map((t) => t.text.toLowerCase());
  const have = words.lastIndexOf('have');
  if (have > 0 && words.slice(0, have).some((w) => COUNTERFACTUAL_MODALS.has(w))) return true;
  for (let k = i; k >= 0; k--) {
    const word = tokens[k]!.text.toLowerCase();
    if (CONDITIONALS.has(word) && k < i) return true;
    // An inverted condition: "Had the Brits decided to back off, …".
    if (k === 0 && /^(had|were)$/.test(word)) return true;
    if (/^[,;:.!?]$|^(and|but|then)$/.test(word)) return false;
  }
  return false;
}

/**
 * Whether the verb at `i` is inside a relative clause ("a man who served honorably", "a gay that
 * was discharged", "the standard that has been around since …"): it describes a noun, and what it
 * says is only presupposed. Only after a common noun: "that" after a verb ("said that Russia delivered"),
 * "Obama, who refused …" and ", which is why …" still assert.
 */
function inRelativeClause(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const word = t.text.toLowerCase();
    if (/^[,;:.!?]$|^(and|but)$/.test(word)) return false;
    // The head noun may be tagged as an adjective after a determiner ("the standard that has been …").
    // So may an indefinite pronoun ("someone who …") or a plural name ("Cons who never served").
    if (/^(who|whom|whose|that)$/.test(word)) {
      const head = tokens[k - 1];
      return head?.pos === 'NOUN' || (head?.pos === 'ADJ' && tokens[k - 2]?.pos === 'DET') || /^(someone|anyone|everyone|somebody|anybody|one)$/i.test(head?.text ?? '') || (head?.pos === 'PROPN' && /s$/.test(head.text) && /^(who|that)$/.test(word));
    }
  }
  return false;
}

/**
 * Whether the verb form at `i` does not report an event of its own: a participle after a
 * present "is"/"being" ("is doomed", "being destroyed"), a name ("so-called"), a copula,
 * auxiliary or stand-in verb ("been", "had", "did"), or a participle describing the next noun.
 */
function notAnEvent(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const word = t.text.toLowerCase();
  // The three tokens before it; quotation marks around the participle do not hide the copula ("is not “destroyed”").
  const context: Token[] = [];
  for (let k = i - 1; k >= 0 && context.length < 3; k--) if (!/^["“”'‘’]$/.test(tokens[k]!.text)) context.unshift(tokens[k]!);
  const before = context.at(-1)?.text.toLowerCase() ?? '';
  const before2 = context.at(-2)?.text.toLowerCase() ?? '';
  if (BE.has(before) || (BE.has(before2) && /^(not|n't|never)$|ly$/.test(before))) return true;
  // A participle with its agent and no auxiliary ("the world created by this narcissist", "Saddened by …") describes; it reports no event.
  const auxiliary = context.some((x) => /^(be|get|have)$/i.test(x.lemma));
  if (tokens[i + 1]?.text.toLowerCase() === 'by' && !auxiliary) return true;
  // The agent after a short particle or pronoun ("Brought to you by …", "not freaked out by it").
  const by = tokens.slice(i + 1, i + 4).findIndex((x) => x.text.toLowerCase() === 'by');
  if (by > 0 && !auxiliary && tokens.slice(i + 1, i + 1 + by).every((x) => ['ADP', 'PRON', 'PART', 'ADV'].includes(x.pos))) return true;
  // A participle right after an indefinite pronoun describes it ("anything related to …").
  if (/^(anything|something|everything|nothing|anyone|someone|everyone|those)$/.test(before)) return true;
  if (/^(socalled|so-called)$/.test(word) || (word === 'called' && before === 'so')) return true;
  // A word after a preposition is mentioned, not done ("And by stood up, you mean …"); fixed phrases ("problem solved").
  if (/^(by|of|with|about|into)$/.test(before) || /^(problem solved|case closed|mission accomplished|enough said|point taken|lesson learned)$/.test(`${before} ${word}`)) return true;
  // The end of a hyphenated compound ("self-proclaimed", "well-known", "state-sponsored") is an adjective.
  const hyphen = tokens[i - 1];
  if (hyphen?.text === '-' && hyphen.end === t.start && tokens[i - 2]?.end === hyphen.start) return true;
  if (hypothetical(tokens, i) || inRelativeClause(tokens, i)) return true;
  // "did" and "done" stand in for another verb ("Sure she did"), except a passive "done" ("have been done many times").
  if (NOT_EVENTS.has(t.lemma.toLowerCase()) && !(word === 'done' && /^(been|was|were)$/.test(before))) return true;
  // "had" before another verb is an auxiliary; the verb after it is the event ("had withdrawn").
  if (t.lemma.toLowerCase() === 'have' && tokens.slice(i + 1, i + 3).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return true;
  // "another civilized country", "a disturbed feminist": after a determiner or adjective and before a noun.
  // "a mentally disturbed feminist", "a more advanced center": an -ly or degree adverb may come first;
  // "the foreign imposed illegitimate Sauds": another adjective may stand before the noun.
  const k = tokens[i - 1]?.pos === 'ADV' && (/ly$/i.test(before) || DEGREE.has(before)) ? i - 2 : i - 1;
  const prev = tokens[k];
  // An article and an adverb before it leave no room for a verb ("a mentally disturbed feminist - man hater").
  if (k === i - 2 && /^(a|an|the|another)$/i.test(prev?.text ?? '')) return true;
  const next = tokens[i + 1]?.pos === 'ADJ' ? tokens[i + 2] : tokens[i + 1];
  return next?.pos === 'NOUN' && (!prev || prev.pos === 'DET' || prev.pos === 'ADJ');
}

/** Words that may stand between a subject and its verb ("I have only been called", "I recently witnessed"). */
const BETWEEN_SUBJECT_AND_VERB = new Set(['ever', 'got', 'get', 'have', 'has', 'had', "'ve", "'d", 'was', 'were', 'been', 'am', "'m", 'did', 'then', 'just', 'only', 'also', 'never', 'recently', 'once', 'already', 'actually', 'really', 'finally', 'even', 'still', 'not', "n't"]);

const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'then', 'just', 'also', 'actually', 'well', 'yes', 'no']);

/** Whether the clause ending before `k` opens with "I" ("I tried to go for unemployment …" before "and was declined"). */
function clauseOpensWithI(tokens: readonly Token[], k: number): boolean {
  // "And killed 12 people": no clause before the "and".
  if (k === 0) return false;
  let start = k - 1;
  while (start > 0 && !/^[,;:.!?]$/.test(tokens[start - 1]!.text)) start--;
  while (start < k && CLAUSE_OPENERS.has(tokens[start]!.text.toLowerCase())) start++;
  return /^i$/i.test(tokens[start]?.text ?? '');
}

/** Who did it when it is the writer or the reader: their own life or their part in the conversation, not the world. */
type Person = 'writer' | 'reader';

/**
 * Whether the verb at `i` has the writer or the reader as its subject: "I" ("I have only been
 * called"), "my" + noun ("my husband was employed"), a verb sharing the subject "I" of the
 * clause before "and" ("I came back … and saw"); "you" ("you just said", "you asked who …").
 */
function personalSubject(tokens: readonly Token[], i: number): Person | null {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = tokens[k]!;
    const word = t.text.toLowerCase();
    if (t.text === 'I' || word === 'i') return 'writer';
    if (word === 'you' || word === 'u') return 'reader';
    if (t.pos === 'NOUN') return /^my$/i.test(tokens[k - 1]?.text ?? '') || (tokens[k - 1]?.pos === 'ADJ' && /^my$/i.test(tokens[k - 2]?.text ?? '')) ? 'writer' : null;
    if (word === 'and') return clauseOpensWithI(tokens, k) ? 'writer' : null;
    if (!BETWEEN_SUBJECT_AND_VERB.has(word)) return null;
  }
  return null;
}

/** What the writer read or heard passes on a report about the world ("From what I've read, some colleges …"). */
const HEARSAY = new Set(['read', 'hear', 'learn']);

/** Verbs of a state of mind: "Obama hated this country", "all those who read and agreed" judge or feel; they report no event. */
const MENTAL = new Set(['hate', 'love', 'like', 'want', 'wish', 'hope', 'think', 'believe', 'know', 'feel', 'fear', 'care', 'prefer', 'understand', 'doubt', 'suspect', 'wonder', 'agree', 'despise', 'adore', 'dislike', 'enjoy', 'mean']);
/** Verbs after "didn't" that report no event of their own ("didn't mean", "didn't get it"). */
const LIGHT_VERBS = new Set([...MENTAL, 'matter', 'say', 'see', 'get', 'make', 'help', 'work']);

/**
 * A past event denied with do-support: "Back then women didn't serve in the military", "He did not
 * pay taxes" (an affirmative "did" is mostly emphasis). Not a light verb, not imagined and not in a
 * relative clause. Returns the token indices of "did" and of the verb, or null.
 */
function deniedEvent(tokens: readonly Token[]): { did: number; verb: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    if (!/^(did|didn't|didnt)$/i.test(tokens[i]!.text)) continue;
    const { next: k, negated } = skipNegation(tokens, i + 1);
    const verb = tokens[k];
    if (!(negated || /n'?t$/i.test(tokens[i]!.text)) || !verb || verb.pos !== 'VERB' || verb.text.toLowerCase() !== verb.lemma.toLowerCase() || LIGHT_VERBS.has(verb.lemma.toLowerCase())) continue;
    if (!hypothetical(tokens, i) && !inRelativeClause(tokens, i)) return { did: i, verb: k };
  }
  return null;
}

/** A past event as written, and whether it is the writer's own ("I applied") or the reader's ("you asked"). */
interface PastEvent {
  word: string;
  person: Person | null;
}

/** The regular past endings the token loop of pastEvent() judges by itself. */
const PAST_ENDING = /(ed|en|wn|ne|ght|lt|t|id|ew|ung|ank|ole|ote|ook|ave|ade)$/;
/** Present forms of the auxiliaries and of "be"/"have"/"do", as wink-nlp tokenizes them. */
const PRESENT_AUXILIARY = new Set(['is', 'are', 'am', "'s", "'re", "'m", '’s', '’re', '’m', 'has', 'does', "'ve", '’ve', 'ai', 'wo', 'ca']);

/**
 * Whether compromise might read the token as a past form the token loop has not judged: an -ed or
 * -en word wink-nlp did not tag VERB ("involved" read as an adjective), a verb written as its
 * lemma ("shut", "put"), or a verb form that is neither a present nor an -ing form ("ran", "saw").
 */
function compromiseMayReadAsPast(t: Token): boolean {
  const word = t.text.toLowerCase();
  const lemma = t.lemma.toLowerCase();
  if (!/\p{L}/u.test(word)) return false;
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return /(?:ed|[^eh]en)$/.test(word);
  if (word === lemma) return t.pos === 'VERB';
  if (PAST_ENDING.test(word) || PRESENT_AUXILIARY.has(word) || word.endsWith('ing')) return false;
  // Third person present: "says", "goes", "tries".
  return !(word === `${lemma}s` || word === `${lemma}es` || (lemma.endsWith('y') && word === `${lemma.slice(0, -1)}ies`));
}

/**
 * An action in the past ("delivered", "have withdrawn", "was killed"), not a copula ("was")
 * and not a participle used as an adjective (see notAnEvent). An event of someone else wins
 * over one of the writer's or the reader's: "When I was growing up, food stamps were for families that went
 * through …" reports what families went through.
 */
export function pastEvent(tokens: readonly Token[], compromiseView: () => ReturnType<typeof nlp>): PastEvent | null {
  let writers: PastEvent | null = null;
  const found = (at: number, word: string): PastEvent | null => {
    const subject = at === -1 ? null : personalSubject(tokens, at);
    // What the writer read or heard passes on a report; what the reader heard is still the reader's.
    const person = subject === 'writer' && HEARSAY.has(tokens[at]!.lemma.toLowerCase()) ? null : subject;
    if (person) {
      writers ??= { word, person };
      return null;
    }
    return { word, person: null };
  };
  const denied = deniedEvent(tokens);
  if (denied) {
    // The words as written: "didn't serve", with no space before "n't".
    const words = tokens.slice(denied.did, denied.verb + 1).map((t, j, all) => (j > 0 && all[j - 1]!.end < t.start ? ' ' : '') + t.text).join('');
    const event = found(denied.did, words);
    if (event) return event;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB') continue;
    const word = t.text.toLowerCase();
    if (word === t.lemma.toLowerCase()) continue;
    if (!PAST_ENDING.test(word)) continue;
    if (MENTAL.has(t.lemma.toLowerCase())) continue;
    if (!notAnEvent(tokens, i)) {
      const event = found(i, t.text);
      if (event) return event;
    }
  }
  // Only asked when some verb is not written as its lemma and is neither a form the loop above has
  // already judged (a regular past ending) nor a present or -ing form ("is", "has", "says", "going"):
  // a possible irregular past wink-nlp did not settle ("ran", "saw", "began"). Most sentences have none,
  // and the compromise parse is the stage's largest cost.
  if (!tokens.some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && t.text.toLowerCase() !== t.lemma.toLowerCase())) return writers;
  if (!tokens.some((t) => compromiseMayReadAsPast(t))) return writers;
  const past = compromiseView().match('#PastTense').not('#Copula').not('#Modal').not('#Auxiliary').not('(did|done|been)');
  for (const text of past.out('array') as string[]) {
    // compromise keeps the punctuation around a term ("made,"); the cue shows the word alone.
    const word = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const at = tokens.findIndex((t) => t.text.toLowerCase() === word.toLowerCase());
    // wink-nlp's noun reading wins ("That's a given", "deserve a shot"); a state of mind is no event.
    if (at !== -1 && (tokens[at]!.pos === 'NOUN' || MENTAL.has(tokens[at]!.lemma.toLowerCase()))) continue;
    if (at === -1 || !notAnEvent(tokens, at)) {
      const event = found(at, word);
      if (event) return event;
    }
  }
  return writers;
}
