import type { Line } from './lines.js';

/**
 * Running headers and footers of a printed document turned back into text (a browser's "Print",
 * saved as PDF, then `pdftotext`): at every page break the page's footer (the printed URL, the page
 * number "1/4") and the next page's header (the print time "9/5/24, 10:14 AM", the document title)
 * come back word for word, in the middle of the comment thread. Page numbers that count up to the
 * same total are the evidence; the lines that come back at every break around them are furniture.
 */

/** A page number: "1/4", "Page 2 of 9", "- 3 -". */
const PAGE_NUMBER = [/^(\d{1,3})\s?\/\s?(\d{1,3})$/, /^page (\d{1,3}) of (\d{1,3})$/i];
/** How many non-blank lines above a page number (the page's footer) and below it (the next page's header) to look at. */
const ABOVE = 2;
const BELOW = 3;
/** The longest running header (the print date, the document's title) counted by its repeats alone, in UTF-16 code units. */
const MAX_HEADER_LENGTH = 80;

/**
 * A page number at the end of a line that is the same on every page: a browser prints the address
 * at the foot's left and "1/2" at its right, and pdftotext joins them on one line
 * ("localhost:8888/notebooks/comments.ipynb 1/2").
 */
const TRAILING_PAGE_NUMBER = /^(\S.{0,100}?)\s+(\d{1,3})\s?\/\s?(\d{1,3})$/;

type PageNumber = { at: number; n: number; of: number };

/** Whether the numbers count up, one a page, through one total. */
function countsUp(found: readonly PageNumber[]): boolean {
  if (found.length < 2) return false;
  const of = found[0]!.of;
  return found.every((f, k) => f.of === of && f.n <= of && (k === 0 || f.n === found[k - 1]!.n + 1));
}

/** The page-number lines of the page (indices), when they count up through a common total: at least two pages. */
function pageNumbers(lines: readonly Line[]): number[] {
  const found: PageNumber[] = [];
  // Page numbers after the same text, by that text.
  const after = new Map<string, PageNumber[]>();
  lines.forEach((line, at) => {
    if (line.blank) return;
    if (line.content.length <= 20) {
      for (const p of PAGE_NUMBER) {
        const m = p.exec(line.content);
        if (m) found.push({ at, n: Number(m[1]), of: Number(m[2]) });
      }
    }
    const m = /\d\s?\/\s?\d{1,3}$/.test(line.content) ? TRAILING_PAGE_NUMBER.exec(line.content) : null;
    if (m && !/[.!?]$/.test(m[1]!)) after.set(m[1]!, [...(after.get(m[1]!) ?? []), { at, n: Number(m[2]), of: Number(m[3]) }]);
  });
  if (countsUp(found)) return found.map((f) => f.at);
  for (const numbers of after.values()) if (countsUp(numbers)) return numbers.map((f) => f.at);
  return [];
}

/** Texts of the lines that are a printed page's furniture (page numbers included), or an empty set. */
export function pageFurniture(lines: readonly Line[]): Set<string> {
  const numbers = pageNumbers(lines);
  if (numbers.length === 0) return new Set();
  // In how many page breaks each text occurs (once per break at most).
  const breaks = new Map<string, number>();
  for (const at of numbers) {
    const near = new Set<string>();
    for (let i = at - 1, seen = 0; i >= 0 && seen < ABOVE; i--) if (!lines[i]!.blank) (near.add(lines[i]!.content), seen++);
    for (let i = at + 1, seen = 0; i < lines.length && seen < BELOW; i++) if (!lines[i]!.blank) (near.add(lines[i]!.content), seen++);
    for (const text of near) breaks.set(text, (breaks.get(text) ?? 0) + 1);
  }
  // The last page has a footer but no next page: a header comes back at one break fewer.
  const needed = Math.max(2, numbers.length - 1);
  // A header printed at the top of every page comes back at each break, and stands once more atop
  // the first page, away from any break: short lines near a break that the page holds once a page.
  const onPage = new Map<string, number>();
  for (const line of lines) if (!line.blank && breaks.has(line.content)) onPage.set(line.content, (onPage.get(line.content) ?? 0) + 1);
  const everyPage = (text: string) => text.length <= MAX_HEADER_LENGTH && (onPage.get(text) ?? 0) >= numbers.length;
  const furniture = new Set([...breaks].filter(([text, n]) => n >= needed || everyPage(text)).map(([text]) => text));
  for (const at of numbers) furniture.add(lines[at]!.content);
  return furniture;
}
