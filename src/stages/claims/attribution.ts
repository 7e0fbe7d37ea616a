import { isEnglishWord } from '../../gazetteer/fuzzy.js';
import type { ClaimLexicons } from './lexicons.js';
import { findPhrase, firstPhrase, plain } from './text-match.js';
import type { Cue, Mention, Source, Token } from './types.js';

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|org|net|gov|edu|co\.uk|info)(?:\/\S*)?/i;
const QUOTED = /["“]([^"“”]{12,})["”]/g;
/** A chapter-and-verse citation of a document: "Deuteronomy 22:28", "Leviticus 25:44", "John 3:16". */
const CITATION = /\b\p{Lu}\p{L}+\s+\d{1,3}:\d{1,3}(?:-\d{1,3})?\b/u;
/** Introduces the next sentence's source: "If Voltaire is right..", "Reuters:", "According to AP:". */
const INTRODUCER = /^(?:if|as|when)\s+.+\s+(?:is|was|are)\s+(?:right|correct|true|to be believed)\b|:\s*$/i;

/** "Read the Constitution, …", "Check Wikipedia: …", "Look it up in the Congressional Record, …": sends the reader to a source. */
const POINTER = /^(?:just |go |please )?(?:read|check|see|consult|look at|look it up (?:on|in))\s+/i;

/** A name of up to five capitalised words ("Ronald Reagan", "Reuters", "New York Times"). */
const NAME = String.raw`\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}.'’&-]*){0,4}`;
/** "- Ronald Reagan", "—Reuters" at the end of a sentence or as a line of its own, after a quotation or a statement. */
const DASH_SIGNATURE = new RegExp(String.raw`(?:^|\s)[-—–~]+\s*(${NAME})\s*\.?$`, 'u');
/** "(Reuters)", "(Reagan, 1981)", "[source: Reuters]" closing a sentence. */
const BRACKET_CITATION = new RegExp(String.raw`[(\[](?:sources?:\s*)?(${NAME})(?:,\s*\d{4})?[)\]]\s*\.?$`, 'u');

/**
 * A source named after the statement: a dash signature ("… - Reuters", a line "—Ronald Reagan")
 * or a citation in brackets ("(Reuters)", "(Reagan, 1981)"). A country or people is the topic
 * ("(Iraq)"), not the source.
 */
function signedBy(text: string, offset: number, mentions: readonly Mention[]): { start: number; end: number } | null {
  const trimmed = text.replace(/\s+$/, '');
  const m = DASH_SIGNATURE.exec(trimmed) ?? BRACKET_CITATION.exec(trimmed);
  if (!m) return null;
  const start = offset + m.index + m[0].indexOf(m[1]!);
  const end = start + m[1]!.replace(/[.]$/, '').length;
  if (mentions.some((x) => !SOURCE_LABELS.has(x.label) && x.start <= start && end <= x.end)) return null;
  return { start, end };
}

/** Normalises text for comparing a quotation with the article: lowercase, plain quotes, single spaces. */
const squash = (s: string) => plain(s).replace(/["']/g, '').replace(/\s+/g, ' ').trim();

export interface Attribution {
  source: Source | null;
  cues: Cue[];
  /** The sentence opens by sending the reader to the source ("Read the Constitution, …"): its imperative asks for no action. */
  pointsToSource?: boolean;
  /** The source also covers the next sentences of the comment (a cited passage quoted over several sentences). */
  carriesOn?: boolean;
}

/**
 * Words that may stand between a source and its reporting verb: auxiliaries and adverbs
 * ("Obama has said", "Putin once stated", "Trump himself admitted") and what the source
 * published ("the FBI's own statistics show", "CDC data shows").
 */
const BETWEEN_SOURCE_AND_VERB = /^(?:has|have|had|once|also|even|just|recently|publicly|openly|repeatedly|already|clearly|himself|herself|itself|themselves|own|'s|’s|report|reports|study|studies|data|statistics|stats|figures|records|numbers|poll|polls|survey|website|article|site|emails|words|speech|book|tweet|tweets|memo|documents|letter|testimony|literally|actually|specifically|explicitly|directly|famously|treaty|charter|act|resolution|ruling|guidelines|rules|policy|spokesman|spokeswoman|spokesperson|official|officials)$/i;

/**
 * Whether a capitalised word is no name of a source: a dictionary word opening the sentence ("Studies show"),
 * a group ("the Jews say", a demonym) or a plural after "the".
 */
function groupOrOpener(word: Token, previous: Token | undefined, mentions: readonly Mention[], tokens: readonly Token[]): boolean {
  // A first word is capitalised anyway: "Studies show" is no name, "Snopes says" is.
  if (word === tokens[0] && isEnglishWord(word.text.toLowerCase())) return true;
  if (mentions.some((x) => x.label === 'NORP' && x.start <= word.start && word.end <= x.end)) return true;
  return /^the$/i.test(previous?.text ?? '') && /[^'’]s$/.test(word.text);
}

/**
 * A capitalised name or a named (non-NORP) entity before `at`, the start of a reporting verb:
 * right before it, or with only auxiliaries, adverbs and publication nouns in between.
 */
function nameBefore(at: number, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number } | null {
  let end = at;
  const before = tokens.filter((t) => t.end <= at).reverse();
  for (let k = 0; k <= 3; k++) {
    const m = [...mentions].reverse().find((x) => x.label !== 'NORP' && x.end <= end && end - x.end <= 3);
    if (m) return { start: m.start, end: m.end };
    const prev = before[k];
    if (!prev || end - prev.end > 2) return null;
    if (prev.pos === 'PROPN' && /^\p{Lu}/u.test(prev.text) && !groupOrOpener(prev, before[k + 1], mentions, tokens)) return { start: prev.start, end: prev.end };
    if (!BETWEEN_SOURCE_AND_VERB.test(prev.text)) return null;
    end = prev.start;
  }
  return null;
}

/** "He said “…”", "She also wrote “…”": a quotation after the verb, by the person a pronoun refers to. */
function speakerOfQuote(verb: Token, text: string, offset: number, tokens: readonly Token[]): { start: number; end: number } | null {
  if (!/["“][^"“”]{12,}/.test(text.slice(verb.end - offset))) return null;
  const before = tokens.filter((t) => t.end <= verb.start).reverse();
  const subject = before.find((t) => !BETWEEN_SOURCE_AND_VERB.test(t.text));
  return subject && /^(he|she)$/i.test(subject.text) ? { start: subject.start, end: subject.end } : null;
}

/** A name right after a reporting verb in an inverted attribution ("…, said Vaughan."). */
function nameAfterVerb(verb: Token, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number } | null {
  // Only after a comma or a closing quotation mark: in "the polls say Trump is …" Trump is what is said, not who says it.
  const i = tokens.indexOf(verb);
  if (!/^[,"”'’]$/.test(tokens[i - 1]?.text ?? '')) return null;
  const m = mentions.find((x) => x.label !== 'NORP' && x.start >= verb.end && x.start - verb.end <= 2);
  if (m) return { start: m.start, end: m.end };
  const next = tokens[i + 1];
  if (!next || next.pos !== 'PROPN' || !/^\p{Lu}/u.test(next.text)) return null;
  let end = i + 1;
  while (tokens[end + 1]?.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[end + 1]!.text)) end++;
  return { start: next.start, end: tokens[end]!.end };
}

/** A name right after an attribution phrase ("according to [AP]"). */
function nameAfter(at: number, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number } | null {
  const m = mentions.find((x) => x.label !== 'NORP' && x.start >= at && x.start - at <= 6);
  if (m) return { start: m.start, end: m.end };
  // "according to the Congressional Record": capitalised words, after a determiner if there is one.
  let i = tokens.findIndex((t) => t.start >= at);
  if (i !== -1 && /^(the|a|an)$/i.test(tokens[i]!.text)) i++;
  const capitalised = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN');
  if (!capitalised(tokens[i]) || tokens[i]!.start - at > 6) return null;
  let end = i;
  while (capitalised(tokens[end + 1])) end++;
  return { start: tokens[i]!.start, end: tokens[end]!.end };
}

/** Labels of entities that can be the source before a colon ("Reuters: …"); a country or place before a colon is a topic ("Iraq: …"). */
const SOURCE_LABELS = new Set(['PERSON', 'ORG']);

/**
 * "Reuters: 12 people died", "Straight from the CDC website: …", "This was confirmed by the
 * Pentagon: …": a short lead-in naming a person or organisation, then a colon and the claim.
 */
function sourceBeforeColon(text: string, offset: number, mentions: readonly Mention[], tokens: readonly Token[]): { start: number; end: number } | null {
  const colon = text.search(/:\s/);
  if (colon === -1) return null;
  const lead = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (lead.split(/\s+/).filter(Boolean).length > 8 || rest.split(/\s+/).filter(Boolean).length < 3 || /["“]/.test(lead)) return null;
  const end = offset + colon;
  const m = [...mentions].reverse().find((x) => SOURCE_LABELS.has(x.label) && x.start >= offset && x.end <= end);
  if (m) return { start: m.start, end: m.end };
  const name = [...tokens].reverse().find((t) => t.end <= end && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && !mentions.some((x) => x.start <= t.start && t.end <= x.end) && !(t === tokens[0] && isEnglishWord(t.text.toLowerCase())));
  return name ? { start: name.start, end: name.end } : null;
}

/**
 * Finds who a sentence attributes its content to: a URL, "according to X", "X said/reported"
 * with a named X, a quotation of the article itself, a quotation attributed to a named
 * speaker, or a chapter-and-verse citation ("Deuteronomy 22:28", which also covers the rest of
 * the quoted passage). Vague attribution ("they say", "studies show") is reported as a cue but is no source.
 * Offsets are absolute (UTF-16 code units).
 */
export function findAttribution(text: string, offset: number, tokens: readonly Token[], mentions: readonly Mention[], lexicons: ClaimLexicons, articleText: string): Attribution {
  const cues: Cue[] = [];
  const lower = plain(text);
  const url = URL.exec(text);
  if (url) return { source: { kind: 'url', start: offset + url.index, end: offset + url.index + url[0].length }, cues: [{ id: 'url', says: 'links a source (URL)', count: 1 }] };

  for (const q of text.matchAll(QUOTED)) {
    const quoted = squash(q[1]!);
    const words = quoted.split(' ').length;
    if (words >= 4 && articleText.includes(quoted)) {
      const start = offset + q.index + 1;
      // Repeating a statement of the article asserts it; quoting a short name from it only refers to it.
      return { source: { kind: 'article', start, end: start + q[1]!.length }, cues: [{ id: words >= 6 ? 'quotes-article-statement' : 'quotes-article-name', says: `quotes the article (${words} words)`, count: 1 }] };
    }
  }

  const signed = signedBy(text, offset, mentions);
  if (signed) return { source: { kind: 'named', ...signed }, cues: [{ id: 'attributed', says: `names its source after it ('${text.slice(signed.start - offset, signed.end - offset)}')`, count: 1 }] };

  const citation = CITATION.exec(text);
  if (citation) {
    const start = offset + citation.index;
    return { source: { kind: 'named', start, end: start + citation[0].length }, cues: [{ id: 'attributed', says: `cites a document ('${citation[0]}')`, count: 1 }], carriesOn: true };
  }

  const pointer = POINTER.exec(text);
  if (pointer) {
    const name = nameAfter(offset + pointer[0].length, mentions, tokens);
    // Only when a statement follows the pointer ("Read the Constitution, Article II gives …"), not a bare "See NFL".
    const statement = name ? /^[^,:;]*[,:;]\s*(\S+\s+){2,}\S/.test(text.slice(name.end - offset)) : false;
    if (name && statement) return { source: { kind: 'named', ...name }, pointsToSource: true, cues: [{ id: 'attributed', says: `points to a source ('${text.slice(0, name.end - offset)}')`, count: 1 }] };
  }

  const vague = firstPhrase(lower, lexicons.vagueAttribution);
  if (vague) cues.push({ id: 'vague-attribution', says: `vague attribution ('${vague.phrase}') — not a source`, count: 1 });

  const phrase = firstPhrase(lower, lexicons.attributionPhrases);
  if (phrase) {
    const name = nameAfter(offset + phrase.at + phrase.phrase.length, mentions, tokens);
    if (name) return { source: { kind: 'named', ...name }, cues: [...cues, { id: 'attributed', says: `attributed ('${phrase.phrase} ${text.slice(name.start - offset, name.end - offset)}')`, count: 1 }] };
  }

  for (const [i, t] of tokens.entries()) {
    // "As Reagan put it, …" reports like "said".
    const putIt = t.text.toLowerCase() === 'put' && tokens[i + 1]?.text.toLowerCase() === 'it';
    if (!lexicons.reportingVerbs.has(t.text.toLowerCase()) && !putIt) continue;
    // "X said …" or, inverted after a quotation or clause, "…, said X"; "She said “…”" quotes
    // the person the thread is about.
    const name = nameBefore(t.start, mentions, tokens) ?? nameAfterVerb(t, mentions, tokens) ?? speakerOfQuote(t, text, offset, tokens);
    if (name) {
      const quoted = /["“]/.test(text);
      const kind = quoted ? 'quote' : 'named';
      return { source: { kind, ...name }, cues: [...cues, { id: 'attributed', says: `attributed to a named source ('${text.slice(name.start - offset, t.end - offset)}')${quoted ? ' with a quotation' : ''}`, count: 1 }] };
    }
  }
  const lead = sourceBeforeColon(text, offset, mentions, tokens);
  if (lead) return { source: { kind: 'named', ...lead }, cues: [...cues, { id: 'attributed', says: `names its source before a colon ('${text.slice(lead.start - offset, lead.end - offset)}:')`, count: 1 }] };
  return { source: null, cues };
}

/** "Source: CNN", "Sources: …", "via Reuters", or a URL alone ("Here's the link: https://…"): a line naming the source of what came before it. */
export function isSourceLine(text: string): boolean {
  const t = text.trim();
  return /^(?:sources?|via|credit|ref)\s*:?\s+\S/i.test(t) || DASH_SIGNATURE.test(t) && /^[-—–~]/.test(t) || /^(?:(?:here'?s|here is) the (?:link|source)\s*:?\s*|link\s*:\s*)?(?:https?:\/\/|www\.)\S+$/i.test(t);
}

/** Does this sentence introduce a source for the next one ("If Voltaire is right..")? */
export function introducesSource(text: string, offset: number, mentions: readonly Mention[], tokens: readonly Token[]): Source | null {
  if (!INTRODUCER.test(text.trim().replace(/\.+$/, ''))) return null;
  const named = mentions.find((m) => m.label !== 'NORP');
  if (named) return { kind: 'named', start: named.start, end: named.end };
  const proper = tokens.find((t) => t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && t.start > offset);
  return proper ? { kind: 'named', start: proper.start, end: proper.end } : null;
}

export { squash, findPhrase };
