import type { InducedLayout } from './induce.js';
import type { Line } from './lines.js';
import { shapeOf } from './line-shape.js';
import { isCaption, isDateLine, isFooter, isSourceLine, isThreadChrome } from './patterns.js';

/**
 * What a shape learnt by induction turns out to be once its neighbours are read: a trailer line
 * rather than a header, a signature rather than a header, which of its names is the writer.
 */

/** How often a shape must occur to count as the widget's. */
export const MIN_REPEATS = 3;

/** How far past a header (in lines) the trailer check looks: a header's own widget lines are fewer. */
const SCAN_LINES = 12;

/**
 * Whether the thread ends with a header and starts with text: after the page's last header line (three at least)
 * come only widget lines, boilerplate and blank lines. A header opens its comment's text, so the
 * last one has text under it; a signature follows its text, so nothing but buttons and the page's
 * tail come after the last one ("… by Thooper" / "[ Post Reply | Private Reply | View Replies]" /
 * "first 1-20, 21-40 … next last" / "Disclaimer: …"). This tells signatures from headers where
 * blank lines stand on both sides of them.
 */
export function endsWithHeader(lines: readonly Line[], layout: InducedLayout): boolean {
  const isHeader = (l: Line) => layout.headers.has(shapeOf(l)?.shape ?? '');
  const at = lines.flatMap((l, i) => (isHeader(l) ? [i] : []));
  if (at.length < MIN_REPEATS) return false;
  // The first signature signs text, after the usual break of a paragraph; a first header comes after
  // the article's wide break or its boilerplate. (A last comment with no text, "— ron12 · 4 minutes
  // ago" at the end of the page, also leaves nothing after the last header.)
  let above = at[0]! - 1;
  while (above >= 0 && lines[above]!.blank) above--;
  const textAbove = above >= 0 && at[0]! - above <= 2 && !isFooter(lines[above]!.content) && !isThreadChrome(lines[above]!.content) && !isCaption(lines[above]!.content) && !isSourceLine(lines[above]!.content) && !isDateLine(lines[above]!.content);
  return textAbove && lines.slice(at[at.length - 1]! + 1).every((l) => l.blank || isHeader(l) || layout.buttons.has(shapeOf(l)?.shape ?? '') || isThreadChrome(l.content) || isFooter(l.content));
}

/**
 * Header shapes that open no text are a message's trailer lines, not headers: a mail reader's
 * tear line and origin line ("--- Blue Wave/DOS v2.30" / " * Origin: Prairie Node (2:5059/783)")
 * end each message, and after them (and the widget lines right under them) come a blank line and
 * the next header block, a button line or the end of the page. They move to the button shapes
 * (footers that close the comment above them) when two thirds of their occurrences open no text.
 */
export function demoteTrailers(lines: readonly Line[], occurrences: ReadonlyMap<string, { at: readonly number[] }>, headers: Set<string>, buttons: Set<string>, blocks: readonly string[][]): void {
  const blockStarts = new Set(blocks.map((b) => b[0]!));
  const opensNothing = (i: number) => {
    let j = i + 1;
    const widget = (line: Line) => headers.has(shapeOf(line)?.shape ?? '') || buttons.has(shapeOf(line)?.shape ?? '') || isThreadChrome(line.content);
    // Each scan looks a few lines ahead only (SCAN_LINES): a page of widget-shaped lines with no blank line
    // (records exported one per line) would otherwise be read once per header, in quadratic time.
    while (j < lines.length && j <= i + SCAN_LINES && !lines[j]!.blank && widget(lines[j]!)) j++;
    if (j < lines.length && !lines[j]!.blank) return false; // text right under the header lines
    const blanksFrom = j;
    while (j < lines.length && j <= blanksFrom + SCAN_LINES && lines[j]!.blank) j++;
    const next = j < lines.length ? shapeOf(lines[j]!)?.shape : undefined;
    if (j >= lines.length || next === undefined || !(buttons.has(next) || blockStarts.has(next)) || headers.has(next)) return j >= lines.length;
    // A paragraph of button lines and then text ("Reference 1 - 69.90% Coverage" / "" / the text): the header opens that text.
    let k = j;
    while (k < lines.length && k <= j + SCAN_LINES && (lines[k]!.blank || (buttons.has(shapeOf(lines[k]!)?.shape ?? '') && !blockStarts.has(shapeOf(lines[k]!)?.shape ?? '')))) k++;
    const after = k < lines.length ? shapeOf(lines[k]!)?.shape : undefined;
    return !(k < lines.length && k > j && !blockStarts.has(after ?? '') && !headers.has(after ?? '') && !isThreadChrome(lines[k]!.content));
  };
  for (const shape of [...headers]) {
    const at = occurrences.get(shape)!.at;
    if (at.filter(opensNothing).length * 3 >= at.length * 2) {
      headers.delete(shape);
      buttons.add(shape);
    }
  }
}

/**
 * Which run of name words is the writer in each header shape with several: the one that varies
 * most from comment to comment. The others are the widget's own words that the word lists lack
 * ("A photo posted by Stinkypants (@stinkypants) …": "A photo", or "A video", is the widget's).
 * The first run wins ties. Shapes with one run are left out (run 0).
 */
export function writerRuns(lines: readonly Line[], headers: ReadonlySet<string>): Map<string, number> {
  const values = new Map<string, Set<string>[]>();
  for (const line of lines) {
    const s = shapeOf(line);
    if (!s || !headers.has(s.shape) || s.names.length < 2) continue;
    const runs = values.get(s.shape) ?? s.names.map(() => new Set<string>());
    s.names.forEach((n, k) => runs[k]?.add(n.toLowerCase()));
    values.set(s.shape, runs);
  }
  const best = new Map<string, number>();
  for (const [shape, runs] of values) {
    const k = runs.reduce((b, r, i) => (r.size > runs[b]!.size ? i : b), 0);
    if (k > 0) best.set(shape, k);
  }
  return best;
}

/** The most words a learnt button line has ("Thank", "Helpful", "Mark as answer"). */
const MAX_BUTTON_WORDS = 3;
/** The longest learnt button line, in UTF-16 code units. */
const MAX_BUTTON_LENGTH = 40;

/**
 * Short lines repeated word for word that stand right next to known button lines in most of their
 * places: buttons no list has ("Thank" above "Reply" on a neighbourhood forum). Comment text that
 * repeats word for word ("So get out, traitor.") is seldom glued to the buttons twice over.
 */
export function buttonsBesideButtons(lines: readonly Line[]): Set<string> {
  const places = new Map<string, { total: number; beside: number }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Long lines are text: checked by length first, the cheap test, before counting words (units: UTF-16 code units).
    if (line.blank || line.content.length > MAX_BUTTON_LENGTH || line.content.split(/\s+/).length > MAX_BUTTON_WORDS || /[.!?,;:]$/.test(line.content) || isThreadChrome(line.content)) continue;
    const entry = places.get(line.content) ?? { total: 0, beside: 0 };
    entry.total++;
    const near = (l: Line | undefined) => l !== undefined && !l.blank && isThreadChrome(l.content);
    // Right above a button line, or right under one with nothing under it: a name under the buttons
    // of the comment before, over its own text ("Like · Reply · 2y" / "PurelyRational" / text), is a header.
    const below = lines[i + 1];
    if (near(below) || (near(lines[i - 1]) && (below === undefined || below.blank))) entry.beside++;
    places.set(line.content, entry);
  }
  return new Set([...places].filter(([, { total, beside }]) => total >= MIN_REPEATS && beside * 3 >= total * 2).map(([text]) => text));
}
