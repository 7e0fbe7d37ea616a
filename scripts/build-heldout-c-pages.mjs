#!/usr/bin/env node
// Build the THIRD held-out segmentation set ("heldout-c") from the Fox News
// user-comments dataset, with six comment layouts (l–q) that neither the first
// set (a–e) nor the second set (f–k) uses.
//
//   node scripts/build-heldout-c-pages.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to <repo>/../shared. The dataset is read from
// SHARED_DIR/datasets/fox-news-comments/ (or SHARED_DIR itself if it directly
// holds fox-news-comments.json). Output:
//   tests/heldout-c/pages/<slug>-c.txt    one synthetic page per article (6 pages)
//   tests/heldout-c/segment.gold.jsonl    gold segments (same record format as tests/heldout-b/)
//
// Plain Node >= 20, no dependencies, fully deterministic: the only randomness is a
// fixed-seed PRNG (mulberry32), and no clock is read. Self-contained: nothing is
// imported from the project or from the other generators. Every gold record is
// verified against the written files before the script exits 0.
//
// This set was written WITHOUT looking at the segmenter (src/, dist/) or at any
// of its outputs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_DIR = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-c');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');

const COMMENTS_PER_PAGE = 20;
const MAX_THREAD = 8; // at most this many comments (pre-order prefix) from one thread
const MAX_DEPTH = 3; // deeper replies are re-attached to their depth-2 ancestor
// Eligibility (keeps this set disjoint from tests/heldout/ and tests/heldout-b/):
// a comment is eligible only if its thread root is at least the ELIGIBLE_ROOT_RANK-th
// root of the article (0-based) AND the root sits at file position >= ELIGIBLE_ROOT_POS.
const ELIGIBLE_ROOT_RANK = 50;
const ELIGIBLE_ROOT_POS = 75;
const SEED = 0x5eedc0de;

// ---------------------------------------------------------------------------
// Input

const DATA_DIR = fs.existsSync(path.join(SHARED_DIR, 'fox-news-comments.json')) ? SHARED_DIR : path.join(SHARED_DIR, 'datasets', 'fox-news-comments');
const rows = fs
  .readFileSync(path.join(DATA_DIR, 'fox-news-comments.json'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const urls = fs
  .readFileSync(path.join(DATA_DIR, 'comment-url.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean)
  .map((l) => l.replace(/^\d+:/, ''));

const articles = [];
{
  const byTitle = new Map();
  rows.forEach((r, k) => {
    let a = byTitle.get(r.title);
    if (!a) {
      a = { title: r.title, meta: r.meta, comments: [] };
      byTitle.set(r.title, a);
      articles.push(a);
    }
    a.comments.push({ k, pos: a.comments.length, user: r.user, text: r.text, mentions: r.mentions || '' });
  });
}
if (articles.length !== urls.length) throw new Error(`${articles.length} articles but ${urls.length} URLs`);
articles.forEach((a, ai) => {
  const m = urls[ai].match(/\/(\d{4})\/(\d{2})\/(\d{2})\//);
  if (!m) throw new Error(`no date in URL ${urls[ai]}`);
  a.date = { y: +m[1], m: +m[2], d: +m[3] };
});

// ---------------------------------------------------------------------------
// Reply trees (same reconstruction idea as the earlier sets, re-implemented here)
//
// The dataset's prev/succ are not real reply links. The first @mention (the
// addressee) is real site data, so: parent = the MOST RECENT earlier comment in
// the same article (file order = chronological) by the addressee; no mention or
// no earlier comment by the addressee => top level. Replies that would be deeper
// than MAX_DEPTH are re-attached to their depth MAX_DEPTH-1 ancestor.

const addresseeOf = (c) => {
  const first = c.mentions.trim().split(/\s+/)[0] || '';
  return first.startsWith('@') && first.length > 1 ? first.slice(1) : null;
};
for (const a of articles) {
  const lastBy = new Map();
  const roots = [];
  for (const c of a.comments) {
    c.children = [];
    c.addressee = addresseeOf(c);
    let p = c.addressee !== null && lastBy.has(c.addressee) ? a.comments[lastBy.get(c.addressee)] : null;
    if (p && p.depth >= MAX_DEPTH) while (p.depth > MAX_DEPTH - 1) p = a.comments[p.parentPos];
    c.parentPos = p ? p.pos : null;
    c.depth = p ? p.depth + 1 : 0;
    c.rootPos = p ? p.rootPos : c.pos;
    if (p) p.children.push(c);
    else {
      c.rootRank = roots.length;
      roots.push(c);
    }
    lastBy.set(c.user, c.pos);
  }
  a.roots = roots;
  for (const c of a.comments) c.eligible = a.comments[c.rootPos].rootRank >= ELIGIBLE_ROOT_RANK && c.rootPos >= ELIGIBLE_ROOT_POS;
}

// ---------------------------------------------------------------------------
// Deterministic PRNG (mulberry32)

function mulberry32(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = t;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const randInt = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

// ---------------------------------------------------------------------------
// Text helpers

const HIDDEN = /[\u200b\u200c\u200d\u2060\ufeff]/; // zero-width characters (U+FEFF is JS \s)
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad2 = (n) => String(n).padStart(2, '0');
const COPYRIGHT = '© 2016 Fox News Network. All rights reserved.';

function slugify(title) {
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

// Internal newlines (none exist in this dataset) become paragraph breaks; runs of
// spaces/tabs inside a paragraph are kept as they are.
const toParas = (t) =>
  t
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);

// Split a one-paragraph comment at the sentence boundary nearest its middle
// (both parts >= 40 chars). The single space at the split becomes the paragraph break.
function splitSentences(text) {
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

// Split the one-sentence meta description at the ", " nearest its middle.
function splitClause(text) {
  let best = null;
  for (let i = text.indexOf(', '); i >= 0; i = text.indexOf(', ', i + 1))
    if (best === null || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  if (best === null) return null;
  return [text.slice(0, best + 1), text.slice(best + 2)];
}

// Relative times, each computed from (scrape moment − comment moment) in seconds.
function disqusAgo(sec) {
  // moment.js-style rounding, as Disqus shows it
  const min = Math.round(sec / 60);
  const hr = Math.round(sec / 3600);
  const day = Math.round(sec / 86400);
  if (sec < 45) return 'a few seconds ago';
  if (sec < 90) return 'a minute ago';
  if (min < 45) return `${min} minutes ago`;
  if (min < 90) return 'an hour ago';
  if (hr < 22) return `${hr} hours ago`;
  if (hr < 36) return 'a day ago';
  return `${day} days ago`;
}
function redditAgo(sec) {
  // floor, singular/plural, as old Reddit shows it
  const unit = (n, w) => `${n} ${w}${n === 1 ? '' : 's'} ago`;
  if (sec < 60) return 'just now';
  if (sec < 3600) return unit(Math.floor(sec / 60), 'minute');
  if (sec < 86400) return unit(Math.floor(sec / 3600), 'hour');
  return unit(Math.floor(sec / 86400), 'day');
}
function phpbbDate(ms) {
  // "Sat Jun 04, 2016 9:43 pm" (UTC arithmetic on a fixed date, no clock)
  const t = new Date(ms);
  const h = t.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${DAYS[t.getUTCDay()].slice(0, 3)} ${MONTHS[t.getUTCMonth()].slice(0, 3)} ${pad2(t.getUTCDate())}, ${t.getUTCFullYear()} ${h12}:${pad2(t.getUTCMinutes())} ${h < 12 ? 'am' : 'pm'}`;
}

const DATE_FORMATS = {
  dayLong: ({ y, m, d }) => `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`, // Thursday 7 July 2016
  monShort: ({ y, m, d }) => `${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`, // Jun 4, 2016
  slashes: ({ y, m, d }) => `${y}/${pad2(m)}/${pad2(d)}`, // 2016/08/17
  dots: ({ y, m, d }) => `${pad2(d)}.${pad2(m)}.${y}`, // 25.06.2015
  long: ({ y, m, d }) => `${MONTHS[m - 1]} ${d}, ${y}`, // June 16, 2016
};

// ---------------------------------------------------------------------------
// Layouts l–q. `header(c)` gives the header text as it appears (for o it spans
// two lines: `prefix` is inserted before the second line); `parse` recovers the
// author from a header text (verification only); `re` matches a header line.

const ESC = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LAYOUTS = {
  l: {
    name: 'l Disqus `user • 3 hours ago` + `Reply • Share ›`',
    step: 4,
    gap: 1,
    ui: 'Reply • Share ›',
    header: (c) => `${c.author} • ${c.ago}`,
    parse: (h) => h.match(/^(\S+) • (?:a few seconds|a minute|an hour|a day|\d+ (?:minutes|hours|days)) ago$/)?.[1],
  },
  m: {
    name: 'm old Reddit `[–] user N points 3 hours ago`',
    step: 4,
    gap: 1,
    header: (c) => `[–] ${c.author} ${c.points} point${c.points === 1 ? '' : 's'} ${c.ago}`,
    parse: (h) => h.match(/^\[–\] (\S+) -?\d+ points? (?:just now|\d+ (?:minute|hour|day)s? ago)$/)?.[1],
  },
  n: {
    name: 'n Facebook plugin, bare name + `Like · Reply · 2y`',
    step: 2,
    gap: 0,
    ui: 'Like · Reply · 2y',
    header: (c) => c.author,
    parse: (h) => (/^\S+$/.test(h) ? h : undefined),
  },
  o: {
    name: 'o forum `Re: title` / `by user » date`',
    step: 2,
    gap: 1,
    header: (c, page, prefix) => `Re: ${page.title}${page.eol}${prefix}by ${c.author} » ${c.date}`,
    parse: (h, page) =>
      h.match(new RegExp(`^Re: ${ESC(page.title)}\\r?\\n *by (\\S+) » [A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2}, \\d{4} \\d{1,2}:\\d{2} [ap]m$`))?.[1],
  },
  p: {
    name: 'p hash-numbered `#N user (3 hours ago)`',
    step: 3,
    gap: 1,
    header: (c) => `#${c.number} ${c.author} (${c.ago})`,
    parse: (h, page, c) => {
      const m = h.match(/^#(\d+) (\S+) \((?:just now|\d+ (?:minute|hour|day)s? ago)\)$/);
      return m && (c.index < 0 || +m[1] === c.index + 1) ? m[2] : undefined; // index < 0: shape check only
    },
  },
  q: {
    name: 'q flat chat `user:` + @-replies, CRLF',
    step: 0,
    gap: 1,
    header: (c) => `${c.author}:`,
    parse: (h) => h.match(/^(\S+):$/)?.[1],
  },
};

// ---------------------------------------------------------------------------
// Page configuration: 6 of the 10 articles (index = position of first appearance)

const PAGE_CONFIG = [
  { article: 0, layout: 'p', date: 'dayLong', bodyParas: 1, caption: 'Photo: AP', source: 'Source: Fox News', copyright: false, scrapeAfterMin: 300 },
  { article: 2, layout: 'o', date: null, bodyParas: 2, caption: null, source: 'Source: Fox News', copyright: true },
  { article: 3, layout: 'n', date: 'monShort', bodyParas: 1, caption: 'Photo: AP', source: null, copyright: false },
  { article: 4, layout: 'l', date: 'slashes', bodyParas: 2, caption: 'Photo: AP', source: 'Source: Fox News', copyright: true, scrapeAfterMin: 20 },
  { article: 5, layout: 'm', date: 'dots', bodyParas: 1, caption: null, source: 'Source: Fox News', copyright: false, scrapeAfterMin: 130 },
  { article: 9, layout: 'q', date: 'long', bodyParas: 1, caption: 'Photo: AP', source: null, copyright: true },
];

// ---------------------------------------------------------------------------
// Selection

const usable = (c) => c.eligible && !HIDDEN.test(c.user) && !HIDDEN.test(c.text) && toParas(c.text).length > 0;

// Nested layouts: eligible threads (a thread = a root and its replies), each in
// pre-order with children in file order, a subtree with an unusable comment skipped
// (so every parent is kept), at most MAX_THREAD comments per thread. The largest
// threads are picked first (ties: earlier root) while they fit into
// COMMENTS_PER_PAGE; the chosen threads are then shown in root (file) order.
function selectNested(a) {
  const preorder = (root) => {
    const out = [];
    const walk = (c) => {
      if (!usable(c)) return;
      out.push(c);
      c.children.forEach(walk);
    };
    walk(root);
    return out.slice(0, MAX_THREAD);
  };
  const threads = a.roots.filter(usable).map((r) => ({ root: r, list: preorder(r) }));
  const bySize = [...threads].sort((x, y) => y.list.length - x.list.length || x.root.pos - y.root.pos);
  const chosen = new Set();
  let n = 0;
  for (const t of bySize)
    if (n + t.list.length <= COMMENTS_PER_PAGE) {
      chosen.add(t);
      n += t.list.length;
    }
  if (n !== COMMENTS_PER_PAGE) throw new Error(`${a.title}: only ${n} comments selected`);
  return threads.filter((t) => chosen.has(t)).flatMap((t) => t.list);
}
// Flat layout: the first COMMENTS_PER_PAGE usable comments in file order whose
// paragraphs cannot be mistaken for a `user:` header line.
const selectFlat = (a) =>
  a.comments.filter((c) => usable(c) && !toParas(c.text).some((p) => /^\S+:$/.test(p))).slice(0, COMMENTS_PER_PAGE);

// ---------------------------------------------------------------------------
// Page writer: appends text and records exact offsets as it goes.

class Page {
  constructor(doc, title, eol) {
    this.doc = doc;
    this.title = title;
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
  line(kind, text, prefix = '') {
    this.write(prefix);
    const { start, end } = this.write(text);
    this.records.push({ doc: this.doc, start, end, text, kind });
    this.nl();
  }
  // paragraphs of one comment at `prefix`, separated by one empty line; returns the span
  paras(paras, prefix) {
    let start = null;
    let end = null;
    paras.forEach((p, i) => {
      if (i > 0) this.nl(2);
      this.write(prefix);
      const r = this.write(p);
      if (start === null) start = r.start;
      end = r.end;
    });
    this.nl();
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

function emitComment(page, L, c) {
  const prefix = ' '.repeat(L.step * c.depth);
  page.write(prefix);
  const text = L.header(c, page, prefix);
  const h = page.write(text);
  const header = { start: h.start, end: h.end, text };
  page.nl();
  const span = page.paras(c.paras, prefix);
  page.comment(c, span, header);
  if (L.ui) page.line('footer', L.ui, prefix);
}

// ---------------------------------------------------------------------------
// Build

const summary = [];
const pages = [];
PAGE_CONFIG.forEach((cfg, pi) => {
  const a = articles[cfg.article];
  const L = LAYOUTS[cfg.layout];
  const flat = cfg.layout === 'q';
  const doc = `${slugify(a.title)}-c`;
  const eol = flat ? '\r\n' : '\n';
  const rng = mulberry32(SEED + 7919 * (pi + 1));
  const sel = flat ? selectFlat(a) : selectNested(a);
  if (sel.length !== COMMENTS_PER_PAGE) throw new Error(`${doc}: ${sel.length} comments`);
  const idxOf = new Map(sel.map((c, i) => [c.pos, i]));

  const cs = sel.map((r, i) => ({
    index: i,
    pos: r.pos,
    k: r.k,
    author: r.user,
    depth: flat ? 0 : r.depth,
    parent: flat || r.parentPos === null ? null : idxOf.get(r.parentPos),
    paras: toParas(r.text),
    addressee: r.addressee,
    user: r.user, // dataset user (author differs only for the [deleted] comment)
    source: r.text, // dataset text, for the disjointness check
    removed: false,
  }));
  for (const c of cs) {
    if (c.parent === undefined || (c.parent !== null && c.parent >= c.index)) throw new Error(`${doc}: selection lost a parent`);
    if (c.parent !== null && cs[c.parent].depth !== c.depth - 1) throw new Error(`${doc}: parent depth`);
  }

  // q: a reply shows its addressee (first @mention from the dataset) as "@name " before its text
  if (flat) for (const c of cs) if (c.addressee) c.paras[0] = `@${c.addressee} ${c.paras[0]}`;

  // two-paragraph comments (the dataset has no newlines): long one-paragraph comments
  // are split at the sentence boundary nearest the middle; rule below, at least `minSplit`
  const minSplit = flat ? 3 : 1;
  const splittable = cs.filter((c) => c.paras.length === 1 && c.paras[0].length >= 160 && splitSentences(c.paras[0]));
  let chosen = splittable.filter((c) => (c.pos + pi) % 3 === 0);
  for (const c of splittable) if (chosen.length < minSplit && !chosen.includes(c)) chosen.push(c);
  if (chosen.length < minSplit) throw new Error(`${doc}: only ${chosen.length} splittable comments`);
  for (const c of chosen) {
    const joined = c.paras[0];
    c.paras = splitSentences(joined);
    if (c.paras.join(' ') !== joined) throw new Error(`${doc}: split changed comment ${c.index}`);
  }

  // m: one comment with replies is shown deleted: "[deleted]" author, "[removed]" text
  if (cfg.layout === 'm') {
    const hasChild = new Set(cs.map((c) => c.parent).filter((p) => p !== null));
    const victim = cs.find((c) => c.index >= 3 && hasChild.has(c.index));
    victim.author = '[deleted]';
    victim.paras = ['[removed]'];
    victim.removed = true;
  }

  // timestamps: chronological = file order; first comment at 06:00 on the article
  // date (wall clock, no time zone), each later one 3–75 minutes after the previous
  const base = Date.UTC(a.date.y, a.date.m - 1, a.date.d, 6, 0);
  let t = base;
  for (const c of [...cs].sort((x, y) => x.pos - y.pos)) {
    t += randInt(rng, 3, 75) * 60000;
    c.time = t;
  }
  const scrape = t + (cfg.scrapeAfterMin ?? 0) * 60000;
  for (const c of cs) {
    const sec = Math.round((scrape - c.time) / 1000);
    c.ago = cfg.layout === 'l' ? disqusAgo(sec) : redditAgo(sec);
    c.date = phpbbDate(c.time);
    c.number = c.index + 1;
  }
  // m: points, mostly small, replies lower, a few zero/negative; the deleted comment has 1
  for (const c of cs) {
    const r = rng();
    c.points = c.removed ? 1 : Math.floor(r ** 3 * (c.depth === 0 ? 240 : 60)) - randInt(rng, 0, 4);
  }

  // --- write the page
  const page = new Page(doc, a.title, eol);
  page.line('title', a.title);
  page.nl();
  if (cfg.date) {
    page.line('dateline', DATE_FORMATS[cfg.date](a.date));
    page.nl();
  }
  const meta = a.meta.replace(/\s+/g, ' ').trim();
  const body = cfg.bodyParas === 2 ? splitClause(meta) : [meta];
  if (!body || body.length !== cfg.bodyParas) throw new Error(`${doc}: cannot split the description`);
  for (const p of body) {
    page.line('body', p);
    page.nl();
  }
  if (cfg.caption) {
    page.line('caption', cfg.caption);
    page.nl();
  }
  if (cfg.source) {
    page.line('source', cfg.source);
    page.nl();
  }
  page.nl(); // two blank lines before the thread
  if (cfg.layout === 'n') {
    page.line('footer', `${cs.length} Comments`);
    page.nl();
  }
  cs.forEach((c, i) => {
    if (i > 0) page.nl(L.gap);
    emitComment(page, L, c);
  });
  if (cfg.layout === 'n') {
    page.nl();
    page.line('footer', 'Load more comments');
  }
  if (cfg.copyright) {
    page.nl(2);
    page.line('footer', COPYRIGHT);
  }

  pages.push({ page, cfg, cs });
  summary.push({
    doc,
    layout: L.name,
    comments: cs.length,
    roots: cs.filter((c) => c.depth === 0).length,
    maxDepth: Math.max(...cs.map((c) => c.depth)),
    multiPara: cs.filter((c) => c.paras.length > 1).length,
    atReplies: flat ? cs.filter((c) => c.addressee).length : '-',
    deleted: cs.find((c) => c.removed)?.index ?? '-',
    records: page.records.length,
    kinds: page.records.reduce((m, r) => ((m[r.kind] = (m[r.kind] || 0) + 1), m), {}),
  });
});

// --- write output
fs.mkdirSync(PAGES_DIR, { recursive: true });
const wanted = new Set(pages.map(({ page }) => `${page.doc}.txt`));
if (wanted.size !== pages.length) throw new Error('duplicate slugs');
for (const f of fs.readdirSync(PAGES_DIR)) if (f.endsWith('.txt') && !wanted.has(f)) fs.unlinkSync(path.join(PAGES_DIR, f));
for (const { page } of pages) fs.writeFileSync(path.join(PAGES_DIR, `${page.doc}.txt`), page.s);

const cmp = (x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start || x.end - y.end);
const gold = pages.flatMap(({ page }) => page.records).sort(cmp);
fs.writeFileSync(GOLD_FILE, gold.map((r) => JSON.stringify(r)).join('\n') + '\n');

// ---------------------------------------------------------------------------
// Verification against the files as written (re-read from disk)

// The kind of an article/chrome line, recomputed from its text (verification only).
function expectedKind(text, { page, cfg }) {
  const L = LAYOUTS[cfg.layout];
  if (text === page.title) return 'title';
  if (text === COPYRIGHT || text === L.ui || text === 'Load more comments' || /^\d+ Comments$/.test(text)) return 'footer';
  if (text === cfg.caption) return 'caption';
  if (text === cfg.source) return 'source';
  if (cfg.date && text === DATE_FORMATS[cfg.date](articles[cfg.article].date)) return 'dateline';
  return 'body';
}

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
  if (files.length !== byDoc.size || files.length !== PAGE_CONFIG.length) err('*', `${files.length} page files but ${byDoc.size} docs in gold`);
  const infoOf = new Map(pages.map((p) => [p.page.doc, p]));

  for (const [doc, rs] of byDoc) {
    const file = path.join(PAGES_DIR, `${doc}.txt`);
    const info = infoOf.get(doc);
    if (!fs.existsSync(file) || !info) {
      err(doc, 'page file or config missing');
      continue;
    }
    const { cfg } = info;
    const L = LAYOUTS[cfg.layout];
    const eol = cfg.layout === 'q' ? '\r\n' : '\n';
    let s = fs.readFileSync(file, 'utf8');
    if (s.startsWith('\uFEFF')) s = s.slice(1); // offsets are into the text without a BOM (none is written)
    if (cfg.layout === 'q') {
      if (/(^|[^\r])\n/.test(s) || /\r(?!\n)/.test(s)) err(doc, 'mixed line endings on the CRLF page');
      if (!s.endsWith('\r\n')) err(doc, 'page does not end with CRLF');
    } else {
      if (s.includes('\r')) err(doc, 'CR on an LF page');
      if (!s.endsWith('\n')) err(doc, 'page does not end with LF');
    }
    if (/[ \t]+\r?\n/.test(s)) err(doc, 'trailing whitespace on a line');
    if (HIDDEN.test(s)) err(doc, 'zero-width character in page');
    const lines = s.split(/\r?\n/);
    if (cfg.copyright && lines[lines.length - 2] !== COPYRIGHT) err(doc, '© line is not the last line');
    {
      // consecutive comments are separated by exactly L.gap blank lines (after the UI line, if any)
      const cm = rs.filter((r) => r.kind === 'comment');
      for (let i = 1; i < cm.length; i++) {
        const prevEnd = L.ui ? rs.find((x) => x.kind === 'footer' && x.start > cm[i - 1].end).end : cm[i - 1].end;
        const between = s.slice(prevEnd, cm[i].header.start);
        if (between.replace(/[ \t]/g, '') !== eol.repeat(L.gap + 1)) err(doc, `comment ${i}: not separated by exactly ${L.gap} blank line(s)`);
      }
    }
    const cover = new Uint8Array(s.length);
    const lineStart = (i) => s.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = (i) => {
      const j = s.indexOf('\n', i);
      const e = j < 0 ? s.length : j;
      return s[e - 1] === '\r' ? e - 1 : e;
    };
    const mark = (a, b, what) => {
      if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= s.length)) err(doc, `${what}: bad offsets ${a}-${b}`);
      for (let i = a; i < b; i++) cover[i]++;
    };
    const trimmed = (t) => /^\S/.test(t) && /\S$/.test(t);
    const comments = rs.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);
    const headerRe = (h) => L.parse(h, info.page, { index: -1 }) !== undefined;

    for (const r of rs) {
      const keys = Object.keys(r).join(',');
      if (keys !== (r.kind === 'comment' ? CKEYS : KEYS).join(',')) err(doc, `key order ${keys}`);
      if (!KINDS.has(r.kind)) err(doc, `bad kind ${r.kind}`);
      if (s.slice(r.start, r.end) !== r.text) err(doc, `text mismatch at ${r.start}-${r.end}`);
      if (!trimmed(r.text)) err(doc, `untrimmed or empty span at ${r.start}`);
      if (r.kind !== 'comment' && /\n/.test(r.text)) err(doc, `${r.kind} at ${r.start} spans lines`);
      mark(r.start, r.end, r.kind);
      if (r.kind !== 'comment' && r.kind !== expectedKind(r.text, info)) err(doc, `${r.kind} at ${r.start} should be ${expectedKind(r.text, info)}`);
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
      const prefix = ' '.repeat(L.step * c.depth);
      if (s.slice(lineStart(h.start), h.start) !== prefix) err(doc, `comment ${c.index}: header indentation does not match depth ${c.depth}`);
      if (s.slice(h.end, lineEnd(h.end)) !== '') err(doc, `header at ${h.start} does not end its line`);
      if (L.parse(h.text, info.page, c) !== c.author) err(doc, `comment ${c.index}: author ${c.author} vs header ${JSON.stringify(h.text)}`);
      if (cfg.layout === 'o') {
        const [l1, l2] = h.text.split(/\r?\n/);
        if (l1 !== `Re: ${info.page.title}` || !l2.startsWith(prefix + 'by ')) err(doc, `comment ${c.index}: forum header shape`);
      } else if (/\n/.test(h.text)) err(doc, `comment ${c.index}: header spans lines`);
      // the comment text starts on the line right after the header
      if (lineStart(c.start) !== lineEnd(h.end) + (s[lineEnd(h.end)] === '\r' ? 2 : 1)) err(doc, `comment ${c.index}: text not directly under its header`);
      // every text line sits at the comment's indent and is not header-shaped
      for (let i = c.start; i < c.end; ) {
        const ls = lineStart(i);
        const le = lineEnd(i);
        const ln = s.slice(ls, le);
        if (ln !== '') {
          if (!(ln.startsWith(prefix) && /^\S/.test(ln.slice(prefix.length)))) err(doc, `comment ${c.index}: text line at ${ls} not at the indent`);
          // (n's header is a bare name, so a one-word text such as "LOL" has a header's shape;
          // there the layout is told apart by position: name, text, then the UI line)
          if (cfg.layout !== 'n' && headerRe(ln.trim())) err(doc, `comment ${c.index}: text line looks like a header`);
          if (L.ui && ln.trim() === L.ui) err(doc, `comment ${c.index}: text line equals the UI line`);
        }
        i = s.indexOf('\n', i) < 0 ? c.end : s.indexOf('\n', i) + 1;
      }
      // paragraph breaks inside a comment are exactly one empty line
      if (/\n[ \t]*\r?\n[ \t]*\r?\n/.test(c.text)) err(doc, `comment ${c.index}: more than one blank line inside`);
      // layouts with a UI line: it follows the comment text directly, at the same indent
      if (L.ui) {
        const next = lineEnd(c.end) + (s[lineEnd(c.end)] === '\r' ? 2 : 1);
        const ui = rs.find((x) => x.kind === 'footer' && x.start === next + prefix.length);
        if (!ui || ui.text !== L.ui || s.slice(next, ui.start) !== prefix) err(doc, `comment ${c.index}: UI line missing after the text`);
      }
    }
    // indices, depth, parent = nearest preceding comment one level up
    comments.forEach((c, i) => {
      if (c.index !== i) err(doc, 'comment indices not 0..n-1 in page order');
      if (i > 0 && comments[i - 1].start > c.start) err(doc, `comment ${i} out of page order`);
      if (c.depth === 0 ? c.parent !== null : c.parent === null) err(doc, `comment ${i}: depth/parent mismatch`);
      if (c.depth > MAX_DEPTH) err(doc, `comment ${i}: depth ${c.depth} > ${MAX_DEPTH}`);
      if (i === 0 && c.depth !== 0) err(doc, 'first comment is a reply');
      if (c.parent !== null) {
        let p = null;
        for (let j = i - 1; j >= 0; j--)
          if (comments[j].depth === c.depth - 1) {
            p = j;
            break;
          }
        if (p !== c.parent) err(doc, `comment ${i}: parent ${c.parent} but nearest shallower is ${p}`);
        if (c.depth > comments[i - 1].depth + 1) err(doc, `comment ${i}: depth jumps`);
      }
    });
    if (cfg.layout === 'q') {
      if (comments.some((c) => c.depth !== 0 || c.parent !== null)) err(doc, 'q page must be flat');
      if (!comments.some((c) => c.text.startsWith('@'))) err(doc, 'q page has no @-reply');
    }
    if (cfg.layout === 'm' && !comments.some((c) => c.author === '[deleted]' && c.text === '[removed]' && c.header.text.startsWith('[–] [deleted] 1 point ')))
      err(doc, 'm page has no [deleted] comment');
    if (comments.length !== COMMENTS_PER_PAGE) err(doc, `${comments.length} comments`);
    if (!comments.some((c) => /\n\r?\n/.test(c.text))) err(doc, 'no multi-paragraph comment');
    for (let i = 0; i < s.length; i++) {
      if (cover[i] > 1) err(doc, `offset ${i} covered ${cover[i]} times`);
      else if (cover[i] === 0 && /\S/.test(s[i])) err(doc, `non-space ${JSON.stringify(s[i])} at ${i} not covered`);
    }
  }

  // disjointness from the earlier held-out sets: an independent check against
  // tests/heldout-b/ gold (when present), and against the comments the first set's
  // documented selection rule can reach (first 40 roots / first 40 file positions)
  const key = (author, text) => `${author}\u0000${text.replace(/\s+/g, ' ').trim()}`;
  const goldB = path.join(REPO_ROOT, 'tests', 'heldout-b', 'segment.gold.jsonl');
  if (fs.existsSync(goldB)) {
    const inB = new Set(
      fs
        .readFileSync(goldB, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((r) => r.kind === 'comment' && r.text !== '')
        .map((r) => key(r.author, r.text)),
    );
    for (const { page, cs } of pages)
      for (const c of cs) if (inB.has(key(c.user, c.source))) err(page.doc, `comment ${c.index} also appears in tests/heldout-b/`);
  }
  for (const { page, cfg, cs } of pages) {
    const a = articles[cfg.article];
    for (const c of cs) {
      const src = a.comments[c.pos];
      if (src.pos < 40 || a.comments[src.rootPos].rootRank < 40) err(page.doc, `comment ${c.index} is reachable by the first set's selection`);
    }
  }
  return { errors, records: recs.length };
}

const v = verify();
const padR = (x, n) => String(x).padEnd(n);
console.log(`dataset: ${DATA_DIR}`);
console.log(padR('doc', 62) + padR('layout', 56) + 'cmts roots maxD 2-para @rep deleted records');
for (const r of summary)
  console.log(
    padR(r.doc, 62) +
      padR(r.layout, 56) +
      padR(r.comments, 5) +
      padR(r.roots, 6) +
      padR(r.maxDepth, 5) +
      padR(r.multiPara, 7) +
      padR(r.atReplies, 5) +
      padR(r.deleted, 8) +
      r.records +
      '  ' +
      JSON.stringify(r.kinds),
  );
console.log(`wrote ${pages.length} pages to ${path.relative(REPO_ROOT, PAGES_DIR)}/ and ${v.records} gold records to ${path.relative(REPO_ROOT, GOLD_FILE)}`);
if (v.errors.length) {
  console.error(`VERIFICATION FAILED (${v.errors.length}${v.errors.length >= 50 ? '+' : ''} errors):\n  ` + v.errors.join('\n  '));
  process.exit(1);
}
console.log('verification: OK (text === slice for every record and header, every non-space character covered exactly once)');
