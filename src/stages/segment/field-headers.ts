import type { Line } from './lines.js';

/**
 * Header blocks of labelled fields, as mail digests, mailbox files and list archives print each
 * message (RFC 5322: "Message: 1" / "Date: …" / "From: TheJesus <thejesus@example.net>" / …, a
 * value folded onto the next line starting it with a space or tab), and as notification e-mails
 * print a comment ("Author: RayzorRay (IP address: …)" / "Email: …" / "URL:" / "Comment:"). The
 * block names its writer in a From or Author field; it is followed by a blank line, or directly by
 * the text when its last field is an empty text label ("Comment:").
 */

/** A field: a label of one to three words, a colon, then a value or nothing. */
const FIELD = /^[A-Z][A-Za-z0-9-]*(?: [A-Za-z0-9-]+){0,2}:(?:\s|$)/;
/** Fields that name the writer. */
const WRITER = /^(?:From|Author|Posted by|Poster|User|Username):\s*(.*)$/;
/** An empty label after which the text follows on the next lines. */
const TEXT_LABEL = /^(?:Comment|Text|Message|Body|Content|Reply):$/;
/** The fewest blocks that make a page's layout. */
const MIN_BLOCKS = 3;

/** How many lines the field block at line `i` has (0: none): two fields at least, one naming the writer. */
export function fieldHeaderBlockAt(lines: readonly Line[], i: number): number {
  let j = i;
  let writer = false;
  while (j < lines.length && !lines[j]!.blank) {
    const line = lines[j]!;
    const field = line.indent === 0 && FIELD.test(line.content);
    const folded = j > i && line.indent > 0;
    if (!field && !folded) break;
    if (field && WRITER.test(line.content)) writer = true;
    j++;
    if (field && TEXT_LABEL.test(line.content)) break;
  }
  if (j - i < 2 || !writer) return 0;
  const ends = j === lines.length || lines[j]!.blank || TEXT_LABEL.test(lines[j - 1]!.content);
  return ends ? j - i : 0;
}

/** The writer a field block names: the display name (without an address or a note in brackets), else the address's local part. */
export function fieldAuthor(block: readonly Line[]): string | null {
  const value = block.map((l) => WRITER.exec(l.content)?.[1]?.trim()).find((v) => v !== undefined);
  if (!value) return null;
  const name = value.replace(/\s*(?:<[^>]*>|\([^)]*\))\s*$/, '').replace(/^"|"$/g, '').trim();
  if (name) return name;
  return /<?([^@<>\s]+)@/.exec(value)?.[1] ?? value;
}

/** Whether the page prints its comments with field blocks (three at least). */
export function hasFieldHeaders(lines: readonly Line[]): boolean {
  let found = 0;
  for (let i = 0; i < lines.length && found < MIN_BLOCKS; i++) {
    if ((i === 0 || lines[i - 1]!.blank || !FIELD.test(lines[i - 1]!.content)) && fieldHeaderBlockAt(lines, i) > 0) found++;
  }
  return found >= MIN_BLOCKS;
}
