import type { InlineHeader } from './inline.js';
import type { Line } from './lines.js';
import { isCaption, isDateLine, isFooter, isSourceLine, isThreadChrome, SUBJECT_LINE } from './patterns.js';
import { isFilePath, shapeOf, writerOfFile } from './line-shape.js';
import { buttonsBesideButtons, demoteTrailers, endsWithHeader, MIN_REPEATS, writerRuns } from './shape-roles.js';
import { findSignatureParagraphs } from './signature-paragraphs.js';
import { pageFurniture } from './page-furniture.js';

/**
 * Layout induction for comment widgets the header patterns do not know. A widget prints the
 * same header around every comment ("Posted 3 hours ago by user", "user — Today at 9:43 PM",
 * "Anonymous 06/04/16(Sat)09:43:12 No.4512345") and often the same button line after it
 * ("♥ 12", "Reply | Report"). Reduced to its *shape* — names become N, digits become 0, the
 * widget's own words stay — such a line repeats down the page, which comment text almost never
 * does. So a short shape that repeats is a header when it holds a name, and a widget line
 * when it holds none. (Line shapes: line-shape.ts; what a learnt shape turns out to be: shape-roles.ts.)
 */

/** The most lines a learnt header block has (user cards: name, place, counts, date). */
const MAX_BLOCK_LINES = 6;

export interface InducedLayout {
  /** Shapes of header lines: they hold a name and something of the widget's own. */
  headers: Set<string>;
  /** Shapes of widget lines without a name ("♥ 0", "reply | report", "june 0, 0"). */
  buttons: Set<string>;
  /** Button lines by their text, learnt beside known buttons ("Thank" above "Reply"; shape-roles.ts). */
  buttonLines?: ReadonlySet<string>;
  /** A printed document's running headers, footers and page numbers, by their text (page-furniture.ts). */
  furniture?: ReadonlySet<string>;
  /**
   * Headers of two or three lines ("KI" / "killterrists" / "1w"; "Ruppert Baird • 2nd" / "Sales
   * manager at Northwind"), as their line shapes, longest first.
   */
  blocks: string[][];
  /** The header follows its comment's text (a signature: "text" / "— user, Jun 16 2016"). */
  trailing: boolean;
  /** A header that shares its line with the text ("[21:43] <user> text", "text – user Aug 17"; inline.ts). */
  inline?: InlineHeader;
  /** Each comment opens with its author's handle, after the button line of the one before (handle-first.ts). */
  handleFirst?: boolean;
  /** Each comment opens with a block of labelled fields: mail headers, notification e-mails (field-headers.ts). */
  fieldHeaders?: boolean;
  /** For header shapes with several runs of name words, the run that is the writer (writerRuns). */
  nameRuns?: ReadonlyMap<string, number>;
  /** Stand-alone signature paragraphs after the text ("Gman1234" / "Brooklyn"): first line → length in lines (signature-paragraphs.ts). */
  signatures?: ReadonlyMap<Line, number>;
  /**
   * Lines that follow the name line of a timestamp-then-name header and repeat across the page:
   * the user's title ("Gold Member", "Senior Member"), part of the header.
   */
  blockLabels?: ReadonlySet<string>;
}

/**
 * In a header block, a first line of any shape that holds a name: the name line above a
 * widget's timestamp line, when the name comes with free text ("A Jmt, Retired police officer" /
 * "Answered 3 years ago"), so that its shape changes from comment to comment.
 */
export const ANY_NAMED = '<any line with a name>';
/** Shapes with a time in them: an age, a month, a weekday, a clock time, a numeric date. */
const TIME_SHAPE = /\b(?:unit|month|wday|rel|age)\b|0:0|0\/0/;

/** Where a multi-line header of the layout starts at line `i`: how many lines it has (0: none). */
export function inducedBlockAt(layout: InducedLayout, lines: readonly Line[], i: number): number {
  return blockAt(layout, lines, i)?.length ?? 0;
}

/** The layout's header block at line `i` and how many lines it takes (with a title or count under it), or null. */
function blockAt(layout: InducedLayout, lines: readonly Line[], i: number): { block: readonly string[]; length: number } | null {
  for (const block of layout.blocks) {
    const window = lines.slice(i, i + block.length);
    // A note in brackets at the end of a block line that some comments carry ("Jun 16, 2016 8:43:05 AM
    // (Read by you after 2 minutes, 24 seconds)") leaves it the same line of the block.
    const shapeFits = (shape: string | undefined, want: string) => shape === want || (shape?.endsWith(')') === true && shape.replace(/\s+\([^()]*\)$/, '') === want);
    const fits = (l: Line, k: number) => (block[k] === ANY_NAMED ? (shapeOf(l)?.name ?? null) !== null && !isDateLine(l.content) : shapeFits(shapeOf(l)?.shape, block[k]!));
    if (window.length !== block.length || !window.every(fits)) continue;
    // Under the header: the user's title or a badge ("Gold Member", "Guardian Pick"), or under a
    // name line that ends it, a count ("5,156").
    const next = lines[i + block.length];
    const afterNext = lines[i + block.length + 1];
    // …or the post's number ("#10"), which forums print as the header's last line.
    const title = next !== undefined && !next.blank && (layout.blockLabels?.has(next.content) || /^#\d{1,5}$/.test(next.content));
    const count = block[block.length - 1] === ANY_NAMED && next !== undefined && !next.blank && /^[\d,.]+$/.test(next.content) && (afterNext === undefined || afterNext.blank);
    return { block, length: title || count ? block.length + 1 : block.length };
  }
  return null;
}

/** The author in a header of several lines: the first name that is not a user's initials ("KI"). */
export function blockAuthor(lines: readonly Line[]): string | null {
  // A field or byline that names the writer ("From : Gman1234   2:5034/818.16 …", "by frommie » Wed …").
  const field = lines.find((l) => /^(?:(?:from|author|poster|posted by|user)\s*:|by\s)/i.test(l.content));
  // The field's label is no name ("Author: storm46 <storm46@…>", as git log prints it).
  const fieldName = field ? shapeOf(field)?.names.find((n) => !/^(?:author|poster|user)$/i.test(n)) : null;
  if (fieldName) return fieldName;
  // A forum's "Re: <title>" line names the topic, not the writer.
  const names = lines.filter((l) => !SUBJECT_LINE.test(l.content)).map((l) => shapeOf(l)?.name ?? null).filter((n): n is string => n !== null);
  // A line that is a name and nothing else is the user name ("wayne230" under "wayne230's profile photo").
  // A possessive phrase ("wayne230's profile photo", an avatar's alt text) is about the user, not the name.
  const alone = lines.filter((l) => shapeOf(l)?.shape === 'N' && !/['’]s\s/u.test(l.content)).map((l) => shapeOf(l)!.name!);
  const name = alone.find((n) => !/^\p{Lu}{1,3}$/u.test(n)) ?? names.find((n) => !/^\p{Lu}{1,3}$/u.test(n)) ?? names[0] ?? null;
  // A federated handle names the user on a server ("WiltonManors@sh.itjust.works"): the user is the name.
  return name?.replace(/^(\w[\w.-]*)@[\w-]+(?:\.[\w-]+)+$/, '$1') ?? null;
}

/** A badge: two to four capitalised words, no sentence punctuation ("Guardian Pick", "Top Contributor"). */
function isBadge(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’-]*$/u.test(w));
}

/** A shape made of names alone ("N", "N N"; commas join names: "Owner, Hillside Plumbing"); brackets and other marks are a widget's. */
const isNamesOnly = (shape: string) => /^[N\s,]+$/.test(shape);

/**
 * Whether the lines of a header shape (at these indices) open enough of the page's paragraphs
 * to be a widget's: at least one in ten after the first of them. A widget puts its header on
 * every comment; a few short comments that happen to share a shape ("Hey coyote I have a 70
 * inch tv", "Step 1 done") among fifty do not make a header.
 */
function headsEnoughParagraphs(lines: readonly Line[], at: readonly number[]): boolean {
  const first = at[0]!;
  let paragraphs = 0;
  for (let i = first; i < lines.length; i++) if (!lines[i]!.blank && (i === first || lines[i - 1]!.blank)) paragraphs++;
  return at.length * 10 >= paragraphs;
}

/**
 * Whether most lines of a shape (at these indices) sit where a bare-name thread puts a
 * comment's text: under a line that is only a name, at most one blank line below it, with a
 * wider break after them ("user7" / "" / "[deleted]" / "" / ""). Such lines are the comments of
 * that name, not a widget's header, however often they repeat.
 */
function mostlyTextUnderAName(lines: readonly Line[], at: readonly number[]): boolean {
  let under = 0;
  for (const i of at) {
    let above = i - 1;
    while (above >= 0 && lines[above]!.blank) above--;
    let below = i + 1;
    while (below < lines.length && lines[below]!.blank) below++;
    const blanksAbove = i - above - 1;
    const blanksBelow = below - i - 1;
    const name = above >= 0 ? shapeOf(lines[above]!) : null;
    if (name && name.name !== null && isNamesOnly(name.shape) && blanksAbove <= 1 && (below >= lines.length || blanksBelow > blanksAbove)) under++;
  }
  return under * 2 > at.length;
}

/**
 * The header and button shapes that repeat among `lines`. A shape made of names alone
 * ("N", "N N") is no widget's: it is how short comments and bare names look.
 */
export function induceLayout(lines: readonly Line[]): InducedLayout | null {
  const furniture = pageFurniture(lines);
  const buttonLines = buttonsBesideButtons(lines);
  // Lines known by their text (a printed page's furniture, buttons learnt beside buttons) are no header shapes.
  const known = new Set([...furniture, ...buttonLines]);
  const layout = induceShapes(lines, known);
  if (buttonLines.size === 0 && furniture.size === 0) return layout;
  return { ...(layout ?? { headers: new Set(), buttons: new Set(), blocks: [], trailing: false }), ...(buttonLines.size > 0 ? { buttonLines } : {}), ...(furniture.size > 0 ? { furniture } : {}) };
}

/** The layout's shapes; lines already known by their text (`furniture`: page furniture, learnt buttons) are left out, and close a header block as a button line does. */
function induceShapes(lines: readonly Line[], furniture: ReadonlySet<string>): InducedLayout | null {
  const isChrome = (line: Line) => isThreadChrome(line.content) || furniture.has(line.content);
  // Where each shape occurs (line indices, in page order).
  const occurrences = new Map<string, { at: number[]; named: boolean }>();
  lines.forEach((line, i) => {
    if (line.blank || isCaption(line.content) || isSourceLine(line.content) || furniture.has(line.content)) return;
    const s = shapeOf(line);
    if (!s) return;
    const entry = occurrences.get(s.shape) ?? { at: [], named: s.name !== null };
    entry.at.push(i);
    occurrences.set(s.shape, entry);
  });
  const headers = new Set<string>();
  const buttons = new Set<string>();
  // Header shapes whose names are the same on every line.
  const constant = new Set<string>();
  for (const [shape, { at, named }] of occurrences) {
    if (at.length < MIN_REPEATS) continue;
    // Boilerplate repeated word for word under every comment ("Log in or register to post
    // comments") is the widget's own line, not a header: a header's name changes from comment to
    // comment. (A forum's "Re: <title>" line also repeats word for word, but it is part of the header.)
    const verbatim = at.every((i) => lines[i]!.content === lines[at[0]!]!.content);
    // Nor is a line of buttons with a word more that repeats (a third as many different words as
    // lines at most): a button nobody listed ("Reply Respect 37 Share Report": Coral's reaction
    // button; "1 reply 6 reposts 4 likes"), not a writer.
    const names = at.map((i) => shapeOf(lines[i]!)?.name ?? null);
    const buttonWord = new Set(names).size * 3 <= at.length && at.every((i, k) => names[k] !== null && isThreadChrome(lines[i]!.content.replace(names[k]!, ' ')));
    // A label repeated word for word ("Reactions:") introduces widget lines under it.
    const label = verbatim && /^\S+(?: \S+){0,2}:$/.test(lines[at[0]!]!.content);
    // A shape whose names never change, standing alone between blank lines (not in a user card's block,
    // not a label over one: "Annotation 7:"), is the widget's wording, not a writer ("Reference 1 -
    // 69.90% Coverage" over each coded text).
    const firstNames = (shapeOf(lines[at[0]!]!)?.names ?? []).join('\u0000');
    const constantNames = !verbatim && at.every((i) => (shapeOf(lines[i]!)?.names ?? []).join('\u0000') === firstNames);
    const standalone = at.filter((i) => (i === 0 || lines[i - 1]!.blank) && (i + 1 === lines.length || lines[i + 1]!.blank)).length * 2 > at.length;
    if (named && ((verbatim && isFooter(lines[at[0]!]!.content)) || buttonWord || label || (constantNames && standalone))) buttons.add(shape);
    else if (named && !isNamesOnly(shape) && headsEnoughParagraphs(lines, at) && !mostlyTextUnderAName(lines, at)) {
      headers.add(shape);
      if (constantNames) constant.add(shape);
    }
    else if (!named) buttons.add(shape);
  }
  // A header shape whose names never change and whose number counts up by one down the page
  // ("Reader comment 1", "Reader comment 2" over each text) numbers the comments: it is the page's
  // label for each, not a writer, when another header shape names the writers under the text
  // ("– MarineAssassin, 16 June 2016").
  const counting = (shape: string) => {
    const numbers = occurrences.get(shape)!.at.map((i) => Number(/\d+/.exec(lines[i]!.content)?.[0] ?? NaN));
    return numbers.every((n, k) => (k === 0 ? Number.isInteger(n) : n === numbers[k - 1]! + 1));
  };
  // (Only where the writers' lines sign the text above them: a numbered line in a block of fields, "Msg : 1
  // of 20" over "From : Gman1234 …", is the block's.)
  const signsText = (shape: string) => {
    const at = occurrences.get(shape)!.at;
    // (A widget line under every text, Fidonet's " * Origin: …", signs nothing.)
    if (at.some((i) => isChrome(lines[i]!))) return false;
    return at.filter((i) => lines[i - 1] !== undefined && !lines[i - 1]!.blank && !headers.has(shapeOf(lines[i - 1]!)?.shape ?? '')).length * 2 > at.length;
  };
  if ([...headers].some((shape) => !constant.has(shape) && signsText(shape))) {
    for (const shape of [...constant].filter(counting)) {
      headers.delete(shape);
      buttons.add(shape);
    }
  }
  // Headers of several lines: the same sequence of 2–3 short line shapes opening a block again
  // and again, holding a name and ending in something of the widget's own (an age, a title).
  const blockCounts = new Map<string, number>();
  const count = (key: string) => blockCounts.set(key, (blockCounts.get(key) ?? 0) + 1);
  for (let i = 0; i < lines.length; i++) {
    const previous = lines[i - 1];
    if (lines[i]!.blank || furniture.has(lines[i]!.content)) continue;
    if (previous !== undefined && !previous.blank && !buttons.has(shapeOf(previous)?.shape ?? '') && !isChrome(previous)) {
      // Right under text, only a signature: a name line over a timestamp line that ends the paragraph
      // ("…text" / "hawk0323" / "Wed, Aug 17 2016 06:56:25" / "").
      const stamp = lines[i + 1];
      const end = lines[i + 2];
      // A row of buttons with the date in it ("Reply • Edit • Like • Mar 30, 2016") closes a comment: no signature's time stamp.
      const stampShape = stamp === undefined || stamp.blank || isChrome(stamp) ? undefined : shapeOf(stamp)?.shape;
      if (stampShape !== undefined && !stampShape.includes('N') && TIME_SHAPE.test(stampShape) && (end === undefined || end.blank) && shapeOf(lines[i]!)?.name != null && !isDateLine(lines[i]!.content)) count(`${ANY_NAMED}\n${stampShape}`);
      continue;
    }
    const shapes: string[] = [];
    // Button lines ("Like · Reply · 2y") close a comment; they are never part of a header.
    for (let k = 0; k < MAX_BLOCK_LINES && i + k < lines.length && !lines[i + k]!.blank && !isChrome(lines[i + k]!); k++) {
      const shape = shapeOf(lines[i + k]!)?.shape;
      // A count alone ("6", the replies under a post) closes the comment above; it opens no header.
      if (shape === undefined || (k === 0 && /^[0,.]+$/.test(shape))) break;
      // Under the first line, a learnt button line without a time is the buttons under a text
      // ("Useful 8" / "Funny"), not a header line ("Jun 4, 2016", "answered 3 hours ago" are).
      // A box ruled above and below ("=====" / fields / "=====") ends with its rule.
      if (k >= 2 && shape === shapes[0] && buttons.has(shape) && shapes.some((x) => x.includes('N'))) {
        shapes.push(shape);
        count(shapes.join('\n'));
        break;
      }
      // …but a separator alone ("•" between a name and an age) stays inside the block.
      if (k >= 1 && buttons.has(shape) && !TIME_SHAPE.test(shape) && /[\p{L}\p{N}]/u.test(shape)) break;
      shapes.push(shape);
      // The last line carries a word (an age, a title, a date): ">>4512457" under a header is text.
      if (k >= 1 && shapes.some((x) => x.includes('N')) && !isNamesOnly(shape) && (/\p{L}/u.test(shape) || (k >= 2 && TIME_SHAPE.test(shape)))) count(shapes.join('\n'));
      // A name alone, a line of free text about the writer ("Writes Notes from Ohio", a place, a
      // job), then a timestamp line without a name.
      if (k === 2 && shapes[0] === 'N' && shapeOf(lines[i + 1]!)?.name != null && !isDateLine(lines[i + 1]!.content) && !shape.includes('N') && TIME_SHAPE.test(shape)) count(`N\n${ANY_NAMED}\n${shape}`);
      if (k === 1) {
        const first = shapes[0]!;
        // A name line of any shape above a timestamp line without a name.
        if (shapeOf(lines[i]!)?.name != null && !shape.includes('N') && TIME_SHAPE.test(shape)) count(`${ANY_NAMED}\n${shape}`);
        // A timestamp line without a name above a name line of any shape ("08-16-2016, 06:13 AM #1" / "ShoogafootJones").
        const next = lines[i + 1]!;
        if (!first.includes('N') && TIME_SHAPE.test(first) && shapeOf(next)?.name != null && !isDateLine(next.content)) count(`${first}\n${ANY_NAMED}`);
      }
    }
  }
  // A header line followed by a line only some comments have (">>4512457") is no longer header:
  // the block must come with most of its first line's occurrences.
  const blocks = [...blockCounts]
    .filter(([block, count]) => {
      const first = block.split('\n')[0]!;
      return count >= MIN_REPEATS && (!headers.has(first) || count * 3 >= occurrences.get(first)!.at.length * 2);
    })
    .sort(([a], [b]) => b.split('\n').length - a.split('\n').length || (a < b ? -1 : 1))
    .map(([block]) => block.split('\n'));
  demoteTrailers(lines, occurrences, headers, buttons, blocks);
  if (headers.size === 0 && blocks.length === 0) {
    // No header on the line of its own: perhaps a signature paragraph after each text.
    const signatures = findSignatureParagraphs(lines);
    if (signatures !== null) return { headers, buttons, blocks, trailing: true, signatures };
    // Button lines alone ("7y", "72" under comments whose headers the patterns know) still apply.
    return buttons.size > 0 ? { headers, buttons, blocks, trailing: false } : null;
  }
  const layout: InducedLayout = { headers, buttons, blocks, trailing: false, nameRuns: writerRuns(lines, headers), blockLabels: blockLabels(lines, { headers, buttons, blocks, trailing: false }) };
  // A signature: most header lines sit right under text and right above a blank line.
  let under = 0;
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const shape = shapeOf(lines[i]!)?.shape;
    if (shape === undefined || !headers.has(shape)) continue;
    total++;
    const above = lines[i - 1];
    const below = lines[i + 1];
    const aboveIsText = above !== undefined && !above.blank && !headers.has(shapeOf(above)?.shape ?? '');
    // Rating buttons may come between the signature and the blank line ("Click to rate" / "Rating 5").
    const belowIsEnd = below === undefined || below.blank || buttons.has(shapeOf(below)?.shape ?? '') || isThreadChrome(below.content);
    if (aboveIsText && belowIsEnd) under++;
  }
  if (blocks.length === 0) return { ...layout, trailing: total > 0 && (under * 3 >= total * 2 || endsWithHeader(lines, layout)) };
  // A header block that sits under the text (or its buttons) and above a blank line signs the
  // comment above it ("answered Jun 24, 2016 at 6:18" / "Gman1234" / "5,156").
  const found = blockOccurrences(layout, lines);
  const signing = found.filter(({ at, length }) => {
    const above = lines[at - 1];
    const below = lines[at + length];
    return above !== undefined && !above.blank && (below === undefined || below.blank);
  });
  return { ...layout, trailing: signing.length * 3 >= found.length * 2 || endsWithHeader(lines, layout) };
}

/** Where the layout's header blocks are on the page, in order, without overlaps. */
function blockOccurrences(layout: InducedLayout, lines: readonly Line[]): { at: number; block: readonly string[]; length: number }[] {
  const found: { at: number; block: readonly string[]; length: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = blockAt(layout, lines, i);
    if (match === null) continue;
    found.push({ at: i, ...match });
    i += match.length - 1;
  }
  return found;
}

/**
 * Lines right under a header block that belong to it, by text: the user's title under a
 * timestamp-then-name header when such titles make up most of what stands there ("Gold
 * Member", "Senior Member"; the first lines of comment texts do not repeat), and badges under
 * some headers only ("Guardian Pick": a Title Case phrase of two to four words that follows a
 * block at least three times; one word, "Agreed", could be a short comment).
 */
function blockLabels(lines: readonly Line[], layout: InducedLayout): Set<string> {
  const underNames = new Map<string, number>();
  const underBlocks = new Map<string, number>();
  const add = (map: Map<string, number>, text: string) => map.set(text, (map.get(text) ?? 0) + 1);
  for (const { at, block, length } of blockOccurrences(layout, lines)) {
    const below = lines[at + length];
    if (below === undefined || below.blank) continue;
    add(underBlocks, below.content);
    // A timestamp line without a name, then a name line (the blocks counted as `${first}\n${ANY_NAMED}`).
    if (block.length === 2 && block[1] === ANY_NAMED && below.content.split(/\s+/).length <= 4) add(underNames, below.content);
  }
  const repeated = [...underNames].filter(([, n]) => n >= 2);
  const total = [...underNames.values()].reduce((a, b) => a + b, 0);
  const labels = repeated.reduce((sum, [, n]) => sum + n, 0) * 3 >= total * 2 ? new Set(repeated.map(([text]) => text)) : new Set<string>();
  for (const [text, n] of underBlocks) if (n >= MIN_REPEATS && isBadge(text)) labels.add(text);
  return labels;
}

/** Does this line have one of the layout's header shapes? Returns the author, or undefined. */
export function inducedHeader(layout: InducedLayout, line: Line): string | null | undefined {
  if (line.blank || isDateLine(line.content)) return undefined;
  const s = shapeOf(line);
  if (!s) return undefined;
  // A header with a widget's mark after it that most headers lack: "user (pinned)", "(edited)".
  const shape = layout.headers.has(s.shape) || !s.shape.endsWith(')') ? s.shape : s.shape.replace(/\s+\((?:pinned|edited)\)$/, '');
  if (!layout.headers.has(shape)) return undefined;
  const name = s.names[layout.nameRuns?.get(shape) ?? 0] ?? s.name;
  // A source's path names the writer in its last part ("Internals\\Fox News comments\\146 greggebhardt":
  // a coding report's document, numbered; "texas-sample/0112-LarJass.txt", a file per comment).
  if (name !== null && /\\|\/.*\//.test(name)) return name.split(/\\+|\//).at(-1)!.replace(/^\d+\s+/, '');
  return name !== null && isFilePath(name) ? writerOfFile(name) : name;
}

export function isInducedButton(layout: InducedLayout, line: Line): boolean {
  if (layout.buttonLines?.has(line.content)) return true;
  const s = shapeOf(line);
  return s !== null && layout.buttons.has(s.shape);
}
