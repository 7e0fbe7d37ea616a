import type { Line } from './lines.js';
import { lineShape } from './induce.js';
import { TEXT_LABELS } from './patterns.js';

/**
 * Headers that share their line with the comment text: chat logs and exports print a repeated
 * prefix before every message ("[21:43] <user> text", "user: text", "6/4/16, 9:43 PM - Name:
 * text"). Reduced to its shape (names → N, digits → 0, the widget's words kept; induce.ts),
 * such a prefix repeats at the start of most lines of the thread while the rest of each line
 * differs, which prose does not do.
 */

/** How many leading words a prefix may have. */
const MAX_PREFIX_WORDS = 6;
/** How often a prefix shape must open a line to count as the layout's. */
const MIN_REPEATS = 3;

/** A word that closes a prefix: it ends in a bracket, a colon or a guillemet ("<user>", "[21:43]", "user:"). */
const CLOSES = /[>\]):»]$/;
/** A separator word between a prefix and what follows ("-", "|", "·"). */
const SEPARATOR = /^(?:[-–—|·•»:]|::)$/;

export interface InlinePrefix {
  /** Shape of the prefix (lineShape). */
  shape: string;
  /** The name in the prefix, as shown. */
  name: string;
  /** End of the prefix within the trimmed line (UTF-16 code units). */
  end: number;
  /** Where the text after it starts within the trimmed line. */
  textStart: number;
}

/** Candidate prefixes of a trimmed line that hold a name and have text after them, shortest first. */
export function inlinePrefixes(content: string): InlinePrefix[] {
  const words = [...content.matchAll(/\S+/g)];
  const out: InlinePrefix[] = [];
  for (let k = 0; k < Math.min(MAX_PREFIX_WORDS, words.length - 1); k++) {
    const word = words[k]![0];
    if (!CLOSES.test(word) && !SEPARATOR.test(word)) continue;
    const end = words[k]!.index! + word.length;
    const shape = lineShape(content.slice(0, end));
    if (shape === null || shape.name === null || !isUserName(shape.name)) continue;
    out.push({ shape: shape.shape, name: shape.name, end, textStart: words[k + 1]!.index! });
  }
  return out;
}

/**
 * A name a chat prefix can hold: not a label that introduces text ("Update:", "Note:") and not all
 * capitals ("Q:", "TRUMP:", the speaker labels of interviews and transcripts in an article).
 */
function isUserName(name: string): boolean {
  return !TEXT_LABELS.has(name.toLowerCase()) && /[\p{Ll}\d]/u.test(name);
}

/**
 * The inline header shape of a page's lines, or null. It must open at least MIN_REPEATS lines
 * and one in three of the non-blank lines from its first occurrence on (a message may go on for
 * a paragraph or two without it), and the lines it opens must differ in shape after it (a
 * header line "user — Today at 9:43 PM" repeats whole: that is a header of its own line).
 */
export function induceInlineHeader(lines: readonly Line[]): string | null {
  const occurrences = new Map<string, number[]>();
  // Non-blank lines from line i to the end of the page.
  const nonBlankFrom = new Array<number>(lines.length + 1).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) nonBlankFrom[i] = nonBlankFrom[i + 1]! + (lines[i]!.blank ? 0 : 1);
  lines.forEach((line, i) => {
    if (line.blank) return;
    for (const shape of new Set(inlinePrefixes(line.content).map((p) => p.shape))) {
      const at = occurrences.get(shape);
      if (at) at.push(i);
      else occurrences.set(shape, [i]);
    }
  });
  let best: { shape: string; count: number } | null = null;
  for (const [shape, at] of occurrences) {
    if (at.length < MIN_REPEATS || (best !== null && at.length <= best.count)) continue;
    const nonBlank = nonBlankFrom[at[0]!]!;
    const wholeShapes = new Set(at.map((i) => lineShape(lines[i]!.content)?.shape ?? `#${i}`));
    if (at.length * 3 >= nonBlank && wholeShapes.size * 3 >= at.length * 2) best = { shape, count: at.length };
  }
  return best?.shape ?? null;
}

/** The inline header of this line for the page's prefix shape, or undefined. */
export function inlineHeaderAt(shape: string, line: Line): InlinePrefix | undefined {
  if (line.blank) return undefined;
  return inlinePrefixes(line.content).find((p) => p.shape === shape);
}
