#!/usr/bin/env node
// Build the SECOND held-out segmentation set ("heldout-b") from the Fox News
// user-comments dataset, with comment layouts that differ from the first set.
//
//   node scripts/build-heldout-b-pages.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to <repo>/../shared. The dataset is read from
// SHARED_DIR/datasets/fox-news-comments/ (or SHARED_DIR itself if it directly
// holds fox-news-comments.json). Output:
//   tests/heldout-b/pages/<slug>-b.txt    one synthetic page per article
//   tests/heldout-b/segment.gold.jsonl    gold segments (same format as tests/heldout/)
//
// Plain Node >= 20, no dependencies, fully deterministic (no randomness, no clock).
// Self-contained: nothing is imported from the first set's generator. Every gold
// record is verified against the written files before the script exits 0.
//
// This set was written without looking at the segmenter (src/).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReplyTrees, loadFoxArticles } from './lib/fox-articles.mjs';
import { slugify, splitSentences, splitClause } from './lib/page-text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_DIR = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-b');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const MAX_COMMENTS = 30; // per page
const MAX_THREAD = 10; // max comments taken from one top-level thread (nested layouts)
const MAX_DEPTH = 4; // deeper replies are flattened onto depth MAX_DEPTH
const BOM = '\uFEFF';

// The first set's selection rule (tests/heldout/README.md), replicated only to
// EXCLUDE the comments it used, so that the two sets share no comment.
const A_MAX_COMMENTS = 40;
const A_MAX_THREAD = 12;
const A_FLAT_ARTICLES = new Set([2, 7]); // article positions that used the flat layout in set A

// ---------------------------------------------------------------------------
// Input

const { DATA_DIR, rows, articles } = loadFoxArticles(SHARED_DIR);

// ---------------------------------------------------------------------------
// Reply structure (same reconstruction as the first set)
//
// The dataset's `prev`/`succ` are not recorded reply links (`prev` is always the
// EARLIEST earlier comment by the first-mentioned user, which turns exchanges
// into stars). The addressee (first @mention) is real site data, so: parent =
// the MOST RECENT earlier comment (file order = chronological) by the addressee;
// no mention / no earlier comment by the addressee => top-level. Replies deeper
// than MAX_DEPTH are re-attached to the depth MAX_DEPTH-1 ancestor.

const stats = buildReplyTrees(articles, MAX_DEPTH);

const preorder = (root, skip = () => false) => {
  const out = [];
  const walk = (c) => {
    if (skip(c)) return;
    out.push(c);
    c.children.forEach(walk);
  };
  walk(root);
  return out;
};

// Comments used by the first set (replicating its documented selection rule).
function usedBySetA(a, ai) {
  if (A_FLAT_ARTICLES.has(ai)) return new Set(a.comments.slice(0, A_MAX_COMMENTS).map((c) => c.k));
  const used = [];
  for (const root of a.comments.filter((c) => c.parentK === null)) {
    used.push(...preorder(root).slice(0, Math.min(A_MAX_THREAD, A_MAX_COMMENTS - used.length)));
    if (used.length >= A_MAX_COMMENTS) break;
  }
  return new Set(used.map((c) => c.k));
}

// Selection for set B, from the comments set A did not use.
// Nested: top-level threads in file order whose root is unused, each in pre-order
// (children in file order; any subtree rooted at a used comment is skipped, so
// every parent is kept), at most MAX_THREAD per thread, up to MAX_COMMENTS.
// Flat: the first MAX_COMMENTS unused comments in file order.
function selectNested(a, used) {
  const out = [];
  for (const root of a.comments.filter((c) => c.parentK === null && !used.has(c.k))) {
    const thread = preorder(root, (c) => used.has(c.k));
    out.push(...thread.slice(0, Math.min(MAX_THREAD, MAX_COMMENTS - out.length)));
    if (out.length >= MAX_COMMENTS) break;
  }
  return out;
}
const selectFlat = (a, used) => a.comments.filter((c) => !used.has(c.k)).slice(0, MAX_COMMENTS);

// ---------------------------------------------------------------------------
// Page configuration (one per article, in file order)
//
// Layouts (letters continue the first set's a–e):
//   f  "user commented:" (top level) / "user replied:" (reply), 2 spaces per level
//   g  "1) user says", numbering restarts under each parent, 2 + 3 spaces per level
//   h  "user | March 4, 2016 at 9:15 pm", 4 spaces per level
//   i  bare author line, flat, CRLF line endings + UTF-8 BOM
//   j  "◦ user" / "▪ user" bullets, one tab per level
//   k  "user on June 3, 2016 at 4:12 pm", 2 spaces per level, "N Comments" heading

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad2 = (n) => String(n).padStart(2, '0');
const DATE_FORMATS = {
  publishedColon: ({ y, m, d }) => `Published: ${MONTHS[m - 1]} ${d}, ${y}`,
  iso: ({ y, m, d }) => `${y}-${pad2(m)}-${pad2(d)}`,
  updated: ({ y, m, d }) => `Last Updated: ${MONTHS[m - 1]} ${d}, ${y}`,
  dayMonth: ({ y, m, d }) => `${d} ${MONTHS[m - 1]} ${y}`,
};
const COPYRIGHT = '© 2016 Fox News Network. All rights reserved.';

const PAGE_CONFIG = [
  { layout: 'f', textIndent: 0, gap: 1, date: 'publishedColon', titleTwice: false, captionPos: 'after', caption: 'Photo: Reuters', bodyParas: 1, source: 'Source: Fox News', commentsHeading: false, copyright: false, empty: true },
  { layout: 'j', glyph: '◦', textPrefix: 'spaces', gap: 0, authorlessEvery: 7, date: 'iso', titleTwice: true, caption: null, bodyParas: 1, source: null, commentsHeading: false, copyright: true, empty: false },
  { layout: 'h', gap: 1, date: null, titleTwice: false, captionPos: 'before', caption: 'Photo: AP', bodyParas: 2, source: 'Originally published by Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'k', gap: 1, date: 'publishedColon', titleTwice: false, caption: null, bodyParas: 1, source: null, commentsHeading: true, copyright: false, empty: false },
  { layout: 'g', gap: 1, date: 'iso', titleTwice: false, captionPos: 'after', caption: 'Image: Getty Images', bodyParas: 1, source: 'Source: Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'i', gap: 2, eol: '\r\n', bom: true, date: 'updated', titleTwice: false, caption: null, bodyParas: 2, source: 'Originally published by Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'f', textIndent: 2, gap: 1, date: null, titleTwice: false, captionPos: 'after', caption: 'Photo: Reuters', bodyParas: 2, source: 'Source: Fox News', commentsHeading: false, copyright: false, empty: false },
  { layout: 'j', glyph: '▪', textPrefix: 'tab', gap: 1, authorlessEvery: 6, date: 'iso', titleTwice: false, caption: null, bodyParas: 1, source: 'Originally published by Fox News', commentsHeading: false, copyright: false, empty: false },
  { layout: 'h', gap: 1, date: 'dayMonth', titleTwice: false, captionPos: 'after', caption: 'Photo: AP', bodyParas: 1, source: 'Source: Fox News', commentsHeading: false, copyright: true, empty: false },
  { layout: 'k', gap: 1, date: 'iso', titleTwice: false, captionPos: 'before', caption: 'Photo: Reuters', bodyParas: 1, source: null, commentsHeading: true, copyright: true, empty: true },
];
if (PAGE_CONFIG.length !== articles.length) throw new Error(`expected ${PAGE_CONFIG.length} articles, found ${articles.length}`);
const FLAT_LAYOUTS = new Set(['i']);

// ---------------------------------------------------------------------------
// Text helpers


const normalise = (t) => t.replace(/\s*[\r\n]+\s*/g, ' ').trim();

// Absolute timestamp "March 4, 2016 at 9:15 pm" (UTC arithmetic, no clock).
function stamp(ms) {
  const t = new Date(ms);
  const h = t.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}, ${t.getUTCFullYear()} at ${h12}:${pad2(t.getUTCMinutes())} ${h < 12 ? 'am' : 'pm'}`;
}

// ---------------------------------------------------------------------------
// Layout definitions: header text, indentation prefixes, author parsing (for verification)

const STAMP_RE = '[A-Z][a-z]+ \\d{1,2}, \\d{4} at \\d{1,2}:\\d{2} [ap]m';
const LAYOUTS = {
  f: {
    header: (c) => `${c.author} ${c.depth === 0 ? 'commented' : 'replied'}:`,
    headerPrefix: (c) => ' '.repeat(2 * c.depth),
    textPrefix: (c, cfg) => ' '.repeat(2 * c.depth + cfg.textIndent),
    parse: (h, c) => {
      const m = h.match(/^(\S+) (commented|replied):$/);
      return m && (m[2] === 'commented') === (c.depth === 0) ? m[1] : undefined;
    },
  },
  g: {
    header: (c) => `${c.number}) ${c.author} says`,
    headerPrefix: (c) => ' '.repeat(2 + 3 * c.depth),
    textPrefix: (c) => ' '.repeat(2 + 3 * c.depth + 3),
    parse: (h, c) => {
      const m = h.match(/^(\d+)\) (\S+) says$/);
      return m && +m[1] === c.number ? m[2] : undefined;
    },
  },
  h: {
    header: (c) => `${c.author} | ${c.stamp}`,
    headerPrefix: (c) => ' '.repeat(4 * c.depth),
    textPrefix: (c) => ' '.repeat(4 * c.depth),
    parse: (h) => h.match(new RegExp(`^(\\S+) \\| ${STAMP_RE}$`))?.[1],
  },
  i: {
    header: (c) => c.author,
    headerPrefix: () => '',
    textPrefix: () => '',
    parse: (h) => (/^\S+$/.test(h) ? h : undefined),
  },
  j: {
    header: (c, cfg) => (c.author === null ? cfg.glyph : `${cfg.glyph} ${c.author}`),
    headerPrefix: (c) => '\t'.repeat(c.depth),
    textPrefix: (c, cfg) => '\t'.repeat(c.depth) + (cfg.textPrefix === 'tab' ? '\t' : '  '),
    parse: (h, c, cfg) => h.match(new RegExp(`^${cfg.glyph} (\\S+)$`))?.[1],
  },
  k: {
    header: (c) => `${c.author} on ${c.stamp}`,
    headerPrefix: (c) => ' '.repeat(2 * c.depth),
    textPrefix: (c) => ' '.repeat(2 * c.depth),
    parse: (h) => h.match(new RegExp(`^(\\S+) on ${STAMP_RE}$`))?.[1],
  },
};

// ---------------------------------------------------------------------------
// Page writer: appends text and records exact offsets as it goes (offsets are
// into the page text WITHOUT the BOM, with the page's own line endings).

class Page {
  constructor(doc, eol) {
    this.doc = doc;
    this.eol = eol;
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
  line(kind, text) {
    const { start, end } = this.write(text);
    this.records.push({ doc: this.doc, start, end, text, kind });
    this.nl();
  }
  // Paragraphs of one comment; the first continues the current line if `inline`.
  // Further paragraphs follow an empty line, at `prefix`. Returns the span.
  paras(paras, prefix, inline = false) {
    let start = null;
    let end = null;
    paras.forEach((p, i) => {
      if (i > 0) this.nl(2);
      if (i > 0 || !inline) this.write(prefix);
      const r = this.write(p);
      if (start === null) start = r.start;
      end = r.end;
    });
    this.nl();
    return { start, end };
  }
  header(text, prefix) {
    this.write(prefix);
    const r = this.write(text);
    return { start: r.start, end: r.end, text };
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

function emitComment(page, cfg, c) {
  const L = LAYOUTS[cfg.layout];
  if (c.author === null) {
    // authorless bullet (layout j): the glyph is the header, text continues on its line
    const h = page.header(cfg.glyph, L.headerPrefix(c, cfg));
    page.write(' ');
    page.comment(c, page.paras(c.paras, L.textPrefix(c, cfg), true), h);
    return;
  }
  const h = page.header(L.header(c, cfg), L.headerPrefix(c, cfg));
  let span;
  if (c.paras.length === 0) {
    page.nl();
    span = { start: h.end, end: h.end };
  } else {
    page.nl(cfg.layout === 'i' ? 2 : 1); // flat: author line, blank line, text
    span = page.paras(c.paras, L.textPrefix(c, cfg));
  }
  page.comment(c, span, h);
}

// ---------------------------------------------------------------------------
// Build

const summary = [];
const pages = [];
const overlap = { total: 0 };
articles.forEach((a, ai) => {
  const cfg = PAGE_CONFIG[ai];
  const doc = `${slugify(a.title)}-b`;
  const flat = FLAT_LAYOUTS.has(cfg.layout);
  const used = usedBySetA(a, ai);
  const sel = flat ? selectFlat(a, used) : selectNested(a, used);
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
    stamp: null,
  }));
  for (const c of cs) if (c.parent !== null && (c.parent === undefined || c.parent >= c.index)) throw new Error('selection lost a parent');

  // authorless bullets (layout j): never adjacent, text with at least two words
  if (cfg.authorlessEvery) {
    let last = -10;
    for (const c of cs)
      if ((c.index + ai) % cfg.authorlessEvery === cfg.authorlessEvery - 1 && c.index - last > 1 && /\S\s+\S/.test(c.text) && c.text.length >= 20) {
        c.author = null;
        last = c.index;
      }
  }
  // the empty comment: a childless, authored comment near a page-dependent position
  let emptyIndex = null;
  if (cfg.empty) {
    const hasChild = new Set(cs.map((c) => c.parent).filter((p) => p !== null));
    const cands = cs.filter((c) => c.author !== null && !hasChild.has(c.index));
    const target = (9 + 5 * ai) % cs.length;
    cands.sort((x, y) => Math.abs(x.index - target) - Math.abs(y.index - target) || x.index - y.index);
    emptyIndex = cands[0].index;
  }
  // two-paragraph comments: some long comments are split at a sentence boundary;
  // every page gets at least one (the first splittable comment if the rule picks none)
  const splits = new Map();
  for (const c of cs) if (c.index !== emptyIndex && c.text.length >= 160) {
    const parts = splitSentences(c.text);
    if (parts) splits.set(c.index, parts);
  }
  let chosen = [...splits.keys()].filter((i) => (cs[i].k + ai) % 4 === 0);
  if (chosen.length === 0 && splits.size) chosen = [[...splits.keys()][0]];
  if (chosen.length === 0) throw new Error(`${doc}: no comment can be split into two paragraphs`);
  for (const c of cs) c.paras = c.index === emptyIndex ? [] : splits.has(c.index) && chosen.includes(c.index) ? splits.get(c.index) : [c.text];
  for (const c of cs) if (c.paras.length && c.paras.join(' ') !== c.text) throw new Error(`${doc}: paragraph split changed comment ${c.index}`);

  // numbering restarts under each parent
  const seen = new Map();
  for (const c of cs) {
    const key = c.parent === null ? -1 : c.parent;
    seen.set(key, (seen.get(key) || 0) + 1);
    c.number = seen.get(key);
  }
  // absolute timestamps: wall-clock time (no time zone) from 06:00 on the article date, then a deterministic
  // 3–43 minute step per comment in file order (file order is chronological)
  {
    let t = Date.UTC(a.date.y, a.date.m - 1, a.date.d, 6, 0);
    const at = [];
    for (const r of a.comments) {
      t += (3 + ((r.k * 37 + ai * 11) % 41)) * 60000;
      at.push(t);
    }
    for (const c of cs) c.stamp = stamp(at[c.k]);
  }

  // --- write the page
  const page = new Page(doc, cfg.eol || '\n');
  page.line('title', a.title);
  if (cfg.titleTwice) {
    page.nl();
    page.line('title', a.title);
  }
  if (cfg.date) page.line('dateline', DATE_FORMATS[cfg.date](a.date));
  page.nl();
  if (cfg.caption && cfg.captionPos === 'before') {
    page.line('caption', cfg.caption);
    page.nl();
  }
  const body = cfg.bodyParas === 2 ? splitClause(normalise(a.meta)) : [normalise(a.meta)];
  if (body.length !== cfg.bodyParas) throw new Error(`${doc}: description cannot be split into ${cfg.bodyParas} paragraphs`);
  body.forEach((p) => {
    page.line('body', p);
    page.nl();
  });
  if (cfg.caption && cfg.captionPos === 'after') {
    page.line('caption', cfg.caption);
    page.nl();
  }
  if (cfg.source) {
    page.line('source', cfg.source);
    page.nl();
  }
  page.nl(); // extra blank line before the comment section
  if (cfg.commentsHeading) {
    page.line('footer', `${a.comments.length} Comments`);
    page.nl();
  }
  cs.forEach((c, i) => {
    if (i > 0) page.nl(cfg.gap);
    emitComment(page, cfg, c);
  });
  if (cfg.copyright) {
    page.nl(2);
    page.line('footer', COPYRIGHT);
  }

  for (const c of cs) if (used.has(c.k)) overlap.total++;
  pages.push({ page, cfg });
  const layoutName = {
    f: `f commented:/replied: (text +${cfg.textIndent})`,
    g: 'g "N) user says"',
    h: 'h "user | date at time"',
    i: 'i flat, CRLF + BOM',
    j: `j "${cfg.glyph}" tabs (text ${cfg.textPrefix === 'tab' ? '+tab' : '+2sp'})`,
    k: 'k "user on date at time"',
  }[cfg.layout];
  summary.push({
    doc,
    layout: layoutName,
    comments: cs.length,
    roots: cs.filter((c) => c.parent === null).length,
    maxDepth: Math.max(...cs.map((c) => c.depth)),
    authorless: cs.filter((c) => c.author === null).length,
    empty: emptyIndex,
    multiPara: cs.filter((c) => c.paras.length > 1).length,
    articleComments: a.comments.length,
    usedByA: used.size,
  });
});
if (overlap.total) throw new Error(`${overlap.total} comments overlap with the first held-out set`);

// --- write output
fs.mkdirSync(PAGES_DIR, { recursive: true });
const wanted = new Set(pages.map(({ page }) => `${page.doc}.txt`));
if (wanted.size !== pages.length) throw new Error('duplicate slugs');
for (const f of fs.readdirSync(PAGES_DIR)) if (f.endsWith('.txt') && !wanted.has(f)) fs.unlinkSync(path.join(PAGES_DIR, f));
for (const { page, cfg } of pages) fs.writeFileSync(path.join(PAGES_DIR, `${page.doc}.txt`), (cfg.bom ? BOM : '') + page.s);

const cmp = (x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start || x.end - y.end);
const gold = pages.flatMap(({ page }) => page.records).sort(cmp);
fs.writeFileSync(GOLD_FILE, gold.map((r) => JSON.stringify(r)).join('\n') + '\n');

// ---------------------------------------------------------------------------
// Verification against the files as written

function verify() {
  const errors = [];
  const err = (doc, msg) => errors.length < 50 && errors.push(`${doc}: ${msg}`);
  const recs = fs
    .readFileSync(GOLD_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const KEYS = ['doc', 'start', 'end', 'text', 'kind'];
  const CKEYS = [...KEYS, 'index', 'author', 'depth', 'parent', 'header'];
  const KINDS = new Set(['title', 'dateline', 'body', 'caption', 'source', 'footer', 'comment']);
  for (let i = 1; i < recs.length; i++) if (cmp(recs[i - 1], recs[i]) >= 0) err(recs[i].doc, `gold not strictly sorted at line ${i + 1}`);

  const byDoc = new Map();
  for (const r of recs) (byDoc.get(r.doc) || byDoc.set(r.doc, []).get(r.doc)).push(r);
  const files = fs.readdirSync(PAGES_DIR).filter((f) => f.endsWith('.txt'));
  if (files.length !== byDoc.size) err('*', `${files.length} page files but ${byDoc.size} docs in gold`);
  const cfgOf = new Map(pages.map(({ page, cfg }) => [page.doc, cfg]));

  for (const [doc, rs] of byDoc) {
    const file = path.join(PAGES_DIR, `${doc}.txt`);
    const cfg = cfgOf.get(doc);
    if (!fs.existsSync(file) || !cfg) {
      err(doc, 'page file or config missing');
      continue;
    }
    const L = LAYOUTS[cfg.layout];
    let s = fs.readFileSync(file, 'utf8'); // Node keeps a leading BOM as U+FEFF
    if (cfg.bom) {
      if (!s.startsWith(BOM)) err(doc, 'BOM missing');
      s = s.slice(1);
    }
    if (s.startsWith(BOM)) err(doc, 'page text (after any BOM) starts with U+FEFF');
    if (cfg.eol === '\r\n') {
      if (/(^|[^\r])\n/.test(s) || /\r(?!\n)/.test(s)) err(doc, 'mixed line endings on a CRLF page');
      if (!s.endsWith('\r\n')) err(doc, 'page does not end with CRLF');
    } else {
      if (s.includes('\r')) err(doc, 'CR on an LF page');
      if (!s.endsWith('\n')) err(doc, 'page does not end with LF');
    }
    if (/[ \t]+\r?\n/.test(s)) err(doc, 'trailing whitespace on a line');

    const cover = new Uint8Array(s.length);
    const lineStart = (i) => s.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = (i) => (s.indexOf('\n', i) < 0 ? s.length : s.indexOf('\n', i));
    const mark = (a, b, what) => {
      if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= s.length)) err(doc, `${what}: bad offsets ${a}-${b}`);
      for (let i = a; i < b; i++) cover[i]++;
    };
    const trimmed = (t) => t === '' || (/^\S/.test(t) && /\S$/.test(t));
    const comments = rs.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);

    for (const r of rs) {
      const keys = Object.keys(r).join(',');
      if (keys !== (r.kind === 'comment' ? CKEYS : KEYS).join(',')) err(doc, `key order ${keys}`);
      if (!KINDS.has(r.kind)) err(doc, `bad kind ${r.kind}`);
      if (s.slice(r.start, r.end) !== r.text) err(doc, `text mismatch at ${r.start}-${r.end}`);
      if (!trimmed(r.text)) err(doc, `untrimmed span at ${r.start}`);
      if (r.kind !== 'comment' && r.text === '') err(doc, `empty ${r.kind}`);
      mark(r.start, r.end, r.kind);
      const prefix = s.slice(lineStart(r.start), r.start);
      if (r.kind !== 'comment' || r.text !== '') {
        const inlineHeader = r.kind === 'comment' && r.header && lineStart(r.header.start) === lineStart(r.start);
        if (inlineHeader ? prefix.trim() !== r.header.text : prefix.trim() !== '') err(doc, `span at ${r.start} does not start its line`);
        if (s.slice(r.end, lineEnd(r.end)).trim() !== '') err(doc, `span at ${r.start} does not end its line`);
      }
      if (r.kind !== 'comment') continue;

      const c = r;
      const h = r.header;
      if (h === null) {
        err(doc, `comment ${c.index} has no header (every comment in this set has one)`);
        continue;
      }
      if (Object.keys(h).join(',') !== 'start,end,text') err(doc, 'header key order');
      if (s.slice(h.start, h.end) !== h.text) err(doc, `header text mismatch at ${h.start}`);
      mark(h.start, h.end, 'header');
      const hLine = s.slice(lineStart(h.start), lineEnd(h.start));
      const hPrefix = s.slice(lineStart(h.start), h.start);
      if (hPrefix.trim() !== '') err(doc, `header at ${h.start} not at line start`);
      // indentation must encode the depth exactly
      const number = (() => {
        // sibling position, recomputed from the gold tree
        let n = 0;
        for (const o of comments) {
          if (o.parent === c.parent) n++;
          if (o.index === c.index) break;
        }
        return n;
      })();
      const model = { depth: c.depth, author: c.author, number };
      if (hPrefix !== L.headerPrefix(model, cfg)) err(doc, `comment ${c.index}: header indentation does not match depth ${c.depth}`);
      if (c.author === null) {
        if (cfg.layout !== 'j' || h.text !== cfg.glyph || !hLine.trim().startsWith(`${cfg.glyph} `) || lineStart(c.start) !== lineStart(h.start) || c.text === '')
          err(doc, `comment ${c.index}: bad authorless bullet`);
      } else {
        if (hLine.trim() !== h.text) err(doc, `header "${h.text}" is not its trimmed line`);
        const parsed = L.parse(h.text, model, cfg);
        if (parsed !== c.author) err(doc, `comment ${c.index}: author ${c.author} vs header "${h.text}"`);
        if (h.text !== L.header({ ...model, stamp: h.text.match(new RegExp(STAMP_RE))?.[0] }, cfg)) err(doc, `comment ${c.index}: header "${h.text}" not in layout form`);
      }
      if (c.text === '') {
        if (!(c.start === h.end && c.end === h.end)) err(doc, `empty comment ${c.index} not at header end`);
      } else {
        if (c.start < h.end) err(doc, `comment ${c.index} starts before its header ends`);
        // every text line of the comment sits at the layout's text prefix (or inline after a bullet)
        const tp = L.textPrefix(model, cfg);
        for (let i = c.start; i < c.end; ) {
          const ls = lineStart(i);
          const le = lineEnd(i);
          const line = s.slice(ls, le).replace(/\r$/, '');
          if (line !== '' && !(ls === lineStart(h.start) && c.author === null) && !(line.startsWith(tp) && /^\S/.test(line.slice(tp.length))))
            err(doc, `comment ${c.index}: text line at ${ls} not at the text indentation`);
          i = le + 1;
        }
      }
    }
    // indices, depth, parent = nearest preceding comment one level up
    comments.forEach((c, i) => {
      if (c.index !== i) err(doc, 'comment indices not 0..n-1 in page order');
      if (i > 0 && comments[i - 1].start > c.start) err(doc, `comment ${i} out of page order`);
      if (c.depth === 0 ? c.parent !== null : c.parent === null) err(doc, `comment ${i}: depth/parent mismatch`);
      if (c.depth > MAX_DEPTH) err(doc, `comment ${i}: depth ${c.depth} > ${MAX_DEPTH}`);
      if (c.parent !== null) {
        let p = null;
        for (let j = i - 1; j >= 0; j--)
          if (comments[j].depth === c.depth - 1) {
            p = j;
            break;
          }
        if (p !== c.parent) err(doc, `comment ${i}: parent ${c.parent} but nearest shallower is ${p}`);
      }
    });
    if (comments.length === 0 || comments.length > MAX_COMMENTS) err(doc, `${comments.length} comments`);
    if (!comments.some((c) => /\n[ \t]*\r?\n/.test(c.text))) err(doc, 'no multi-paragraph comment');
    for (let i = 0; i < s.length; i++) {
      if (cover[i] > 1) err(doc, `offset ${i} covered ${cover[i]} times`);
      else if (cover[i] === 0 && /\S/.test(s[i])) err(doc, `non-space ${JSON.stringify(s[i])} at ${i} not covered`);
    }
  }
  // independent overlap check against the first set's gold, if present
  const goldA = path.join(REPO_ROOT, 'tests', 'heldout', 'segment.gold.jsonl');
  if (fs.existsSync(goldA)) {
    const key = (author, text) => `${author}\u0000${text.replace(/\s+/g, ' ')}`;
    const inA = new Set(
      fs
        .readFileSync(goldA, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((r) => r.kind === 'comment' && r.text !== '')
        .map((r) => key(r.author, r.text)),
    );
    for (const r of recs) if (r.kind === 'comment' && r.text !== '' && inA.has(key(r.author, r.text))) err(r.doc, `comment ${r.index} also appears in tests/heldout/`);
  }
  return { errors, records: recs.length };
}

const v = verify();
const padR = (x, n) => String(x).padEnd(n);
console.log(`dataset: ${DATA_DIR}`);
console.log(`reply links: ${stats.replies} replies from first @mention; ${stats.flattened} flattened to depth ${MAX_DEPTH}; no comment shared with tests/heldout/`);
console.log(padR('doc', 64) + padR('layout', 36) + 'comments roots maxDepth authorless empty multiPara (article, used by set A)');
for (const r of summary)
  console.log(
    padR(r.doc, 64) +
      padR(r.layout, 36) +
      padR(r.comments, 9) +
      padR(r.roots, 6) +
      padR(r.maxDepth, 9) +
      padR(r.authorless, 11) +
      padR(r.empty ?? '-', 6) +
      padR(r.multiPara, 10) +
      `(${r.articleComments}, ${r.usedByA})`,
  );
console.log(`wrote ${pages.length} pages to ${path.relative(REPO_ROOT, PAGES_DIR)}/ and ${v.records} gold records to ${path.relative(REPO_ROOT, GOLD_FILE)}`);
if (v.errors.length) {
  console.error(`VERIFICATION FAILED (${v.errors.length}${v.errors.length >= 50 ? '+' : ''} errors):\n  ` + v.errors.join('\n  '));
  process.exit(1);
}
console.log('verification: OK (all spans match the page text, every non-space character covered exactly once)');
