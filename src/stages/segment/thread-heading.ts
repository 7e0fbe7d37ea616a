import type { Line } from './lines.js';
import { isCommentsHeading, isDateLine, isFooter, isThreadChrome } from './patterns.js';
import type { Segment } from './types.js';

/**
 * The lines that open a thread before its first comment: boilerplate above a heading (a printed
 * page's running head), the heading ("42 Comments", "From the mailbag"), its underline, the tabs or
 * note in its paragraph, and tabs or sort controls right under it. All are footers.
 */

/**
 * How many lines under a thread heading belong to it: the rest of the heading's paragraph, when
 * it is a row of tabs (at most five lines of one or two words each without sentence punctuation:
 * "Chat" / "Shared") or a note about the comments (up to three lines, the first naming them: "Reader
 * e-mails about this story, as received."). A comment does not follow its list's heading without
 * a blank line or a header.
 */
function headingRestLength(lines: readonly Line[]): number {
  let n = 0;
  while (n < lines.length && !lines[n]!.blank) n++;
  if (n === 0 || n > 5 || n === lines.length) return 0;
  const rest = lines.slice(0, n);
  if (rest.every((l) => /^[\p{L}\p{N}&'’-]+(?: [\p{L}\p{N}&'’-]+)?$/u.test(l.content))) return n;
  // A note may wrap over three lines; its first names what follows.
  return n <= 3 && namesTheComments(rest[0]!.content) && rest.every((l) => l.content.split(/\s+/).length <= 20) ? n : 0;
}

/** Whether a note speaks of the comments it introduces ("Reader e-mails about this story", "Reader comments quoted in Study 2"). */
export function namesTheComments(text: string): boolean {
  return /\b(?:readers?['’]?|comments?|letters?|e-?mails?|messages?|responses?|replies)\b/i.test(text);
}

/** Splits the heading lines off the start of a thread's lines: the heading's footers, and the lines after them. */
export function takeHeading(lines: readonly Line[]): { heading: Segment[]; rest: readonly Line[] } {
  let threadLines = lines;
  const heading: Segment[] = [];
  const take = (n: number) => {
    for (const l of threadLines.slice(0, n)) if (!l.blank) heading.push({ start: l.contentStart, end: l.contentEnd, kind: 'footer' });
    threadLines = threadLines.slice(n);
  };
  // Boilerplate above the heading (a printed page's running head) belongs to the thread's preamble.
  const headingAt = threadLines.findIndex((l) => !l.blank && !isFooter(l.content) && !isDateLine(l.content));
  if (headingAt > 0 && isCommentsHeading(threadLines[headingAt]!.content)) take(headingAt);
  if (threadLines[0] === undefined || !isCommentsHeading(threadLines[0].content)) return { heading, rest: threadLines };
  take(1);
  // A heading underlined in plain-text or Markdown style ("162 thoughts on …" / "-----").
  const underline = threadLines[0];
  if (underline !== undefined && /^(?:-{3,}|={3,})$/.test(underline.content)) take(1);
  // Tabs or a note right under it ("Discussion about this post" / "Comments" / "Restacks"; "Chat" / "Shared"; "Reader e-mails about this story").
  take(headingRestLength(threadLines));
  while (threadLines[0] !== undefined && !threadLines[0].blank && (isCommentsHeading(threadLines[0].content) || isThreadChrome(threadLines[0].content))) take(1);
  return { heading, rest: threadLines };
}
