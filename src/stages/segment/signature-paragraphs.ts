import type { Line } from './lines.js';
import { isFooter, isThreadChrome } from './patterns.js';

/**
 * Signatures that stand alone after the comment's text, an empty line between: a newspaper's
 * round-up of readers' comments prints each one as text, then the reader's name and place
 * ("Gman1234" / "Brooklyn", "AdmissionsRevolution" / "Madison, Wis."). Each is a paragraph of
 * exactly two short lines: a name of one to three words, then a place in newspaper style (capitalised
 * words, optionally a comma and a state, abbreviated or not).
 */

/** A user name: one to three words, no sentence punctuation. */
const NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.'’-]*(?: [\p{L}\p{N}_][\p{L}\p{N}_.'’-]*){0,2}$/u;
/** A place: capitalised words (at most four), optionally ", St." or ", State" ("Boulder, Colo.", "Brooklyn", "St. Louis"). */
const PLACE = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?$/u;
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
  const isSignature = ([first, last]: [number, number]) => {
    if (last !== first + 1) return false;
    const name = lines[first]!.content;
    const place = lines[last]!.content;
    return NAME.test(name) && PLACE.test(place) && !isThreadChrome(name) && !isFooter(place) && name !== place;
  };
  const at = paras.flatMap((p, k) => (isSignature(p) ? [k] : []));
  if (at.length < MIN_SIGNATURES) return null;
  // Text before the first signature, and between most neighbours (a comment is seldom empty).
  const textBetween = at.slice(1).filter((k, n) => k - at[n]! > 1).length;
  if (at[0]! === 0 || textBetween * 3 < (at.length - 1) * 2) return null;
  return new Map(at.map((k) => [lines[paras[k]![0]]!, 2]));
}
