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
  if (closing.length + found.length < MIN_SIGNATURES) return null;
  return new Map([...found, ...closing].sort((a, b) => a - b).map((i) => [lines[i]!, 2]));
}
