import { findAlignedTable } from './aligned-table.js';
import { segmentArticle } from './article.js';
import { parseBareThread } from './bare-thread.js';
import { splitLines, type Line } from './lines.js';
import { parseSignedThread } from './signed-thread.js';
import { findTableExport, tableTail } from './table-export.js';
import { parseStructuredThread } from './thread.js';
import { takeHeading } from './thread-heading.js';
import { afterWideBreak, findThreadStart } from './thread-start.js';
import type { Segment } from './types.js';

/** Segments a page: the article part, then the comment thread (if any; a table of comments comes first, table-export.ts). Pure. */
export function segmentPage(text: string): Segment[] {
  const lines = splitLines(text);
  // Comments exported as a table (CSV, TSV): the header row is a footer, each row a comment.
  const table = findTableExport(lines, text);
  if (table !== null) {
    const header = lines[table.headerLine]!;
    return [...segmentArticle(lines.slice(0, table.headerLine)), { start: header.contentStart, end: header.contentEnd, kind: 'footer' }, ...table.comments, ...tableTail(lines, table)];
  }
  // Comments printed as a table with aligned columns: the preamble after the article's wide break, the
  // header row and what follows the last row are footers.
  const aligned = findAlignedTable(lines, text);
  if (aligned !== null) {
    const first = afterWideBreak(lines, aligned.headerLine);
    const asFooter = (l: Line): Segment => ({ start: l.contentStart, end: l.contentEnd, kind: 'footer' });
    const footersOf = (part: readonly Line[]) => part.filter((l) => !l.blank).map(asFooter);
    return [...segmentArticle(lines.slice(0, first)), ...footersOf(lines.slice(first, aligned.headerLine + 1)), ...aligned.segments, ...footersOf(lines.slice(aligned.endLine))];
  }
  const start = findThreadStart(lines);
  if (start === null) return segmentArticle(lines);
  const article = segmentArticle(lines.slice(0, start.line));
  const { heading, rest: threadLines } = takeHeading(lines.slice(start.line));
  const thread =
    start.induced?.trailing
      ? parseSignedThread(threadLines, text, 0, start.induced)
      : start.layout === 'structured'
        ? parseStructuredThread(threadLines, text, 0, start.induced)
        : parseBareThread(threadLines, text, 0, start.gap);
  // The headline repeated above the thread (a forum's topic line) is another title, as the guideline says.
  const title = article.find((s) => s.kind === 'title');
  const headline = title === undefined ? null : text.slice(title.start, title.end);
  const repeated = (s: Segment): Segment => (s.kind === 'footer' && headline !== null && text.slice(s.start, s.end) === headline ? { ...s, kind: 'title' } : s);
  return [...article, ...heading.map(repeated), ...thread.map(repeated)];
}
