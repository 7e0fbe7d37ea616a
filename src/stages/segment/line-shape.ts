import type { Line } from './lines.js';
import { renderedMarkdown, withoutSpokenRole } from './patterns.js';

/**
 * The shape of a short line, for layout induction (induce.ts) and inline headers (inline.ts):
 * names become N, digits 0, and the words widgets print around names stay, by class ("3 hours
 * ago" and "1 hour ago" are one shape: "0 unit ago").
 */

/** Words widgets print around names; every other word counts as (part of) a name. Lowercase. */
const WIDGET_WORDS = new Set([
  'ago', 'second', 'seconds', 'sec', 'secs', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'wk', 'wks', 'month', 'months',
  'mo', 'mos', 'year', 'years', 'yr', 'yrs', 'today', 'yesterday', 'now', 'just', 'am', 'pm', 'at', 'on', 'by', 'in', 'from', 'to', 'posted', 'replied', 'commented', 'answered', 'asked', 'rated', 'reviewed', 'said', 'says',
  'wrote', 'writes', 'replies', 'reply', 'report', 'share', 'edit', 'delete', 'like', 'likes', 'upvote', 'upvotes', 'downvote', 'downvotes', 'point', 'points', 'vote', 'votes', 'edited', 'no',
  'save', 'follow', 'level', 'click', 'rate', 'rating', 'link', 'useful', 'funny', 'cool', 'helpful', 'utc', 'gmt', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'jan', 'january', 'feb',
  'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov',
  'november', 'dec', 'december', 'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday', 'sat',
  'saturday', 'sun', 'sunday', 'said...', 'wrote...', 'pinned',
  // Plurk's qualifiers between the name and the text ("holygrailer hates …", "GoReaganGo asks …").
  'loves', 'hates', 'hopes', 'needs', 'wants', 'gives', 'asks', 'wishes', 'wonders', 'thinks', 'feels', 'shares',
]);

/** Leading decoration before a header's first word: arrows, bullets, tree drawing, "1.", "#1". */
// lynx draws nested list bullets as "*", "+", "o", "#", "@" by level ("o user says:").
// A multilevel list's markers ("1)", "a)", "i)", "(1)", "(a)": a Word reply-tree memo) too.
const DECORATION = /^(?:[↳↪→⤷•·▪◦‣●○■□►▶➤*│├└─|`\s]+|(?:#?\d{1,4}[.)]?\s+)|\((?:\d{1,3}|[a-z]|[ivx]{2,4})\)\s+|(?:[a-z]|[ivx]{2,4})\)\s+|[+o@#](?=\s))+/u;

/** US state and Canadian province codes that are also widget words in lower case ("in", "on", "or", "me"…). */
const REGION_CODES = new Set(['IN', 'ON', 'OR', 'ME', 'OK', 'HI', 'AL', 'PA', 'MA', 'MO', 'SC', 'NO', 'AT']);

/** Lines longer than this (in words) are text, not widget lines. */
const MAX_WORDS = 14;
/** The most words in a row a widget line holds that are not the widget's own (a name, a job title). */
const MAX_NAME_RUN = 8;

export interface LineShape {
  shape: string;
  /** The first run of name words ("Anonymous", "Mara Quinn"), brackets stripped; null if none. */
  name: string | null;
  /** Every run of name words, in order ("A photo", "Stinkypants", "stinkypants" in "A photo posted by Stinkypants (@stinkypants) on …"). */
  names: string[];
}

/**
 * Widget words that vary from comment to comment stand for their class, so "1 hour ago" and
 * "3 hours ago", "10:38 AM" and "1:37 PM", "Jun" and "Aug" give one shape.
 */
const WORD_CLASS: [RegExp, string][] = [
  [/^(?:sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|day|days|week|weeks|wk|wks|month|months|mo|mos|year|years|yr|yrs)$/, 'unit'],
  [/^(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)$/, 'month'],
  [/^(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)$/, 'wday'],
  [/^(?:am|pm|a\.m\.|p\.m\.)$/, 'ampm'],
  [/^(?:today|yesterday|now)$/, 'rel'],
  [/^(?:like|likes|point|points|vote|votes|upvote|upvotes|downvote|downvotes|reply|replies)$/, 'count'],
];

function wordClass(lower: string): string {
  for (const [pattern, name] of WORD_CLASS) if (pattern.test(lower)) return name;
  return lower;
}

/** A widget word, a number, or a number with widget words stuck to it ("No.4512387", "(Fri)06:00"). */
function isWidgetToken(core: string): boolean {
  if (!/\p{L}/u.test(core)) return true;
  // A number with a letter or two stuck to it is a count or an age ("157w", "3rd", "12k"); a
  // handle may start with digits ("4armshiver").
  if (/^\p{N}/u.test(core) && core.replace(/\P{L}/gu, '').length <= 2) return true;
  const words = core.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.every((w) => WIDGET_WORDS.has(w));
}

/** A token's shape: digits → 0, widget words → their class, any other word → N (punctuation kept). */
function tokenShape(token: string): { shape: string; isName: boolean } {
  const core = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.+$/, '');
  if (core === '' || isWidgetToken(core)) {
    const shape = token
      .toLowerCase()
      .replace(/^[-−](?=\d)/, '') // "-1" is a score like "1"
      .replace(/^\d+[smhdwy]$/, 'age') // "40m", "1w", "2d": short ages
      .replace(/\d+(?:st|nd|rd|th)\b\+?/g, '0th') // "1st", "2nd", "3rd+": ordinals
      .replace(/\p{L}+(?:\.\p{L}+\.?)?/gu, (w) => wordClass(w))
      .replace(/\d+/g, '0');
    return { shape, isName: false };
  }
  const at = token.indexOf(core);
  return { shape: `${token.slice(0, at)}N${token.slice(at + core.length)}`.replace(/\d+/g, '0'), isName: true };
}

/** Whether a word is the widget's own (a number, a date or time, a widget word) rather than part of a name or of text. */
export function isWidgetWord(token: string): boolean {
  return !tokenShape(token).isName;
}

/** The shape of a trimmed line, or null when it cannot be a widget line (too long, a sentence). */
export function lineShape(raw: string): LineShape | null {
  // Read as shown: Markdown rendered, a screen reader's role word ("button  Reply") dropped.
  const content = withoutSpokenRole(renderedMarkdown(raw));
  if (/[.!?]$/.test(content) && !/(?:\.\.\.|…)$/.test(content)) return null;
  const decoration = DECORATION.exec(content)?.[0] ?? '';
  const rest = content.slice(decoration.length);
  // More words than a widget line has, counted before splitting (long lines are text): null.
  if (rest.length > MAX_WORDS * 4 && (rest.match(/\s+/g)?.length ?? 0) > MAX_WORDS) return null;
  const tokens = rest.split(/\s+/).filter(Boolean);
  // Fields of one line are set apart by two spaces or a tab ("Number: 1  Author: user  Subject: Sticky
  // Note"): a run of name words does not cross such a gap.
  const wideGapBefore = rest.includes('  ') || rest.includes('\t') ? [false, ...(rest.trim().match(/\s+/g) ?? []).map((gap) => gap.length >= 2 || gap.includes('\t'))] : [];
  // A line of a separator alone ("•" between a name and an age) is the widget's: its shape is the mark.
  if (tokens.length === 0) return decoration.trim() === '' ? null : { shape: decoration.trim(), name: null, names: [] };
  if (tokens.length > MAX_WORDS) return null;
  // "Gary, IN": a state or province code after a comma is part of a place name, not the widget word "in".
  const shaped = tokens.map((t, k) => (k > 0 && tokens[k - 1]!.endsWith(',') && REGION_CODES.has(t) ? { shape: 'N', isName: true } : tokenShape(t)));
  // Nine or more words in a row that are no widget's are a line of text (hard-wrapped prose:
  // "way that doesn't saddle them with debt for the rest of their lives. If"), not a name.
  let run = 0;
  for (const t of shaped) if ((run = t.isName ? run + 1 : 0) > MAX_NAME_RUN) return null;
  // Every run of name words, in order; the first is the line's name.
  const names: string[] = [];
  for (let first = 0; first < shaped.length; first++) {
    if (!shaped[first]!.isName) continue;
    let end = first;
    while (end + 1 < shaped.length && shaped[end + 1]!.isName && /^[\p{L}\p{N}]/u.test(tokens[end + 1]!) && !/[,;:]$/.test(tokens[end]!) && !wideGapBefore[end + 1]) end++;
    const run = tokens.slice(first, end + 1).join(' ').replace(/^[[(<@]+|[\]),:;>—–-]+$/g, '');
    if (run) names.push(run);
    first = end;
  }
  const name = names[0] ?? null;
  // "*", "**", "***": one outline mark at any depth (thread.ts reads the depth from the run).
  // Every list marker is one mark, whatever its level ("1)", "a)", "(i)": thread.ts reads the level).
  const mark = decoration.trim() === '' ? '' : `${decoration.trim().replace(/\(?(?:\d{1,4}|[a-z]|[ivx]{2,4})\)/g, '0)').replace(/\d+/g, '0').replace(/([*#+•])\1+/g, '$1')} `;
  // A name of one word or three ("Andrew917", "El Paso") is one N.
  return { shape: (mark + shaped.map((t) => t.shape).join(' ')).replace(/N(?:\s+N)+/g, 'N'), name, names };
}

/** Shapes by line: induction and the thread parser ask for the same lines many times. */
const shapes = new WeakMap<Line, LineShape | null>();

/** The shape of a line (null for a blank line or one that cannot be a widget line), computed once. */
export function shapeOf(line: Line): LineShape | null {
  let s = shapes.get(line);
  if (s === undefined) {
    s = line.blank ? null : lineShape(line.content);
    shapes.set(line, s);
  }
  return s;
}

/** A file's path or name with an extension ("texas-sample/0112-LarJass.txt", "0123-kestrel_9.txt"). */
export function isFilePath(name: string): boolean {
  return /^(?:[\w.-]+[\\/])*[\w.-]+\.[A-Za-z0-9]{1,5}$/.test(name) && /[\\/]|^\d/.test(name);
}

/** The writer a comment's file is named after: its base name without the extension and a leading number ("0112-"). */
export function writerOfFile(path: string): string {
  return path.split(/[\\/]/).at(-1)!.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/^\d+[-_ ]+(?=\S)/, '');
}
