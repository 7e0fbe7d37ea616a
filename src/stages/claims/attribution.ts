import type { ClaimLexicons } from './lexicons.js';
import { DASH_SIGNATURE, nameAfter, nameAfterVerb, nameBefore, signedBy, sourceBeforeColon, speakerOfQuote } from './source-names.js';
import { findPhrase, firstPhrase, plain } from './text-match.js';
import type { Cue, Mention, Source, Token } from './types.js';

/** A web link written out ("https://…", "www.…"). */
const WEB_LINK = String.raw`(?:https?:\/\/|www\.)\S+`;
/** A link or a bare domain ("cdc.gov", "example.org/jets"). */
const URL = new RegExp(String.raw`\b${WEB_LINK}|\b[\w-]+\.(?:com|org|net|gov|edu|co\.uk|info)(?:\/\S*)?`, 'i');
/** A line that is only a link, perhaps announced ("Here's the link: https://…"). */
const LINK_LINE = new RegExp(String.raw`^(?:(?:here'?s|here is) the (?:link|source)\s*:?\s*|link\s*:\s*)?${WEB_LINK}$`, 'i');
const QUOTED = /["“]([^"“”]{12,})["”]/g;
/** A chapter-and-verse citation of a document: "Deuteronomy 22:28", "Leviticus 25:44", "John 3:16". */
const CITATION = /\b\p{Lu}\p{L}+\s+\d{1,3}:\d{1,3}(?:-\d{1,3})?\b/u;
/**
 * A document or a part of one, as the subject of what it says, gives or forbids: "Article 1 Section 8
 * gives Congress …", "page 212 of the ACA requires …", "the Geneva Conventions forbid …", "the 14th
 * Amendment says …". Group 1 is the document.
 */
const DOCUMENT_SAYS = new RegExp(
  String.raw`\b((?:(?:article|section|clause|title|chapter|page|paragraph)\s+[0-9]+[a-z]?(?:\s+(?:section|clause|paragraph)\s+[0-9]+)?(?:\s+of\s+(?:the\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)?)` +
    String.raw`|(?:the\s+)?(?:\d+(?:st|nd|rd|th)|first|second|fifth|tenth|thirteenth|fourteenth|fifteenth|nineteenth)\s+amendment` +
    String.raw`|the\s+(?:us\s+|u\.s\.\s+)?constitution|the\s+bill\s+of\s+rights|the\s+geneva\s+conventions?)` +
    String.raw`\s+(?:clearly\s+|specifically\s+|explicitly\s+|also\s+|only\s+)?(?:says|said|states|stated|gives|gave|requires|required|forbids|forbid|prohibits|prohibit|allows|allow|lets|guarantees|guarantee|bans|ban|protects|protect|mandates|provides|grants|defines|reads|specifies)\b`,
  'i',
);

/** Introduces the next sentence's source: "If Voltaire is right..", "Reuters:", "According to AP:". */
const INTRODUCERS = [
  /^(?:if|as|when)\s+.+\s+(?:is|was|are)\s+(?:right|correct|true|to be believed|telling the truth)\b/i,
  /:\s*$/,
  // "Here's what the BBC reported.", "Listen to what Musk told Tucker."
  /^(?:here'?s|here is|this is|listen to|look at|read|check out|watch) what .+ (?:said|says|reported|reports|wrote|writes|found|told|posted|tweeted)\b/i,
  // "Obama said it himself in 2014." (a name: capitalised)
  /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?\s+(?:said|admitted|confirmed|wrote|tweeted)\s+(?:it|this|so|as much)\b/u,
  // "Here is a quote from Obama.", "This is from the CDC website.", "Straight from Reuters.", "Per the CBO."
  /^(?:(?:here'?s|here is|this is|this was|that's|that is|it's|it is|it was)\s+)?(?:(?:a|the|an)\s+(?:quote|statement|excerpt|passage|story|report|article|piece)\s+)?(?:straight\s+|directly\s+)?(?:from|per|via|according to|courtesy of)\s+\S[^,;:]{0,60}$/i,
  // "Just saw this on Fox News.", "I read it in the Times."
  /^(?:just\s+|i\s+(?:just\s+)?)?(?:saw|heard|read|found)\s+(?:this|it)\s+(?:on|in|at)\s+\S[^,;:]{0,60}$/i,
  // "Reuters reported this morning.": the sentence is only the attribution.
  /^\S+(?:\s+\S+){0,3}\s+(?:reported|reports|said|says|wrote|writes|posted|tweeted|announced)(?:\s+(?:this|that|it|today|yesterday|this morning|last night|earlier))*$/i,
];

/**
 * The page's own article named as the source: "the article says", "what the article on the USNI
 * web says", "the story plainly stated", "according to this article".
 */
const ARTICLE_REFERENCE = /\b(?:according to (?:the|this) (?:article|story|headline)\b|(?:from|in) (?:the|this) (?:article|story|headline)\s*[:\-–—]|(?:the|this) (?:article|story|headline)(?: on [^,.;]{1,40}?)?(?:,? it)?(?: \w+ly| even| also)? (?:says|said|states|stated|mentions|mentioned|reports|reported|notes|noted|shows|showed|points out|explains|explained|reads)\b)/i;

/** A lead-in that quotes from a source: "From the Harvard website:", "Straight from the CDC:", "Quote from Reagan:". */
const QUOTED_FROM = /^\W*(?:(?:straight|directly) from|from|quote from|quoting|according to|per)\b[^:]*:/i;

/** Verbs of publishing a story, and what is published ("ran a story", "had a piece", "aired a segment"). */
const PUBLISHED = /^(?:ran|runs|had|has|published|publishes|aired|did|carried)$/i;
const STORY = /^(?:story|stories|piece|article|report|segment|op-ed|editorial|interview|expose|feature)$/i;
/** Reporting in the progressive: "is reporting", "are saying". */
const REPORTING_NOW = /^(?:reporting|saying|claiming|stating|confirming|admitting|showing|announcing|writing)$/i;

/** "Read the Constitution, …", "Check Wikipedia: …", "Look it up in the Congressional Record, …": sends the reader to a source. */
const POINTER = /^(?:just |go |please )?(?:read|check|see|consult|look at|look it up (?:on|in))\s+/i;

/** Normalises text for comparing a quotation with the article: lowercase, plain quotes, single spaces. */
const squash = (s: string) => plain(s).replace(/["']/g, '').replace(/\s+/g, ' ').trim();

export interface Attribution {
  source: Source | null;
  cues: Cue[];
  /** The sentence opens by sending the reader to the source ("Read the Constitution, …"): its imperative asks for no action. */
  pointsToSource?: boolean;
  /** The source also covers the next sentences of the comment (a cited passage quoted over several sentences). */
  carriesOn?: boolean;
  /** Where the statement begins (absolute offset) when the words before it only name the source ("Reuters: …", "I will try again, From the Princeton website: …"). */
  statementAt?: number;
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
  const attributed = (says: string): Cue => ({ id: 'attributed', says, count: 1 });
  /** The words of a span given in absolute offsets. */
  const spanText = (span: { start: number; end: number }) => text.slice(span.start - offset, span.end - offset);
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

  const cited = ARTICLE_REFERENCE.exec(text);
  if (cited) {
    const article = /(?:the|this) (?:article|story|headline)/i.exec(cited[0])!;
    const start = offset + cited.index + article.index;
    // "Read the article, it says …": the imperative only points to the source.
    return { source: { kind: 'article', start, end: start + article[0].length }, cues: [attributed(`attributed to the article ('${cited[0]}')`)], pointsToSource: POINTER.test(text) };
  }

  const signed = signedBy(text, offset, mentions);
  if (signed) return { source: { kind: 'named', ...signed }, cues: [attributed(`names its source after it ('${spanText(signed)}')`)] };

  const citation = CITATION.exec(text);
  if (citation) {
    const start = offset + citation.index;
    return { source: { kind: 'named', start, end: start + citation[0].length }, cues: [attributed(`cites a document ('${citation[0]}')`)], carriesOn: true };
  }

  const document = DOCUMENT_SAYS.exec(text);
  if (document) {
    const start = offset + document.index + document[0].indexOf(document[1]!);
    return { source: { kind: 'named', start, end: start + document[1]!.length }, cues: [attributed(`cites a document ('${document[1]}')`)] };
  }

  const pointer = POINTER.exec(text);
  if (pointer) {
    const name = nameAfter(offset + pointer[0].length, mentions, tokens);
    // Only when a statement follows the pointer ("Read the Constitution, Article II gives …"), not a bare "See NFL".
    const statement = name ? /^[^,:;]*[,:;]\s*(\S+\s+){2,}\S/.test(text.slice(name.end - offset)) : false;
    if (name && statement) return { source: { kind: 'named', ...name }, pointsToSource: true, cues: [attributed(`points to a source ('${text.slice(0, name.end - offset)}')`)] };
  }

  const vague = firstPhrase(lower, lexicons.vagueAttribution);
  if (vague) cues.push({ id: 'vague-attribution', says: `vague attribution ('${vague.phrase}') — not a source`, count: 1 });

  const phrase = firstPhrase(lower, lexicons.attributionPhrases);
  if (phrase) {
    const name = nameAfter(offset + phrase.at + phrase.phrase.length, mentions, tokens);
    if (name) return { source: { kind: 'named', ...name }, cues: [...cues, attributed(`attributed ('${phrase.phrase} ${spanText(name)}')`)] };
  }

  for (const [i, t] of tokens.entries()) {
    if (!lexicons.reportingVerbs.has(t.text.toLowerCase()) && !reportsLikeSaid(tokens, i)) continue;
    if (insideName(tokens, i, text)) continue;
    // "X said …" or, inverted after a quotation or clause, "…, said X"; "She said “…”" quotes
    // the person the thread is about.
    const name = nameBefore(t.start, mentions, tokens) ?? nameAfterVerb(t, mentions, tokens) ?? speakerOfQuote(t, text, offset, tokens);
    if (name) {
      const quoted = /["“]/.test(text);
      const kind = quoted ? 'quote' : 'named';
      return { source: { kind, ...name }, cues: [...cues, attributed(`attributed to a named source ('${spanText({ start: name.start, end: t.end })}')${quoted ? ' with a quotation' : ''}`)] };
    }
  }
  const lead = sourceBeforeColon(text, offset, mentions, tokens);
  // "From the Harvard website: …" quotes a passage that may run on over the next sentences ("● Aid is based …").
  if (lead) {
    const { statementAt, ...name } = lead;
    return { source: { kind: 'named', ...name }, cues: [...cues, attributed(`names its source before a colon ('${spanText(name)}:')`)], carriesOn: QUOTED_FROM.test(text), statementAt };
  }
  return { source: null, cues };
}

/**
 * Whether the word at `i` reports like "said" without being a reporting verb: "As Reagan put it, …",
 * "the NYT ran a story that …", "Politico had a piece saying …", "WSJ is reporting that …", "the
 * latest Quinnipiac poll has Biden down 4".
 */
function reportsLikeSaid(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.text;
  const next = tokens[i + 1]?.text ?? '';
  const previous = tokens[i - 1]?.text ?? '';
  if (/^put$/i.test(word) && /^it$/i.test(next)) return true;
  if (PUBLISHED.test(word) && (STORY.test(next) || (/^(?:a|an|this|the)$/i.test(next) && STORY.test(tokens[i + 2]?.text ?? '')))) return true;
  if (REPORTING_NOW.test(word) && /^(?:is|are|was|were)$/i.test(previous)) return true;
  return /^(?:has|had)$/i.test(word) && /^(?:poll|survey|study|report|audit|census)$/i.test(previous);
}

/**
 * Whether the word at `i` is capitalised in mid-sentence after another capitalised word, in a
 * sentence not written in capitals: part of a name ("other Eastern States may have tried",
 * "Fox Reports"), not a reporting verb.
 */
function insideName(tokens: readonly Token[], i: number, text: string): boolean {
  const capital = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
  return i > 0 && capital(tokens[i]) && capital(tokens[i - 1]) && text !== text.toUpperCase();
}

/** "Source: CNN", "Sources: …", "via Reuters", or a URL alone ("Here's the link: https://…"): a line naming the source of what came before it. */
export function isSourceLine(text: string): boolean {
  const t = text.trim();
  return /^(?:sources?|via|credit|ref)\s*:?\s+\S/i.test(t) || DASH_SIGNATURE.test(t) && /^[-—–~]/.test(t) || LINK_LINE.test(t);
}

/** Does this sentence introduce a source for the next one ("If Voltaire is right..")? */
export function introducesSource(text: string, offset: number, mentions: readonly Mention[], tokens: readonly Token[]): Source | null {
  const trimmed = text.trim().replace(/\.+$/, '');
  if (!INTRODUCERS.some((introducer) => introducer.test(trimmed))) return null;
  const named = mentions.find((m) => m.label !== 'NORP');
  if (named) return { kind: 'named', start: named.start, end: named.end };
  const proper = tokens.find((t) => t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && t.start > offset);
  return proper ? { kind: 'named', start: proper.start, end: proper.end } : null;
}

export { squash, findPhrase };
