// Shared by the held-out page generators of sets H to K (build-heldout-{h,i,j,k}-pages.mjs), which
// were written one after another, each with a copy of the helpers of the one before. The helpers
// live here now: command line and paths, dataset loading, the slug rule, the first 20 comments and
// their reply tree, comment times, artificial paragraph splits, date and number formats, the page
// writer, the article part and tails of a page, output, the frame of the independent re-parse, the
// layout-independent checks of the files as written, and the main flow (runBlindSet). Each
// generator keeps its layouts: page configs, comment rendering, furniture shapes, the re-parse
// grammar of each layout and its layout-specific checks.
//
// Plain Node >= 20, no dependencies: besides node: modules it imports only the older kits
// heldout-kit.mjs and heldout-kit-2.mjs (helpers with the same behaviour; neither is changed for
// this kit). Deterministic: no clock is read, randomness is fixed-seed. Nothing here is imported
// from the project (src/, dist/).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMENT_KEYS, KINDS, RECORD_KEYS, compareRecords, mulberry32, pad2, randInt, writeOutput } from './heldout-kit.mjs';
import { bodyParas, fnv1a, minutesOf, wallClock } from './heldout-kit-2.mjs';

// For the generators' layouts: the names and formats the older kits already have.
export { DAYS, MONTHS } from './heldout-kit.mjs';
export { SHORT_DAYS, SHORT_MONTHS } from './heldout-kit-2.mjs';
export { fnv1a, minutesOf, pad2, wallClock };

// Comments per page.
export const N_COMMENTS = 20;
// The byte order mark, written in front of a page whose config has `bom: true`.
export const BOM = '\uFEFF';

// ---------------------------------------------------------------------------------------------
// Command line and paths

// The paths of held-out set `set` ("h", "i", ...): { dataDir (the dataset under the shared dir:
// argv[2], else <repo>/../shared), pagesDir and goldFile (under tests/heldout-<set>) }.
function blindSetPaths(set, argv = process.argv) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const shared = path.resolve(argv[2] ?? path.join(repo, '..', 'shared'));
  const outDir = path.join(repo, 'tests', `heldout-${set}`);
  return {
    dataDir: path.join(shared, 'datasets', 'fox-news-comments'),
    pagesDir: path.join(outDir, 'pages'),
    goldFile: path.join(outDir, 'segment.gold.jsonl'),
  };
}

// ---------------------------------------------------------------------------------------------
// Number and date formats (dates are wall-clock parts from wallClock)

// Two-digit year: 2016 -> "16".
export const yy = (y) => String(y).slice(2);
// Hour on the 12-hour clock (0 and 12 -> 12).
export const h12 = (hh) => (hh % 12 === 0 ? 12 : hh % 12);
// "AM" or "PM" for an hour 0..23.
export const ampm = (hh) => (hh < 12 ? 'AM' : 'PM');
// A whole number with thousands separators: 12345 -> "12,345".
export const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
// "1 friend" / "3 friends".
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … */
export const ordinal = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

/** Same slug rule as the earlier sets: lower case, non-alphanumeric runs → "-", at most 60 characters, cut at a "-". */
export function slugify(title) {
  let s = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > 60) {
    s = s.slice(0, 61);
    s = s.slice(0, s.lastIndexOf('-'));
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Dataset

// The articles of the Fox News comments dataset in dataDir, in order of first appearance: { title,
// meta, comments (the dataset rows, each with pos = its position in the article), date {y, m, d, wd},
// slug, index }. Throws if an article has two descriptions or the URL count differs.
export function loadDataset(dataDir) {
  const lines = fs.readFileSync(path.join(dataDir, 'fox-news-comments.json'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const articles = [];
  for (const line of lines) {
    const c = JSON.parse(line);
    let a = articles.find((x) => x.title === c.title);
    if (!a) {
      a = { title: c.title, meta: c.meta, comments: [] };
      articles.push(a);
    }
    if (c.meta !== a.meta) throw new Error(`two descriptions for ${a.title}`);
    c.pos = a.comments.length;
    a.comments.push(c);
  }
  const urls = fs.readFileSync(path.join(dataDir, 'comment-url.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (urls.length !== articles.length) throw new Error(`${urls.length} URLs for ${articles.length} articles`);
  articles.forEach((a, i) => {
    const m = /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(urls[i]);
    if (!m) throw new Error(`no date in ${urls[i]}`);
    a.date = { y: +m[1], m: +m[2], d: +m[3] };
    a.date.wd = wallClock(minutesOf(a.date.y, a.date.m, a.date.d)).wd;
    a.slug = slugify(a.title);
    a.index = i;
  });
  return articles;
}

/** The addressee of a comment: its first @mention (mentions split at whitespace and commas), without "@". */
export const addresseeOf = (c) =>
  String(c.mentions || '').split(/[\s,]+/).filter((x) => x.startsWith('@')).map((x) => x.slice(1)).filter(Boolean)[0] ?? null;

/** The addressee's most recent earlier comment in the article (any position), or null. */
export function addresseeComment(article, c) {
  const a = addresseeOf(c);
  if (!a) return null;
  for (let p = c.pos - 1; p >= 0; p--) if (article.comments[p].user === a) return article.comments[p];
  return null;
}

/**
 * 20 comments of the article in dataset order, skipping empty texts, from position `start` (0: the
 * first 20). With `fallback`, an article with too few comments for the window gives its first 20.
 * Texts must be trimmed, with no line breaks, tabs, special spaces or characters outside the BMP,
 * and user names plain.
 */
export function commentWindow(article, start = 0, { fallback = false } = {}) {
  const usable = article.comments.filter((c) => c.text.trim() !== '');
  const from = fallback && usable.length < start + N_COMMENTS ? 0 : start;
  const out = usable.slice(from, from + N_COMMENTS);
  if (out.length !== N_COMMENTS) throw new Error(`${article.slug}: only ${usable.length} comments`);
  for (const c of out) {
    if (c.text !== c.text.trim()) throw new Error(`${article.slug}: untrimmed text at ${c.pos}`);
    if (/[\r\n\t\u00a0\u202f\ufeff\u200b-\u200f]/.test(c.text)) throw new Error(`${article.slug}: unexpected whitespace in text at ${c.pos}`);
    if (/[\ud800-\udfff]/.test(c.text)) throw new Error(`${article.slug}: non-BMP character at ${c.pos}`);
    if (!/^[A-Za-z0-9_]+$/.test(c.user)) throw new Error(`${article.slug}: unusual user name at ${c.pos}`);
  }
  return out;
}

/** The first 20 comments of the article in dataset order, skipping empty texts. */
export const firstComments = (article) => commentWindow(article, 0);

/** The parent of comment c on a page of `selected` comments: its addressee's most recent earlier comment, if on the page; else null. */
export function pageParent(article, selected, c) {
  const a = addresseeComment(article, c);
  return a && selected.includes(a) ? a : null;
}

/**
 * Reply tree over the selected comments: the parent is the most recent earlier comment of the article
 * by the addressee. When that comment is not selected (a window of comments that starts after it),
 * the reply is shown at the top level, as on a later page of comments, and counted in `outside`.
 * Depths beyond `cap` are re-attached to their ancestor at depth cap − 1.
 * Returns the comments in display order (pre-order, roots and children in file order) with depth.
 */
export function replyTree(article, selected, cap) {
  const chosen = new Set(selected);
  const node = new Map(selected.map((c) => [c, { c, parent: null, children: [], depth: 0, addressee: addresseeOf(c) }]));
  let outside = 0;
  for (const c of selected) {
    const parent = addresseeComment(article, c);
    if (parent && chosen.has(parent)) node.get(c).parent = node.get(parent);
    else if (parent) outside++;
  }
  let capped = 0;
  for (const c of selected) {
    const n = node.get(c);
    n.depth = n.parent ? n.parent.depth + 1 : 0;
    if (n.depth > cap) {
      let a = n.parent;
      while (a.depth > cap - 1) a = a.parent;
      n.parent = a;
      n.depth = cap;
      capped++;
    }
    if (n.parent) n.parent.children.push(n);
  }
  const order = [];
  const walk = (n) => {
    order.push(n);
    for (const ch of n.children) walk(ch);
  };
  for (const c of selected) if (!node.get(c).parent) walk(node.get(c));
  return { order, capped, outside };
}

// The comments of a page: { selected (firstComments, or the window given), order (display order:
// the reply tree if page.nested, capped at page.cap, else the selection as depth-0 nodes), capped
// (replies re-attached by the cap), outside (nested pages: replies whose parent is not on the page),
// indexOf (Map node -> page index) }.
export function threadOrder(article, page, selected = firstComments(article)) {
  let order;
  let capped = 0;
  let outside = 0;
  if (page.nested) ({ order, capped, outside } = replyTree(article, selected, page.cap));
  else order = selected.map((c) => ({ c, depth: 0, parent: null, children: [], addressee: addresseeOf(c) }));
  return { selected, order, capped, outside, indexOf: new Map(order.map((n, i) => [n, i])) };
}

// The two generators of a page: rng for the comment times, counts for the layout's numbers; seeded
// by the set and layout, so that each page is stable when another page changes.
export const layoutRngs = (set, layout) => ({
  rng: mulberry32(fnv1a(`heldout-${set}:time:${layout}`)),
  counts: mulberry32(fnv1a(`heldout-${set}:counts:${layout}`)),
});

// Comment times in file (chronological) order: Map comment -> time. The first is at `start`, each
// later one randInt(rng, lo, hi) after the previous, [lo, hi] = gap(k) for the k-th comment.
export function commentTimes(selected, start, rng, gap) {
  const times = new Map();
  let t = start;
  for (const [k, c] of selected.entries()) {
    if (k > 0) t += randInt(rng, ...gap(k));
    times.set(c, t);
  }
  return times;
}

// ---------------------------------------------------------------------------------------------
// Paragraph splits (artificial: the dataset has no paragraphs)

const BOUNDARY = /[.!?][”"'’)\]]? (?=\S)/g;
// The shortest paragraph a split may leave.
export const MIN_PART = 40;

function splitCandidates(text) {
  const out = [];
  for (const m of text.matchAll(BOUNDARY)) out.push(m.index + m[0].length - 1); // index of the space
  return out;
}

/** Split points for `parts` paragraphs (2 or 3), or null. */
function splitPoints(text, parts) {
  const L = text.length;
  const cand = splitCandidates(text);
  if (parts === 2) {
    if (L < 160) return null;
    let best = null;
    for (const i of cand) {
      if (i < MIN_PART || L - i - 1 < MIN_PART) continue;
      if (best === null || Math.abs(i - L / 2) < Math.abs(best - L / 2)) best = i;
    }
    return best === null ? null : [best];
  }
  if (parts === 3) {
    if (L < 360) return null;
    let best = null;
    let score = Infinity;
    for (const i of cand) {
      for (const j of cand) {
        if (j <= i || i < MIN_PART || j - i - 1 < MIN_PART || L - j - 1 < MIN_PART) continue;
        const s = Math.abs(i - L / 3) + Math.abs(j - (2 * L) / 3);
        if (s < score) {
          score = s;
          best = [i, j];
        }
      }
    }
    return best;
  }
  return null;
}

function cutAt(text, points) {
  const out = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p + 1;
  }
  out.push(text.slice(from));
  return out;
}

/**
 * Paragraphs of one comment. mode = (file position + page number) % 3: 0 → as many paragraphs as
 * possible (up to 3), 1 → at most 2, 2 → 1. Layouts that print a message as one line get 1.
 */
export function paragraphsOf(c, pageNo, allowParas = true) {
  if (!allowParas) return [c.text];
  const mode = (c.pos + pageNo) % 3;
  const tries = mode === 0 ? [3, 2] : mode === 1 ? [2] : [];
  for (const k of tries) {
    const pts = splitPoints(c.text, k);
    if (pts) return cutAt(c.text, pts);
  }
  return [c.text];
}

// paragraphsOf, checked: the paragraphs join back (with one space) to the comment text, and no
// paragraph, or no line of it as wrap(paragraph) prints it, matches a regex of `furniture` (what the
// layout's grammar would read as furniture).
export function commentParas(doc, c, pageNo, allowParas, furniture, wrap = (p) => [p]) {
  const ps = paragraphsOf(c, pageNo, allowParas);
  if (ps.join(' ') !== c.text) throw new Error(`${doc}: split does not join back`);
  for (const l of ps.flatMap(wrap)) if (furniture.some((re) => re.test(l))) throw new Error(`${doc}: paragraph looks like furniture: ${l}`);
  return ps;
}

// ---------------------------------------------------------------------------------------------
// Page writer: offsets are taken while the text is written.

export class Page {
  constructor(doc, eol) {
    this.doc = doc;
    this.eol = eol;
    this.s = '';
    this.records = [];
  }

  /** Append text that contains no line break; returns its offsets. */
  write(str) {
    if (/[\r\n]/.test(str)) throw new Error(`line break in write(): ${JSON.stringify(str.slice(0, 40))}`);
    const start = this.s.length;
    this.s += str;
    return { start, end: this.s.length };
  }

  nl(n = 1) {
    this.s += this.eol.repeat(n);
  }

  span(start, end) {
    return { start, end, text: this.s.slice(start, end) };
  }

  /** A one-line non-comment record; `lead` (indentation) is written before it and is not part of the span. Ends the line. */
  line(kind, str, lead = '') {
    this.write(lead);
    const r = this.write(str);
    this.records.push({ doc: this.doc, start: r.start, end: r.end, text: str, kind });
    this.nl();
    return r;
  }

  /**
   * Paragraphs separated by one empty line (the empty line carries no indentation). Each paragraph is
   * one line, or the lines wrap(paragraph) gives, each starting with `indent`, except that the first
   * line may continue an open line (firstOpen). Does not end the last line. Returns the span from the
   * first character of the first paragraph to the last one.
   */
  paras(ps, { indent = '', firstOpen = false, wrap = (p) => [p] } = {}) {
    let start = null;
    let end = null;
    ps.forEach((p, k) => {
      if (k > 0) this.nl(2);
      wrap(p).forEach((l, q) => {
        if (q > 0) this.nl();
        if (!(firstOpen && k === 0 && q === 0)) this.write(indent);
        const r = this.write(l);
        if (start === null) start = r.start;
        end = r.end;
      });
    });
    if (start === null) throw new Error('empty comment');
    return { start, end };
  }

  /**
   * Header lines, each written after `indent`: one span from the first non-space character of the
   * first line to the end of the last line (lines may carry their own leading spaces). Ends the last line.
   */
  headerBlock(lines, indent = '') {
    let start = null;
    let end = null;
    lines.forEach((l, k) => {
      if (k > 0) this.nl();
      this.write(indent);
      const r = this.write(l);
      if (start === null) start = r.start + (l.length - l.trimStart().length);
      end = r.end;
    });
    this.nl();
    return this.span(start, end);
  }

  comment(fields, span, header) {
    const text = this.s.slice(span.start, span.end);
    this.records.push({ doc: this.doc, start: span.start, end: span.end, text, kind: 'comment', index: fields.index,
      author: fields.author, depth: fields.depth, parent: fields.parent,
      header: header ? { start: header.start, end: header.end, text: header.text } : null });
  }

  /** The records in page order (start, then end). */
  sortedRecords() {
    return [...this.records].sort((x, y) => x.start - y.start || x.end - y.end);
  }
}

// The article part of a page: one-line blocks (title, page.dateline(date) if any, page.before, the
// page.bodyParas body paragraphs, page.after) separated by one empty line, then two empty lines.
export function writeArticle(b, page, article) {
  const blocks = [['title', article.title]];
  if (page.dateline) blocks.push(['dateline', page.dateline(article.date)]);
  blocks.push(...page.before);
  for (const p of bodyParas(article.meta, page.bodyParas)) blocks.push(['body', p]);
  blocks.push(...page.after);
  blocks.forEach(([kind, text], k) => {
    if (k > 0) b.nl();
    b.line(kind, text);
  });
  b.nl(2);
}

// The thread tail: after one empty line, a footer line for each entry (a string, or a function of
// the article); nothing if there are none.
export function writeThreadTail(b, tails, article) {
  if (!tails.length) return;
  b.nl();
  for (const tl of tails) b.line('footer', typeof tl === 'function' ? tl(article) : tl);
}

// The page tail: after two empty lines, a footer line for each string; nothing if there are none.
export function writePageTail(b, lines) {
  if (!lines.length) return;
  b.nl(2);
  for (const tl of lines) b.line('footer', tl);
}

// ---------------------------------------------------------------------------------------------
// Output

// Writes each built page ({ doc, text, recs, page: its config }) to pagesDir/<doc>.txt (a BOM first
// if page.bom), removes other .txt files there, and writes all records, sorted, to goldFile
// (heldout-kit's writeOutput; the records are built in gold key order).
export function writeBuilt(built, pagesDir, goldFile) {
  writeOutput(built.map((p) => ({ page: { doc: p.doc, s: p.text, records: p.recs }, cfg: p.page })), pagesDir, goldFile);
}

// ---------------------------------------------------------------------------------------------
// Independent re-parse: the layout-independent frame. Each generator's reparse(doc, layout, text,
// eol) reads the page text by its layout's grammar (never the generator's bookkeeping) with these.

// The lines of `text` (each ended by `eol`): { start, end, text }.
function lineTable(text, eol) {
  const lines = [];
  let pos = 0;
  while (pos < text.length) {
    const j = text.indexOf(eol, pos);
    if (j < 0) throw new Error('last line has no line ending');
    lines.push({ start: pos, end: j, text: text.slice(pos, j) });
    pos = j + eol.length;
  }
  return lines;
}

// The kind of an article or chrome line: the first [kind, regex] of `table` whose regex matches, else 'body'.
export const classifier = (table) => (s) => (table.find(([, re]) => re.test(s)) ?? ['body'])[0];

// A re-parse of page `doc`. Returns the lines L and helpers that add records (`out`, in gold key
// order) or throw on the first problem (err):
//   plain(l, kind, from)   a one-line record from `from` (default: the line's first non-space) to the line end
//   article(classify)      the article part: one-line blocks separated by one empty line, then two
//                          empty lines; returns the index of the next line
//   threadHead(i, isHead, kindOf)  an optional block of heading lines at i (all pass isHead), then
//                          one empty line; returns the index after it
//   pageTail(i, classify)  an optional block of footer lines at the end after exactly two empty lines;
//                          returns the end of what is left
//   threadTail(i, end, isTail)  an optional block of tail lines before `end` after one empty line
//   thread(i, end)         the thread lines T (checked: no empty line first or last, none doubled)
//   pushComment(start, end, author, depth, header)  a comment record; parent = nearest comment one level up
//   checkParas(k, last, { col, firstOpen, width })  lines k..last of T are one comment's paragraphs
//   beforeGap(next, isLast)  the last text line before the head at `next` (one empty line between)
//   nextAfter(q, what)     the first line of the next comment after a comment ending before line q
//   records()              the records, in page order
//   paras(s, e, { col, firstOpen, width })  checkParas on the page lines L instead of the thread lines T
//   headerOf(a, b)         a header span over lines a..b, from the first non-space character
//   textEnd(s, isText, wrapped)  the last line of a text starting at line s: paragraphs go on while an
//                          empty line is followed by a line for which isText holds (or, if wrapped, a line
//                          right under it)
export function reparser(doc, text, eol) {
  const L = lineTable(text, eol);
  const out = [];
  const comments = [];
  let T = [];
  const err = (m) => {
    throw new Error(`${doc}: reparse: ${m}`);
  };
  const lead = (s) => s.length - s.trimStart().length;
  const plain = (l, kind, from = l.start + lead(l.text)) => out.push({ doc, start: from, end: l.end, text: text.slice(from, l.end), kind });
  // Lines s..e of `lines` are one comment's paragraphs (paras on L, checkParas on the thread lines T).
  const parasIn = (lines, s, e, { col = 0, firstOpen = false, width = 0 } = {}) => {
    if (e < s) err('comment without text');
    for (let q = s; q <= e; q++) {
      const t = lines[q].text;
      if (t === '') {
        if (q === s || q === e || lines[q - 1].text === '') err(`bad paragraph break near line ${q}`);
      } else {
        if (!(firstOpen && q === s) && (lead(t) !== col || /^\s*$/.test(t))) err(`text line at the wrong indent: ${t.slice(0, 40)}`);
        if (!width && q > s && lines[q - 1].text !== '') err(`paragraph of two lines: ${t.slice(0, 40)}`);
        if (width && t.length > width && t.trim().includes(' ')) err(`text line longer than ${width}: ${t.slice(0, 40)}`);
      }
    }
  };
  const paras = (s, e, opts) => parasIn(L, s, e, opts);
  const headerOf = (a, b) => ({ start: L[a].start + lead(L[a].text), end: L[b].end });
  const textEnd = (s, isText, wrapped = false) => {
    let e = s;
    for (;;) {
      if (wrapped && L[e + 1] && L[e + 1].text !== '' && isText(e + 1)) e += 1;
      else if (L[e + 1]?.text === '' && L[e + 2] && L[e + 2].text !== '' && isText(e + 2)) e += 2;
      else return e;
    }
  };

  const article = (classify) => {
    let i = 0;
    for (let blockNo = 0; ; blockNo++) {
      const l = L[i];
      if (!l || l.text === '' || l.text !== l.text.trim()) err(`bad article line ${i}`);
      plain(l, blockNo === 0 ? 'title' : classify(l.text));
      if (L[i + 1]?.text !== '') err('article block not followed by an empty line');
      if (L[i + 2]?.text === '') {
        if (!L[i + 3] || L[i + 3].text === '') err('more than two empty lines after the article');
        return i + 3;
      }
      i += 2;
    }
  };
  const threadHead = (i, isHead, kindOf = () => 'footer') => {
    let k = i;
    while (L[k] && L[k].text !== '') k++;
    const block = L.slice(i, k);
    if (L[k]?.text === '' && L[k + 1] && L[k + 1].text !== '' && block.every((l) => isHead(l.text))) {
      for (const l of block) plain(l, kindOf(l.text));
      return k + 1;
    }
    return i;
  };
  const pageTail = (i, classify) => {
    const end = L.length;
    let k = end;
    while (k > i && L[k - 1].text !== '') k--;
    if (k < end && L[k - 1]?.text === '' && L[k - 2]?.text === '' && L.slice(k, end).every((l) => classify(l.text) === 'footer')) {
      if (L[k - 3]?.text === '') err('more than two empty lines before the page tail');
      for (const l of L.slice(k, end)) plain(l, 'footer');
      return k - 2;
    }
    return end;
  };
  const threadTail = (i, end, isTail) => {
    let k = end;
    while (k > i && L[k - 1].text !== '') k--;
    if (k < end && L[k - 1]?.text === '' && L.slice(k, end).every((l) => isTail(l.text))) {
      for (const l of L.slice(k, end)) plain(l, 'footer');
      return k - 1;
    }
    return end;
  };
  const thread = (i, end) => {
    T = L.slice(i, end);
    if (T.length === 0 || T[T.length - 1].text === '' || T[0].text === '') err('thread starts or ends with an empty line');
    for (let q = 1; q < T.length; q++) if (T[q].text === '' && T[q - 1].text === '') err('two empty lines inside the thread');
    return T;
  };
  const pushComment = (s0, e0, author, depth, hdr) => {
    let parent = null;
    if (depth > 0) {
      for (let q = comments.length - 1; q >= 0; q--) {
        if (comments[q].depth === depth - 1) {
          parent = q;
          break;
        }
        if (comments[q].depth < depth - 1) err('depth jump');
      }
      if (parent === null) err('reply without a parent');
    }
    const rec = { doc, start: s0, end: e0, text: text.slice(s0, e0), kind: 'comment', index: comments.length, author, depth, parent,
      header: { start: hdr.start, end: hdr.end, text: text.slice(hdr.start, hdr.end) } };
    out.push(rec);
    comments.push(rec);
    return rec;
  };
  // Paragraphs at column `col` (the first line may be checked by the layout instead: firstOpen)
  // separated by exactly one empty line; a paragraph is one line, or with `width` several wrapped
  // lines of at most `width` characters.
  const checkParas = (k, last, opts) => parasIn(T, k, last, opts);
  const beforeGap = (next, isLast) => {
    if (isLast) return next - 1;
    if (T[next - 1]?.text !== '') err(`no empty line before line ${next}`);
    if (T[next - 2]?.text === '') err(`gap of more than one empty line before line ${next}`);
    return next - 2;
  };
  // After a comment's last line q - 1: the end of the thread, or exactly one empty line before the next.
  const nextAfter = (q, what) => {
    if (q >= T.length) return q;
    if (T[q].text !== '' || T[q + 1]?.text === '' || q + 1 >= T.length) err(`${what} not separated by one empty line`);
    return q + 1;
  };
  const records = () => out.sort((a, b) => a.start - b.start || a.end - b.end);
  return { L, comments, err, lead, plain, paras, headerOf, textEnd, article, threadHead, pageTail, threadTail, thread, pushComment, checkParas, beforeGap, nextAfter, records };
}

// ---------------------------------------------------------------------------------------------
// Checks on the files as re-read from disk

// Checks goldFile and the pages in pagesDir against `built` (renderPage results: { doc, layout,
// page (config: eol, bom, nested, cap), text, selected, capped, ... }). Layout-independent: gold
// format and order, BOM, line endings, stray characters, text === slice, trimmed spans, no overlaps,
// every non-space character covered once, 20 comments with indices 0..19 and valid parents, the
// dataset texts and authors, paragraphs, the re-parse equal to the gold, each layout once. Options:
//   layouts                 the set's layouts, sorted
//   reparse(doc, layout, text, eol)  the records the page implies
//   partsOf(p, c)           the paragraphs of comment record c, as in the dataset text
//   allowParas(p)           the page may (and then must) have multi-paragraph comments
//   authorOk(p, c)          c.author is valid (default: a string)
//   tabs                    tabs are allowed (the set checks them in textChecks)
//   forbidden               a regex of characters the pages must not contain, or null
//   textChecks(ctx), pageChecks(ctx)  further checks; ctx = { p, text, rs, fail } (pageChecks
//                           also: cs, srcOf (Map comment record -> dataset comment), partsOf(c))
//   summaryTail(p, cs)      the end of the page's summary line
// Returns { errors, summary (one line a page), total (records by kind), count }.
export function checkBuilt(built, opts) {
  const { pagesDir, goldFile, layouts, reparse, partsOf, allowParas = () => true, authorOk = (p, c) => typeof c.author === 'string' } = opts;
  const { tabs = false, forbidden = null, textChecks = () => {}, pageChecks = () => {}, summaryTail = () => '' } = opts;
  const errors = [];
  const fail = (m) => errors.push(m);
  const goldText = fs.readFileSync(goldFile, 'utf8');
  if (!goldText.endsWith('\n') || goldText.endsWith('\n\n')) fail('gold must end with exactly one newline');
  const recs = goldText.slice(0, -1).split('\n').map((l) => JSON.parse(l));
  // Key order and strict sort order (doc, start, end)
  for (const [q, r] of recs.entries()) {
    const keys = Object.keys(r).join();
    const want = (r.kind === 'comment' ? COMMENT_KEYS : RECORD_KEYS).join();
    if (keys !== want) fail(`record ${q}: keys ${keys}`);
    if (r.header && Object.keys(r.header).join() !== 'start,end,text') fail(`record ${q}: header keys`);
    if (!KINDS.has(r.kind)) fail(`record ${q}: kind ${r.kind}`);
    if (q > 0 && compareRecords(recs[q - 1], r) >= 0) fail(`record ${q}: sort order`);
  }
  const files = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.txt')).sort();
  const docs = [...new Set(recs.map((r) => r.doc))].sort();
  if (files.map((f) => f.slice(0, -4)).join() !== docs.join()) fail('gold docs differ from the page files');
  const summary = [];
  for (const p of built) {
    const raw = fs.readFileSync(path.join(pagesDir, `${p.doc}.txt`), 'utf8');
    const hasBom = raw.startsWith(BOM);
    if (hasBom !== p.page.bom) fail(`${p.doc}: BOM ${hasBom}`);
    const text = hasBom ? raw.slice(1) : raw;
    if (text !== p.text) fail(`${p.doc}: file differs from the generated text`);
    const eol = p.page.eol;
    const rs = recs.filter((r) => r.doc === p.doc);
    // Line endings and whitespace
    if (eol === '\r\n') {
      if (/\r(?!\n)|(?<!\r)\n/.test(text)) fail(`${p.doc}: stray CR or LF on the CRLF page`);
    } else if (text.includes('\r')) fail(`${p.doc}: CR on an LF page`);
    if (!text.endsWith(eol) || text.endsWith(eol + eol)) fail(`${p.doc}: must end with one line ending`);
    if (/[ \t\u00a0\u202f]\r?$/m.test(text)) fail(`${p.doc}: trailing whitespace`);
    if (!tabs && text.includes('\t')) fail(`${p.doc}: tab`);
    if (text.includes(BOM)) fail(`${p.doc}: U+FEFF inside the text`);
    if (/[\ud800-\udfff]/.test(text)) fail(`${p.doc}: non-BMP character`);
    if (forbidden && forbidden.test(text)) fail(`${p.doc}: unexpected character U+${text.match(forbidden)[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    // text === slice, trimmed, non-empty; no overlaps; coverage of every non-space character
    const owner = new Int32Array(text.length).fill(-1);
    const spans = [];
    for (const [q, r] of rs.entries()) {
      spans.push([r.start, r.end, `${r.kind}#${q}`]);
      if (r.header) spans.push([r.header.start, r.header.end, `header#${q}`]);
    }
    for (const r of rs) {
      for (const s of r.header ? [r, r.header] : [r]) {
        if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)) {
          fail(`${p.doc}: bad span ${s.start}-${s.end}`);
          continue;
        }
        if (text.slice(s.start, s.end) !== s.text) fail(`${p.doc}: text !== slice at ${s.start}`);
        if (/^\s|\s$/.test(s.text)) fail(`${p.doc}: untrimmed span at ${s.start}`);
      }
      if (r.kind !== 'comment' && /[\r\n]/.test(r.text)) fail(`${p.doc}: multi-line ${r.kind} at ${r.start}`);
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let q = 1; q < spans.length; q++) if (spans[q][0] < spans[q - 1][1]) fail(`${p.doc}: ${spans[q][2]} overlaps ${spans[q - 1][2]}`);
    for (const [s, e] of spans) for (let x = s; x < e; x++) owner[x] = (owner[x] < 0 ? 0 : owner[x]) + 1;
    for (let x = 0; x < text.length; x++) {
      if (!/\s/.test(text[x]) && owner[x] !== 1) {
        fail(`${p.doc}: character ${JSON.stringify(text[x])} at ${x} covered ${Math.max(owner[x], 0)} times`);
        break;
      }
    }
    textChecks({ p, text, rs, fail });
    // Comment structure: 20 comments, index 0..19 in document order, valid parents
    const cs = rs.filter((r) => r.kind === 'comment');
    if (cs.length !== N_COMMENTS) fail(`${p.doc}: ${cs.length} comments`);
    cs.forEach((c, k) => {
      if (c.index !== k) fail(`${p.doc}: index ${c.index} at position ${k}`);
      if (!c.header || c.text === '') fail(`${p.doc}: #${k} lacks header or text`);
      if (!authorOk(p, c)) fail(`${p.doc}: #${k} author`);
      if (!Number.isInteger(c.depth) || c.depth < 0) fail(`${p.doc}: #${k} depth`);
      if (c.depth === 0) {
        if (c.parent !== null) fail(`${p.doc}: #${k} top-level with a parent`);
      } else {
        let want = null;
        for (let q = k - 1; q >= 0; q--) if (cs[q].depth === c.depth - 1) {
          want = q;
          break;
        } else if (cs[q].depth < c.depth - 1) break;
        if (want === null || c.parent !== want) fail(`${p.doc}: #${k} parent ${c.parent}, expected ${want}`);
      }
      if (k === 0 && c.depth !== 0) fail(`${p.doc}: first comment is a reply`);
    });
    if (!p.page.nested && cs.some((c) => c.depth !== 0)) fail(`${p.doc}: depth on a flat page`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) < 2) fail(`${p.doc}: nested page does not reach depth 2`);
    if (p.page.nested && Math.max(...cs.map((c) => c.depth)) > p.page.cap) fail(`${p.doc}: depth beyond the cap`);
    // Data: texts and authors are the article's first 20 comments (flat pages in file order). A
    // comment without an author (a continued group) is by the last named author before it.
    const pool = [...p.selected];
    let lastPos = -1;
    let groupAuthor = null;
    const paraCounts = [];
    const srcOf = new Map();
    for (const c of cs) {
      const parts = partsOf(p, c);
      paraCounts.push(parts.length);
      if (parts.some((x) => /[\r\n]/.test(x))) fail(`${p.doc}: #${c.index} paragraph of several lines`);
      if (c.author !== null) groupAuthor = c.author;
      const user = c.author ?? groupAuthor;
      const q = pool.findIndex((x) => x && x.text === parts.join(' ') && x.user === user);
      if (q < 0) {
        fail(`${p.doc}: #${c.index} text/author not among the first 20 comments`);
        continue;
      }
      if (!p.page.nested && pool[q].pos < lastPos) fail(`${p.doc}: flat page not in file order`);
      lastPos = pool[q].pos;
      if (parts.length > 1 && parts.some((x) => x.length < MIN_PART)) fail(`${p.doc}: #${c.index} paragraph too short`);
      srcOf.set(c, pool[q]);
      pool[q] = null;
    }
    if (allowParas(p) && !paraCounts.some((n) => n > 1)) fail(`${p.doc}: no multi-paragraph comment`);
    if (!allowParas(p) && paraCounts.some((n) => n > 1)) fail(`${p.doc}: paragraphs on a one-line layout`);
    pageChecks({ p, text, rs, cs, srcOf, partsOf: (c) => partsOf(p, c), fail });
    // Independent re-parse must give exactly the gold
    try {
      const a = reparse(p.doc, p.layout, text, eol).map((r) => JSON.stringify(r));
      const g = rs.map((r) => JSON.stringify(r));
      if (a.length !== g.length) fail(`${p.doc}: reparse gives ${a.length} records, gold ${g.length}`);
      for (let q = 0; q < Math.min(a.length, g.length); q++) {
        if (a[q] !== g[q]) {
          fail(`${p.doc}: reparse differs at record ${q}:\n  reparse ${a[q].slice(0, 300)}\n  gold    ${g[q].slice(0, 300)}`);
          break;
        }
      }
    } catch (e) {
      fail(e.message);
    }
    const kinds = {};
    for (const r of rs) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    const depthProfile = [0, 1, 2, 3, 4].map((dd) => cs.filter((c) => c.depth === dd).length).join('/');
    const multi = paraCounts.map((n, k) => (n > 1 ? `${k}:${n}` : null)).filter(Boolean).join(' ') || '–';
    summary.push(`${p.layout} ${p.doc}${p.page.bom ? ' [BOM]' : ''}${eol === '\r\n' ? ' [CRLF]' : ''}: ${rs.length} records ` +
      `${JSON.stringify(kinds)}; depth 0/1/2/3/4 ${depthProfile}; paragraphs (index:n) ${multi}` + summaryTail(p, cs));
  }
  // Across pages
  if (built.map((p) => p.layout).sort().join() !== layouts.join()) fail(`layouts ${layouts[0]}–${layouts[layouts.length - 1]} must each appear once`);
  const total = {};
  for (const r of recs) total[r.kind] = (total[r.kind] ?? 0) + 1;
  return { errors, summary, total, count: recs.length };
}

// Checks several sets pass to checkBuilt (as parts of their textChecks and pageChecks).

// The BOM is on the page of layout `bom` only, CRLF line endings on the page of layout `crlf` only.
export function checkEncodingOnly({ p, text, fail }, { bom, crlf }) {
  if (p.page.bom !== (p.layout === bom)) fail(`${p.doc}: BOM ${p.page.bom} (only the ${bom} page has one)`);
  if ((p.page.eol === '\r\n') !== (p.layout === crlf) || /\r\n/.test(text) !== (p.layout === crlf)) fail(`${p.doc}: CRLF only on the ${crlf} page`);
}

// On a nested page, each comment's parent is its addressee's latest earlier comment.
export function checkAddresseeParents({ p, cs, srcOf, fail }) {
  if (!p.page.nested) return;
  for (const c of cs) {
    if (c.parent === null) continue;
    if (addresseeComment(p.article, srcOf.get(c)) !== srcOf.get(cs[c.parent])) fail(`${p.doc}: #${c.index} parent is not the addressee's latest comment`);
  }
}

// On the page of `layout`, a comment's later paragraphs start at its indentation (4 spaces a level).
export function checkParasAtIndent({ p, cs, fail }, layout) {
  if (p.layout !== layout) return;
  const paraSep = p.page.eol + p.page.eol;
  for (const c of cs) {
    if (c.text.split(paraSep).slice(1).some((x) => !x.startsWith(' '.repeat(4 * c.depth)) || x[4 * c.depth] === ' ')) fail(`${p.doc}: #${c.index} later paragraph not at the comment's indent`);
  }
}

// The end of a summary line: how many replies the depth cap re-attached, if any.
/**
 * On a nested page of a window of comments: a reply's parent is its addressee's latest earlier comment
 * when that comment is on the page (or, beyond the depth cap, that comment's ancestor at depth cap − 1),
 * and a comment is top-level exactly when its addressee's comment is not on the page.
 */
export function checkWindowParents({ p, cs, srcOf, fail }) {
  if (!p.page.nested) return;
  const recOf = new Map(cs.map((c) => [srcOf.get(c), c]));
  for (const c of cs) {
    const par = pageParent(p.article, p.selected, srcOf.get(c));
    if ((par === null) !== (c.parent === null)) fail(`${p.doc}: #${c.index} nesting does not follow the addressee`);
    if (par === null) continue;
    let want = recOf.get(par);
    while (want.depth > p.page.cap - 1) want = cs[want.parent];
    if (cs[c.parent] !== want) fail(`${p.doc}: #${c.index} parent is not the addressee's latest comment (or its ancestor at the cap)`);
  }
}

/** The span of a page's comment times for its summary line: "times 2016-06-04 06:25…2016-06-04 18:02". */
export function timeSpan(x) {
  const fmt = (t) => {
    const w = wallClock(t);
    return `${w.y}-${pad2(w.m)}-${pad2(w.d)} ${pad2(w.hh)}:${pad2(w.mm)}`;
  };
  return `times ${fmt(x.firstTime)}…${fmt(x.lastTime)}`;
}

/** The earliest and latest comment time of a page (the kit's times), for timeSpan: the first two fields of a page's extras. */
export function timeBounds(selected, times) {
  let firstTime = null;
  let lastTime = null;
  for (const c of selected) {
    const t = times.get(c);
    if (firstTime === null || t < firstTime) firstTime = t;
    if (lastTime === null || t > lastTime) lastTime = t;
  }
  return { firstTime, lastTime };
}

/** Writes thread node n as the page's comment number i through Page b (parents by indexOf), with its text span and header. */
export const commentPusher = (b, indexOf) => (n, i, span, hdr) => b.comment({ index: i, author: n.c.user, depth: n.depth, parent: n.parent ? indexOf.get(n.parent) : null }, span, hdr);

/** One value per user, drawn at the user's first comment on the page. */
export const perUser = (map, draw) => (user) => {
  if (!map.has(user)) map.set(user, draw());
  return map.get(user);
};

/** The paragraphs of comment record c as in the dataset text (split at an empty line), for CHECK.partsOf. */
export const partsOf = (p, c) => c.text.split(p.page.eol + p.page.eol);

/** The page text between two offsets (UTF-16 code units), for the re-parse checks. */
export const slice = (p, a, b) => p.text.slice(a, b);

export const cappedNote = (p) => (p.capped ? `; ${p.capped} replies re-attached by the depth cap` : '');

// ---------------------------------------------------------------------------------------------
// Main flow

// Builds the pages of held-out set `set` from `pages` (configs with `article`, the start of an
// article title): a Page "<slug>-<set>" with the article part written (writeArticle), then
// renderPage(b, page, pageNo, article) for the rest. Writes them, checks them (checkBuilt with
// `check`) and prints the summary; exits 1 if a check failed.
export function runBlindSet(set, pages, renderPage, check, { extra } = {}) {
  const paths = blindSetPaths(set);
  const articles = loadDataset(paths.dataDir);
  // Per article, whatever else a set's pages need (set V: the article's URL), computed once from the data directory.
  const more = extra ? extra(paths.dataDir) : () => undefined;
  const built = pages.map((page, pageNo) => {
    // An article is named by the start of its title or of its slug; a page may give its own doc suffix
    // ("-u2", "-t2": sets T-V show one article on several pages).
    const art = articles.filter((a) => a.title.startsWith(page.article) || a.slug.startsWith(page.article));
    if (art.length !== 1) throw new Error(`article ${page.article}`);
    const b = new Page(`${art[0].slug}-${page.suffix ?? set}`, page.eol);
    writeArticle(b, page, art[0]);
    return renderPage(b, page, pageNo, art[0], more(art[0]));
  });
  if (new Set(built.map((p) => p.doc)).size !== built.length) throw new Error('two pages with one doc name');
  writeBuilt(built, paths.pagesDir, paths.goldFile);
  const { errors, summary, total, count } = checkBuilt(built, { ...check, pagesDir: paths.pagesDir, goldFile: paths.goldFile });
  for (const s of summary) console.log(s);
  console.log(`${count} records in ${built.length} pages: ${JSON.stringify(total)}`);
  if (errors.length) {
    for (const e of errors) console.error(`CHECK FAILED: ${e}`);
    process.exit(1);
  }
  console.log('all checks passed (text === slice, trimmed spans, no overlaps, every non-space character covered once, ' +
    'index 0..19 with valid parents, dataset texts and authors, independent re-parse equals the gold)');
}

/**
 * Greedy word wrap: lines of at most `width` characters (the first at most `first`); a word longer
 * than that stays whole on its own line. Breaks only at a single space between two non-space
 * characters, so joining the lines with one space gives back the paragraph. (Sets Q, R, S.)
 */
export function wrapTo(width, first = width) {
  return (p) => {
    const words = p.split(/(?<=\S) (?=\S)/);
    const lines = [];
    let cur = '';
    for (const w of words) {
      const lim = lines.length === 0 ? first : width;
      if (cur === '') cur = w;
      else if (cur.length + 1 + w.length <= lim) cur += ` ${w}`;
      else {
        lines.push(cur);
        cur = w;
      }
    }
    lines.push(cur);
    return lines;
  };
}

/** A page's selection check (sets U–W): its comments are the article's 20 of the page's window, in dataset order. */
export function checkWindowSelection(p, fail) {
  const want = p.article.comments.slice(p.page.window, p.page.window + N_COMMENTS);
  if (p.selected.length !== N_COMMENTS || p.selected.some((c, j) => c !== want[j])) fail(`${p.doc}: selection is not the window`);
}

/**
 * A comment's header against its text (sets U–W): the header names the writer and stands before the
 * text, or after it on the layout whose signature follows the text (`trailing`, called `what` in the
 * message). Returns the characters between header and text.
 */
export function headerGap(p, c, src, fail, trailing, what) {
  if (!c.header.text.includes(src.user)) fail(`${p.doc}: #${c.index} header without the author`);
  if (p.layout === trailing && c.header.start <= c.end) fail(`${p.doc}: #${c.index} ${what} not after the text`);
  if (p.layout !== trailing && c.header.end > c.start) fail(`${p.doc}: #${c.index} header not before the text`);
  return p.layout === trailing ? p.text.slice(c.end, c.header.start) : p.text.slice(c.header.end, c.start);
}
