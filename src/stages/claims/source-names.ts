import nlp from 'compromise';
import { isEnglishWord } from '../../core/english-words.js';
import type { Mention, Token } from './types.js';

/**
 * Where the name of a source stands in a comment sentence: before its reporting verb ("Putin has
 * publicly stated"), after it ("…, said Vaughan"), after an attribution phrase ("according to
 * the Congressional Record"), before a colon ("Reuters: …"), or after the statement ("… -
 * Reuters", "(Reagan, 1981)"). Offsets are absolute (UTF-16 code units).
 */

/** A name of up to five capitalised words ("Ronald Reagan", "Reuters", "New York Times"). */
const NAME = String.raw`\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}.'’&-]*){0,4}`;
/** "- Ronald Reagan", "—Reuters" at the end of a sentence or as a line of its own, after a quotation or a statement. */
export const DASH_SIGNATURE = new RegExp(String.raw`(?:^|\s)[-—–~]+\s*(${NAME})\s*\.?$`, 'u');
/** "(Reuters)", "(Reagan, 1981)", "[source: Reuters]" closing a sentence. */
const BRACKET_CITATION = new RegExp(String.raw`[(\[](?:sources?:\s*|via\s+|h\/t\s+)?(${NAME})(?:,\s*\d{4})?[)\]]\s*\.?$`, 'u');
/** "(via bloomberg)", "[h/t zerohedge]": after "via", "h/t" or "source:" a name may be written in lowercase. */
const BRACKET_VIA = /[(\[](?:sources?:|via|h\/t)\s*([\p{L}][\p{L}\p{N}.'’&-]*(?:\s+[\p{L}][\p{L}\p{N}.'’&-]*){0,2})[)\]]\s*\.?$/iu;

/**
 * A source named after the statement: a dash signature ("… - Reuters", a line "—Ronald Reagan")
 * or a citation in brackets ("(Reuters)", "(Reagan, 1981)"). A country or people is the topic
 * ("(Iraq)"), not the source.
 */
export function signedBy(text: string, offset: number, mentions: readonly Mention[]): { start: number; end: number } | null {
  const trimmed = text.replace(/\s+$/, '');
  const m = DASH_SIGNATURE.exec(trimmed) ?? BRACKET_CITATION.exec(trimmed) ?? BRACKET_VIA.exec(trimmed);
  if (!m) return null;
  const start = offset + m.index + m[0].indexOf(m[1]!);
  const end = start + m[1]!.replace(/[.]$/, '').length;
  if (mentions.some((x) => !SOURCE_LABELS.has(x.label) && x.start <= start && end <= x.end)) return null;
  return { start, end };
}

/**
 * Words that may stand between a source and its reporting verb: auxiliaries and adverbs
 * ("Obama has said", "Putin once stated", "Trump himself admitted") and what the source
 * published ("the FBI's own statistics show", "CDC data shows").
 */
const BETWEEN_SOURCE_AND_VERB = /^(?:has|have|had|is|are|was|were|once|also|even|just|recently|publicly|openly|repeatedly|already|clearly|himself|herself|itself|themselves|own|'s|’s|report|reports|study|studies|data|statistics|stats|figures|records|numbers|poll|polls|survey|website|article|site|emails|words|speech|book|tweet|tweets|memo|documents|letter|testimony|literally|actually|specifically|explicitly|directly|famously|treaty|charter|act|resolution|ruling|guidelines|rules|policy|spokesman|spokeswoman|spokesperson|official|officials)$/i;

/** Prepositions of place and time: a name after them is no source ("the study in Bangladesh found"). */
const PLACE_PREPOSITIONS = /^(?:in|at|on|from|during|across|inside|near)$/i;

/**
 * A first word is capitalised anyway: "Studies show" and "Research shows" open with no name, "Snopes says" does.
 * A dictionary word that compromise knows as a proper noun is a name all the same ("Kirby said", "Graham said").
 */
const dictionaryOpener = (word: Token, tokens: readonly Token[]) =>
  word === tokens[0] && isEnglishWord(word.text.toLowerCase()) && !nlp(`${word.text} said`).terms().first().has('#ProperNoun');
/** A capitalised word wink-nlp tags as a proper noun (or, where `nouns` is set, as any noun). */
const capitalised = (t: Token | undefined, nouns = false): t is Token => t !== undefined && /^\p{Lu}/u.test(t.text) && (t.pos === 'PROPN' || (nouns && t.pos === 'NOUN'));

/** The span of the run of capitalised words starting at token `i` ("Jessica Vaughan", "Congressional Record"). */
function capitalisedRun(tokens: readonly Token[], i: number, nouns = false): { start: number; end: number } {
  let end = i;
  while (capitalised(tokens[end + 1], nouns)) end++;
  return { start: tokens[i]!.start, end: tokens[end]!.end };
}

/**
 * Whether a capitalised word is no name of a source: a dictionary word opening the sentence ("Studies show"),
 * a group ("the Jews say", a demonym) or a plural after "the".
 */
function groupOrOpener(word: Token, previous: Token | undefined, mentions: readonly Mention[], tokens: readonly Token[]): boolean {
  if (dictionaryOpener(word, tokens)) return true;
  if (mentions.some((x) => x.label === 'NORP' && x.start <= word.start && word.end <= x.end)) return true;
  return /^the$/i.test(previous?.text ?? '') && /[^'’]s$/.test(word.text);
}

/**
 * A capitalised name or a named (non-NORP) entity before `at`, the start of a reporting verb:
 * right before it, or with only auxiliaries, adverbs and publication nouns in between.
 */
export function nameBefore(at: number, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number } | null {
  let end = at;
  const before = tokens.filter((t) => t.end <= at).reverse();
  let k = 0;
  let pastPlace = false;
  for (let step = 0; step <= 3; step++) {
    const role = roleBefore(before, k, mentions);
    if (role) return role;
    const m = [...mentions].reverse().find((x) => x.label !== 'NORP' && x.end <= end && end - x.end <= 3);
    // "the Stanford study in Bangladesh found": a place after a preposition is where, not who; the source comes before it.
    const preposition = m ? before.findIndex((t) => t.end <= m.start) : -1;
    if (m && !pastPlace && preposition !== -1 && PLACE_PREPOSITIONS.test(before[preposition]!.text) && before[preposition + 1]) {
      pastPlace = true;
      end = before[preposition]!.start;
      k = preposition + 1;
      continue;
    }
    if (m) return { start: m.start, end: m.end };
    const prev = before[k];
    if (!prev || end - prev.end > 2) return null;
    if (capitalised(prev) && !groupOrOpener(prev, before[k + 1], mentions, tokens)) return { start: prev.start, end: prev.end };
    if (!BETWEEN_SOURCE_AND_VERB.test(prev.text)) return null;
    end = prev.start;
    k++;
  }
  return null;
}

/** Offices that speak for someone identifiable: "Israel's defense minister said", "the White House press secretary said". */
const ROLES = /^(?:minister|secretary|spokesman|spokeswoman|spokesperson|director|chief|general|commander|ambassador|governor|senator|congressman|congresswoman|mayor|president|ceo|chairman|chairwoman|chair|administrator|commissioner|attorney|prosecutor|sheriff|adviser|advisor|envoy)$/i;

/**
 * An office named before a reporting verb, with whose office it is: "Israel's defense minister",
 * "the white house press secretary". The words before the office (nouns, adjectives, names, a
 * possessive) belong to it; one of them must be a name, or "my cousin's boss said" would be a
 * source (so "the inspector general's report says" names no source yet).
 */
function roleBefore(before: readonly Token[], k: number, mentions: readonly Mention[]): { start: number; end: number } | null {
  const role = before[k];
  if (!role || !ROLES.test(role.text)) return null;
  let first = k;
  while (first + 1 < before.length && first - k < 5 && (['NOUN', 'PROPN', 'ADJ'].includes(before[first + 1]!.pos) || /^['’]s$/.test(before[first + 1]!.text))) first++;
  // "A wise Indian chief once said": an indefinite office, and a people is no name of whose office it is.
  if (/^(a|an)$/i.test(before[first + 1]?.text ?? '')) return null;
  const inside = (t: Token, m: Mention) => m.start <= t.start && t.end <= m.end;
  const named = before.slice(k, first + 1).some((t) => mentions.some((m) => m.label !== 'NORP' && inside(t, m)) || (capitalised(t) && !mentions.some((m) => inside(t, m))));
  return named ? { start: before[first]!.start, end: role.end } : null;
}

/** "He said “…”", "She also wrote “…”": a quotation after the verb, by the person a pronoun refers to. */
export function speakerOfQuote(verb: Token, text: string, offset: number, tokens: readonly Token[]): { start: number; end: number } | null {
  if (!/["“][^"“”]{12,}/.test(text.slice(verb.end - offset))) return null;
  const before = tokens.filter((t) => t.end <= verb.start).reverse();
  const subject = before.find((t) => !BETWEEN_SOURCE_AND_VERB.test(t.text));
  return subject && /^(he|she)$/i.test(subject.text) ? { start: subject.start, end: subject.end } : null;
}

/** A name right after a reporting verb in an inverted attribution ("…, said Vaughan."). */
export function nameAfterVerb(verb: Token, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number } | null {
  // Only after a comma or a closing quotation mark: in "the polls say Trump is …" Trump is what is said, not who says it.
  const i = tokens.indexOf(verb);
  if (!/^[,"”'’]$/.test(tokens[i - 1]?.text ?? '')) return null;
  const m = mentions.find((x) => x.label !== 'NORP' && x.start >= verb.end && x.start - verb.end <= 2);
  if (m) return { start: m.start, end: m.end };
  return capitalised(tokens[i + 1]) ? capitalisedRun(tokens, i + 1) : null;
}

/** A name right after an attribution phrase ("according to [AP]"). */
export function nameAfter(at: number, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number } | null {
  const m = mentions.find((x) => x.label !== 'NORP' && x.start >= at && x.start - at <= 6);
  if (m) return { start: m.start, end: m.end };
  // "according to the Congressional Record": capitalised words, after a determiner if there is one.
  let i = tokens.findIndex((t) => t.start >= at);
  if (i !== -1 && /^(the|a|an)$/i.test(tokens[i]!.text)) i++;
  if (!capitalised(tokens[i], true) || tokens[i]!.start - at > 6) return null;
  return capitalisedRun(tokens, i, true);
}

/** Labels of entities that can be the source before a colon ("Reuters: …"); a country or place before a colon is a topic ("Iraq: …"). */
const SOURCE_LABELS = new Set(['PERSON', 'ORG']);

/**
 * "Reuters: 12 people died", "Straight from the CDC website: …", "This was confirmed by the
 * Pentagon: …": a short lead-in naming a person or organisation, then a colon and the claim.
 */
export function sourceBeforeColon(text: string, offset: number, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number; statementAt: number } | null {
  // The colon may touch the quotation it introduces ("From the Princeton website :\"Princeton's …").
  const colon = text.search(/:(?=\s|["“])/);
  if (colon === -1) return null;
  const lead = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (lead.split(/\s+/).filter(Boolean).length > 8 || rest.split(/\s+/).filter(Boolean).length < 3 || /["“]/.test(lead)) return null;
  // A slogan opening with a bare verb ("Vote Republican 2016: …", "Remember Benghazi: …") names no source.
  if (nlp(lead).has('^#Infinitive')) return null;
  const end = offset + colon;
  const statementAt = end + 1;
  const m = [...mentions].reverse().find((x) => SOURCE_LABELS.has(x.label) && x.start >= offset && x.end <= end);
  if (m) return { start: m.start, end: m.end, statementAt };
  const name = [...tokens].reverse().find((t) => t.end <= end && capitalised(t) && !mentions.some((x) => x.start <= t.start && t.end <= x.end) && !dictionaryOpener(t, tokens));
  return name ? { start: name.start, end: name.end, statementAt } : null;
}
