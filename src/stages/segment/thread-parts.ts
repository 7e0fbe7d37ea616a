import type { Line } from './lines.js';
import { isFooter, isThreadChrome } from './patterns.js';
import type { Segment } from './types.js';

/** What every thread parser (thread.ts, signed-thread.ts, bare-thread.ts) uses: nesting by indentation, the thread's tail, header spans. */

/** Tracks nesting by header indentation: a comment replies to the nearest shallower one. */
export class Nesting {
  private readonly stack: { indent: number; index: number }[] = [];

  place(indent: number, index: number): { depth: number; parent: number | null } {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.indent >= indent) this.stack.pop();
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1]!.index : null;
    const depth = this.stack.length;
    this.stack.push({ indent, index });
    return { depth, parent };
  }
}

/** Splits trailing boilerplate (footer lines at the end of the zone) off the thread. */
export function splitTrailingFooter(lines: readonly Line[]): { body: Line[]; footer: Segment[] } {
  let cut = lines.length;
  const lastLine = lines.findLastIndex((l) => !l.blank);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.blank) continue;
    // A button of a word or two right under a footer line ("Send a message" / "Chat") is part of it.
    const above = lines[i - 1];
    const buttonUnderFooter = /^[\p{L}]+(?: [\p{L}]+)?$/u.test(line.content) && above !== undefined && !above.blank && isFooter(above.content);
    // …and the page's last line, a row of up to three capitalised words under the list's buttons ("Load All Comments" / "Full Abbreviated Hidden").
    const lastButtons = i === lastLine && /^\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,2}$/u.test(line.content) && above !== undefined && !above.blank && isThreadChrome(above.content);
    if (!isFooter(line.content) && !buttonUnderFooter && !lastButtons) break;
    cut = i;
  }
  const footer = lines
    .slice(cut)
    .filter((l) => !l.blank)
    .map((l): Segment => ({ start: l.contentStart, end: l.contentEnd, kind: 'footer' }));
  return { body: lines.slice(0, cut), footer };
}

export function docText(lines: readonly Line[], text: string, from: number, to: number) {
  return { start: from, end: to, text: text.slice(from, to) };
}

/** The next non-blank line after line `i`, if any. */
export function nextNonBlank(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++) if (!lines[j]!.blank) return lines[j];
  return undefined;
}
