import { isEnglishWord } from '../../core/english-words.js';
import type { Line } from './lines.js';
import { isThreadChrome } from './patterns.js';

/**
 * Comment widgets that print the user name as the first word of the comment, with nothing
 * between them, and a button line under each comment (Instagram, TikTok):
 *
 *   Falconetti101 That woman is an evil pos
 *   157w 17 likes Reply
 *
 * Nothing marks the name but where it stands (the first word after a button line) and what it
 * is: a handle ("MJones54", "saynotodemcraps"), not an English word. A page has this layout when
 * most button lines are followed by such a line and most of those lines start with a word that
 * is no English word; the first word of every such line is then its author.
 */

/** How many button lines a thread needs before the layout is considered. */
const MIN_BUTTON_LINES = 3;

/** The first word of a line, as a handle candidate: letters, digits, "_", "." and "-" inside. */
const FIRST_WORD = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?=\s+\S)/u;

/** Does line `i` open a comment of this layout: the first line of the thread or the first line after a button line? */
export function opensHandleComment(lines: readonly Line[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) if (!lines[j]!.blank) return isThreadChrome(lines[j]!.content);
  return true;
}

/** The handle at the start of a line and where the text after it starts (offsets in the trimmed line), or null. */
export function leadingHandle(content: string): { name: string; textStart: number } | null {
  const word = FIRST_WORD.exec(content)?.[0];
  if (word === undefined) return null;
  return { name: word, textStart: content.indexOf(content.slice(word.length).trimStart(), word.length) };
}

/** Whether a word reads as a user handle rather than the first word of a sentence. */
function isHandle(word: string): boolean {
  return !isEnglishWord(word.toLowerCase()) && !/^\p{N}+$/u.test(word);
}

/** Whether the page's comments are written "handle text" with a button line under each (see above). */
export function isHandleFirstThread(lines: readonly Line[]): boolean {
  const buttons = lines.flatMap((l, i) => (!l.blank && isThreadChrome(l.content) ? [i] : []));
  if (buttons.length < MIN_BUTTON_LINES) return false;
  const openings = buttons.flatMap((b) => {
    let j = b + 1;
    while (j < lines.length && lines[j]!.blank) j++;
    const handle = j < lines.length && !isThreadChrome(lines[j]!.content) ? leadingHandle(lines[j]!.content) : null;
    return handle ? [handle.name] : [];
  });
  return openings.length * 3 >= (buttons.length - 1) * 2 && openings.filter(isHandle).length * 3 >= openings.length * 2;
}
