import type { Line } from './lines.js';
import { isDateLine } from './patterns.js';
import type { ThreadLine } from './thread.js';

/** Lines between a header and its comment's text that still belong to the header (parseStructuredThread). */

/** A social network's note of whom a reply answers: "Replying to @user", "Replying to @a, @b and @c". */
const REPLYING_TO = /^replying to @[\w.]+(?:(?:,| and) @[\w.]+)*$/i;

/**
 * How many lines right under a header (line `i`, its last line) still belong to it: link
 * buttons printed between the header and the text ("Permalink"), and a subject line that the text
 * under it repeats, which comment systems fill with the comment's first words when the writer
 * gave none (Drupal: "BLM is a terrorist" over "BLM is a terrorist organization funded by …").
 * Only lines with no blank line between them and the header, and only while text follows.
 */
export function headerTail(body: readonly Line[], kinds: readonly (ThreadLine | null)[], i: number, badges: ReadonlySet<string>): number {
  let j = i + 1;
  // A badge some writers carry, under their name ("Top fan"), with text under it.
  if (j + 1 < body.length && !body[j]!.blank && badges.has(body[j]!.content) && !body[j + 1]!.blank) j++;
  // A subject of capitalised words may pass for a name line above text ("However the Palestinkian"): any line but buttons counts.
  const adjacentText = (k: number) => k < body.length && !body[k]!.blank && kinds[k]?.type !== 'chrome';
  // A bare count there ("22" recommendations) stays the widget's number, a footer like the buttons under the text.
  while (j < body.length && !body[j]!.blank && kinds[j]?.type === 'chrome' && /\p{L}/u.test(body[j]!.content) && adjacentText(j + 1)) j++;
  // The post's time stamp under a one-line header, with text under it ("user added a comment." / "Jun 24 2016, 10:11 AM").
  if (j === i + 1 && j + 1 < body.length && !body[j]!.blank && isDateLine(body[j]!.content) && adjacentText(j + 1)) j++;
  // Whom the post answers, with text under it ("Replying to @FoxNews", "Replying to @mdr1975 and @FoxNews").
  if (j + 1 < body.length && !body[j]!.blank && REPLYING_TO.test(body[j]!.content) && adjacentText(j + 1)) j++;
  const subject = body[j];
  const text = body[j + 1];
  // Cut at a word's end: what follows in the text is not a letter or digit ("… a huge debate" over "… a huge debate; but").
  const repeats = (t: string, cut: string) => t.startsWith(cut) && !/^[\p{L}\p{N}]/u.test(t.slice(cut.length));
  if (adjacentText(j) && adjacentText(j + 1) && subject!.content.length >= 2 && repeats(text!.content, subject!.content)) j++;
  return j - (i + 1);
}

/**
 * Badges printed under some writers' names ("Top fan", "Verified"): a short line (three words at
 * most, no sentence punctuation) that stands right under a one-line header three times or more.
 * A comment's first words seldom repeat like that.
 */
export function headerBadges(body: readonly Line[], kinds: readonly (ThreadLine | null)[]): Set<string> {
  const counts = new Map<string, number>();
  kinds.forEach((t, i) => {
    const below = body[i + 1];
    if (t?.type !== 'header' || t.lines !== undefined || t.textStart !== undefined || below === undefined || below.blank) return;
    if (below.content.split(/\s+/).length > 3 || /[.!?:,;]$/.test(below.content) || kinds[i + 1]?.type !== 'text') return;
    counts.set(below.content, (counts.get(below.content) ?? 0) + 1);
  });
  return new Set([...counts].filter(([, n]) => n >= 3).map(([text]) => text));
}
