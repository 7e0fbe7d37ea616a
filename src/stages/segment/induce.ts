import type { Line } from './lines.js';
import { isCaption, isDateLine, isSourceLine } from './patterns.js';

/**
 * Layout induction for comment widgets the header patterns do not know. A widget prints the
 * same header around every comment ("Posted 3 hours ago by user", "user — Today at 9:43 PM",
 * "Anonymous 06/04/16(Sat)09:43:12 No.4512345") and often the same button line after it
 * ("♥ 12", "Reply | Report"). Reduced to its *shape* — names become N, digits become 0, the
 * widget's own words stay — such a line repeats down the page, which comment text almost never
 * does. So a short shape that repeats is a header when it holds a name, and a widget line
 * when it holds none.
 */

/** Words widgets print around names; every other word counts as (part of) a name. Lowercase. */
const WIDGET_WORDS = new Set([
  'ago', 'second', 'seconds', 'sec', 'secs', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months',
  'year', 'years', 'today', 'yesterday', 'now', 'just', 'am', 'pm', 'at', 'on', 'by', 'in', 'from', 'to', 'posted', 'replied', 'commented', 'said', 'says',
  'wrote', 'writes', 'replies', 'reply', 'report', 'share', 'like', 'likes', 'point', 'points', 'vote', 'votes', 'edited', 'no', 'jan', 'january', 'feb',
  'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov',
  'november', 'dec', 'december', 'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday', 'sat',
  'saturday', 'sun', 'sunday', 'said...', 'wrote...',
]);

/** Leading decoration before a header's first word: arrows, bullets, tree drawing, "1.", "#1". */
const DECORATION = /^(?:[↳↪→⤷•·▪◦‣●○■□►▶➤*│├└─|`\s]+|(?:#?\d{1,4}[.)]?\s+))+/u;

/** Lines longer than this (in words) are text, not widget lines. */
const MAX_WORDS = 10;
/** How often a shape must occur to count as the widget's. */
const MIN_REPEATS = 3;

export interface LineShape {
  shape: string;
  /** The first run of name words ("Anonymous", "Mara Quinn"), brackets stripped; null if none. */
  name: string | null;
}

/**
 * Widget words that vary from comment to comment stand for their class, so "1 hour ago" and
 * "3 hours ago", "10:38 AM" and "1:37 PM", "Jun" and "Aug" give one shape.
 */
const WORD_CLASS: [RegExp, string][] = [
  [/^(?:sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|month|months|year|years)$/, 'unit'],
  [/^(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)$/, 'month'],
  [/^(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)$/, 'wday'],
  [/^(?:am|pm|a\.m\.|p\.m\.)$/, 'ampm'],
  [/^(?:today|yesterday|now)$/, 'rel'],
  [/^(?:like|likes|point|points|vote|votes|reply|replies)$/, 'count'],
];

function wordClass(lower: string): string {
  for (const [pattern, name] of WORD_CLASS) if (pattern.test(lower)) return name;
  return lower;
}

/** A widget word, a number, or a number with widget words stuck to it ("No.4512387", "(Fri)06:00"). */
function isWidgetToken(core: string): boolean {
  if (!/\p{L}/u.test(core) || /^\p{N}/u.test(core)) return true;
  const words = core.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.every((w) => WIDGET_WORDS.has(w));
}

/** A token's shape: digits → 0, widget words → their class, any other word → N (punctuation kept). */
function tokenShape(token: string): { shape: string; isName: boolean } {
  const core = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.+$/, '');
  if (core === '' || isWidgetToken(core)) {
    const shape = token.toLowerCase().replace(/\p{L}+(?:\.\p{L}+\.?)?/gu, (w) => wordClass(w)).replace(/\d+/g, '0');
    return { shape, isName: false };
  }
  const at = token.indexOf(core);
  return { shape: `${token.slice(0, at)}N${token.slice(at + core.length)}`.replace(/\d+/g, '0'), isName: true };
}

/** The shape of a trimmed line, or null when it cannot be a widget line (too long, a sentence). */
export function lineShape(content: string): LineShape | null {
  if (/[.!?]$/.test(content) && !/(?:\.\.\.|…)$/.test(content)) return null;
  const decoration = DECORATION.exec(content)?.[0] ?? '';
  const tokens = content.slice(decoration.length).split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  const shaped = tokens.map(tokenShape);
  let name: string | null = null;
  const first = shaped.findIndex((t) => t.isName);
  if (first !== -1) {
    let end = first;
    while (end + 1 < shaped.length && shaped[end + 1]!.isName && /^[\p{L}\p{N}]/u.test(tokens[end + 1]!)) end++;
    name = tokens.slice(first, end + 1).join(' ').replace(/^[[(@]+|[\]),:;—–-]+$/g, '') || null;
  }
  const mark = decoration.trim() === '' ? '' : `${decoration.trim().replace(/\d+/g, '0')} `;
  // A name of one word or three ("Andrew917", "El Paso") is one N.
  return { shape: (mark + shaped.map((t) => t.shape).join(' ')).replace(/N(?:\s+N)+/g, 'N'), name };
}

export interface InducedLayout {
  /** Shapes of header lines: they hold a name and something of the widget's own. */
  headers: Set<string>;
  /** Shapes of widget lines without a name ("♥ 0", "reply | report", "june 0, 0"). */
  buttons: Set<string>;
}

/**
 * The header and button shapes that repeat among `lines`. A shape made of names alone
 * ("N", "N N") is no widget's: it is how short comments and bare names look.
 */
export function induceLayout(lines: readonly Line[]): InducedLayout | null {
  const counts = new Map<string, { count: number; named: boolean }>();
  for (const line of lines) {
    if (line.blank || isCaption(line.content) || isSourceLine(line.content)) continue;
    const s = lineShape(line.content);
    if (!s) continue;
    const entry = counts.get(s.shape) ?? { count: 0, named: s.name !== null };
    entry.count++;
    counts.set(s.shape, entry);
  }
  const headers = new Set<string>();
  const buttons = new Set<string>();
  for (const [shape, { count, named }] of counts) {
    if (count < MIN_REPEATS) continue;
    const namesOnly = /^[N\s]+$/.test(shape);
    if (named && !namesOnly) headers.add(shape);
    else if (!named) buttons.add(shape);
  }
  return headers.size > 0 ? { headers, buttons } : null;
}

/** Does this line have one of the layout's header shapes? Returns the author, or undefined. */
export function inducedHeader(layout: InducedLayout, line: Line): string | null | undefined {
  if (line.blank || isDateLine(line.content)) return undefined;
  const s = lineShape(line.content);
  return s && layout.headers.has(s.shape) ? s.name : undefined;
}

export function isInducedButton(layout: InducedLayout, line: Line): boolean {
  if (line.blank) return false;
  const s = lineShape(line.content);
  return s !== null && layout.buttons.has(s.shape);
}
