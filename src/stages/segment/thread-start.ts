import { fieldHeaderBlockOpeningAt, hasFieldHeaders } from './field-headers.js';
import { isHandleFirstThread } from './handle-first.js';
import { induceLayout, inducedBlockAt, inducedHeader, type InducedLayout } from './induce.js';
import { induceInlineHeader, inlineHeaderAt } from './inline.js';
import type { Line } from './lines.js';
import { isCaption, isCommentsHeading, isDateLine, isFooter, isSourceLine, isThreadChrome } from './patterns.js';
import { isStructuredHeader } from './thread.js';

/**
 * Where the comment thread starts on a page and how it is laid out: which header shapes, learnt
 * or known, open its comments (page.ts then parses it).
 */

/** A layout with no induced header lines or buttons, for pages whose only induced header is inline. */
const NO_WIDGET: InducedLayout = { headers: new Set(), buttons: new Set(), blocks: [], trailing: false };

/** Where the thread starts and how it is laid out. */
export interface ThreadStart {
  line: number;
  layout: 'structured' | 'bare';
  /** For bare threads: blank lines that separate comments. */
  gap: number;
  /** Header and button shapes learnt from the page when no known header shape is on it. */
  induced?: InducedLayout;
}

/** Lengths of the runs of blank lines between paragraphs, in page order. */
function blankRuns(lines: readonly Line[], from: number, to: number): { at: number; length: number }[] {
  const runs: { at: number; length: number }[] = [];
  let run = 0;
  let seenContent = false;
  for (let i = from; i < to; i++) {
    if (lines[i]!.blank) run++;
    else {
      if (seenContent && run > 0) runs.push({ at: i, length: run });
      run = 0;
      seenContent = true;
    }
  }
  return runs;
}

function isPlainText(line: Line): boolean {
  const c = line.content;
  return !line.blank && !isDateLine(c) && !isCaption(c) && !isSourceLine(c) && !isFooter(c);
}

/**
 * Finds the start of the reader-comment thread and how it is laid out, trying in this order:
 * a header on the line of the text learnt from the page (inline.ts); blocks of labelled fields
 * (field-headers.ts); a structured header the
 * patterns know ("1. Name says", "• Name" …) or a "Comments" heading; comments that open with
 * their author's handle after a button line (handle-first.ts); a header shape or block learnt
 * from the page (induce.ts). Without any of those, the thread starts after the first break
 * between paragraphs that is wider than the page's usual paragraph break, once the article has
 * had a body paragraph (scraped pages put two or more blank lines there).
 */
export function findThreadStart(lines: readonly Line[]): ThreadStart | null {
  const found = threadStartByLayout(lines);
  const start = found === null || found.layout !== 'structured' || found.induced?.trailing ? found : { ...found, line: afterWideBreak(lines, found.line) };
  if (start === null || !start.induced?.furniture) return start;
  // A printed document starts with its first page's header ("9/5/24, 10:14 AM" / "Gmail - …"), once
  // the article has had text: the thread that was printed starts there.
  const first = firstFurniture(lines, start.induced.furniture);
  return first !== -1 && first < start.line ? { ...start, line: first } : start;
}

/**
 * Where the thread starts whose first header is on line `i`: after the last wide break above it
 * (two blank lines or more, wider than the page's usual paragraph break) once the article has had
 * body text. What stands between that break and the first header (a list's masthead, notices, a
 * table of contents) is the thread's preamble, not article text.
 */
export function afterWideBreak(lines: readonly Line[], i: number): number {
  const runs = blankRuns(lines, 0, lines.length);
  const sorted = runs.map((r) => r.length).sort((a, b) => a - b);
  const usual = sorted[Math.floor((sorted.length - 1) / 2)] ?? 1;
  const gap = Math.max(2, usual + 1);
  let plain = 0;
  let lastEnd = 0;
  let best = i;
  for (const run of runs) {
    if (run.at > i) break;
    for (let j = lastEnd; j < run.at; j++) if (isPlainText(lines[j]!)) plain++;
    lastEnd = run.at;
    if (run.length >= gap && plain >= 2) {
      best = run.at;
      break;
    }
  }
  return Math.min(best, i);
}

/** The first line of a printed page's furniture once the article has had text (two plain lines), or -1. */
function firstFurniture(lines: readonly Line[], furniture: ReadonlySet<string>): number {
  let plain = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.blank && furniture.has(lines[i]!.content)) {
      if (plain >= 2) return i;
    } else if (isPlainText(lines[i]!)) plain++;
  }
  return -1;
}

function threadStartByLayout(lines: readonly Line[]): ThreadStart | null {
  const induced = induceLayout(lines);
  // A chat prefix or a signature on the line of the text ("[21:43] <user> text", "text – user
  // Aug 17 '16 at 7:36") on most lines of the thread, once the article has had text. It comes
  // before the known header shapes: a short message can look like one ("USS PERVERSION – user Aug
  // 17 '16 at 12:30" reads as a name and a date), the prefix on every line is the page's own
  // evidence. The widget's buttons, if any, still apply.
  const inline = induceInlineHeader(lines);
  if (inline !== null) {
    let plain = 0;
    for (let i = 0; i < lines.length; i++) {
      if (inlineHeaderAt(inline, lines[i]!) && plain >= 2) {
        // A suffix signs the comment's last line: the comment starts after the wide break above it.
        const trailing = inline.side === 'end';
        const first = trailing ? signedCommentStart(lines, i) : preambleAbove(lines, i, induced?.furniture);
        return { line: commentsHeadingAbove(lines, first) ?? first, layout: 'structured', gap: 2, induced: { ...(induced ?? NO_WIDGET), trailing, inline } };
      }
      if (isPlainText(lines[i]!)) plain++;
    }
  }
  // Comments that open with a block of labelled fields naming the writer (mail digests: "Message: 1" /
  // "Date: …" / "From: user <user@example.net>"; notification e-mails: "Author: …" … "Comment:").
  if (hasFieldHeaders(lines)) {
    let plain = 0;
    for (let i = 0; i < lines.length; i++) {
      if (plain >= 2 && fieldHeaderBlockOpeningAt(lines, i) > 0) return { line: preambleAbove(lines, i, induced?.furniture), layout: 'structured', gap: 2, induced: { ...(induced ?? NO_WIDGET), trailing: false, fieldHeaders: true } };
      if (isPlainText(lines[i]!)) plain++;
    }
  }
  // Signatures under each comment ("— user, Jun 16 2016") are read as such even where a single
  // line also looks like a known header (a dash bullet and a name).
  for (let i = 0; i < lines.length && !induced?.trailing; i++) {
    if (lines[i]!.blank) continue;
    // A heading says where the thread starts, not how it is laid out: the learnt layout still applies.
    if (isCommentsHeading(lines[i]!.content)) return { line: i, layout: 'structured', gap: 2, ...(induced ? { induced } : {}) };
    if (isStructuredHeader(lines, i)) {
      // A learnt header block that opens comments above this line wins: a known shape further
      // down ("Reactions:" reads like a chat handle) is no reason to leave those comments in the article.
      const block = induced ? firstInducedOpening(lines, { ...induced, headers: new Set() }) : -1;
      if (induced && block !== -1 && block < i) return { line: preambleAbove(lines, block, induced?.furniture), layout: 'structured', gap: 2, induced };
      return { line: preambleAbove(lines, i, induced?.furniture), layout: 'structured', gap: 2, ...(induced ? { induced: knownHeaderWidgets(induced) } : {}) };
    }
  }
  // Comments that open with their author's handle, a button line under each ("Falconetti101 That
  // woman is …" / "157w 17 likes Reply"): the thread starts after the wide break above the first.
  if (isHandleFirstThread(lines)) {
    const firstButton = lines.findIndex((l) => !l.blank && isThreadChrome(l.content));
    return { line: signedCommentStart(lines, firstButton), layout: 'structured', gap: 2, induced: { ...(induced ?? NO_WIDGET), trailing: false, handleFirst: true } };
  }
  // A widget's own repeated header shape, once the article has had text.
  const opening = induced ? firstInducedOpening(lines, induced) : -1;
  if (induced && opening !== -1) return { line: induced.trailing ? signedCommentStart(lines, opening) : preambleAbove(lines, opening, induced?.furniture), layout: 'structured', gap: 2, induced };
  const runs = blankRuns(lines, 0, lines.length);
  if (runs.length === 0) return null;
  const sorted = runs.map((r) => r.length).sort((a, b) => a - b);
  const usual = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const gap = Math.max(2, usual + 1);
  // Body paragraphs seen so far: the title block does not count.
  let plainLines = 0;
  let lastRunEnd = 0;
  for (const run of runs) {
    for (let i = lastRunEnd; i < run.at; i++) if (isPlainText(lines[i]!)) plainLines++;
    lastRunEnd = run.at;
    // Button lines under the comments ("Like · Reply · 2y") close each one: the structured parser reads them.
    if (run.length >= gap && plainLines >= 2) return { line: run.at, layout: lines.slice(run.at).some((l) => !l.blank && isThreadChrome(l.content)) ? 'structured' : 'bare', gap };
  }
  return null;
}

/**
 * What a learnt layout still says where known header shapes opened the thread: its button lines
 * (by shape and by text), its header blocks, and a printed page's furniture; not its header shapes.
 */
function knownHeaderWidgets(induced: InducedLayout): InducedLayout {
  return { ...NO_WIDGET, buttons: induced.buttons, blocks: induced.blocks, ...(induced.buttonLines ? { buttonLines: induced.buttonLines } : {}), ...(induced.furniture ? { furniture: induced.furniture } : {}) };
}

/** The first line where a learnt header or header block opens a comment once the article has had text (two plain lines), or -1. */
function firstInducedOpening(lines: readonly Line[], induced: InducedLayout): number {
  let plain = 0;
  for (let i = 0; i < lines.length; i++) {
    const opens = inducedHeader(induced, lines[i]!) !== undefined || inducedBlockAt(induced, lines, i) > 1 || induced.signatures?.has(lines[i]!) === true;
    if (opens && plain >= 2) return i;
    if (isPlainText(lines[i]!)) plain++;
  }
  return -1;
}

/** The line of a "Comments" heading right above line `i` (blank lines and notices such as "Welcome to the chat room!" between), if there is one. */
function commentsHeadingAbove(lines: readonly Line[], i: number): number | undefined {
  let j = i - 1;
  while (j >= 0 && (lines[j]!.blank || isFooter(lines[j]!.content))) j--;
  return j >= 0 && isCommentsHeading(lines[j]!.content) ? j : undefined;
}

/**
 * Where a thread whose first header is on line `i` really starts: an export's notice, day lines
 * and the list's buttons right above it belong to the thread ("[LINE] Chat history in …" /
 * "Saved on: 2016/08/19 11:28" / "" / "2016/08/17(Wed)"; "1,873 views" / "Skip to first unread
 * message"), as footers.
 */
function preambleAbove(lines: readonly Line[], i: number, furniture?: ReadonlySet<string>): number {
  let first = i;
  for (let j = i - 1; j >= 0; j--) {
    const line = lines[j]!;
    if (line.blank) continue;
    if (!isDateLine(line.content) && !isFooter(line.content) && !isThreadChrome(line.content) && !furniture?.has(line.content)) break;
    first = j;
  }
  return first;
}

/** The first comment of a signed thread starts after the wide break above its signature's text. */
function signedCommentStart(lines: readonly Line[], signature: number): number {
  let i = signature;
  while (i > 1 && !(lines[i - 1]!.blank && lines[i - 2]!.blank)) i--;
  while (i < signature && lines[i]!.blank) i++;
  return i;
}
