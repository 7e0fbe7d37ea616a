import type { Line } from './lines.js';
import { isWidgetWord, lineShape, writerOfFile } from './line-shape.js';
import { TEXT_LABELS } from './patterns.js';
import { citationAuthor } from './signature-paragraphs.js';

/**
 * Headers that share their line with the comment text. Chat logs and exports print a repeated
 * prefix before every message ("[21:43] <user> text", "user: text", "6/4/16, 9:43 PM - Name:
 * text"); Q&A sites and wiki talk pages sign the last line of a comment with a repeated suffix
 * ("text – user Aug 17 '16 at 7:36", "text user (talk) 06:47, 17 August 2016 (UTC)"). Reduced to
 * its shape (names → N, digits → 0, the widget's words kept; induce.ts), such a prefix or suffix
 * repeats on most lines of the thread while the rest of each line differs, which prose does not do.
 */

/** How many words a prefix or a suffix may have. */
const MAX_PREFIX_WORDS = 8;
const MAX_SUFFIX_WORDS = 8;
/** How often a shape must occur to count as the layout's. */
const MIN_REPEATS = 3;

/** A word that closes a prefix: it ends in a bracket, a colon or a guillemet ("<user>", "[21:43]", "user:"). */
const CLOSES = /[>\]):»]$/;
/** A separator word between a header and the text ("-", "|", "·"). */
const SEPARATOR = /^(?:[-–—|·•»:]|::|--)$/;
/** Dashes a signature sticks to the name ("--user", "—user"): decoration, not part of the name. */
const SIGNATURE_DASHES = /^[-–—~]+(?=\S)/;

/** Which end of the line the header is at. */
export type InlineSide = 'start' | 'end';

export interface InlineHeader {
  side: InlineSide;
  /** Shape of the header part (lineShape). */
  shape: string;
  /** Name words every header starts its name with: the chat's or group's name ("Fox_News_Talk ozart", "Fox News Readers TurnHearts"), not the writer's. */
  constantLead?: string;
  /** The writer on each header line (by line number), where the name as shown is not it (headerWriters). */
  writers?: ReadonlyMap<number, string>;
  /** The shape of the program's own prefix that the header extends: a line with it alone is the program's (isSystemLine). */
  systemPrefix?: string;
}

export interface InlineMatch extends InlineHeader {
  /** The user name in it, as shown. */
  name: string;
  /** Every run of name words in the header part (lineShape's names): a label may come before the name. */
  names: string[];
  /** The header part within the trimmed line (UTF-16 code units): [headerStart, headerEnd). */
  headerStart: number;
  headerEnd: number;
  /** The text part within the trimmed line: [textStart, textEnd). */
  textStart: number;
  textEnd: number;
}

/** A word of a line and where it starts (UTF-16 code units). */
interface Word {
  text: string;
  index: number;
}

/** The first `n` words of a line, with their offsets. */
function firstWords(content: string, n: number): Word[] {
  const words: Word[] = [];
  const pattern = /\S+/g;
  for (let m = pattern.exec(content); m !== null && words.length < n; m = pattern.exec(content)) words.push({ text: m[0], index: m.index });
  return words;
}

/**
 * The last `n` words of a line, with their offsets; the first of them stands for all the text
 * before (a suffix needs text before it, nothing more). Reads a window at the end of the line.
 */
function lastWords(content: string, n: number): Word[] {
  for (let window = 200; ; window *= 2) {
    const from = Math.max(0, content.length - window);
    const words = [...content.slice(from).matchAll(/\S+/g)].map((m) => ({ text: m[0], index: m.index! + from }));
    // The window's first word may be cut; with more than n words it is not among the last n.
    if (from === 0 || words.length > n) return words.slice(-n);
  }
}

/**
 * A prefix's shape with its clock read loosely: a stream's offset grows from "0:26" to "1:01:43" and
 * starts below zero ("-2:31") while the prefix stays the same ("0:26 | user:", a live chat's replay).
 */
function looseShape(shape: string): string {
  return shape.replace(/(?<![\w$])-?0(?::0)+(?![\w])/g, '0:0');
}

/**
 * A verb from a closed list between a name and the text, as Plurk prints it ("holygrailer hates And
 * its …", "GoReaganGo asks hot high speed lead …"): after a one-word handle it ends the header like a
 * colon ("Plain comment number 4 says …" is prose), and which verb it is does not change the header's
 * shape. A name with a colon alone ("Artitu: Sounds like …") is the same header with no verb.
 */
const QUALIFIERS = 'says|asks|loves|likes|hates|hopes|needs|wants|gives|wishes|wonders|thinks|feels|shares';
const QUALIFIER = new RegExp(`^(?:${QUALIFIERS})$`);

/**
 * A file's name before the text, as `grep -H` prints each matching line ("comments/0123-kestrel_9.txt:The
 * town was quiet."): one file a comment, named by its writer. The writer is the file's base name
 * without its extension and a leading number ("0123-").
 */
const FILE_PREFIX = /^((?:[\w.-]+\/)*([\w.-]+)\.[A-Za-z0-9]{1,5}):(?=\S)/;

function filePrefix(content: string): InlineMatch | null {
  const m = FILE_PREFIX.exec(content);
  if (!m) return null;
  const name = writerOfFile(m[1]!);
  const end = m[1]!.length + 1;
  return /\p{L}/u.test(name) ? { side: 'start', shape: 'file:', name, names: [name], headerStart: 0, headerEnd: end, textStart: end, textEnd: content.length } : null;
}

/** Candidate prefixes of a trimmed line that hold a name and have text after them (ending at a closing mark, a separator or a tab), shortest first. */
function inlinePrefixes(content: string): InlineMatch[] {
  const file = filePrefix(content);
  if (file) return [file];
  // The first MAX_PREFIX_WORDS + 1 words are all a prefix can use (long lines need not be split whole).
  const words = firstWords(content, MAX_PREFIX_WORDS + 1);
  const out: InlineMatch[] = [];
  for (let k = 0; k < Math.min(MAX_PREFIX_WORDS, words.length - 1); k++) {
    const word = words[k]!.text;
    const end = words[k]!.index + word.length;
    // A tab also ends a field: chat exports write "06:18<TAB>user<TAB>text".
    const tab = content.slice(end, words[k + 1]!.index).includes('\t');
    if (!CLOSES.test(word) && !SEPARATOR.test(word) && !tab && !(k === 1 && QUALIFIER.test(word))) continue;
    const shape = lineShape(content.slice(0, end));
    if (shape === null || shape.name === null || !isUserName(shape.name, shape.shape)) continue;
    // (A qualifier keeps its own class in other shapes: "likes" is a count's word.)
    const loose = k === 1 && QUALIFIER.test(word) ? `${shape.shape.replace(/ \S+$/, '')} qual` : looseShape(shape.shape);
    out.push({ side: 'start', shape: loose, name: shape.name, names: shape.names, headerStart: 0, headerEnd: end, textStart: words[k + 1]!.index, textEnd: content.length });
  }
  return out;
}

/**
 * Candidate suffixes of a trimmed line that hold a name and have text before them, shortest
 * first. A suffix starts at a separator ("– user …") or at a name ("user (talk) …", "--user …").
 */
function inlineSuffixes(content: string): InlineMatch[] {
  // The last MAX_SUFFIX_WORDS + 1 words are all a suffix can use.
  const words = lastWords(content, MAX_SUFFIX_WORDS + 1);
  const out: InlineMatch[] = [];
  // A signature ends in something of the widget's own (a time, a date, "(UTC)"), never in a name or a word of text.
  if (words.length < 2 || !isWidgetWord(words[words.length - 1]!.text)) return out;
  for (let k = words.length - 1; k >= Math.max(1, words.length - MAX_SUFFIX_WORDS); k--) {
    const start = words[k]!.index;
    const suffix = content.slice(start);
    const shape = lineShape(suffix.replace(SIGNATURE_DASHES, ''));
    if (shape === null || shape.name === null || !isUserName(shape.name, shape.shape) || /^[N\s,]+$/.test(shape.shape)) continue;
    const before = words[k - 1]!;
    out.push({ side: 'end', shape: shape.shape, name: shape.name, names: shape.names, headerStart: start, headerEnd: content.length, textStart: 0, textEnd: before.index + before.text.length });
  }
  return out;
}

/**
 * A name a chat prefix can hold: not a label that introduces text ("Update:", "Note:") and not all
 * capitals where the name stands alone ("Q:", "TRUMP:", the speaker labels of interviews and
 * transcripts in an article). Beside a time stamp a name in capitals is a user's ("0:26 | DILLIGAFTOYOU:").
 */
function isUserName(name: string, shape: string): boolean {
  return !TEXT_LABELS.has(name.toLowerCase()) && (/[\p{Ll}\d]/u.test(name) || /0/.test(shape));
}

/** Every prefix and suffix of a trimmed line that could be an inline header. */
export function inlineCandidates(content: string): InlineMatch[] {
  // A reference that closes a quoted comment ("user. (2016, June 24). Re: … [Web log comment]. Retrieved
  // from …") names the writer but is no message: it signs the text above (signature-paragraphs.ts).
  if (citationAuthor(content) !== null) return [];
  // The text beside a header has words: "1." before "Name says", "↳" before "user — Yesterday"
  // and "*" before an org-mode heading are decoration, and those lines are headers of their own.
  return [...inlinePrefixes(content), ...inlineSuffixes(content)].filter((m) => /\p{L}.*\p{L}/su.test(content.slice(m.textStart, m.textEnd)));
}

/**
 * The inline header of a page's lines, or null. Its shape must occur on at least MIN_REPEATS
 * lines and on one in three of the non-blank lines from its first occurrence on (a message may
 * go on for a paragraph or two without it), and the text beside it must differ in shape from
 * line to line (beside "user" in "Comment #1 by user on June 4, 2016" always stands "Comment #0
 * by", and "user — Today at 9:43 PM" repeats whole: those are header lines of their own). Of
 * two shapes on as many lines, the longer is the header ("– user Aug 17" rather than "user Aug
 * 17"): the separator belongs to it.
 */
export function induceInlineHeader(lines: readonly Line[]): InlineHeader | null {
  // Per shape: the lines it is on, and the text and the name beside it on each.
  const occurrences = new Map<string, { header: InlineHeader; at: number[]; texts: string[]; names: string[]; runs: string[][]; ns: number[] }>();
  // Non-blank lines from line i to the end of the page.
  const nonBlankFrom = new Array<number>(lines.length + 1).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) nonBlankFrom[i] = nonBlankFrom[i + 1]! + (lines[i]!.blank ? 0 : 1);
  lines.forEach((line, i) => {
    if (line.blank) return;
    const seen = new Set<string>();
    for (const { side, shape, textStart, textEnd, name, names } of lineCandidates(line)) {
      const key = `${side} ${shape}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text = line.content.slice(textStart, textEnd);
      const entry = occurrences.get(key);
      if (entry) {
        entry.at.push(i);
        entry.texts.push(text);
        entry.names.push(name);
        entry.runs.push(names);
        entry.ns.push(line.n);
      } else occurrences.set(key, { header: { side, shape }, at: [i], texts: [text], names: [name], runs: [names], ns: [line.n] });
    }
  });
  type Best = { header: InlineHeader; count: number; names: string[]; runs: string[][]; ns: number[] };
  const pick = (varying: boolean): Best | null => {
    let best: Best | null = null;
    for (const { header, at, texts, names, runs, ns } of occurrences.values()) {
      if (at.length < MIN_REPEATS || at.length * 3 < nonBlankFrom[at[0]!]!) continue;
      if (varying && mostlyOneName(runs)) continue;
      if (best !== null && (at.length < best.count || (at.length === best.count && header.shape.length <= best.header.shape.length))) continue;
      const textShapes = new Set(texts.map((text, k) => lineShape(text)?.shape ?? `#${k}`));
      if (textShapes.size * 3 >= at.length * 2) best = { header, count: at.length, names, runs, ns };
    }
    return best;
  };
  // A prefix that names one "writer" on most lines is a program's, where a longer one names writers
  // ("Jul 07 08:25:15 newsbox foxcomments[2916]:" before "Catholica:", a journal's process): the
  // longer is the header, and lines with the program's prefix alone are the log's own (systemPrefix).
  const any = pick(false);
  const varying = any !== null && mostlyOneName(any.runs) ? pick(true) : null;
  const best = varying !== null && varying.header.shape.startsWith(any!.header.shape.replace(/:$/, '')) ? varying : any;
  if (best === null) return null;
  const header = best === any ? best.header : { ...best.header, systemPrefix: any!.header.shape };
  const writers = headerWriters(best.runs, best.ns);
  if (writers !== null) return { ...header, writers };
  // The same first words in every name, with more after them: a group's name before the writer's.
  const words = best.names[0]!.split(' ');
  let k = 0;
  while (k < words.length - 1 && best.names.every((n) => n.startsWith(`${words.slice(0, k + 1).join(' ')} `))) k++;
  return k > 0 ? { ...header, constantLead: `${words.slice(0, k).join(' ')} ` } : header;
}

/** Whether the name nearest the text (each header's last run of name words) is one name on two thirds of the headers or more. */
function mostlyOneName(runs: readonly string[][]): boolean {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.at(-1) ?? '', (counts.get(r.at(-1) ?? '') ?? 0) + 1);
  return Math.max(...counts.values()) * 3 >= runs.length * 2;
}

/**
 * Writers the names as shown do not give directly, by line number, or null. Two forms:
 * - a label before the name: the same first run of name words on every header, then a run that
 *   varies ("Comment [greggebhardt1]:", "Comment [Carl2]:"); the label is the program's, the
 *   varying run the writer's;
 * - a running number glued to the name: the k-th header's name ends in k ("greggebhardt1",
 *   "Carl2", "jpgpro35" for the fifth), as Word's comment labels glue the comment's number to the
 *   writer's initials. Real names do not count up the page, so the number is dropped.
 */
function headerWriters(runs: readonly string[][], ns: readonly number[]): Map<number, string> | null {
  const label = runs[0]![0];
  const labelled = runs.every((r) => r.length >= 2 && r[0] === label) && new Set(runs.map((r) => r[1])).size > 1;
  const names = runs.map((r) => (labelled ? r[1]! : r[0]!));
  const numbered = names.every((n, k) => n.length > String(k + 1).length && n.endsWith(String(k + 1)));
  if (!labelled && !numbered) return null;
  return new Map(ns.map((n, k) => [n, numbered ? names[k]!.slice(0, -String(k + 1).length) : names[k]!]));
}

/** Candidates by line: induction and the thread parser ask for the same lines many times. */
const candidatesByLine = new WeakMap<Line, InlineMatch[]>();

function lineCandidates(line: Line): InlineMatch[] {
  let found = candidatesByLine.get(line);
  if (found === undefined) {
    found = line.blank ? [] : inlineCandidates(line.content);
    candidatesByLine.set(line, found);
  }
  return found;
}

/** Whether a line carries the program's prefix the page's header extends, without a writer ("… systemd[1]: Started …"). */
export function isSystemLine(header: InlineHeader, line: Line): boolean {
  if (header.systemPrefix === undefined) return false;
  const candidates = lineCandidates(line);
  return candidates.some((m) => m.shape === header.systemPrefix) && !candidates.some((m) => m.shape === header.shape);
}

/** The page's inline header on this line, or undefined. */
export function inlineHeaderAt(header: InlineHeader, line: Line): InlineMatch | undefined {
  const candidates = lineCandidates(line);
  const match =
    candidates.find((m) => m.side === header.side && m.shape === header.shape) ??
    candidates.find((m) => m.side === header.side && withExtraField(m.shape, header.shape)) ??
    (header.shape.endsWith(' qual') ? candidates.find((m) => m.side === 'start' && m.shape === `${header.shape.slice(0, -' qual'.length)}:`) : undefined);
  const writer = header.writers?.get(line.n);
  if (match !== undefined && writer !== undefined) return { ...match, name: writer };
  const lead = header.constantLead;
  return match !== undefined && lead !== undefined && match.name.startsWith(lead) ? { ...match, name: match.name.slice(lead.length) } : match;
}

/**
 * Whether a prefix's shape is the layout's with one field more between separators, a field only
 * some messages carry ("34:12 | $20.00 | user:", a paid message in a live chat, beside "0:26 | user:").
 */
function withExtraField(shape: string, layout: string): boolean {
  if (shape.length <= layout.length || !/ [|·•] /.test(shape)) return false;
  for (const m of shape.matchAll(/ ([|·•]) [^\sN|·•]+(?= [|·•] )/g)) {
    if (shape.slice(0, m.index) + shape.slice(m.index + m[0].length) === layout) return true;
  }
  return false;
}
