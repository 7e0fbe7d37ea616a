// Shared by the held-out page generators of sets C to G (build-heldout-{c,d,e,f,g}-pages.mjs;
// E, F and G also use heldout-kit-2.mjs): dataset loading, reply trees, thread selection,
// PRNG, text and date helpers, the page writer, output writing and (C, D) the
// layout-independent part of the verification. Each generator keeps its own layouts and checks.
// Sets A and B (build-heldout-pages.mjs, build-heldout-b-pages.mjs) use the date helpers, the
// page writer, output writing and report, plus the A/B section at the end of this file.
//
// Plain Node >= 20, no dependencies, deterministic (no clock is read). Nothing here
// is imported from the project (src/, dist/).

import fs from 'node:fs';
import path from 'node:path';
import { normalise } from './page-text.mjs';

// ---------------------------------------------------------------------------
// Input

// Reads the Fox News comments dataset from SHARED_DIR/datasets/fox-news-comments/
// (or SHARED_DIR itself if it directly holds fox-news-comments.json). Returns
// { dataDir, articles }: articles in order of first appearance, each
// { title, meta, comments, date: {y, m, d} }, each comment
// { k (file line), pos (position in the article), user, text, mentions }. Throws if an
// article has two meta descriptions or the URL count differs.
export function loadArticles(sharedDir) {
  const dataDir = fs.existsSync(path.join(sharedDir, 'fox-news-comments.json')) ? sharedDir : path.join(sharedDir, 'datasets', 'fox-news-comments');
  const rows = fs
    .readFileSync(path.join(dataDir, 'fox-news-comments.json'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const urls = fs
    .readFileSync(path.join(dataDir, 'comment-url.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.replace(/^\d+:/, ''));

  const articles = [];
  const byTitle = new Map();
  rows.forEach((r, k) => {
    let a = byTitle.get(r.title);
    if (!a) {
      a = { title: r.title, meta: r.meta, comments: [] };
      byTitle.set(r.title, a);
      articles.push(a);
    } else if (r.meta !== a.meta) throw new Error(`article "${r.title}" has two meta descriptions`);
    a.comments.push({ k, pos: a.comments.length, user: r.user, text: r.text, mentions: r.mentions || '' });
  });
  if (articles.length !== urls.length) throw new Error(`${articles.length} articles but ${urls.length} URLs`);
  articles.forEach((a, ai) => {
    const m = urls[ai].match(/\/(\d{4})\/(\d{2})\/(\d{2})\//);
    if (!m) throw new Error(`no date in URL ${urls[ai]}`);
    a.date = { y: +m[1], m: +m[2], d: +m[3] };
  });
  return { dataDir, articles };
}

// ---------------------------------------------------------------------------
// Reply trees
//
// The dataset's prev/succ are not real reply links. The first @mention (the
// addressee) is real site data, so: parent = the MOST RECENT earlier comment in
// the same article (file order = chronological) by the addressee; no mention or
// no earlier comment by the addressee => top level. Replies that would be deeper
// than `cap` are re-attached to their depth cap-1 ancestor. Roots (and so each
// comment's thread) do not depend on the cap; only the shape inside a thread does.

const addresseeOf = (c) => {
  const first = c.mentions.trim().split(/\s+/)[0] || '';
  return first.startsWith('@') && first.length > 1 ? first.slice(1) : null;
};

// Sets on every comment: addressee (addressee(c): by default the first @mention
// without the "@", or null), quotedPos (position of the addressee's most recent
// earlier comment, or null), rootPos (position of its thread root) and rootRank
// (0-based rank of that root among the article's top-level comments).
export function linkReplies(articles, addressee = addresseeOf) {
  for (const a of articles) {
    const lastBy = new Map();
    let roots = 0;
    for (const c of a.comments) {
      c.addressee = addressee(c);
      c.quotedPos = c.addressee !== null && lastBy.has(c.addressee) ? lastBy.get(c.addressee) : null;
      const root = c.quotedPos === null ? c : a.comments[a.comments[c.quotedPos].rootPos];
      c.rootPos = root.pos;
      c.rootRank = root === c ? roots++ : root.rootRank;
      lastBy.set(c.user, c.pos);
    }
  }
}

// The reply tree of article `a` with depth capped at `cap` (needs linkReplies):
// { nodes (one per comment, in file order), roots }, each node
// { c, pos, parentPos, depth, rootPos, children, rootRank (roots only) }.
export function buildTree(a, cap) {
  const nodes = [];
  const roots = [];
  for (const c of a.comments) {
    let p = c.quotedPos === null ? null : nodes[c.quotedPos];
    if (p && p.depth >= cap) while (p.depth > cap - 1) p = nodes[p.parentPos];
    const n = { c, pos: c.pos, parentPos: p ? p.pos : null, depth: p ? p.depth + 1 : 0, rootPos: p ? p.rootPos : c.pos, children: [] };
    if (p) p.children.push(n);
    else {
      n.rootRank = roots.length;
      roots.push(n);
    }
    nodes.push(n);
  }
  return { nodes, roots };
}

// Nested selection: the threads of `roots` whose root comment is usable, each in
// pre-order with children in file order, a subtree with an unusable comment skipped
// (so every parent is kept), at most `maxThread` comments per thread. The largest
// threads are picked first (ties: earlier root) while they fit into `perPage`
// comments; the chosen threads are returned as one node list in root (file) order.
export function selectThreads(roots, usable, { perPage, maxThread, title }) {
  const preorder = (root) => {
    const out = [];
    const walk = (n) => {
      if (!usable(n.c)) return;
      out.push(n);
      n.children.forEach(walk);
    };
    walk(root);
    return out.slice(0, maxThread);
  };
  const threads = roots.filter((r) => usable(r.c)).map((r) => ({ root: r, list: preorder(r) }));
  const bySize = [...threads].sort((x, y) => y.list.length - x.list.length || x.root.pos - y.root.pos);
  const chosen = new Set();
  let n = 0;
  for (const t of bySize)
    if (n + t.list.length <= perPage) {
      chosen.add(t);
      n += t.list.length;
    }
  if (n !== perPage) throw new Error(`${title}: only ${n} comments selected`);
  return threads.filter((t) => chosen.has(t)).flatMap((t) => t.list);
}

// Flat selection: the first `perPage` comments of `a` (file order) passing `usable`,
// as depth-0 nodes.
export const selectFlat = (a, usable, perPage) =>
  a.comments
    .filter(usable)
    .slice(0, perPage)
    .map((c) => ({ c, pos: c.pos, parentPos: null, depth: 0 }));

// The page's comments from the selected nodes: { index, pos, user, author, depth,
// parent (page index or null), paras (each paragraph a list of lines), source
// (dataset text) } plus the fields `extra(node)` returns. Checks that every
// parent was selected and sits one level up.
export function pageComments(sel, doc, extra = () => ({})) {
  const idxOf = new Map(sel.map((n, i) => [n.pos, i]));
  const cs = sel.map((n, i) => ({
    index: i,
    pos: n.pos,
    user: n.c.user,
    author: n.c.user,
    depth: n.depth,
    parent: n.parentPos === null ? null : idxOf.get(n.parentPos),
    paras: toParas(n.c.text).map((p) => [p]),
    source: n.c.text,
    ...extra(n),
  }));
  for (const c of cs) {
    if (c.parent === undefined || (c.parent !== null && c.parent >= c.index)) throw new Error(`${doc}: selection lost a parent`);
    if (c.parent !== null && cs[c.parent].depth !== c.depth - 1) throw new Error(`${doc}: parent depth`);
  }
  return cs;
}

// ---------------------------------------------------------------------------
// Deterministic PRNG

// mulberry32: a function returning floats in [0, 1) from a 32-bit seed.
export function mulberry32(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = t;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
// A whole number in [lo, hi] (both included) from `rng`.
export const randInt = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------
// Text helpers

// Zero-width characters (U+FEFF is JS \s); such comments are not used.
export const HIDDEN = /[\u200b\u200c\u200d\u2060\ufeff]/;
// The byte order mark, written in front of a page whose config has `bom: true`.
export const BOM = '\uFEFF';
// The last line of a page whose config has `copyright: true`.
export const COPYRIGHT = '© 2016 Fox News Network. All rights reserved.';
// Whitespace runs folded to one space, ends trimmed.
export const norm = (t) => t.replace(/\s+/g, ' ').trim();

// A file-name slug of an article title: lower-case words joined by "-", at most 60 characters.
export function slugify(title) {
  const words = title
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let s = '';
  for (const w of words) {
    if (s && (s + '-' + w).length > 60) break;
    s = s ? `${s}-${w}` : w;
  }
  return s;
}

// The trimmed paragraphs of a text: internal newlines (none exist in this dataset)
// become paragraph breaks; runs of spaces/tabs inside a paragraph are kept as they are.
export const toParas = (t) =>
  t
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);

// Split a one-paragraph comment at the sentence boundary nearest its middle (both
// parts >= 40 chars), or null. The single space at the split becomes the paragraph break.
export function splitSentences(text) {
  const re = /[.!?]["”’')]* (?=["“‘(]?[A-Z0-9])/g;
  let best = null;
  for (let m; (m = re.exec(text)); ) {
    const cut = m.index + m[0].length - 1; // index of the space
    if (text[cut] !== ' ') continue;
    const a = text.slice(0, cut);
    const b = text.slice(cut + 1);
    if (a.length < 40 || b.length < 40) continue;
    if (best === null || Math.abs(cut - text.length / 2) < Math.abs(best - text.length / 2)) best = cut;
  }
  return best === null ? null : [text.slice(0, best), text.slice(best + 1)];
}

// Split the one-sentence meta description at the ", " nearest its middle, or null.
export function splitClause(text) {
  let best = null;
  for (let i = text.indexOf(', '); i >= 0; i = text.indexOf(', ', i + 1))
    if (best === null || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  if (best === null) return null;
  return [text.slice(0, best + 1), text.slice(best + 2)];
}

// Two-paragraph comments (the dataset has no newlines): one-line, one-paragraph
// comments of >= 160 chars that splitSentences can split are split when
// (pos + pageIndex) % 3 === 0, topped up in page order to at least `minSplit`.
export function splitLongComments(cs, pageIndex, minSplit, doc) {
  const splittable = cs.filter((c) => c.paras.length === 1 && c.paras[0][0].length >= 160 && splitSentences(c.paras[0][0]));
  const chosen = splittable.filter((c) => (c.pos + pageIndex) % 3 === 0);
  for (const c of splittable) if (chosen.length < minSplit && !chosen.includes(c)) chosen.push(c);
  if (chosen.length < minSplit) throw new Error(`${doc}: only ${chosen.length} splittable comments`);
  for (const c of chosen) {
    const joined = c.paras[0][0];
    c.paras = splitSentences(joined).map((p) => [p]);
    if (c.paras.map((p) => p[0]).join(' ') !== joined) throw new Error(`${doc}: split changed comment ${c.index}`);
  }
}

// ---------------------------------------------------------------------------
// Dates and times (UTC arithmetic on fixed dates: wall clock, no time zone)

// Month names, January first.
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Weekday names, Sunday first (Date#getUTCDay order).
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// A number as two digits ("07").
export const pad2 = (n) => String(n).padStart(2, '0');
// The weekday name of an article date {y, m, d} (m is 1-based).
export const weekdayOf = ({ y, m, d }) => DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
// "June 16, 2016" from an article date {y, m, d}.
export const longDate = ({ y, m, d }) => `${MONTHS[m - 1]} ${d}, ${y}`;
// The parts of a moment in ms: 12-hour clock h12, minutes mm ("05"), pm, year y,
// month mo (0-based), day of month d, weekday wd (0 = Sunday).
export const clock = (ms) => {
  const t = new Date(ms);
  const h = t.getUTCHours();
  return { h12: h % 12 === 0 ? 12 : h % 12, mm: pad2(t.getUTCMinutes()), pm: h >= 12, y: t.getUTCFullYear(), mo: t.getUTCMonth(), d: t.getUTCDate(), wd: t.getUTCDay() };
};
// "3 hours ago" / "1 hour ago": n units before now, singular for 1.
export const unitsAgo = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;

// Comment times in ms (chronological = file order): the first comment 3–75 minutes
// after 06:00 on the article date, each later one 3–75 minutes after the previous.
// Sets c.time on every comment; returns the last time.
export function assignTimes(cs, date, rng) {
  let t = Date.UTC(date.y, date.m - 1, date.d, 6, 0);
  for (const c of [...cs].sort((x, y) => x.pos - y.pos)) {
    t += randInt(rng, 3, 75) * 60000;
    c.time = t;
  }
  return t;
}

// ---------------------------------------------------------------------------
// Page writer: appends text and records exact offsets (UTF-16 code units, as JS
// strings index them) as it goes.

// One page being written: its text `s` and its gold `records`.
export class Page {
  constructor(doc, eol, title) {
    this.doc = doc;
    this.eol = eol;
    this.title = title;
    this.s = '';
    this.records = [];
  }
  write(str) {
    const start = this.s.length;
    this.s += str;
    return { start, end: this.s.length };
  }
  nl(n = 1) {
    this.s += this.eol.repeat(n);
  }
  // one line holding one non-comment record; `prefix` is its indentation
  line(kind, text, prefix = '') {
    this.write(prefix);
    const { start, end } = this.write(text);
    this.records.push({ doc: this.doc, start, end, text, kind });
    this.nl();
  }
  // a header (may hold line breaks): `lead` is whitespace before it, `text` the
  // trimmed header; ends its line unless `endLine` is false (the comment text then
  // continues that line); returns { start, end, text }
  header(text, lead = '', endLine = true) {
    this.write(lead);
    const h = this.write(text);
    if (endLine) this.nl();
    return { start: h.start, end: h.end, text };
  }
  // a header of several lines, each at `prefix`; returns { start, end, text }
  block(lines, prefix = '') {
    return this.header(lines.join(this.eol + prefix), prefix);
  }
  // paragraphs of one comment; each paragraph is a list of lines, all at `prefix`
  // (but the first line continues the current line if `inline`); paragraphs are
  // separated by one empty line; returns the span
  paras(paras, prefix, inline = false) {
    let start = null;
    let end = null;
    paras.forEach((lines, i) => {
      if (i > 0) this.nl();
      for (const ln of lines) {
        if (start !== null || !inline) this.write(prefix);
        const r = this.write(ln);
        if (start === null) start = r.start;
        end = r.end;
        this.nl();
      }
    });
    return { start, end };
  }
  comment(c, span, header) {
    this.records.push({
      doc: this.doc,
      start: span.start,
      end: span.end,
      text: this.s.slice(span.start, span.end),
      kind: 'comment',
      index: c.index,
      author: c.author,
      depth: c.depth,
      parent: c.parent,
      header,
    });
  }
}

// The article part of a page: the title, dateline, body paragraphs (a list), caption
// and source (falsy ones skipped), each on its own line followed by one blank line,
// then one more blank line.
export function writeArticleParts(page, { title, dateline, body, caption, source }) {
  const blocks = [['title', title], dateline && ['dateline', dateline], ...body.map((p) => ['body', p]), caption && ['caption', caption], source && ['source', source]];
  for (const b of blocks)
    if (b) {
      page.line(b[0], b[1]);
      page.nl();
    }
  page.nl(); // two blank lines before the thread
}

// The article part of a page (writeArticleParts): title, dateline (cfg.date names a
// `dateFormats` entry), cfg.bodyParas body paragraphs from the meta description,
// caption and source.
export function writeArticle(page, a, cfg, dateFormats) {
  const meta = norm(a.meta);
  const body = cfg.bodyParas === 2 ? splitClause(meta) : [meta];
  if (!body || body.length !== cfg.bodyParas) throw new Error(`${page.doc}: cannot split the description`);
  writeArticleParts(page, { title: a.title, dateline: cfg.date && dateFormats[cfg.date](a.date), body, caption: cfg.caption, source: cfg.source });
}

// The copyright line after two blank lines, if cfg.copyright.
export function writeCopyright(page, cfg) {
  if (cfg.copyright) {
    page.nl(2);
    page.line('footer', COPYRIGHT);
  }
}

// Record counts by kind, e.g. { title: 1, comment: 20 }.
export const kindCounts = (records) => records.reduce((m, r) => ((m[r.kind] = (m[r.kind] || 0) + 1), m), {});

// The kind of an article/chrome line of article `a`, recomputed from its text
// (verification only); `isFooter(text)` tells the page's footer lines.
export function chromeKind(text, a, cfg, dateFormats, isFooter) {
  if (text === a.title) return 'title';
  if (text === COPYRIGHT || isFooter(text)) return 'footer';
  if (text === cfg.caption) return 'caption';
  if (text === cfg.source) return 'source';
  if (cfg.date && text === dateFormats[cfg.date](a.date)) return 'dateline';
  return 'body';
}

// ---------------------------------------------------------------------------
// Output

// Gold order of two records: by doc, then start, then end (a sort comparator).
export const compareRecords = (x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start || x.end - y.end);

// Key order of a gold record.
export const RECORD_KEYS = ['doc', 'start', 'end', 'text', 'kind'];
// Key order of a gold comment record.
export const COMMENT_KEYS = [...RECORD_KEYS, 'index', 'author', 'depth', 'parent', 'header'];
// The record kinds.
export const KINDS = new Set(['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment']);

// The records of a JSON-lines file.
export const readJsonl = (file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

// Writes every page ({ page, cfg }) to pagesDir/<doc>.txt (a BOM first if cfg.bom),
// removes other .txt files there, and writes all records, sorted, to goldFile.
export function writeOutput(pages, pagesDir, goldFile) {
  fs.mkdirSync(pagesDir, { recursive: true });
  const wanted = new Set(pages.map(({ page }) => `${page.doc}.txt`));
  if (wanted.size !== pages.length) throw new Error('duplicate slugs');
  for (const f of fs.readdirSync(pagesDir)) if (f.endsWith('.txt') && !wanted.has(f)) fs.unlinkSync(path.join(pagesDir, f));
  for (const { page, cfg } of pages) fs.writeFileSync(path.join(pagesDir, `${page.doc}.txt`), (cfg.bom ? BOM : '') + page.s);
  const gold = pages.flatMap(({ page }) => page.records).sort(compareRecords);
  fs.writeFileSync(goldFile, gold.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

// ---------------------------------------------------------------------------
// Verification against the files as written (re-read from disk)

// An error list of at most 50 "doc: message" lines and err(doc, msg) adding to it.
function errorList() {
  const errors = [];
  return { errors, err: (doc, msg) => errors.length < 50 && errors.push(`${doc}: ${msg}`) };
}

// The records of goldFile, checked to be strictly sorted, and a Map doc -> records;
// reports a count of page files in pagesDir other than the number of docs (or `nPages`).
function readGold(goldFile, pagesDir, err, nPages) {
  const recs = readJsonl(goldFile);
  for (let i = 1; i < recs.length; i++) if (compareRecords(recs[i - 1], recs[i]) >= 0) err(recs[i].doc, `gold not strictly sorted at line ${i + 1}`);
  const byDoc = new Map();
  for (const r of recs) (byDoc.get(r.doc) || byDoc.set(r.doc, []).get(r.doc)).push(r);
  const files = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.txt'));
  if (files.length !== byDoc.size || (nPages !== undefined && files.length !== nPages)) err('*', `${files.length} page files but ${byDoc.size} docs in gold`);
  return { recs, byDoc };
}

// Line endings of page text `s`: all CRLF if `crlf`, else all LF, a final one, no trailing whitespace.
export function checkLineEndings(doc, s, crlf, err) {
  if (crlf) {
    if (/(^|[^\r])\n/.test(s) || /\r(?!\n)/.test(s)) err(doc, 'mixed line endings on the CRLF page');
    if (!s.endsWith('\r\n')) err(doc, 'page does not end with CRLF');
  } else {
    if (s.includes('\r')) err(doc, 'CR on an LF page');
    if (!s.endsWith('\n')) err(doc, 'page does not end with LF');
  }
  if (/[ \t]+\r?\n/.test(s)) err(doc, 'trailing whitespace on a line');
}

// Coverage of page text `s`: { mark(x, y, what) counts offsets x..y-1 (reporting bad ones),
// check() reports offsets covered twice and non-space characters not covered }.
function coverage(doc, s, err) {
  const cover = new Uint8Array(s.length);
  const mark = (x, y, what) => {
    if (!(Number.isInteger(x) && Number.isInteger(y) && 0 <= x && x <= y && y <= s.length)) err(doc, `${what}: bad offsets ${x}-${y}`);
    for (let i = x; i < y; i++) cover[i]++;
  };
  const check = () => {
    for (let i = 0; i < s.length; i++) {
      if (cover[i] > 1) err(doc, `offset ${i} covered ${cover[i]} times`);
      else if (cover[i] === 0 && /\S/.test(s[i])) err(doc, `non-space ${JSON.stringify(s[i])} at ${i} not covered`);
    }
  };
  return { mark, check };
}

// Key order, kind and text === slice of gold record `r` on page text `s`.
function checkRecord(doc, s, r, err) {
  const keys = Object.keys(r).join(',');
  if (keys !== (r.kind === 'comment' ? COMMENT_KEYS : RECORD_KEYS).join(',')) err(doc, `key order ${keys}`);
  if (!KINDS.has(r.kind)) err(doc, `bad kind ${r.kind}`);
  if (s.slice(r.start, r.end) !== r.text) err(doc, `text mismatch at ${r.start}-${r.end}`);
}

// The comment records of a page (in index order): indices 0..n-1 in page order, depth 0
// exactly without a parent, depth at most `cap`, parent = the nearest preceding comment
// one level up; if `strict`, also no reply first and no depth jumps.
function checkThread(doc, comments, err, cap, strict) {
  comments.forEach((c, i) => {
    if (c.index !== i) err(doc, 'comment indices not 0..n-1 in page order');
    if (i > 0 && comments[i - 1].start > c.start) err(doc, `comment ${i} out of page order`);
    if (c.depth === 0 ? c.parent !== null : c.parent === null) err(doc, `comment ${i}: depth/parent mismatch`);
    if (c.depth > cap) err(doc, `comment ${i}: depth ${c.depth} > ${cap}`);
    if (strict && i === 0 && c.depth !== 0) err(doc, 'first comment is a reply');
    if (c.parent !== null) {
      let p = null;
      for (let j = i - 1; j >= 0; j--)
        if (comments[j].depth === c.depth - 1) {
          p = j;
          break;
        }
      if (p !== c.parent) err(doc, `comment ${i}: parent ${c.parent} but nearest shallower is ${p}`);
      if (strict && c.depth > comments[i - 1].depth + 1) err(doc, `comment ${i}: depth jumps`);
    }
  });
}

// The layout-independent checks of goldFile and the pages in pagesDir: record keys
// and kinds, text === slice, spans own their lines, line endings (page.eol) and BOM
// (cfg.bom), headers, comment text lines at their indent and directly under the
// header, paragraph breaks, indices/depth/parent, `perPage` comments, a
// multi-paragraph comment, every non-space character covered exactly once.
// `pages` are { page, cfg, cs }; `check` supplies the layout-specific parts:
//   kind(text, info)        expected kind of a non-comment line
//   indent(info, c)         indentation of comment c's text lines
//   cap(info)               maximum depth
//   textLine(info, line, c) error message for a trimmed text line of c, or null
//   comment(ctx, c)         further checks of one comment record
//   page(ctx)               further checks of one page
// ctx = { doc, rs, info, s, err, lineStart, lineEnd, nextLine, comments, footers }.
// Returns { errors (at most 50), err (to add more), records (count) }.
export function verifyPages({ goldFile, pagesDir, pages, perPage, check }) {
  const { errors, err } = errorList();
  const { recs, byDoc } = readGold(goldFile, pagesDir, err, pages.length);
  const infoOf = new Map(pages.map((p) => [p.page.doc, p]));

  for (const [doc, rs] of byDoc) {
    const file = path.join(pagesDir, `${doc}.txt`);
    const info = infoOf.get(doc);
    if (!fs.existsSync(file) || !info) {
      err(doc, 'page file or config missing');
      continue;
    }
    const { cfg } = info;
    const crlf = info.page.eol === '\r\n';
    const raw = fs.readFileSync(file);
    const hasBom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    if (hasBom !== !!cfg.bom) err(doc, `BOM ${hasBom ? 'present' : 'missing'}`);
    let s = raw.toString('utf8');
    if (s.startsWith(BOM)) s = s.slice(1); // offsets index the text with the BOM removed
    if (s.includes(BOM)) err(doc, 'a second BOM / U+FEFF in the page');
    checkLineEndings(doc, s, crlf, err);
    if (HIDDEN.test(s)) err(doc, 'zero-width character in page');
    const lines = s.split(/\r?\n/);
    if (cfg.copyright && lines[lines.length - 2] !== COPYRIGHT) err(doc, '© line is not the last line');

    const { mark, check: checkCoverage } = coverage(doc, s, err);
    const lineStart = (i) => s.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = (i) => {
      const j = s.indexOf('\n', i);
      const e = j < 0 ? s.length : j;
      return s[e - 1] === '\r' ? e - 1 : e;
    };
    const nextLine = (i) => lineEnd(i) + (s[lineEnd(i)] === '\r' ? 2 : 1); // start of the next line
    const trimmed = (t) => /^\S/.test(t) && /\S$/.test(t);
    const comments = rs.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);
    const footers = rs.filter((r) => r.kind === 'footer');
    const ctx = { doc, rs, info, s, err, lineStart, lineEnd, nextLine, comments, footers };

    for (const r of rs) {
      checkRecord(doc, s, r, err);
      if (!trimmed(r.text)) err(doc, `untrimmed or empty span at ${r.start}`);
      if (r.kind !== 'comment' && /\n/.test(r.text)) err(doc, `${r.kind} at ${r.start} spans lines`);
      mark(r.start, r.end, r.kind);
      if (r.kind !== 'comment' && r.kind !== check.kind(r.text, info)) err(doc, `${r.kind} at ${r.start} should be ${check.kind(r.text, info)}`);
      if (s.slice(lineStart(r.start), r.start).trim() !== '') err(doc, `span at ${r.start} does not start its line`);
      if (s.slice(r.end, lineEnd(r.end)).trim() !== '') err(doc, `span at ${r.start} does not end its line`);
      if (r.kind !== 'comment') continue;

      const c = r;
      const h = r.header;
      if (!h || Object.keys(h).join(',') !== 'start,end,text') {
        err(doc, `comment ${c.index}: bad header`);
        continue;
      }
      if (s.slice(h.start, h.end) !== h.text) err(doc, `header text mismatch at ${h.start}`);
      if (!trimmed(h.text)) err(doc, `header at ${h.start} untrimmed`);
      mark(h.start, h.end, 'header');
      if (s.slice(h.end, lineEnd(h.end)) !== '') err(doc, `header at ${h.start} does not end its line`);
      // the comment text starts on the line right after the header
      if (lineStart(c.start) !== nextLine(h.end)) err(doc, `comment ${c.index}: text not directly under its header`);
      // every text line sits at the comment's indent and passes the layout's line check
      const indent = check.indent(info, c);
      for (let i = lineStart(c.start); i < c.end; i = nextLine(i)) {
        const ln = s.slice(i, lineEnd(i));
        if (ln === '') continue;
        if (!(ln.startsWith(indent) && /^\S/.test(ln.slice(indent.length)))) err(doc, `comment ${c.index}: text line at ${i} not at the indent`);
        const bad = check.textLine(info, ln.trim(), c);
        if (bad) err(doc, `comment ${c.index}: ${bad}`);
      }
      // paragraph breaks inside a comment are exactly one empty line
      if (/\n\r?\n\r?\n/.test(c.text) || /\n[ \t]+\r?\n/.test(c.text)) err(doc, `comment ${c.index}: paragraph break is not exactly one empty line`);
      check.comment(ctx, c);
    }
    // indices, depth, parent = nearest preceding comment one level up
    checkThread(doc, comments, err, check.cap(info), true);
    check.page(ctx);
    if (comments.length !== perPage) err(doc, `${comments.length} comments`);
    if (!comments.some((c) => /\n\r?\n/.test(c.text))) err(doc, 'no multi-paragraph comment');
    checkCoverage();
  }
  return { errors, err, records: recs.length };
}

const padR = (x, n) => String(x).padEnd(n);

// Prints the dataset directory and a summary table with one row per entry of
// `rows`: the columns `cols` ({ label: width in characters }) show each row's first
// values in order, then come row.records and the record counts by kind (row.kinds).
export function printSummary(dataDir, rows, cols) {
  const widths = Object.values(cols);
  console.log(`dataset: ${dataDir}`);
  console.log(Object.keys(cols).map((label, i) => padR(label, widths[i])).join('') + 'records');
  for (const r of rows) console.log(widths.map((w, i) => padR(Object.values(r)[i], w)).join('') + r.records + '  ' + JSON.stringify(r.kinds));
}

// Prints what was written and the verification result `v` (`ok` says what passed); exits 1 on errors.
export function report(v, nPages, { repoRoot, pagesDir, goldFile }, ok = 'text === slice for every record and header') {
  console.log(`wrote ${nPages} pages to ${path.relative(repoRoot, pagesDir)}/ and ${v.records} gold records to ${path.relative(repoRoot, goldFile)}`);
  if (v.errors.length) {
    console.error(`VERIFICATION FAILED (${v.errors.length}${v.errors.length >= 50 ? '+' : ''} errors):\n  ` + v.errors.join('\n  '));
    process.exit(1);
  }
  console.log(`verification: OK (${ok}, every non-space character covered exactly once)`);
}

// ---------------------------------------------------------------------------
// Sets A and B (build-heldout-pages.mjs, build-heldout-b-pages.mjs): comment models from the
// rows that fox-articles.mjs selects, one-line paragraphs, the article head and the checks.

// The page's comments from the selected rows (after buildReplyTrees): { index, k, author,
// depth, parent (page index or null), text (normalised), paras, number }, all top-level if
// `flat`. Throws if a parent was not selected before its reply.
export function rowComments(sel, flat) {
  const posOf = new Map(sel.map((c, i) => [c.k, i]));
  const cs = sel.map((r, i) => ({
    index: i,
    k: r.k,
    author: r.user,
    depth: flat ? 0 : r.depth,
    parent: flat || r.parentK === null ? null : posOf.get(r.parentK),
    text: normalise(r.text),
    paras: null,
    number: null,
  }));
  for (const c of cs) if (c.parent !== null && (c.parent === undefined || c.parent >= c.index)) throw new Error('selection lost a parent');
  return cs;
}

// Authorless comments: clears the author of each comment at index i with (i + pageNo) % every
// === every - 1 whose text has two words and 20 characters, never two in a row.
export function dropAuthors(cs, every, pageNo) {
  let last = -10;
  for (const c of cs)
    if ((c.index + pageNo) % every === every - 1 && c.index - last > 1 && /\S\s+\S/.test(c.text) && c.text.length >= 20) {
      c.author = null;
      last = c.index;
    }
}

// The index of the comment to leave empty: the childless, authored comment nearest index
// `target` (of two, the earlier).
export function emptyCommentIndex(cs, target) {
  const hasChild = new Set(cs.map((c) => c.parent).filter((p) => p !== null));
  const cands = cs.filter((c) => c.author !== null && !hasChild.has(c.index));
  cands.sort((x, y) => Math.abs(x.index - target) - Math.abs(y.index - target) || x.index - y.index);
  return cands[0].index;
}

// Sets c.number: 1, 2, ... among the comments with the same parent (numbering restarts under each parent).
export function numberSiblings(cs) {
  const seen = new Map();
  for (const c of cs) {
    const key = c.parent === null ? -1 : c.parent;
    seen.set(key, (seen.get(key) || 0) + 1);
    c.number = seen.get(key);
  }
}

// The summary counts of a page's comments: comments, roots, maxDepth, authorless, multiPara.
export const commentCounts = (cs) => ({
  comments: cs.length,
  roots: cs.filter((c) => c.parent === null).length,
  maxDepth: Math.max(...cs.map((c) => c.depth)),
  authorless: cs.filter((c) => c.author === null).length,
  multiPara: cs.filter((c) => c.paras.length > 1).length,
});

// The article head: the title (again after a blank line if cfg.titleTwice) and dateline
// (cfg.date names a `dateFormats` entry), a blank line, then the caption (cfg.captionPos
// 'before' or 'after' the body), `body` paragraphs, cfg.source and cfg.footer, each followed
// by a blank line, then one more blank line.
export function writeArticleHead(page, a, cfg, dateFormats, body) {
  page.line('title', a.title);
  if (cfg.titleTwice) {
    page.nl();
    page.line('title', a.title);
  }
  if (cfg.date) page.line('dateline', dateFormats[cfg.date](a.date));
  page.nl();
  const block = (kind, text) => {
    page.line(kind, text);
    page.nl();
  };
  if (cfg.caption && cfg.captionPos === 'before') block('caption', cfg.caption);
  body.forEach((p) => block('body', p));
  if (cfg.caption && cfg.captionPos === 'after') block('caption', cfg.caption);
  if (cfg.source) block('source', cfg.source);
  if (cfg.footer) block('footer', cfg.footer);
  page.nl();
}

// Comment c (c.paras: one line each) under a header line `text` at `lead`: its paragraphs at
// `prefix` after `blank` empty lines, or the empty comment at the header's end.
export function writeHeadedComment(page, c, text, lead, prefix, blank = 0) {
  const h = page.header(text, lead);
  const span = c.paras.length ? (page.nl(blank), page.paras(c.paras.map((p) => [p]), prefix)) : { start: h.end, end: h.end };
  page.comment(c, span, h);
}

// Authorless comment c under a bullet `glyph` at `lead` (the header): its first paragraph
// continues the glyph's line after one space, further ones are at `prefix`.
export function writeBulletComment(page, c, glyph, lead, prefix) {
  const h = page.header(glyph, lead, false);
  page.write(' ');
  page.comment(c, page.paras(c.paras.map((p) => [p]), prefix, true), h);
}

// The checks sets A and B share (spans, headers, tree, coverage); hooks: open(doc, err) -> page text
// or null, comment(ctx, r), page(ctx), with ctx = { doc, s, err, lineStart, lineEnd, comments }.
export function verifyHeadedPages({ goldFile, pagesDir, cap = Infinity, open, comment, page }) {
  const { errors, err } = errorList();
  const { recs, byDoc } = readGold(goldFile, pagesDir, err);
  for (const [doc, rs] of byDoc) {
    const s = open(doc, err);
    if (s === null) continue;
    const { mark, check: checkCoverage } = coverage(doc, s, err);
    const lineStart = (i) => s.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = (i) => (s.indexOf('\n', i) < 0 ? s.length : s.indexOf('\n', i));
    const trimmed = (t) => t === '' || (/^\S/.test(t) && /\S$/.test(t));
    const comments = rs.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);
    const ctx = { doc, s, err, lineStart, lineEnd, comments };

    for (const r of rs) {
      checkRecord(doc, s, r, err);
      if (!trimmed(r.text)) err(doc, `untrimmed span at ${r.start}`);
      if (r.kind !== 'comment' && r.text === '') err(doc, `empty ${r.kind}`);
      mark(r.start, r.end, r.kind);
      // leading context on the span's first line: indentation, or an inline header (bullet)
      if (r.kind !== 'comment' || r.text !== '') {
        const prefix = s.slice(lineStart(r.start), r.start);
        const inlineHeader = r.kind === 'comment' && r.header && lineStart(r.header.start) === lineStart(r.start);
        if (inlineHeader ? prefix.trim() !== r.header.text : prefix.trim() !== '') err(doc, `span at ${r.start} does not start its line`);
        if (s.slice(r.end, lineEnd(r.end)).trim() !== '') err(doc, `span at ${r.start} does not end its line`);
      }
      if (r.kind !== 'comment') continue;
      const h = r.header;
      if (h !== null) {
        if (Object.keys(h).join(',') !== 'start,end,text') err(doc, 'header key order');
        if (s.slice(h.start, h.end) !== h.text) err(doc, `header text mismatch at ${h.start}`);
        mark(h.start, h.end, 'header');
        if (s.slice(lineStart(h.start), h.start).trim() !== '') err(doc, `header at ${h.start} not at line start`);
        if (r.text === '' && !(r.start === h.end && r.end === h.end)) err(doc, `empty comment ${r.index} not at header end`);
        if (r.text !== '' && r.start < h.end) err(doc, `comment ${r.index} starts before its header ends`);
      }
      comment(ctx, r);
    }
    // indices, depth, parent = nearest preceding comment one level up
    checkThread(doc, comments, err, cap, false);
    checkCoverage();
    page(ctx);
  }
  return { errors, err, recs, records: recs.length };
}
