import type { Line } from './lines.js';
import { isCaption, isDateLine, isFooter, isHeadline, isSourceLine, wordCount } from './patterns.js';
import type { Segment, SegmentKind } from './types.js';

/** Kind of one article line on its own (before paragraphs are merged). */
function lineKind(line: Line, title: string | null): SegmentKind {
  const c = line.content;
  if (title !== null && c === title) return 'title';
  if (isDateLine(c)) return 'dateline';
  if (isCaption(c)) return 'caption';
  if (isSourceLine(c)) return 'source';
  if (isFooter(c)) return 'footer';
  return 'body';
}

/**
 * Classifies the article part of a page. The first plain short line is the title; lines that
 * repeat it are titles too; a stand-alone Title Case line is a (secondary) headline; the rest
 * are dateline, caption, source, footer or body lines. Consecutive body lines (no blank line
 * between them) form one body paragraph.
 */
export function segmentArticle(lines: readonly Line[]): Segment[] {
  const segments: Segment[] = [];
  let title: string | null = null;
  let paragraph: Segment | null = null;
  let previous: Line | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) {
      paragraph = null;
      previous = line;
      continue;
    }
    let kind = lineKind(line, title);
    const standalone = (previous === null || previous.blank) && (lines[i + 1] === undefined || lines[i + 1]!.blank);
    if (kind === 'body' && title === null && wordCount(line.content) <= 30) {
      title = line.content;
      kind = 'title';
    } else if (kind === 'body' && standalone && isHeadline(line.content)) {
      kind = 'title';
    }
    if (kind === 'body' && paragraph !== null) {
      paragraph.end = line.contentEnd;
    } else {
      const segment: Segment = { start: line.contentStart, end: line.contentEnd, kind };
      segments.push(segment);
      paragraph = kind === 'body' ? segment : null;
    }
    previous = line;
  }
  return segments;
}
