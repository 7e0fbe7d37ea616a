import type { Line } from './lines.js';

/**
 * Mail header blocks, as digests, mailbox files and list archives print each message: adjacent
 * `Field-Name: value` lines (RFC 5322; a value folded onto the next line starts it with a space or
 * tab) among which a `From:` names the writer ("From: TheJesus <thejesus@example.net>").
 */

const FIELD = /^[A-Z][A-Za-z0-9-]{1,40}:(?:\s|$)/;
const FROM = /^From:\s*(.*)$/;
/** The fewest blocks that make a page's layout. */
const MIN_BLOCKS = 3;

/** How many lines the mail header block at line `i` has (0: none): two fields at least, one of them From. */
export function mailHeaderBlockAt(lines: readonly Line[], i: number): number {
  let j = i;
  let from = false;
  while (j < lines.length && !lines[j]!.blank) {
    const line = lines[j]!;
    const field = line.indent === 0 && FIELD.test(line.content);
    const folded = j > i && line.indent > 0;
    if (!field && !folded) break;
    if (field && FROM.test(line.content)) from = true;
    j++;
  }
  return j - i >= 2 && from && (j === lines.length || lines[j]!.blank) ? j - i : 0;
}

/** The writer a mail header block names: the From field's display name, else its address's local part. */
export function mailAuthor(block: readonly Line[]): string | null {
  const from = block.map((l) => FROM.exec(l.content)?.[1]?.trim()).find((v) => v !== undefined);
  if (!from) return null;
  const name = from.replace(/\s*<[^>]*>\s*$/, '').replace(/^"|"$/g, '').trim();
  if (name) return name;
  return /<?([^@<>\s]+)@/.exec(from)?.[1] ?? from;
}

/** Whether the page prints its messages with mail header blocks (three at least). */
export function hasMailHeaders(lines: readonly Line[]): boolean {
  let found = 0;
  for (let i = 0; i < lines.length && found < MIN_BLOCKS; i++) {
    if ((i === 0 || lines[i - 1]!.blank) && mailHeaderBlockAt(lines, i) > 0) found++;
  }
  return found >= MIN_BLOCKS;
}
