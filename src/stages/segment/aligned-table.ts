import type { Line } from './lines.js';
import type { CommentSegment, Segment } from './types.js';

/**
 * Comments printed as a table with aligned columns: a spreadsheet printed and turned back into
 * text (`pdftotext -layout`), `column -t`, a DataFrame's `to_string()`, a database shell's result
 * drawn with bars (psql: `138 | br782 | 2015-06-25 09:17:47 | text`, wrapped lines marked `+`). A header row names its
 * columns, two spaces or more apart, among them an author column and, last, a text column; each
 * row starts a comment, and the text wraps onto lines indented to the text column (an empty line
 * between two such lines is a paragraph break in the text). On a printed table the header row comes
 * back on every page, with the page's header and number: inside the table, every line that is
 * neither a row nor the text's continuation is a footer. (Delimited exports: table-export.ts.)
 */

/** Column names, lower case, that hold the comment's text and its writer. */
const TEXT_COLUMNS = new Set(['text', 'body', 'comment', 'comment_text', 'message', 'content']);
const AUTHOR_COLUMNS = new Set(['author', 'user', 'username', 'user_name', 'name', 'display_name', 'screen_name', 'author_name']);
/** The fewest rows that make a table of comments. */
const MIN_ROWS = 3;

interface Columns {
  /** The header row's text, to find it again on later pages. */
  header: string;
  /** Start column (UTF-16 code units from the line's start) of the author column and of the text column. */
  author: number;
  authorEnd: number;
  text: number;
}

/** The columns a header row names, or null: three labels at least, two spaces or more apart (or between bars), an author column and the text column last. */
function headerColumns(line: Line, raw: string): Columns | null {
  if (line.blank) return null;
  if (/ \| .* \| /.test(raw)) return barColumns(line, raw);
  if (!/\S {2,}\S/.test(line.content)) return null;
  const labels = [...raw.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0].toLowerCase(), at: m.index }));
  if (labels.length < 3 || !TEXT_COLUMNS.has(labels[labels.length - 1]!.name)) return null;
  const k = labels.findIndex((l) => AUTHOR_COLUMNS.has(l.name));
  if (k === -1) return null;
  return { header: line.content, author: labels[k]!.at, authorEnd: labels[k + 1]!.at, text: labels[labels.length - 1]!.at };
}

/**
 * The columns of a header row drawn with bars, as database shells print a result (psql: " pos |
 * author | posted | body", labels centred in their cells): a cell starts after its bar and a space.
 */
function barColumns(line: Line, raw: string): Columns | null {
  const bars = [...raw.matchAll(/\|/g)].map((m) => m.index);
  const starts = [0, ...bars.map((b) => b + 2)];
  const ends = [...bars, raw.length];
  const names = starts.map((st, k) => raw.slice(st, ends[k]).trim().toLowerCase());
  if (names.length < 3 || !TEXT_COLUMNS.has(names[names.length - 1]!)) return null;
  const k = names.findIndex((n) => AUTHOR_COLUMNS.has(n));
  if (k === -1) return null;
  return { header: line.content, author: starts[k]!, authorEnd: ends[k]!, text: starts[starts.length - 1]! };
}

/** The line's raw text (indentation kept, form feeds read as spaces so columns stay put; one code unit each). */
function rawOf(line: Line, text: string): string {
  return text.slice(line.start, line.end).replace(/\r$/, '').replace(/\f/g, ' ');
}

/** Whether a line is a row of the table: something before the text column, a value in the author column, text at the text column. */
function isRow(raw: string, c: Columns): boolean {
  return raw.length > c.text && raw[c.text] !== ' ' && raw[c.text - 1] === ' ' && /[^\s|]/.test(raw.slice(0, c.text)) && raw.slice(c.author, c.authorEnd).trim() !== '';
}

/** Whether a line continues the text above it: only text (empty cells before it), starting at the text column. */
function isContinuation(raw: string, c: Columns): boolean {
  return raw.length > c.text && /^[\s|]*$/.test(raw.slice(0, c.text)) && raw[c.text] !== ' ';
}

/** A row of empty cells inside a comment's text (a paragraph break in a table drawn with bars). */
function isEmptyRow(raw: string): boolean {
  return raw.includes('|') && /^[\s|+]*$/.test(raw);
}

export interface AlignedTable {
  /** The header row's line. */
  headerLine: number;
  /** Comments, then the footers inside the table (repeated header rows, page furniture). */
  segments: Segment[];
  /** The line after the table's last row or continuation. */
  endLine: number;
}

/** The page's aligned table of comments, if a header row names an author and (last) a text column and three rows follow it. */
export function findAlignedTable(lines: readonly Line[], text: string): AlignedTable | null {
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.blank || !/\S {2,}\S/.test(line.content)) continue;
    const columns = headerColumns(line, rawOf(line, text));
    if (columns === null) continue;
    const table = readTable(lines, text, n, columns);
    if (table !== null) return table;
  }
  return null;
}

function readTable(lines: readonly Line[], text: string, headerLine: number, c: Columns): AlignedTable | null {
  const comments: CommentSegment[] = [];
  const footers: Segment[] = [];
  // Lines neither row nor continuation since the last of those: footers if another row follows.
  let pending: Line[] = [];
  let current: CommentSegment | null = null;
  let endLine = headerLine + 1;
  for (let i = headerLine + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    const raw = rawOf(line, text);
    if (line.content !== c.header && isRow(raw, c)) {
      for (const p of pending) footers.push({ start: p.contentStart, end: p.contentEnd, kind: 'footer' });
      pending = [];
      const headerEnd = line.start + raw.slice(0, c.text).trimEnd().length;
      const author = raw.slice(c.author, c.authorEnd).trim();
      current = { start: line.start + c.text, end: line.contentEnd, kind: 'comment', index: comments.length, author, depth: 0, parent: null, header: { start: line.contentStart, end: headerEnd, text: text.slice(line.contentStart, headerEnd) } };
      comments.push(current);
      endLine = i + 1;
    } else if (current !== null && pending.length === 0 && isContinuation(raw, c)) {
      current.end = line.contentEnd;
      endLine = i + 1;
    } else if (current === null || pending.length > 0 || !isEmptyRow(raw)) pending.push(line);
  }
  if (comments.length < MIN_ROWS) return null;
  return { headerLine, segments: [...comments, ...footers], endLine };
}
