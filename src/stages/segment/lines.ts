/** One physical line of a page, with offsets in UTF-16 code units. */
export interface Line {
  /** 0-based line number. */
  n: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character before the line break. */
  end: number;
  /** Offset of the first non-space character (== end for a blank line). */
  contentStart: number;
  /** Offset just past the last non-space character. */
  contentEnd: number;
  /** Leading indentation in characters (spaces, tabs count as 4, no-break spaces). */
  indent: number;
  /** The trimmed content. */
  content: string;
  blank: boolean;
}

/** Whitespace that may surround content on a line: ASCII blanks, NBSP, and the Unicode spaces. */
const SPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]/;

export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** Splits text into lines at \n, \r\n and lone \r, keeping exact offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let n = 0;
  const push = (end: number) => {
    let contentStart = start;
    let indent = 0;
    while (contentStart < end && isSpace(text[contentStart]!)) {
      indent += text[contentStart] === '\t' ? 4 : 1;
      contentStart++;
    }
    let contentEnd = end;
    while (contentEnd > contentStart && isSpace(text[contentEnd - 1]!)) contentEnd--;
    const content = text.slice(contentStart, contentEnd);
    lines.push({ n: n++, start, end, contentStart, contentEnd, indent, content, blank: content.length === 0 });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length || lines.length === 0) push(text.length);
  return lines;
}
