import type { Line } from './lines.js';
import type { CommentSegment, Segment } from './types.js';

/**
 * Comments exported as a table (CSV or TSV, as pandas, spreadsheets and comment-export tools
 * write them) and pasted into a page: a header row that names an author column and a text
 * column, then one row per comment, where a quoted text may run over several lines and double
 * its quotes (RFC 4180). Each row becomes a comment: the fields before the text are its header,
 * the text field as written (quotes included, so that every character stays in one record) its
 * span. The text column must be the last, or the fields after it would belong to nothing.
 */

/** Column names, lower case, that hold the comment's text and its writer. */
const TEXT_COLUMNS = ['text', 'body', 'comment', 'comment_text', 'message', 'content'];
const AUTHOR_COLUMNS = ['author', 'user', 'username', 'user_name', 'name', 'display_name', 'screen_name', 'author_name'];
/** A text column's name somewhere on the line (the cheap test before splitting it). */
const TEXT_COLUMN_WORD = new RegExp(`(?:^|[,\\t])\\s*(?:${TEXT_COLUMNS.join('|')})\\s*$`, 'i');
/** A column name: a short identifier, or nothing (pandas leaves its index column unnamed). */
const COLUMN = /^[A-Za-z_][\w ]{0,30}$|^$/;
/** The fewest rows that make a table of comments. */
const MIN_ROWS = 3;

interface Row {
  start: number;
  /** Field spans in the text, quotes included. */
  fields: { start: number; end: number }[];
  end: number;
}

/** Reads one record at `at` (RFC 4180); null when a quote is never closed or text follows a closing quote. End: the offset of its line break. */
function readRow(text: string, at: number, delimiter: string): Row | null {
  const fields: { start: number; end: number }[] = [];
  let i = at;
  for (;;) {
    const start = i;
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === '"') {
          if (text[i + 1] === '"') i += 2;
          else break;
        } else i++;
      }
      i++;
    } else while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
    fields.push({ start, end: i });
    // Anything but a delimiter or a line break after a closing quote is no CSV.
    if (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') return null;
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    return { start: at, fields, end: i };
  }
}

/** A field's value: quotes removed and doubled quotes undone. */
function value(text: string, f: { start: number; end: number }): string {
  const raw = text.slice(f.start, f.end);
  return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/""/g, '"') : raw;
}

export interface TableExport {
  /** The header row's line. */
  headerLine: number;
  /** Offset just past the last row. */
  end: number;
  comments: CommentSegment[];
}

/** The page's table of comments, if a header row names a text column (the last) and an author column and three rows follow. */
export function findTableExport(lines: readonly Line[], text: string): TableExport | null {
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // Cheap test first: a header row names a text column and has a delimiter.
    if (line.blank || !TEXT_COLUMN_WORD.test(line.content) || !/[,\t]/.test(line.content)) continue;
    // The row as written: a TSV header may open with a tab (an unnamed index column).
    const raw = text.slice(line.start, line.end).replace(/^\ufeff/, '');
    for (const delimiter of [',', '\t']) {
      if (/^ /.test(raw) || (delimiter === ',' && raw.startsWith('\t'))) continue;
      const columns = raw.split(delimiter).map((c) => c.trim().toLowerCase());
      if (columns.length < 3 || !columns.every((c) => COLUMN.test(c))) continue;
      if (!TEXT_COLUMNS.includes(columns[columns.length - 1]!)) continue;
      const author = columns.findIndex((c) => AUTHOR_COLUMNS.includes(c));
      if (author === -1) continue;
      const table = readRows(text, lines, n, delimiter, columns.length, author);
      if (table !== null) return table;
    }
  }
  return null;
}

function readRows(text: string, lines: readonly Line[], headerLine: number, delimiter: string, width: number, author: number): TableExport | null {
  const comments: CommentSegment[] = [];
  let at = lines[headerLine + 1]?.start;
  let end = lines[headerLine]!.contentEnd;
  while (at !== undefined && at < text.length) {
    const row = readRow(text, at, delimiter);
    if (row === null || row.fields.length !== width || row.end === row.start) break;
    const body = row.fields[width - 1]!;
    // The text field without the spaces around it; the header is everything before it on the row.
    let start = body.start;
    let stop = body.end;
    while (start < stop && /\s/.test(text[start]!)) start++;
    while (stop > start && /\s/.test(text[stop - 1]!)) stop--;
    const headerEnd = row.fields[width - 2]!.end + 1;
    comments.push({
      start: start === stop ? headerEnd : start,
      end: start === stop ? headerEnd : stop,
      kind: 'comment',
      index: comments.length,
      author: value(text, row.fields[author]!).trim() || null,
      depth: 0,
      parent: null,
      header: { start: row.start, end: headerEnd, text: text.slice(row.start, headerEnd) },
    });
    end = row.end;
    at = text[row.end] === '\r' && text[row.end + 1] === '\n' ? row.end + 2 : row.end + 1;
  }
  return comments.length >= MIN_ROWS ? { headerLine, end, comments } : null;
}

/** Lines of the page after the table (a tail), as footers. */
export function tableTail(lines: readonly Line[], table: TableExport): Segment[] {
  return lines.filter((l) => !l.blank && l.start >= table.end).map((l) => ({ start: l.contentStart, end: l.contentEnd, kind: 'footer' }));
}
