import { leadingHandle, opensHandleComment } from './handle-first.js';
import { headerBadges, headerTail } from './header-tail.js';
import { blockAuthor, inducedBlockAt, inducedHeader, isInducedButton, type InducedLayout } from './induce.js';
import { inlineHeaderAt, isSystemLine } from './inline.js';
import { isActivityEntry, isCodeUnderPrompt, isContentsEntry, underlineLevel, isDayDivider, isLinkUnderFooter, isReactionLine, isTearLine, quotesUnderHeader } from './line-context.js';
import { lineShape, shapeOf } from './line-shape.js';
import type { Line } from './lines.js';
import { fieldAuthor, fieldHeaderBlockOpeningAt, fieldTextStart, isBlockTitle, isLoneField, isRecordRule } from './field-headers.js';
import { isDateLine, isFooter, isHeaderName, isNameLike, isThreadChrome, matchHeader, REPLY_REFERENCE, SUBJECT_LINE, subjectDepth } from './patterns.js';
import { isTagLine, tagWriter } from './markup-elements.js';
import { nestByMessageIds, nestByReplyReferences } from './reply-references.js';
import { MIN_REPEATS } from './shape-roles.js';
import { docText, Nesting, nextNonBlank, splitTrailingFooter } from './thread-parts.js';
import type { CommentSegment, Segment } from './types.js';

/**
 * Extra indentation (in columns) that an outline gives a header at column 0: an org-mode thread
 * writes a reply's depth as the number of marks ("* user", "** user", "*** user"), a comment
 * numbering plugin as a number path ("2", "2.1", "2.1.1 user says:").
 */
function outlineIndent(content: string): number {
  const run = /^([*#+•])\1*/.exec(content)?.[0].length ?? 1;
  // A comment number path ("2.1.1 user says:"): one level per dot.
  const path = /^\d{1,4}((?:\.\d{1,4})+)\s/.exec(content)?.[1]?.split('.').length ?? 1;
  return 2 * (run - 1) + 2 * (path - 1) + 2 * listLevel(content);
}

/**
 * The level of a multilevel list's marker, as Word numbers a reply tree without indenting it:
 * "1)" 0, "a)" 1, "i)" 2, "(1)" 3, "(a)" 4, "(i)" 5. A lone "i", "v" or "x" is read as a roman
 * numeral, so a list with more than eight replies at the letters' level reads its ninth as deeper.
 */
function listLevel(content: string): number {
  const m = /^(\()?(\d{1,3}|[ivx]{1,4}|[a-z])\)\s/.exec(content);
  if (!m) return 0;
  const kind = /^\d/.test(m[2]!) ? 0 : /^[ivx]+$/.test(m[2]!) ? 2 : 1;
  return (m[1] ? 3 : 0) + kind;
}

/**
 * Extra indentation (in columns) that a depth label in a header gives ("level 2": copies of
 * Reddit's threads print the screen-reader label "level N" above each comment, N = depth + 1), or
 * else the outline of its first line.
 */
function levelIndent(header: readonly Line[]): number {
  for (const line of header) {
    const m = /^level\s+(\d{1,2})$/i.exec(line.content);
    if (m) return 2 * Math.max(0, Number(m[1]) - 1);
  }
  return outlineIndent(header[0]!.content);
}

/** A clock time alone on its line ("8:07", "10:36 AM"). */
const CLOCK_ALONE = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?$/i;

/** What a non-blank line of the comment zone is, once its neighbours are known. */
export type ThreadLine =
  /** `lines`: a header of several lines; `textStart`: the comment's text starts on the header's own line. */
  | { type: 'header'; line: Line; author: string | null; headerEnd: number; indent: number; lines?: number; textStart?: number }
  | { type: 'bullet-text'; line: Line; textStart: number }
  /** A "Re: subject" line printed directly above a header: part of that header. */
  | { type: 'subject'; line: Line }
  /** Widget buttons ("Reply • Share ›"): site boilerplate, not comment text. */
  | { type: 'chrome'; line: Line }
  | { type: 'text'; line: Line };

/** Index of the last widget button line in `lines` (-1: none); found once per array of lines. */
const lastChrome = new WeakMap<readonly Line[], number>();
function lastChromeLine(lines: readonly Line[]): number {
  let last = lastChrome.get(lines);
  if (last === undefined) {
    last = lines.findLastIndex((l) => !l.blank && isThreadChrome(l.content));
    lastChrome.set(lines, last);
  }
  return last;
}

/**
 * Widget buttons follow a comment's text; a repeated line right under a header (">>4512457",
 * a reference to the post answered) opens the text instead.
 */
function followsInducedHeader(lines: readonly Line[], i: number, induced: InducedLayout): boolean {
  // Right under it: after a blank line, a repeated line is the widget's ("Reference 1 - 69.90% Coverage").
  const above = lines[i - 1];
  return above !== undefined && !above.blank && inducedHeader(induced, above) !== undefined;
}

/**
 * Reads a line as a comment header using its neighbours: a bullet introduces an author when
 * deeper-indented text follows it (or when it is a bare name followed by another header);
 * otherwise the bullet carries the comment text itself.
 */
export function classifyThreadLine(lines: readonly Line[], i: number, induced?: InducedLayout): ThreadLine | null {
  const line = lines[i]!;
  if (line.blank) return null;
  // An opening tag naming the writer opens a comment ("<doc id="c141" author="Bernstein">"; markup-elements.ts).
  const writer = tagWriter(line.content);
  if (writer !== null) return { type: 'header', line, author: writer, headerEnd: line.contentEnd, indent: line.indent };
  if (isTagLine(line.content)) return { type: 'chrome', line };
  // A printed page's running header or footer, or its number, between two comments; a digest's table of contents.
  if (induced?.furniture?.has(line.content) || isContentsEntry(lines, i)) return { type: 'chrome', line };
  if (induced?.fieldHeaders) {
    // A short title line over the block, an empty line between ("# Comment 141" in a notes export), is the header's first line.
    const here = fieldHeaderBlockOpeningAt(lines, i);
    const titled = here === 0 && isTitleLine(line.content) && lines[i + 1]?.blank === true && lines[i + 2] !== undefined ? i + 2 : i;
    const k = titled === i ? here : fieldHeaderBlockOpeningAt(lines, titled);
    if (k > 0) {
      const last = lines[titled + k - 1]!;
      // The text as the last field's value ("body = text"): the header ends before it, on that line.
      const textAt = fieldTextStart(lines, titled);
      const header = { type: 'header' as const, line, author: fieldAuthor(lines.slice(titled, titled + k)), indent: line.indent, lines: titled - i + k };
      return textAt === undefined ? { ...header, headerEnd: last.contentEnd } : { ...header, headerEnd: last.contentStart + textAt, textStart: last.contentStart + textAt };
    }
    // A field outside any block is the records' furniture ("replies: []", "total_comments: 193"), as is a rule between records ("--").
    if (isLoneField(line) || isRecordRule(line) || isBlockTitle(lines, i)) return { type: 'chrome', line };
  }
  // A header of several lines may open with a line that is a button elsewhere ("level 2"). (Where
  // field blocks are the headers, learnt blocks are not: a short text between two rules is no header.)
  const k = induced && !induced.fieldHeaders ? inducedBlockAt(induced, lines, i) : 0;
  if (k > 1) {
    const block = lines.slice(i, i + k);
    return { type: 'header', line, author: blockAuthor(block), headerEnd: lines[i + k - 1]!.contentEnd, indent: line.indent + levelIndent(block), lines: k };
  }
  // A line above a message that belongs to the message's header: "Replying to @user: quoted message"
  // over a chat message, the time a live blog prints alone above each entry ("8:07" over "Comment From
  // user: text"). (A date alone there is a chat's day divider: "--- Friday, August 12, 2016 ---".)
  if (induced?.inline?.side === 'start' && (REPLY_REFERENCE.test(line.content) || CLOCK_ALONE.test(line.content)) && lines[i + 1] !== undefined && !lines[i + 1]!.blank && inlineHeaderAt(induced.inline, lines[i + 1]!)) return { type: 'subject', line };
  if (isThreadChrome(line.content) || (induced && isInducedButton(induced, line) && !followsInducedHeader(lines, i, induced)) || isTearLine(lines, i) || isReactionLine(lines, i)) return { type: 'chrome', line };
  if (induced?.handleFirst && opensHandleComment(lines, i)) {
    const handle = leadingHandle(line.content);
    if (handle) return { type: 'header', line, author: handle.name, headerEnd: line.contentStart + handle.name.length, indent: line.indent, textStart: line.contentStart + handle.textStart };
  }
  if (induced?.inline?.side === 'start') {
    // A chat's system line with its own time stamp ("(06:20:30 AM) user entered the room."), a log's line of its own program.
    if (isFooter(line.content) || isSystemLine(induced.inline, line)) return { type: 'chrome', line };
    const prefix = inlineHeaderAt(induced.inline, line);
    // A system message in a message's shape ("[8/17/16, 6:00:00 AM] Group: Messages and calls are end-to-end encrypted. …").
    if (prefix && isFooter(line.content.slice(prefix.textStart).replace(/^\u200e/, ''))) return { type: 'chrome', line };
    if (prefix) return { type: 'header', line, author: prefix.name, headerEnd: line.contentStart + prefix.headerEnd, indent: line.indent, textStart: line.contentStart + prefix.textStart };
  }
  if (induced && quotesUnderHeader(lines, i, induced)) return { type: 'text', line };
  // A link alone right under a boilerplate line is boilerplate (the page that line points to).
  if (isLinkUnderFooter(lines, i) || isCodeUnderPrompt(lines, i) || isActivityEntry(lines, i)) return { type: 'chrome', line };
  const author = induced ? inducedHeader(induced, line) : undefined;
  if (induced && author !== undefined) {
    // Boilerplate repeated in a header's shape ("Approve it: https://…") is boilerplate.
    if (isFooter(line.content)) return { type: 'chrome', line };
    // A second header line of another shape right under it is part of it ("[In reply to user]"
    // under "user2, [30.03.16 09:26]"): a header without text is no comment of its own there.
    const below = lines[i + 1];
    // A section title's underline ("mikekley (9:20 AM)" over "=================="): its mark is the depth.
    const level = underlineLevel(lines, i);
    if (level !== undefined) return { type: 'header', line, author, headerEnd: below!.contentEnd, indent: line.indent + 2 * level, lines: 2 };
    const second = below !== undefined && inducedHeader(induced, below) !== undefined && shapeOf(below)?.shape !== shapeOf(line)?.shape;
    return { type: 'header', line, author, headerEnd: (second ? below : line).contentEnd, indent: line.indent + outlineIndent(line.content), ...(second ? { lines: 2 } : {}) };
  }
  if (isDateLine(line.content)) return isDayDivider(lines, i, induced) ? { type: 'chrome', line } : { type: 'text', line };
  const below = lines[i + 1];
  if (SUBJECT_LINE.test(line.content) && below && !below.blank && (matchHeader(below.content)?.form === 'timestamp' || (induced !== undefined && inducedHeader(induced, below) !== undefined))) return { type: 'subject', line };
  const match = matchHeader(line.content);
  // Boilerplate that looks like a "label: text" header is boilerplate.
  if (match && isFooter(line.content)) return { type: 'chrome', line };
  if (!match) {
    // Comment widgets without header decoration print the bare name, the text on the next
    // line, then the buttons; after a button line (or at the top of the thread) a name-like
    // line with text right under it is the next comment's author.
    const above = lines[i - 1];
    const opensBlock = above === undefined || above.blank || isThreadChrome(above.content) || (induced !== undefined && isInducedButton(induced, above));
    // Text has a word of its own: a line of widget words and numbers ("Answered 3 years ago") is not text.
    const textBelow = below !== undefined && !below.blank && !isThreadChrome(below.content) && matchHeader(below.content) === null && shapeOf(below)?.name !== null;
    // (Not where the layout's headers are learnt blocks of several lines: a name alone is none of them.)
    if (opensBlock && textBelow && isNameLike(line.content) && !isFooter(line.content) && lastChromeLine(lines) > i + 1 && !(induced && induced.blocks.length > 0)) {
      return { type: 'header', line, author: line.content, headerEnd: line.contentEnd, indent: line.indent };
    }
    return { type: 'text', line };
  }
  if (match.form !== 'bullet') return { type: 'header', line, author: match.author, headerEnd: line.contentEnd, indent: line.indent + (match.treeWidth ?? 0) };
  const next = nextNonBlank(lines, i);
  const nextIsHeader = next !== undefined && matchHeader(next.content) !== null;
  const nextIsDeeperText = next !== undefined && next.indent > line.indent && !nextIsHeader;
  const rest = match.rest;
  if (rest === '') return { type: 'header', line, author: null, headerEnd: line.contentEnd, indent: line.indent };
  if ((nextIsDeeperText && isHeaderName(rest)) || (isNameLike(rest) && (next === undefined || nextIsHeader))) {
    return { type: 'header', line, author: bulletAuthor(rest), headerEnd: line.contentEnd, indent: line.indent };
  }
  return { type: 'bullet-text', line, textStart: line.contentStart + match.restOffset };
}

/**
 * The writer in a bullet's header: the whole line after the bullet ("• Mara Quinn"), or, when the
 * line holds one name among a widget's words, that name ("- [[wayne230]] on [[Aug 12th, 2016]] at
 * 13:19", an outliner's page link, date link and time).
 */
function bulletAuthor(rest: string): string {
  const shape = lineShape(rest);
  return shape !== null && shape.names.length === 1 && !/^[N\s,]+$/.test(shape.shape) ? shape.name! : rest;
}

/** A title over a block: a Markdown heading of at most six words ("# Comment 141"). */
function isTitleLine(content: string): boolean {
  return /^#{1,6}\s+\p{L}/u.test(content) && content.split(/\s+/).length <= 7 && !/[.!?…:;,]$/.test(content);
}

/** A short line that is no sentence (at most twelve words, no closing punctuation): a title, a name, a label. */
function isMastheadLine(content: string): boolean {
  return content.split(/\s+/).length <= 12 && !/[.!?…:;,]["'”’)\]]*$/u.test(content);
}

/** True when the line can open a structured thread (a header of any form, or the "Re:" line above one). */
export function isStructuredHeader(lines: readonly Line[], i: number): boolean {
  const t = classifyThreadLine(lines, i);
  return t !== null && (t.type === 'header' || t.type === 'subject');
}

/**
 * Parses a thread whose comments start with explicit headers ("1. Name says:", "• Name",
 * "Name wrote:", "Name · 3 hours ago"). Every other line belongs to the comment above it.
 */
export function parseStructuredThread(lines: readonly Line[], text: string, firstIndex: number, induced?: InducedLayout): Segment[] {
  const { body, footer } = splitTrailingFooter(lines);
  const kinds = body.map((_, i) => classifyThreadLine(body, i, induced));
  // Blank lines before each line, and the usual run before a header: text after a wider break
  // than that, once the current comment has text, is a new comment without a header.
  const blanksBefore: number[] = [];
  let run = 0;
  for (const line of body) {
    blanksBefore.push(run);
    run = line.blank ? run + 1 : 0;
  }
  const headerRuns = kinds.flatMap((k, i) => (k?.type === 'header' && i > 0 ? [blanksBefore[i]!] : [])).sort((a, b) => a - b);
  const gap = Math.max(2, headerRuns[Math.floor((headerRuns.length - 1) / 2)] ?? 2);
  const badges = headerBadges(body, kinds);
  // Where comments open with named headers, a dash or bullet that opens no header ("- Luke 13:30 …" a
  // paragraph down, where headers read "+ name says:") starts a list or a quotation inside a comment's
  // text, not a comment of its own. (A bullet that also opens the headers, "•" by "• Name", may carry
  // an authorless comment.)
  const named = kinds.filter((k) => k?.type === 'header' && k.author !== null);
  const headerMarks = new Set(named.map((k) => k!.line.content[0]));
  const listMark = (line: Line) => named.length >= MIN_REPEATS && !headerMarks.has(line.content[0]);
  const segments: Segment[] = [];
  const chrome: Segment[] = [];
  const nesting = new Nesting();
  let current: CommentSegment | null = null;
  let hasText = false;
  let subjectStart: number | null = null;
  let closed = false;
  const open = (indent: number, author: string | null, header: CommentSegment['header'], at: number) => {
    closed = false;
    const index = firstIndex + segments.length; // only comments are in `segments` until the footer is appended
    const { depth, parent } = nesting.place(indent, index);
    current = { start: at, end: at, kind: 'comment', index, author, depth, parent, header };
    hasText = false;
    segments.push(current);
  };
  for (let i = 0; i < body.length; i++) {
    const t = kinds[i];
    if (t === null || t === undefined) continue;
    const line = t.line;
    // The other lines of a header of several lines belong to it.
    if (t.type === 'header' && t.lines !== undefined) i += t.lines - 1;
    // Lines between a header and its text that are the header's too: link buttons and a subject cut from the text.
    const tail = t.type === 'header' && t.textStart === undefined ? headerTail(body, kinds, i, badges) : 0;
    const headerEnd = t.type === 'header' ? (tail > 0 ? body[i + tail]!.contentEnd : t.headerEnd) : 0;
    i += tail;
    if (t.type === 'chrome') {
      chrome.push({ start: line.contentStart, end: line.contentEnd, kind: 'footer' });
      // Buttons close the comment above them: text after them is another comment.
      if (current !== null && hasText) closed = true;
    } else if (t.type === 'subject') {
      subjectStart = line.contentStart;
    } else if (t.type === 'header') {
      // A forum header starts at its "Re:" subject line, and its indent is the subject's.
      const start = subjectStart ?? line.contentStart;
      const indent = subjectStart === null ? t.indent : body[i - 1]!.indent + 2 * subjectDepth(body[i - 1]!.content);
      subjectStart = null;
      open(indent, t.author, docText(body, text, start, headerEnd), headerEnd);
      if (t.textStart !== undefined) {
        current!.start = t.textStart;
        // The text runs to the end of the header's last line (its only line, or a field block's last).
        current!.end = body[i]!.contentEnd;
        hasText = true;
      }
    } else if (t.type === 'bullet-text' && !(listMark(line) && current !== null && !closed && blanksBefore[i]! < gap)) {
      open(line.indent, null, docText(body, text, line.contentStart, line.contentStart + 1), t.textStart);
      current!.end = line.contentEnd;
      hasText = true;
    } else if (current === null && (isFooter(line.content) || isDateLine(line.content) || (named.length >= MIN_REPEATS && isMastheadLine(line.content)) || (i > 0 && blanksBefore[i] === 0 && chrome.length > 0 && chrome.at(-1)!.end === body[i - 1]!.contentEnd))) {
      // Boilerplate between the thread heading and the first comment ("Showing 1-20 of 162", "Saved on: 2016/08/19 11:28"),
      // and where every comment opens with a named header, a short line that is no sentence
      // before the first of them (a printed conversation's masthead: "Gmail" / the account / the subject),
      // and the rest of a notice's paragraph there ("When replying, please edit your Subject line …" / "than …").
      chrome.push({ start: line.contentStart, end: line.contentEnd, kind: 'footer' });
    } else if ((current === null || closed || (hasText && blanksBefore[i]! >= gap)) && isFooter(line.content)) {
      // Boilerplate where a comment without a header would start ("Currently 2 comments are waiting for approval.").
      chrome.push({ start: line.contentStart, end: line.contentEnd, kind: 'footer' });
      if (current !== null && hasText) closed = true;
    } else if (current === null || closed || (hasText && blanksBefore[i]! >= gap)) {
      // Text before the first header (e.g. after a "Comments" heading), or after a break as
      // wide as the one between comments: an authorless comment.
      open(line.indent, null, null, line.contentStart);
      current!.end = line.contentEnd;
      hasText = true;
    } else {
      const comment: CommentSegment = current;
      if (!hasText) comment.start = line.contentStart;
      comment.end = line.contentEnd;
      hasText = true;
    }
  }
  if (!nestByReplyReferences(segments as CommentSegment[])) nestByMessageIds(segments as CommentSegment[]);
  return [...segments, ...chrome, ...footer];
}
