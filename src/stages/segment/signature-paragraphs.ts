import type { Line } from './lines.js';
import { isFooter, isThreadChrome } from './patterns.js';

/**
 * Two-line signatures after the comment's text: a name of one to three words, then a line about
 * the writer or the message. A newspaper's round-up of readers' comments prints each as a
 * paragraph of its own, an empty line after the text: the reader's name and place in newspaper
 * style ("Gman1234" / "Brooklyn", "AdmissionsRevolution" / "Madison, Wis."). Reader e-mails pasted
 * one after another end with the sender's name and the mail app's tagline, directly under the
 * text ("RayzorRay" / "Sent from my iPhone"): there the signature closes the text's paragraph.
 */

/** A user name: one to three words, no sentence punctuation. */
const NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.'’-]*(?: [\p{L}\p{N}_][\p{L}\p{N}_.'’-]*){0,2}$/u;
/** A place: capitalised words (at most four), optionally ", St." or ", State" ("Boulder, Colo.", "Brooklyn", "St. Louis"). */
const PLACE = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?$/u;
/**
 * The taglines mail apps put under a message ("Sent from my iPhone", "Get Outlook for Android",
 * "Sent from Yahoo Mail on Android", "Sent with ProtonMail"): the programs' fixed words.
 */
const MAIL_TAGLINE = /^(?:sent (?:from|with|via|using) (?:my )?\S.{0,60}|get outlook for (?:ios|android)|sent from mail for windows(?: \d+)?)$/i;
/**
 * A reference to the comment in APA style closing its quotation in a study's appendix: "user. (2016,
 * June 24). Re: <title> [Web log comment]. Retrieved from <URL>". The writer is the part before ". (".
 */
const CITATION = /^(\S+(?: \S+){0,3})\. \(\d{4}, \p{L}+ \d{1,2}\)\. .{1,300}\[(?:web log|blog|online forum|online) comment\]\. (?:retrieved from|https?:\/\/)/iu;

/**
 * A quotation page's source line under each quotation, as Wikiquote writes one: "user, comment on
 * "<headline>", Fox News, 16 June 2016". The writer is the part before the first comma.
 */
const QUOTE_SOURCE = /^([^,"“”]{1,40}), (?:comment|reply|post|response|remark)s? (?:on|to|under|at) ["“‘'].{1,300}["”’'],? .{1,80}$/iu;

/** The writer an APA reference or a quotation's source line names, or null. */
export function citationAuthor(content: string): string | null {
  return CITATION.exec(content)?.[1] ?? QUOTE_SOURCE.exec(content)?.[1] ?? null;
}

/** The fewest signatures that make a page's layout. */
const MIN_SIGNATURES = 3;

/** Paragraphs of the lines: runs of non-blank lines, as [first, last] line indices. */
function paragraphs(lines: readonly Line[]): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.blank) continue;
    const first = i;
    while (i + 1 < lines.length && !lines[i + 1]!.blank) i++;
    found.push([first, i]);
  }
  return found;
}

/**
 * The first lines of the page's stand-alone signatures, each with its length in lines (2), or
 * null when the page has fewer than three or its thread does not read as text-then-signature:
 * text must stand before the first signature and between most pairs of them.
 */
export function findSignatureParagraphs(lines: readonly Line[]): Map<Line, number> | null {
  const paras = paragraphs(lines);
  const isName = (i: number) => NAME.test(lines[i]!.content) && !isThreadChrome(lines[i]!.content);
  const isSignature = ([first, last]: [number, number]) => {
    if (last !== first + 1) return false;
    const name = lines[first]!.content;
    const place = lines[last]!.content;
    return isName(first) && (MAIL_TAGLINE.test(place) || (PLACE.test(place) && !isFooter(place))) && name !== place;
  };
  // A mail signature closing the paragraph of the text.
  const closesText = ([first, last]: [number, number]) => last - first >= 2 && isName(last - 1) && MAIL_TAGLINE.test(lines[last]!.content);
  const standalone = paras.flatMap((p, k) => (isSignature(p) ? [k] : []));
  // Text before the first signature, and between most neighbours (a comment is seldom empty).
  const textBetween = standalone.slice(1).filter((k, n) => k - standalone[n]! > 1).length;
  const found = standalone.length >= MIN_SIGNATURES && standalone[0]! > 0 && textBetween * 3 >= (standalone.length - 1) * 2 ? standalone.map((k) => paras[k]![0]) : [];
  const closing = paras.filter(closesText).map(([, last]) => last - 1);
  // A reference closing the quotation, one line.
  const cited = paras.filter(([first, last]) => last > first && citationAuthor(lines[last]!.content) !== null).map(([, last]) => last);
  if (closing.length + found.length + cited.length < MIN_SIGNATURES) return null;
  const length = new Map<number, number>([...found.map((i): [number, number] => [i, 2]), ...closing.map((i): [number, number] => [i, 2]), ...cited.map((i): [number, number] => [i, 1])]);
  return new Map([...length].sort(([a], [b]) => a - b).map(([i, n]) => [lines[i]!, n]));
}
