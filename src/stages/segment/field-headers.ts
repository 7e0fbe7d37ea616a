import type { Line } from './lines.js';
import { isFooter } from './patterns.js';

/**
 * Header blocks of labelled fields, as mail digests, mailbox files and list archives print each
 * message (RFC 5322: "Message: 1" / "Date: …" / "From: TheJesus <thejesus@example.net>" / …, a
 * value folded onto the next line starting it with a space or tab), as notification e-mails
 * print a comment ("Author: RayzorRay (IP address: …)" / "Email: …" / "URL:" / "Comment:"), and as
 * database shells print a row in line mode (sqlite3 `.mode line`: "     author = VivianLee" /
 * "       body = text", the labels right-aligned so that every " = " stands in one column). The
 * block names its writer in a From or Author field; it is followed by a blank line, or directly by
 * the text when its last field is an empty text label ("Comment:"), or it ends on the text's own
 * line when the text is the last field's value ("body = My sympathy to the gator!"). A comment API's
 * answer saved as YAML is a list of such blocks ("- id: …" / "  author: madcows" / "  text: |-"),
 * the text indented under its key and the replies nested one list level deeper.
 */

/** A field with a colon: a label of one to three words at column 0, a colon, then a value or nothing. */
const COLON_FIELD = /^[A-Z][A-Za-z0-9-]*(?: [A-Za-z0-9-]+){0,2}:(?:\s|$)/;
/** A field with an equals sign: a column name, " = ", the value (sqlite3 line mode). */
const EQUALS_FIELD = /^([A-Za-z_][A-Za-z0-9_]{0,30}) = /;
/** A YAML key: lower case, a colon, then a value or nothing; "- " before the first key of a list item. */
const YAML_FIELD = /^(- )?([a-z_][a-z0-9_]{0,30}):(?:\s|$)/;
/** A YAML block scalar's indicator ("text: |-"): the value is the more indented lines under the key. */
const BLOCK_SCALAR = /^[|>][+-]?$/;
/** Labels of fields that name the writer. */
const WRITER_LABEL = /^(?:from|author|posted by|poster|user|username|user_name|author_name)$/i;
/** Labels of the field that holds the text. */
const TEXT_LABEL = /^(?:comment|text|message|body|content|reply|comment_text)$/i;
/** The envelope line that opens each message of an mbox file: "From user@host Fri Aug 12 16:19:04 2016". */
const MBOX_FROM = /^From \S+@\S+ +\w{3} \w{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/;
/**
 * A form's responses printed one after another (Google Forms: each question on a line ending in the
 * required mark " *", its answer on the next line): a block of questions and answers, the writer in
 * the answer to a question about a name, the text under a last question about the comment itself.
 */
const QUESTION = /^\S.{0,80}\s\*$/;
const WRITER_QUESTION = /\b(?:name|author|user(?:name)?|screen name)\b/i;
const TEXT_QUESTION = /^(?:comment|text|message|response|body|reply)\b/i;
/** The most questions a form block has before its text (a bound, so that a long list of questions is read in linear time). */
const MAX_QUESTIONS = 30;

/** The form block at line `i`: its length in lines (to the text question), or null. */
function formBlockAt(lines: readonly Line[], i: number): { length: number; author: string } | null {
  let author: string | null = null;
  for (let j = i; j < lines.length && j < i + 2 * MAX_QUESTIONS && !lines[j]!.blank && QUESTION.test(lines[j]!.content); j += 2) {
    const question = lines[j]!.content;
    if (TEXT_QUESTION.test(question)) return author === null ? null : { length: j - i + 1, author };
    const answer = lines[j + 1];
    if (answer === undefined || answer.blank || QUESTION.test(answer.content)) return null;
    if (WRITER_QUESTION.test(question)) author = answer.content;
  }
  return null;
}

/** A rule between records ("--" in `gh issue view` output, "----"). */
const RULE = /^(?:-{2,}|={2,}|_{2,}|\*{3,})$/;
/** The fewest blocks that make a page's layout. */
const MIN_BLOCKS = 3;

/** A field line: its label, where its value starts in the line's content (code units), and the column of its separator. */
interface Field {
  label: string;
  valueAt: number;
  /** Column of " = " (equals fields, which line-mode output aligns), of a YAML key, or -1 (colon fields). */
  column: number;
  /** A YAML list item's first key ("- id: 2741271958"): a block starts here. */
  item?: boolean;
}

function fieldOf(line: Line): Field | null {
  const c = line.content;
  if (line.indent === 0 && COLON_FIELD.test(c)) {
    const colon = c.indexOf(':');
    const valueAt = colon + 1 + (/^\s*/.exec(c.slice(colon + 1))?.[0].length ?? 0);
    return { label: c.slice(0, colon), valueAt, column: -1 };
  }
  const m = EQUALS_FIELD.exec(c);
  if (m) return { label: m[1]!, valueAt: m[0].length, column: line.indent + m[1]!.length };
  const y = YAML_FIELD.exec(c);
  if (!y) return null;
  const dash = y[1]?.length ?? 0;
  const valueAt = y[0].length + (/^\s*/.exec(c.slice(y[0].length))?.[0].length ?? 0);
  return { label: y[2]!, valueAt, column: line.indent + dash, ...(dash > 0 ? { item: true } : {}) };
}

/** The field block at line `i`: its length in lines, and where the text starts on its last line when that line's value is the text (code units into the content). */
/** Blocks by first line, found once per array of lines: the thread parser, the thread start and the layout's opening label ask for the same lines. */
const blocks = new WeakMap<readonly Line[], Map<number, { length: number; textAt?: number } | null>>();

function blockAt(lines: readonly Line[], i: number): { length: number; textAt?: number } | null {
  let found = blocks.get(lines);
  if (found === undefined) {
    found = new Map();
    blocks.set(lines, found);
  }
  let block = found.get(i);
  if (block === undefined) {
    block = readBlock(lines, i);
    found.set(i, block);
  }
  return block;
}

function readBlock(lines: readonly Line[], i: number): { length: number; textAt?: number } | null {
  const form = lines[i] !== undefined && !lines[i]!.blank && QUESTION.test(lines[i]!.content) ? formBlockAt(lines, i) : null;
  if (form !== null) return { length: form.length };
  // An mbox message's envelope line comes first, then its header fields.
  let j = lines[i] !== undefined && !lines[i]!.blank && MBOX_FROM.test(lines[i]!.content) ? i + 1 : i;
  let writer = false;
  let column: number | undefined;
  let textAt: number | undefined;
  while (j < lines.length && !lines[j]!.blank) {
    const line = lines[j]!;
    const field = fieldOf(line);
    // Line-mode fields align their " = ", YAML keys their first letter; a colon block folds long values
    // onto indented lines. A second list item starts the next block.
    const aligned = field !== null && (field.column === -1 || column === undefined || field.column === column) && !(j > i && field.item);
    const folded = field === null && j > i && line.indent > 0 && column === -1;
    if (!(field && aligned) && !folded) break;
    if (field) {
      column ??= field.column;
      if (WRITER_LABEL.test(field.label)) writer = true;
    }
    j++;
    // The text's field comes after the writer's ("Message: 1" opens a digest's block, "From:" follows).
    if (field && writer && TEXT_LABEL.test(field.label)) {
      const value = line.content.slice(field.valueAt);
      if (value !== '' && !BLOCK_SCALAR.test(value)) textAt = field.valueAt;
      break;
    }
  }
  if (j - i < 2 || !writer) return null;
  const last = lines[j - 1]!;
  const lastField = fieldOf(last);
  const endsWithTextLabel = lastField !== null && TEXT_LABEL.test(lastField.label);
  if (!(j === lines.length || lines[j]!.blank || RULE.test(lines[j]!.content) || endsWithTextLabel)) return null;
  return textAt === undefined ? { length: j - i } : { length: j - i, textAt };
}

/** How many lines the field block at line `i` has (0: none): two fields at least, one naming the writer. */
export function fieldHeaderBlockAt(lines: readonly Line[], i: number): number {
  return blockAt(lines, i)?.length ?? 0;
}

/**
 * How many lines the field block that opens at line `i` has (0: none): a block opens after a blank
 * line, or after boilerplate such as the shell command that printed it ("sqlite> SELECT …").
 */
export function fieldHeaderBlockOpeningAt(lines: readonly Line[], i: number): number {
  const above = lines[i - 1];
  // (A form block opens anywhere: its questions say where it starts.)
  if (!(above === undefined || above.blank || isFooter(above.content) || RULE.test(above.content) || fieldOf(lines[i]!)?.item === true || QUESTION.test(lines[i]!.content))) return 0;
  const k = fieldHeaderBlockAt(lines, i);
  // A block that opens with another field than the page's blocks do is the record the comments
  // belong to (an issue's "title:" / "state:" / "author:" block over its comments' "author:" blocks).
  return k > 0 && firstLabel(lines, i) !== openingLabel(lines) ? 0 : k;
}

/** The label of the block's first field at line `i` (after an mbox envelope line), lower case. */
function firstLabel(lines: readonly Line[], i: number): string {
  if (QUESTION.test(lines[i]!.content)) return lines[i]!.content.toLowerCase();
  const at = MBOX_FROM.test(lines[i]!.content) ? i + 1 : i;
  return fieldOf(lines[at]!)?.label.toLowerCase() ?? '';
}

/** The label most of the page's field blocks open with, found once per array of lines. */
const openingLabels = new WeakMap<readonly Line[], string>();
function openingLabel(lines: readonly Line[]): string {
  let label = openingLabels.get(lines);
  if (label === undefined) {
    const counts = new Map<string, number>();
    for (let i = 0; i < lines.length; i++) {
      const k = lines[i]!.blank ? 0 : fieldHeaderBlockAt(lines, i);
      if (k === 0) continue;
      const first = firstLabel(lines, i);
      counts.set(first, (counts.get(first) ?? 0) + 1);
      i += k - 1;
    }
    label = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
    openingLabels.set(lines, label);
  }
  return label;
}

/** How often each line text occurs on the page, counted once per array of lines. */
const textCounts = new WeakMap<readonly Line[], Map<string, number>>();

/** Whether line `i` is a title repeated over every block (three times at least, right above a block: a form's name over each response). */
export function isBlockTitle(lines: readonly Line[], i: number): boolean {
  let counts = textCounts.get(lines);
  if (counts === undefined) {
    counts = new Map();
    for (const l of lines) if (!l.blank) counts.set(l.content, (counts.get(l.content) ?? 0) + 1);
    textCounts.set(lines, counts);
  }
  return !lines[i]!.blank && (counts.get(lines[i]!.content) ?? 0) >= MIN_BLOCKS && lines[i + 1] !== undefined && fieldHeaderBlockOpeningAt(lines, i + 1) > 0;
}

/** Whether a line is a rule between records ("--"). */
export function isRecordRule(line: Line): boolean {
  return !line.blank && RULE.test(line.content);
}

/** Whether a line is a field of its own outside any block ("replies: []", "total_comments: 193"): the record's furniture. */
export function isLoneField(line: Line): boolean {
  return !line.blank && fieldOf(line) !== null;
}

/** Where the text starts on the field block's last line (code units into its content), when the last field's value is the text. */
export function fieldTextStart(lines: readonly Line[], i: number): number | undefined {
  return blockAt(lines, i)?.textAt;
}

/** The writer a field block names: the display name (without an address or a note in brackets), else the address's local part. */
export function fieldAuthor(block: readonly Line[]): string | null {
  const form = block.length > 0 && QUESTION.test(block[0]!.content) ? formBlockAt(block, 0) : null;
  if (form !== null) return form.author;
  const value = block.flatMap((l) => {
    const f = fieldOf(l);
    return f && WRITER_LABEL.test(f.label) ? [l.content.slice(f.valueAt).trim()] : [];
  })[0];
  if (!value) return null;
  const name = value.replace(/\s*(?:<[^>]*>|\([^)]*\))\s*$/, '').replace(/^"|"$/g, '').trim();
  if (name) return name;
  return /<?([^@<>\s]+)@/.exec(value)?.[1] ?? value;
}

/** Whether the page prints its comments with field blocks (three at least). */
export function hasFieldHeaders(lines: readonly Line[]): boolean {
  let found = 0;
  for (let i = 0; i < lines.length && found < MIN_BLOCKS; i++) {
    if ((i === 0 || lines[i - 1]!.blank || fieldOf(lines[i - 1]!) === null || fieldOf(lines[i]!)?.item === true) && fieldHeaderBlockAt(lines, i) > 0) found++;
  }
  return found >= MIN_BLOCKS;
}
