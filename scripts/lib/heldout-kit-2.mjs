// Shared by the held-out page generators of sets E, F and G (build-heldout-e-pages.mjs,
// build-heldout-f-pages.mjs, build-heldout-g-pages.mjs), on top of heldout-kit.mjs (dataset,
// reply trees, thread selection, PRNG, page writer, output): command line and paths, a string
// hash, wall-clock minutes, sentence splits, the choice of two-paragraph comments, name words,
// comment times, reading the output back and the layout-independent checks of the written
// files. Each generator keeps its own layouts and layout-specific checks.
//
// Plain Node >= 20, no dependencies, deterministic (no clock is read). Nothing here is
// imported from the project (src/, dist/).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMENT_KEYS, DAYS, HIDDEN, KINDS, MONTHS, RECORD_KEYS, compareRecords, pad2, randInt, splitClause, unitsAgo } from './heldout-kit.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------------------
// Command line and paths

// The command line and paths of held-out set `set` ("b", "e", "f", ...; "" for the first
// set): { repo, selfTest (--self-test given), shared (the first argument not starting with
// "--", else <repo>/../shared), outDir (tests/heldout-<set>, or tests/heldout), pagesDir, goldFile }.
export function heldoutPaths(set, argv = process.argv.slice(2)) {
  const arg = argv.find((a) => !a.startsWith('--'));
  const outDir = path.join(REPO, 'tests', set ? `heldout-${set}` : 'heldout');
  return {
    repo: REPO,
    selfTest: argv.includes('--self-test'),
    shared: arg ? path.resolve(arg) : path.resolve(REPO, '..', 'shared'),
    outDir,
    pagesDir: path.join(outDir, 'pages'),
    goldFile: path.join(outDir, 'segment.gold.jsonl'),
  };
}

// ---------------------------------------------------------------------------
// Hashing, dates and times (wall clock, no time zone: UTC arithmetic only)

// FNV-1a 32-bit hash of a string's UTF-16 code units, as an unsigned integer.
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// Three-letter month names: "Jan" ... "Dec".
export const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
// Three-letter weekday names, Sunday first: "Sun" ... "Sat".
export const SHORT_DAYS = DAYS.map((d) => d.slice(0, 3));

// A wall-clock moment as whole minutes since 1970-01-01 00:00 (m is 1-based).
export const minutesOf = (y, m, d, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh, mm) / 60000;

// The parts of a moment in minutes (minutesOf): { y, m (1-based), d, wd (0 = Sunday), hh, mm }.
export function wallClock(min) {
  const t = new Date(min * 60000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay(), hh: t.getUTCHours(), mm: t.getUTCMinutes() };
}

// "2016-06-16" from a date {y, m, d} (m is 1-based).
export const isoDate = ({ y, m, d }) => `${y}-${pad2(m)}-${pad2(d)}`;

// "5 minutes ago" / "1 hour ago" / "3 days ago" for an age in whole minutes.
export const agoText = (min) =>
  min < 60 ? unitsAgo(min, 'minute') : min < 24 * 60 ? unitsAgo(Math.floor(min / 60), 'hour') : unitsAgo(Math.floor(min / (24 * 60)), 'day');

// Times in minutes of `count` comments in file order: the first at `start` (minutes), each
// later one randInt(rng, lo, hi) minutes after the previous.
export function commentTimes(count, start, rng, lo, hi) {
  const times = [];
  let t = start;
  for (let i = 0; i < count; i++) {
    if (i > 0) t += randInt(rng, lo, hi);
    times.push(t);
  }
  return times;
}

// ---------------------------------------------------------------------------
// Text

// The article body from its meta description: [meta], or for n = 2 its two halves split at
// the ", " nearest the middle (splitClause); throws if it has no ", ".
export function bodyParas(meta, n) {
  if (n === 1) return [meta];
  const parts = splitClause(meta);
  if (!parts) throw new Error(`cannot split the description: ${meta}`);
  return parts;
}

// Index (UTF-16) of the space at the sentence boundary nearest the middle of `text` (at least
// 160 characters) with both parts at least 40 characters long and passing accept(before,
// after), or -1. `boundary` matches a sentence end up to and including that space; of two
// equally near boundaries the first wins.
export function sentenceSplitPoint(text, boundary, accept = () => true) {
  if (text.length < 160) return -1;
  const re = new RegExp(boundary.source, 'g');
  let best = -1;
  for (let m; (m = re.exec(text)); ) {
    const sp = m.index + m[0].length - 1;
    if (sp < 40 || text.length - sp - 1 < 40 || !accept(text.slice(0, sp), text.slice(sp + 1))) continue;
    if (best === -1 || Math.abs(sp - text.length / 2) < Math.abs(best - text.length / 2)) best = sp;
  }
  return best;
}

// `text` as paragraphs: split in two at the space at index `sp`, or [text] if sp < 0.
export const splitAtSpace = (text, sp) => (sp < 0 ? [text] : [text.slice(0, sp), text.slice(sp + 1)]);

// The paragraphs of each selected node's comment (node.c.text), in order: two, split at
// splitPoint(text), for the nodes that have a split point and (pos + pageNo) % 3 === 0 (if
// none does, the first node that has a split point); one for every other node.
export function nodeParagraphs(nodes, pageNo, splitPoint) {
  const splittable = nodes.filter((n) => splitPoint(n.c.text) >= 0);
  let chosen = splittable.filter((n) => (n.pos + pageNo) % 3 === 0);
  if (chosen.length === 0) chosen = splittable.slice(0, 1);
  return nodes.map((n) => (chosen.includes(n) ? splitAtSpace(n.c.text, splitPoint(n.c.text)) : [n.c.text]));
}

// The words of a user name (split at camelCase, letter/digit and other boundaries), digit-only
// words dropped, first letters upper-cased: "southernVet2016" -> ["Southern", "Vet"].
export const nameWords = (user) =>
  (user.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).filter((w) => !/^\d+$/.test(w)).map((w) => w[0].toUpperCase() + w.slice(1));

// ---------------------------------------------------------------------------
// Selected comments

// The page index of each selected node's parent (nodes of heldout-kit's buildTree or
// selectFlat, in page order): null for a top-level node; throws if a parent is not earlier on
// the page.
export function parentIndices(nodes, doc) {
  const indexOf = new Map();
  return nodes.map((n, i) => {
    indexOf.set(n.pos, i);
    if (n.parentPos === null) return null;
    if (!indexOf.has(n.parentPos)) throw new Error(`${doc}: parent of comment ${n.pos} not on the page before it`);
    return indexOf.get(n.parentPos);
  });
}

// "a/b/c/d": how many of `comments` are at depth 0, 1, 2 and 3.
export const depthProfile = (comments) => [0, 1, 2, 3].map((d) => comments.filter((c) => c.depth === d).length).join('/');

// ---------------------------------------------------------------------------
// Reading the output back and layout-independent checks (each returns a list of messages)

// The pages in pagesDir as written (nothing stripped): Map doc -> text, in file-name order.
export function readPages(pagesDir) {
  const pages = new Map();
  for (const f of fs.readdirSync(pagesDir).filter((x) => x.endsWith('.txt')).sort()) pages.set(f.slice(0, -4), fs.readFileSync(path.join(pagesDir, f), 'utf8'));
  return pages;
}

const sameList = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Problems with gold records `recs` (parsed, in file order): key order of records and of comment
// headers, unknown kinds, order not strictly by doc, start, end, docs other than `docs`.
export function goldProblems(recs, docs) {
  const out = [];
  recs.forEach((r, n) => {
    if (!sameList(Object.keys(r), r.kind === 'comment' ? COMMENT_KEYS : RECORD_KEYS)) out.push(`gold line ${n + 1}: key order`);
    if (r.kind === 'comment' && !sameList(Object.keys(r.header ?? {}), ['start', 'end', 'text'])) out.push(`gold line ${n + 1}: header keys`);
    if (!KINDS.has(r.kind)) out.push(`gold line ${n + 1}: kind ${r.kind}`);
    if (n > 0 && compareRecords(recs[n - 1], r) >= 0) out.push(`gold line ${n + 1}: not strictly sorted`);
  });
  if (!sameList([...new Set(recs.map((r) => r.doc))].sort(), [...docs].sort())) out.push('gold docs differ from the page files');
  return out;
}

// Problems with the text of page `doc`: a BOM, line endings other than `eol`, not ending with
// exactly one line ending, trailing whitespace, zero-width characters, tabs (unless `tabs`).
export function pageTextProblems(doc, text, eol, { tabs = false } = {}) {
  const out = [];
  if (text.charCodeAt(0) === 0xfeff) out.push(`${doc}: BOM`);
  if (eol === '\r\n' ? /\r(?!\n)|(?<!\r)\n/.test(text) : text.includes('\r')) out.push(`${doc}: line endings other than ${JSON.stringify(eol)}`);
  if (!text.endsWith(eol) || text.endsWith(eol + eol)) out.push(`${doc}: must end with exactly one line ending`);
  if (/[ \t\u00a0]\r?\n/.test(text)) out.push(`${doc}: trailing whitespace`);
  if (HIDDEN.test(text)) out.push(`${doc}: zero-width character`);
  if (!tabs && text.includes('\t')) out.push(`${doc}: tab`);
  return out;
}

// Problems with the records `recs` of page `doc` and their comment headers: bad offsets,
// text !== slice, empty or untrimmed spans, a non-comment record on several lines, a character
// covered twice or a non-space character not covered.
export function spanProblems(doc, text, recs) {
  const out = [];
  const cover = new Uint8Array(text.length);
  const span = (s, what) => {
    if (!s || !(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length)) return out.push(`${doc}: ${what}: bad offsets`);
    if (text.slice(s.start, s.end) !== s.text) out.push(`${doc}: ${what}: text !== slice`);
    if (s.text === '' || /^\s|\s$/.test(s.text)) out.push(`${doc}: ${what}: empty or not trimmed`);
    for (let i = s.start; i < s.end; i++) cover[i]++;
  };
  for (const r of recs) {
    const what = `${r.kind} @${r.start}`;
    span(r, what);
    if (r.kind === 'comment') span(r.header, `header of ${what}`);
    else if (/[\r\n]/.test(r.text)) out.push(`${doc}: ${what} spans lines`);
  }
  for (let i = 0; i < text.length; i++) {
    if (cover[i] > 1 || (cover[i] === 0 && /\S/.test(text[i]))) {
      out.push(`${doc}: offset ${i} (${JSON.stringify(text[i])}) ${cover[i] ? `covered ${cover[i]} times` : 'not covered'}`);
      break;
    }
  }
  return out;
}

// Problems with the comment records of page `doc`: indices not 0..n-1 in page order, a first
// comment that is a reply, depth/parent mismatch, depth jumps, depth above `cap`, a parent that
// is not the nearest earlier comment one level up.
export function treeProblems(doc, comments, cap) {
  const out = [];
  const cs = [...comments].sort((x, y) => x.index - y.index);
  cs.forEach((c, i) => {
    if (c.index !== i || (i > 0 && cs[i - 1].start > c.start)) out.push(`${doc}: comment indices not 0..n-1 in page order at ${i}`);
    if (i === 0 && c.depth !== 0) out.push(`${doc}: first comment is a reply`);
    if (!Number.isInteger(c.depth) || c.depth < 0 || c.depth > cap) out.push(`${doc}: comment ${i}: depth ${c.depth} outside 0..${cap}`);
    if (i > 0 && c.depth > cs[i - 1].depth + 1) out.push(`${doc}: comment ${i}: depth jump`);
    let want = null;
    if (c.depth > 0)
      for (let j = i - 1; j >= 0; j--)
        if (cs[j].depth === c.depth - 1) {
          want = j;
          break;
        }
    if (c.parent !== want || (c.depth > 0 && want === null)) out.push(`${doc}: comment ${i}: parent ${c.parent}, nearest earlier comment one level up is ${want}`);
  });
  return out;
}
