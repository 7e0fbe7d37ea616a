import { isSpace } from '../segment/lines.js';

/** A stretch of text inside which sentences are found; sentences never cross units. */
export interface Unit {
  start: number;
  end: number;
}

/**
 * Splits the span [start, end) of `text` into units at line breaks ('line': scraped pages
 * use a line break as a hard break, and comments often have one sentence per line) or at
 * blank lines only ('paragraph': for hard-wrapped text). Units are trimmed of whitespace.
 */
export function splitUnits(text: string, start: number, end: number, mode: 'line' | 'paragraph'): Unit[] {
  const units: Unit[] = [];
  const pattern = mode === 'line' ? /\r\n|\r|\n/g : /(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)(?:[ \t\u00a0]*(?:\r\n|\r|\n))*/g;
  const slice = text.slice(start, end);
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && isSpace(slice[a]!)) a++;
    while (b > a && isSpace(slice[b - 1]!)) b--;
    if (b > a) units.push({ start: start + a, end: start + b });
  };
  for (const m of slice.matchAll(pattern)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, slice.length);
  return units;
}
