import { blockAuthor, inducedBlockAt, inducedHeader, isInducedButton, type InducedLayout } from './induce.js';
import { inlineHeaderAt } from './inline.js';
import type { Line } from './lines.js';
import { ADDRESSEE_LINE, isDateLine, isFooter, isThreadChrome } from './patterns.js';
import { citationAuthor } from './signature-paragraphs.js';
import { namesTheComments } from './thread-heading.js';
import { docText, Nesting, splitTrailingFooter } from './thread-parts.js';
import type { CommentSegment, Segment } from './types.js';

/** The thread's first paragraph when most of its lines (two at least) are dates, counts or boilerplate, or half of a short one; else none. */
function mastheadParagraph(lines: readonly Line[]): Line[] {
  const first = lines.findIndex((l) => !l.blank);
  if (first === -1) return [];
  let end = first;
  while (end < lines.length && !lines[end]!.blank) end++;
  const paragraph = lines.slice(first, end);
  const widget = paragraph.filter((l) => isDateLine(l.content) || isThreadChrome(l.content) || isFooter(l.content)).length;
  // …or a short one of no sentences with a widget line in it (a group chat's name over "13 people").
  const short = paragraph.length <= 3 && widget >= 1 && widget * 2 >= paragraph.length && paragraph.every((l) => !/[.!?]$/.test(l.content));
  // …or a heading over a note that names the comments ("Appendix C" / "Reader comments quoted in Study 2, …").
  const headed = paragraph.length === 2 && !/[.!?:;,]$/.test(paragraph[0]!.content) && paragraph.every((l) => l.content.split(/\s+/).length <= 20) && namesTheComments(paragraph[1]!.content);
  return end < lines.length && ((widget >= 2 && widget * 2 > paragraph.length) || short || headed) ? paragraph : [];
}

/**
 * Parses a thread whose author line follows the comment ("text" / "— user, Jun 16 2016"): the
 * text since the previous signature belongs to the next one. Comments are flat.
 */
export function parseSignedThread(lines: readonly Line[], text: string, firstIndex: number, induced: InducedLayout): Segment[] {
  const { body, footer } = splitTrailingFooter(lines);
  const segments: Segment[] = [];
  const chrome: Segment[] = [];
  const nesting = new Nesting();
  // The text since the last signature: it belongs to the next one. `indent`: its first line's,
  // which places the comment in the reply tree (talk pages indent replies).
  let pending = null as { start: number; end: number; indent: number } | null;
  // Whether a widget line came after the pending text (set) and no line since (reset by every other line).
  let widgetAfterPending = false;
  const close = ({ start, end, indent }: { start: number; end: number; indent: number }, header: { start: number; end: number } | null, author: string | null) => {
    const index = firstIndex + segments.length;
    const { depth, parent } = nesting.place(indent, index);
    const comment: CommentSegment = { start, end, kind: 'comment', index, author, depth, parent, header: header ? docText(body, text, header.start, header.end) : null };
    segments.push(comment);
  };
  // A first paragraph made mostly of dates, counts and boilerplate is the list's masthead ("Story by
  // jordanellis" / "Published Aug 18, 2016" / "1,657 views"), not the first comment's text.
  const masthead = mastheadParagraph(body);
  for (const line of masthead) chrome.push({ start: line.contentStart, end: line.contentEnd, kind: 'footer' });
  for (let i = masthead.length === 0 ? 0 : body.indexOf(masthead.at(-1)!) + 1; i < body.length; i++) {
    const line = body[i]!;
    if (line.blank) continue;
    // Boilerplate before the first comment ("A selection of reader comments on this article"), and
    // the addressee line a forum prints above a reply's text ("To: Sierra415").
    if (pending === null && ((segments.length === 0 && isFooter(line.content)) || ADDRESSEE_LINE.test(line.content))) {
      chrome.push({ start: line.contentStart, end: line.contentEnd, kind: 'footer' });
      continue;
    }
    // A signature of several lines ("answered Jun 24, 2016 at 6:18" / "Gman1234" / "5,156"), or
    // one standing alone after the text ("Gman1234" / "Brooklyn"), whose first line is the name.
    const standalone = induced.signatures?.get(line);
    if (standalone !== undefined && pending !== null) {
      close(pending, { start: line.contentStart, end: body[i + standalone - 1]!.contentEnd }, citationAuthor(line.content) ?? line.content);
      pending = null;
      i += standalone - 1;
      continue;
    }
    const k = inducedBlockAt(induced, body, i);
    if (k > 1 && pending !== null) {
      const block = body.slice(i, i + k);
      close(pending, { start: line.contentStart, end: block[k - 1]!.contentEnd }, blockAuthor(block));
      pending = null;
      i += k - 1;
      continue;
    }
    if (isThreadChrome(line.content) || isInducedButton(induced, line)) {
      chrome.push({ start: line.contentStart, end: line.contentEnd, kind: 'footer' });
      if (pending !== null) widgetAfterPending = true;
      continue;
    }
    // A signature at the end of the comment's last line ("text – user Aug 17 '16 at 7:36").
    const suffix = induced.inline?.side === 'end' ? inlineHeaderAt(induced.inline, line) : undefined;
    if (suffix) {
      const at = line.contentStart;
      close({ start: pending?.start ?? at + suffix.textStart, end: at + suffix.textEnd, indent: pending?.indent ?? line.indent }, { start: at + suffix.headerStart, end: at + suffix.headerEnd }, suffix.name);
      pending = null;
      continue;
    }
    const author = inducedHeader(induced, line);
    if (author !== undefined && pending !== null) {
      // A signature's dash is no part of the name ("—endpcinamerica").
      close(pending, { start: line.contentStart, end: line.contentEnd }, author === null ? null : author.replace(/^[-–—~]+(?=\S)/, ''));
      pending = null;
    } else {
      // Text after a widget line that followed unsigned text: the widget line parts them (no record
      // may hold another). The text above it is, before the first comment, the list's heading ("What
      // readers said" over "Reader comment 1"); later, a comment whose signature is missing.
      // (Widget lines between a text and its signature, "Share Improve this answer Follow" over
      // "answered Jun 24, 2016", part nothing.)
      if (pending !== null && widgetAfterPending) {
        if (segments.length === 0) {
          const from = pending.start;
          for (const l of body.slice(0, i)) if (!l.blank && l.contentStart >= from && l.contentEnd <= pending.end) chrome.push({ start: l.contentStart, end: l.contentEnd, kind: 'footer' });
        } else close(pending, null, null);
        pending = null;
      }
      pending = { start: pending?.start ?? line.contentStart, end: line.contentEnd, indent: pending?.indent ?? line.indent };
    }
    widgetAfterPending = false;
  }
  if (pending !== null) close(pending, null, null);
  return [...segments, ...chrome, ...footer];
}
