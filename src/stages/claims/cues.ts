import nlp from 'compromise';
import type { ClaimLexicons } from './lexicons.js';
import { findPhrase, firstPhrase, plain } from './text-match.js';
import type { Cue, Mention, Token } from './types.js';

/** Opening words of a question that asserts a fact ("Did you know that the US has …?"). */
const RHETORICAL = ['did you know', "didn't you know", 'do you know that', "don't you know", 'did you not know', "isn't it true", 'is it not true', 'remember when', "isn't it funny", 'why is it that', 'how come'];
const PREDICTION = /\b(will|won't|shall|gonna|going to|is about to|are about to)\b/;
const MODAL = /\b(could|should|would|might|must|ought to|can|cannot|can't|may)\b/;
const FIRST_PERSON = /^(?:and |but |so |well,? |actually,? |yes,? |no,? )?(i|i'm|i've|i'd|we|we're|we've|me|my)\b/;
const EXISTENCE = /\bthere (is|are|was|were|has been|have been)\b/;
const COPULA = new Set(['is', 'are', 'was', 'were', "'s", 'has been', 'have been']);

/** Words of a sentence (no punctuation), as written. */
const wordsOf = (tokens: readonly Token[]) => tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text));

/**
 * The signals of one sentence that decide whether it is a claim, each in words a user
 * understands and with a weight toward "claim" (log-odds; negative toward "not a claim").
 * compromise supplies sentence form (question, imperative, future, numbers, dates,
 * comparatives); wink-nlp's POS and the entities layer supply the checkable content.
 */
export function claimCues(text: string, tokens: readonly Token[], mentions: readonly Mention[], lexicons: ClaimLexicons): Cue[] {
  const cues: Cue[] = [];
  const lower = plain(text);
  const words = wordsOf(tokens);
  const view = nlp(text);
  const add = (says: string, weight: number) => cues.push({ says, weight });

  // --- form of the sentence ---
  const rhetorical = firstPhrase(lower, RHETORICAL);
  const isQuestion = /\?["')\]]*\s*$/.test(text.trim());
  if (isQuestion && rhetorical && rhetorical.at < 5) add(`rhetorical question stating a fact ('${rhetorical.phrase}')`, 1.5);
  else if (isQuestion) add('question', -3);

  if (words.length <= 3 && !mentions.some((m) => m.label !== 'NORP') && !tokens.some((t) => t.type === 'number')) add('reaction or fragment', -2.5);
  else if (words.length > 0 && words.every((w) => lexicons.reactions.has(w.text.toLowerCase()))) add('reaction', -2.5);

  if (view.has('^#Imperative') || /^(please|don't|do not|never|stop|go|get|let|tell|look|read|try|wake up)\b/.test(lower)) add('imperative or request', -2.5);
  const wish = firstPhrase(lower, lexicons.wishWords);
  if (wish) add(`wish or hope ('${wish.phrase}')`, -2.5);

  const prediction = PREDICTION.exec(lower);
  if (prediction) add(`prediction ('${prediction[1]}')`, -1.5);
  const modal = MODAL.exec(lower);
  if (modal && !prediction) add(`possibility or recommendation ('${modal[1]}')`, -1.2);

  const self = FIRST_PERSON.exec(lower);
  if (self) {
    const next = words.slice(0, 5).map((w) => w.lemma.toLowerCase());
    const verb = next.find((w) => lexicons.selfVerbs.has(w));
    if (verb) add(`about the writer ('${self[1]} … ${verb}')`, -2.5);
    else add(`first person ('${self[1]}')`, -0.7);
  }

  const opinions = words.map((w) => w.text.toLowerCase()).filter((w) => lexicons.opinionWords.has(w));
  if (opinions.length) add(`evaluation ('${opinions.slice(0, 3).join("', '")}')`, -1 * Math.min(2, opinions.length));

  const hedge = firstPhrase(lower, lexicons.hedges);
  if (hedge) add(`hedge ('${hedge.phrase}') — still a claim if checkable`, 0);

  if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) add('no verb', -1.5);

  // --- checkable content ---
  const numbers = tokens.filter((t) => t.type === 'number' || t.type === 'ordinal' || /^\d/.test(t.text) || t.text === '%');
  const dates = view.match('#Date').found || /\b(1[89]\d\d|20\d\d)\b/.test(text);
  if (numbers.length || dates) add(`number or date ('${(numbers[0]?.text ?? view.match('#Date').text()).trim()}')`, 1.5);

  const named = mentions.filter((m) => m.label !== 'NORP');
  const pastVerb = tokens.find((t) => t.pos === 'VERB' && /(ed|en)$/.test(t.text.toLowerCase()) && t.lemma.toLowerCase() !== t.text.toLowerCase());
  const pastIrregular = view.match('#PastTense').not('#Modal').found;
  const perfect = /\b(has|have|had) (been |not |never |already |just )?\w+(ed|en|wn|ne|ght|lt|t)\b/.test(lower);
  if (pastVerb || pastIrregular || perfect) add(`past event ('${pastVerb?.text ?? view.match('#PastTense').first().text()}')`.replace(" ('')", ''), 1.2);
  if (named.length) add(`names ${named.slice(0, 3).map((m) => m.text).join(', ')}`, 0.8);
  else if (mentions.length) add(`names ${mentions.slice(0, 2).map((m) => m.text).join(', ')}`, 0.5);

  if (EXISTENCE.test(lower)) add('states that something exists', 0.8);
  const copula = tokens.findIndex((t) => COPULA.has(t.text.toLowerCase()));
  if (copula > 0 && named.some((m) => m.end <= tokens[copula]!.start) && !opinions.length) add('says what a named entity is or has', 0.8);
  if (view.has('#Comparative') || view.has('#Superlative')) add('comparison', 0.4);
  if (/\b(because|caused|led to|result of|due to|in order to)\b/.test(lower)) add('cause or purpose', 0.5);
  if (findPhrase(lower, 'not') !== -1 || /n't\b/.test(lower)) add('negation', 0);
  return cues;
}
