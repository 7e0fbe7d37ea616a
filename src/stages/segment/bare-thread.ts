import type { Line } from './lines.js';
import { isNameLike } from './patterns.js';
import { docText, Nesting, splitTrailingFooter } from './thread-parts.js';
import type { CommentSegment, Segment } from './types.js';

/**
 * Parses a thread without headers: comments are separated by two or more blank lines, and a
 * bare name line (a one-line paragraph that looks like a display name, followed by text in
 * the same block) starts a new comment by that author.
 */
export function parseBareThread(lines: readonly Line[], text: string, firstIndex: number, gap: number): Segment[] {
  const { body, footer } = splitTrailingFooter(lines);
  const paragraphs: { lines: Line[]; blankBefore: number }[] = [];
  let blanks = 0;
  for (const line of body) {
    if (line.blank) {
      blanks++;
      continue;
    }
    const last = paragraphs[paragraphs.length - 1];
    if (last && blanks === 0) last.lines.push(line);
    else paragraphs.push({ lines: [line], blankBefore: blanks });
    blanks = 0;
  }
  const segments: Segment[] = [];
  const nesting = new Nesting();
  let current: CommentSegment | null = null;
  paragraphs.forEach((p, i) => {
    const first = p.lines[0]!;
    const last = p.lines[p.lines.length - 1]!;
    const next = paragraphs[i + 1];
    const newBlock = i === 0 || p.blankBefore >= gap;
    const nextInBlock = next !== undefined && next.blankBefore < gap;
    const isNameLine = p.lines.length === 1 && isNameLike(first.content) && nextInBlock;
    if (isNameLine || newBlock || current === null) {
      const index = firstIndex + segments.length;
      const { depth, parent } = nesting.place(first.indent, index);
      current = isNameLine
        ? { start: first.contentEnd, end: first.contentEnd, kind: 'comment', index, author: first.content, depth, parent, header: docText(body, text, first.contentStart, first.contentEnd) }
        : { start: first.contentStart, end: last.contentEnd, kind: 'comment', index, author: null, depth, parent, header: null };
      segments.push(current);
      if (isNameLine) return;
    }
    const comment: CommentSegment = current;
    if (comment.start === comment.end && comment.header !== null && comment.start === comment.header.end) comment.start = first.contentStart;
    comment.end = last.contentEnd;
  });
  return [...segments, ...footer];
}
