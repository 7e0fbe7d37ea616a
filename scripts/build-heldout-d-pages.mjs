#!/usr/bin/env node
// Build the FOURTH held-out segmentation set ("heldout-d") from the Fox News
// user-comments dataset, with six comment layouts (r–w) that none of the earlier
// sets (a–e, f–k, l–q) uses.
//
//   node scripts/build-heldout-d-pages.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to <repo>/../shared. The dataset is read from
// SHARED_DIR/datasets/fox-news-comments/ (or SHARED_DIR itself if it directly
// holds fox-news-comments.json). Output:
//   tests/heldout-d/pages/<slug>-d.txt    one synthetic page per article (6 pages)
//   tests/heldout-d/segment.gold.jsonl    gold segments (same record format as the earlier sets)
//
// Plain Node >= 20, no dependencies, fully deterministic: the only randomness is a
// fixed-seed PRNG (mulberry32), and no clock is read. Self-contained: nothing is
// imported from the project or from the other generators (helpers were copied
// from build-heldout-c-pages.mjs). Every gold record is verified against the
// written files before the script exits 0.
//
// This set was written WITHOUT looking at the segmenter (src/, dist/) or at any
// of its outputs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED_DIR = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(REPO_ROOT, '../shared');
const OUT_DIR = path.join(REPO_ROOT, 'tests', 'heldout-d');
const PAGES_DIR = path.join(OUT_DIR, 'pages');
const GOLD_FILE = path.join(OUT_DIR, 'segment.gold.jsonl');
const GOLD_B = path.join(REPO_ROOT, 'tests', 'heldout-b', 'segment.gold.jsonl');
const GOLD_C = path.join(REPO_ROOT, 'tests', 'heldout-c', 'segment.gold.jsonl');

const COMMENTS_PER_PAGE = 20;
const MAX_THREAD = 8; // at most this many comments (pre-order prefix) from one thread
// The first set's documented selection reaches only the first 40 roots / the first
// 40 file positions of an article; a set-D thread root must be past both.
const A_LIMIT = 40;
const SEED = 0x5eedd00d;
const BOM = '\uFEFF';

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
// Reply trees (same reconstruction as the earlier sets, re-implemented here)
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
for (const a of articles) {
  const lastBy = new Map();
  for (const c of a.comments) {
    c.addressee = addresseeOf(c);
    // the addressee's most recent earlier comment (what an email reply would quote)
    c.quotedPos = c.addressee !== null && lastBy.has(c.addressee) ? lastBy.get(c.addressee) : null;
    lastBy.set(c.user, c.pos);
  }
}
function buildTree(a, cap) {
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
for (const a of articles) {
  const t = buildTree(a, 3);
  for (const n of t.nodes) {
    n.c.rootPos = n.rootPos;
    n.c.rootRank = t.nodes[n.rootPos].rootRank;
  }
}

// ---------------------------------------------------------------------------
// Comments used by the earlier sets (A: documented rule; B and C: their gold)

const norm = (t) => t.replace(/\s+/g, ' ').trim();
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
const readGold = (f) =>
  fs.existsSync(f)
    ? fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : null;
const prior = { B: readGold(GOLD_B), C: readGold(GOLD_C) };
if (!prior.B || !prior.C) throw new Error('tests/heldout-b/ and tests/heldout-c/ gold files are needed for the disjointness rule');
// Match a set's non-empty gold comments to dataset comments of the same article by
// whitespace-normalised text (author ignored: set B has authorless comments; set C's
// flat page prefixed "@addressee " to some texts, so that variant matches too).
// Returns, per article index, the set of matched file positions, and the list of
// gold comments that matched nothing (set B's two emptied comments, set C's
// "[deleted]"/"[removed]" comment).
function matchPrior(gold, suffix) {
  const used = articles.map(() => new Set());
  const unmatched = [];
  for (const r of gold.filter((x) => x.kind === 'comment')) {
    const ai = articles.findIndex((a) => `${slugify(a.title)}${suffix}` === r.doc);
    if (ai < 0) throw new Error(`${r.doc}: no article`);
    const t = norm(r.text);
    const hits = t === '' ? [] : articles[ai].comments.filter((c) => norm(c.text) === t || (c.addressee && `@${c.addressee} ${norm(c.text)}` === t));
    hits.forEach((c) => used[ai].add(c.pos));
    if (!hits.length) unmatched.push(r);
  }
  return { used, unmatched };
}
const usedB = matchPrior(prior.B, '-b');
const usedC = matchPrior(prior.C, '-c');
// Set B took whole threads in root (file) order, so every set-B comment, including the
// two emptied ones that cannot be matched by text, lies in a thread whose root is at
// or before the last root any matched set-B comment belongs to.
const maxBRoot = articles.map((a, ai) => Math.max(-1, ...[...usedB.used[ai]].map((p) => a.comments[p].rootPos)));
// Thread-level exclusion: a set-D thread contains no comment used by an earlier set.
for (const [ai, a] of articles.entries()) {
  const tainted = new Set();
  for (const c of a.comments) if (usedB.used[ai].has(c.pos) || usedC.used[ai].has(c.pos)) tainted.add(c.rootPos);
  for (const c of a.comments) {
    const root = a.comments[c.rootPos];
    c.free = root.pos >= A_LIMIT && root.rootRank >= A_LIMIT && root.pos > maxBRoot[ai] && !tainted.has(c.rootPos);
  }
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
const POST_A_COMMENT = 'Post a comment';

// Internal newlines (none exist in this dataset) become paragraph breaks.
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

// Greedy word wrap (for the quoted lines of the email layout).
function wrap(text, width) {
  const lines = [];
  let cur = '';
  for (const w of norm(text).split(' ')) {
    if (cur && (cur + ' ' + w).length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

// Relative times from (scrape moment − comment moment) in seconds.
function hnAgo(sec) {
  // floor, singular/plural, as Hacker News shows it
  const unit = (n, w) => `${n} ${w}${n === 1 ? '' : 's'} ago`;
  if (sec < 3600) return unit(Math.max(1, Math.floor(sec / 60)), 'minute');
  if (sec < 86400) return unit(Math.floor(sec / 3600), 'hour');
  return unit(Math.floor(sec / 86400), 'day');
}
function ytAgo(sec) {
  // YouTube: the largest whole unit
  const unit = (n, w) => `${n} ${w}${n === 1 ? '' : 's'} ago`;
  const day = Math.floor(sec / 86400);
  if (day >= 365) return unit(Math.floor(day / 365), 'year');
  if (day >= 30) return unit(Math.floor(day / 30), 'month');
  if (day >= 1) return unit(day, 'day');
  return unit(Math.max(1, Math.floor(sec / 3600)), 'hour');
}
const clock = (ms) => {
  const t = new Date(ms);
  const h = t.getUTCHours();
  return { h12: h % 12 === 0 ? 12 : h % 12, mm: pad2(t.getUTCMinutes()), pm: h >= 12, y: t.getUTCFullYear(), mo: t.getUTCMonth(), d: t.getUTCDate() };
};
// "On Jun 4, 2016, at 9:43 PM" (Apple Mail)
const emailDate = (ms) => {
  const c = clock(ms);
  return `${MONTHS[c.mo].slice(0, 3)} ${c.d}, ${c.y}, at ${c.h12}:${c.mm} ${c.pm ? 'PM' : 'AM'}`;
};
// "June 4, 2016 at 9:43 pm" (WordPress)
const wpDate = (ms) => {
  const c = clock(ms);
  return `${MONTHS[c.mo]} ${c.d}, ${c.y} at ${c.h12}:${c.mm} ${c.pm ? 'pm' : 'am'}`;
};
// "Jun 4" (Twitter/X, an older post in the current year)
const xDate = (ms) => {
  const c = clock(ms);
  return `${MONTHS[c.mo].slice(0, 3)} ${c.d}`;
};

const DATE_FORMATS = {
  ap: ({ y, m, d }) => `${['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'][m - 1]} ${d}, ${y}`, // Aug. 17, 2016
  dmyShort: ({ y, m, d }) => `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`, // 24 Jun 2016
  long: ({ y, m, d }) => `${MONTHS[m - 1]} ${d}, ${y}`, // March 30, 2016
  dayShort: ({ y, m, d }) => `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()].slice(0, 3)} ${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`, // Thu 25 Jun 2015
  usSlash: ({ y, m, d }) => `${m}/${d}/${y}`, // 8/17/2016
  dayLongComma: ({ y, m, d }) => `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${MONTHS[m - 1]} ${d}, ${y}`, // Saturday, June 4, 2016
};

// Twitter/X display name, invented deterministically from the user name (the
// dataset has user names only): camelCase and letter/digit boundaries become word
// breaks, digit-only words are dropped, each word gets a capital first letter.
// "DemocracyManifest" -> "Democracy Manifest", "pop555" -> "Pop".
function displayNameOf(user) {
  const words = user
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !/^\d+$/.test(w));
  return words.length ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : user;
}

// ---------------------------------------------------------------------------
// Layouts r–w.
//   step        indentation per depth level of header/text/widget lines (w: text only)
//   cap         maximum depth
//   headerRe    matches a whole trimmed header line; group 1 is the author
//   widgetRe    matches a whole trimmed widget (site chrome) line inside the thread
// `headerRe` and `widgetRe` are also used to keep out comments with a paragraph of
// that shape, and by the verification.

const LAYOUTS = {
  r: {
    name: 'r YouTube `@user 3 years ago` + `12 👍 Reply`, `View N replies`',
    step: 4,
    cap: 3,
    headerRe: /^@(\S+) \d+ (?:hour|day|month|year)s? ago(?: \(edited\))?$/,
    widgetRe: /^(?:(?:[1-9]\d* )?\u{1F44D} Reply|View (?:1 reply|[2-9]\d* replies|1\d+ replies))$/u,
  },
  s: {
    name: 's Hacker News `user 3 hours ago | parent | next [–]` + `reply`',
    step: 3,
    cap: 3,
    headerRe: /^(\S+) \d+ (?:minute|hour|day)s? ago (?:\| parent )?\| next \[–\]$/,
    widgetRe: /^reply$/,
  },
  t: {
    name: 't email quotes `On Jun 4, 2016, at 9:43 PM, user wrote:`, flat, CRLF',
    step: 0,
    cap: 0,
    headerRe: /^On [A-Z][a-z]{2} \d{1,2}, \d{4}, at \d{1,2}:\d{2} [AP]M, (\S+) wrote:$/,
    widgetRe: /^$/,
  },
  u: {
    name: 'u Twitter/X `Display Name @handle · Jun 4` + `N replies N reposts N likes`',
    step: 2,
    cap: 3,
    headerRe: /^(\S.*?) @\S+ · [A-Z][a-z]{2} \d{1,2}$/,
    widgetRe: /^(?:1 reply|\d+ replies) (?:1 repost|\d+ reposts) (?:1 like|\d+ likes)$/,
  },
  v: {
    name: 'v `Comment #N by user on June 4, 2016 at 9:43 pm` + `Post a comment`',
    step: 4,
    cap: 3,
    headerRe: /^Comment #\d+ by (\S+) on [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [ap]m$/,
    widgetRe: /^$/,
  },
  w: {
    name: 'w ASCII tree `user:` / `├─ user:` / `│  └─ user:`',
    step: 3,
    cap: 2,
    headerRe: /^(?:(?:│  |   )?[├└]─ )?(\S+):$/,
    widgetRe: /^$/,
  },
};
// A line of the w layout's tree drawing, or a `word:` line (the w top-level header
// shape), inside a comment text would look like a header; such comments are not used.
const TREE_CHARS = /[│├└─]/;

// ---------------------------------------------------------------------------
// Page configuration: 6 of the 10 articles (index = position of first appearance)

const PAGE_CONFIG = [
  { article: 4, layout: 's', date: 'ap', bodyParas: 1, caption: 'Photo: Reuters', source: 'Source: Fox News', copyright: true },
  { article: 6, layout: 'w', date: 'dmyShort', bodyParas: 2, caption: null, source: 'Originally published by Fox News', copyright: false },
  { article: 7, layout: 'r', date: 'long', bodyParas: 1, caption: 'Image: Getty Images', source: null, copyright: true, bom: true },
  { article: 5, layout: 'u', date: 'dayShort', bodyParas: 1, caption: null, source: 'Source: Fox News', copyright: false },
  { article: 2, layout: 'v', date: 'usSlash', bodyParas: 2, caption: 'Photo: AP', source: null, copyright: true },
  { article: 0, layout: 't', date: 'dayLongComma', bodyParas: 1, caption: 'Photo: AP', source: 'Source: Fox News', copyright: false, crlf: true },
];

// ---------------------------------------------------------------------------
// Selection

function usableFor(L) {
  return (c) =>
    c.free &&
    !HIDDEN.test(c.user) &&
    !HIDDEN.test(c.text) &&
    /^\S+$/.test(c.user) &&
    toParas(c.text).length > 0 &&
    !toParas(c.text).some((p) => L.headerRe.test(p) || L.widgetRe.test(p) || /^\S+:$/.test(p) || TREE_CHARS.test(p) || /^>/.test(p) || /^@/.test(p));
}

// Nested layouts: free threads, each in pre-order with children in file order, a
// subtree with an unusable comment skipped (so every parent is kept), at most
// MAX_THREAD comments per thread. The largest threads are picked first (ties:
// earlier root) while they fit into COMMENTS_PER_PAGE; the chosen threads are then
// shown in root (file) order.
function selectNested(a, L) {
  const usable = usableFor(L);
  const { roots } = buildTree(a, L.cap);
  const preorder = (root) => {
    const out = [];
    const walk = (n) => {
      if (!usable(n.c)) return;
      out.push(n);
      n.children.forEach(walk);
    };
    walk(root);
    return out.slice(0, MAX_THREAD);
  };
  const threads = roots.filter((r) => usable(r.c)).map((r) => ({ root: r, list: preorder(r) }));
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
// Flat layout: the first COMMENTS_PER_PAGE usable comments in file order.
function selectFlat(a, L) {
  const usable = usableFor(L);
  return a.comments
    .filter(usable)
    .slice(0, COMMENTS_PER_PAGE)
    .map((c) => ({ c, pos: c.pos, parentPos: null, depth: 0 }));
}

// ---------------------------------------------------------------------------
// Page writer: appends text and records exact offsets as it goes.

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
  // one line holding one non-comment record; `prefix` is its indentation
  line(kind, text, prefix = '') {
    this.write(prefix);
    const { start, end } = this.write(text);
    this.records.push({ doc: this.doc, start, end, text, kind });
    this.nl();
  }
  // a header line: `lead` is whitespace before it, `text` the trimmed header
  header(text, lead = '') {
    this.write(lead);
    const h = this.write(text);
    this.nl();
    return { start: h.start, end: h.end, text };
  }
  // paragraphs of one comment; each paragraph is a list of lines, all at `prefix`;
  // paragraphs are separated by one empty line; returns the span
  paras(paras, prefix) {
    let start = null;
    let end = null;
    paras.forEach((lines, i) => {
      if (i > 0) this.nl();
      for (const ln of lines) {
        this.write(prefix);
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

// The header line of comment c, as { lead, text }: `lead` is the whitespace before
// the trimmed header text on its line.
function headerOf(layout, c, cs) {
  switch (layout) {
    case 'r':
      return { lead: ' '.repeat(4 * c.depth), text: `@${c.user} ${c.ago}${c.edited ? ' (edited)' : ''}` };
    case 's':
      return { lead: ' '.repeat(3 * c.depth), text: `${c.user} ${c.ago} |${c.depth > 0 ? ' parent |' : ''} next [–]` };
    case 't':
      return { lead: '', text: `On ${emailDate(c.time)}, ${c.user} wrote:` };
    case 'u':
      return { lead: ' '.repeat(2 * c.depth), text: `${c.author} @${c.user} · ${xDate(c.time)}` };
    case 'v':
      return { lead: ' '.repeat(4 * c.depth), text: `Comment #${c.index + 1} by ${c.user} on ${wpDate(c.time)}` };
    case 'w': {
      const isLast = (x) => x.parent === null || !cs.some((y) => y.index > x.index && y.parent === x.parent);
      let prefix = '';
      if (c.depth === 2) prefix = isLast(cs[c.parent]) ? '   ' : '│  ';
      if (c.depth >= 1) prefix += isLast(c) ? '└─ ' : '├─ ';
      const lead = prefix.match(/^ */)[0];
      return { lead, text: `${prefix.slice(lead.length)}${c.user}:` };
    }
  }
  throw new Error(`layout ${layout}`);
}
// The widget line under a comment's text (r, s, u), or null.
function widgetOf(layout, c) {
  const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
  if (layout === 'r') return c.likes > 0 ? `${c.likes} \u{1F44D} Reply` : '\u{1F44D} Reply';
  if (layout === 's') return 'reply';
  if (layout === 'u') return `${n(c.replies, 'reply', 'replies')} ${n(c.reposts, 'repost', 'reposts')} ${n(c.likesU, 'like', 'likes')}`;
  return null;
}
const viewLine = (k) => `View ${k === 1 ? '1 reply' : `${k} replies`}`;

// ---------------------------------------------------------------------------
// Build

const summary = [];
const pages = [];
PAGE_CONFIG.forEach((cfg, pi) => {
  const a = articles[cfg.article];
  const L = LAYOUTS[cfg.layout];
  const flat = cfg.layout === 't';
  const doc = `${slugify(a.title)}-d`;
  const eol = cfg.crlf ? '\r\n' : '\n';
  const rng = mulberry32(SEED + 7919 * (pi + 1));
  const sel = flat ? selectFlat(a, L) : selectNested(a, L);
  if (sel.length !== COMMENTS_PER_PAGE) throw new Error(`${doc}: ${sel.length} comments`);
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
    quotedPos: n.c.quotedPos,
    quote: [],
  }));
  for (const c of cs) {
    if (c.parent === undefined || (c.parent !== null && c.parent >= c.index)) throw new Error(`${doc}: selection lost a parent`);
    if (c.parent !== null && cs[c.parent].depth !== c.depth - 1) throw new Error(`${doc}: parent depth`);
    c.children = [];
  }
  for (const c of cs) if (c.parent !== null) cs[c.parent].children.push(c);

  // two-paragraph comments (the dataset has no newlines): long one-paragraph comments
  // are split at the sentence boundary nearest the middle; rule below, at least `minSplit`
  const minSplit = 1;
  const splittable = cs.filter((c) => c.paras.length === 1 && c.paras[0][0].length >= 160 && splitSentences(c.paras[0][0]));
  const chosen = splittable.filter((c) => (c.pos + pi) % 3 === 0);
  for (const c of splittable) if (chosen.length < minSplit && !chosen.includes(c)) chosen.push(c);
  if (chosen.length < minSplit) throw new Error(`${doc}: only ${chosen.length} splittable comments`);
  for (const c of chosen) {
    const joined = c.paras[0][0];
    c.paras = splitSentences(joined).map((p) => [p]);
    if (c.paras.map((p) => p[0]).join(' ') !== joined) throw new Error(`${doc}: split changed comment ${c.index}`);
  }

  // timestamps: chronological = file order; first comment at 06:00 on the article
  // date (wall clock, no time zone), each later one 3–75 minutes after the previous
  const base = Date.UTC(a.date.y, a.date.m - 1, a.date.d, 6, 0);
  let t = base;
  for (const c of [...cs].sort((x, y) => x.pos - y.pos)) {
    t += randInt(rng, 3, 75) * 60000;
    c.time = t;
  }
  const last = t;
  // scrape moments: HN 90 minutes after the last comment; YouTube 3 years and 40 days after it
  const scrape = cfg.layout === 'r' ? Date.UTC(a.date.y + 3, a.date.m - 1, a.date.d) + 40 * 86400000 : last + 90 * 60000;
  for (const c of cs) {
    const sec = Math.round((scrape - c.time) / 1000);
    c.ago = cfg.layout === 'r' ? ytAgo(sec) : hnAgo(sec);
  }
  // per-layout decorations, all from the page's PRNG in page order
  for (const c of cs) {
    const r1 = rng();
    const r2 = rng();
    const r3 = rng();
    // r: likes (mostly small, replies lower, many 0 => bare "👍 Reply"); "(edited)" on about 1 in 5
    c.likes = Math.max(0, Math.floor(r1 ** 3 * (c.depth === 0 ? 400 : 40)) - randInt(rng, 0, 3));
    c.edited = r2 < 0.2;
    // u: replies >= replies shown on the page, reposts, likes
    c.replies = c.children.length + (r3 < 0.3 ? randInt(rng, 1, 3) : 0);
    c.reposts = Math.floor(r2 ** 3 * 12);
    c.likesU = Math.floor(r1 ** 2 * (c.depth === 0 ? 90 : 30));
  }
  // u: the author is the invented display name (a clash on the page keeps the user name)
  if (cfg.layout === 'u') {
    const taken = new Map();
    for (const c of cs) {
      let dn = displayNameOf(c.user);
      if (taken.has(dn) && taken.get(dn) !== c.user) dn = c.user;
      taken.set(dn, c.user);
      c.author = dn;
    }
  }
  // t: a reply quotes one or two wrapped lines (width 66) of the comment it answers
  // (the addressee's most recent earlier comment, on the page or not); the replies
  // on the page take 1, 2, 0, 1, 1, 2, 0, 1, ... quoted lines in turn
  if (flat) {
    let k = 0;
    for (const c of cs) {
      if (c.quotedPos === null) continue;
      const lines = wrap(a.comments[c.quotedPos].text, 66);
      const want = [1, 2, 0, 1][k++ % 4];
      if (!want) continue;
      c.quote = lines.slice(0, want).map((l) => `> ${l}`);
      c.paras[0] = [...c.quote, ...c.paras[0]];
    }
  }

  // --- write the page
  const page = new Page(doc, eol);
  page.line('title', a.title);
  page.nl();
  if (cfg.date) {
    page.line('dateline', DATE_FORMATS[cfg.date](a.date));
    page.nl();
  }
  const meta = norm(a.meta);
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
  cs.forEach((c, i) => {
    if (i > 0 && !(cfg.layout === 'w' && c.depth > 0)) page.nl(); // w: no blank line inside a thread
    const h = headerOf(cfg.layout, c, cs);
    const header = page.header(h.text, h.lead);
    const indent = ' '.repeat(L.step * c.depth);
    const span = page.paras(c.paras, indent);
    page.comment(c, span, header);
    const wdg = widgetOf(cfg.layout, c);
    if (wdg) page.line('footer', wdg, indent);
    if (cfg.layout === 'r' && c.children.length) {
      page.nl();
      page.line('footer', viewLine(c.children.length), ' '.repeat(L.step * (c.depth + 1)));
    }
  });
  if (cfg.layout === 'v') {
    page.nl();
    page.line('footer', POST_A_COMMENT);
  }
  if (cfg.copyright) {
    page.nl(2);
    page.line('footer', COPYRIGHT);
  }

  pages.push({ page, cfg, cs });
  const depths = [0, 1, 2, 3].map((d) => cs.filter((c) => c.depth === d).length);
  summary.push({
    doc,
    layout: L.name,
    comments: cs.length,
    depths: depths.join('/'),
    multiPara: cs.filter((c) => c.paras.length > 1).map((c) => c.index).join(',') || '-',
    quoted: flat ? cs.filter((c) => c.quote.length).map((c) => `${c.index}:${c.quote.length}`).join(',') : '-',
    records: page.records.length,
    kinds: page.records.reduce((m, r) => ((m[r.kind] = (m[r.kind] || 0) + 1), m), {}),
  });
});

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
// Verification against the files as written (re-read from disk)

// The kind of an article/chrome line, recomputed from its text (verification only).
function expectedKind(text, { cfg }) {
  const L = LAYOUTS[cfg.layout];
  const a = articles[cfg.article];
  if (text === a.title) return 'title';
  if (text === COPYRIGHT || (cfg.layout === 'v' && text === POST_A_COMMENT) || L.widgetRe.test(text)) return 'footer';
  if (text === cfg.caption) return 'caption';
  if (text === cfg.source) return 'source';
  if (cfg.date && text === DATE_FORMATS[cfg.date](a.date)) return 'dateline';
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
    const a = articles[cfg.article];
    const L = LAYOUTS[cfg.layout];
    const eol = cfg.crlf ? '\r\n' : '\n';
    const raw = fs.readFileSync(file);
    const hasBom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    if (hasBom !== !!cfg.bom) err(doc, `BOM ${hasBom ? 'present' : 'missing'}`);
    let s = raw.toString('utf8');
    if (s.startsWith(BOM)) s = s.slice(1); // offsets index the text with the BOM removed
    if (s.includes(BOM)) err(doc, 'a second BOM / U+FEFF in the page');
    if (cfg.crlf) {
      if (/(^|[^\r])\n/.test(s) || /\r(?!\n)/.test(s)) err(doc, 'mixed line endings on the CRLF page');
      if (!s.endsWith('\r\n')) err(doc, 'page does not end with CRLF');
    } else {
      if (s.includes('\r')) err(doc, 'CR on an LF page');
      if (!s.endsWith('\n')) err(doc, 'page does not end with LF');
    }
    if (/[ \t]+\r?\n/.test(s)) err(doc, 'trailing whitespace on a line');
    if (HIDDEN.test(s)) err(doc, 'zero-width character in page');
    if (/\n\r?\n\r?\n\r?\n/.test(s)) err(doc, 'three blank lines in a row');
    const lines = s.split(/\r?\n/);
    if (cfg.copyright && lines[lines.length - 2] !== COPYRIGHT) err(doc, '© line is not the last line');

    const cover = new Uint8Array(s.length);
    const lineStart = (i) => s.lastIndexOf('\n', i - 1) + 1;
    const lineEnd = (i) => {
      const j = s.indexOf('\n', i);
      const e = j < 0 ? s.length : j;
      return s[e - 1] === '\r' ? e - 1 : e;
    };
    const nextLine = (i) => lineEnd(i) + (s[lineEnd(i)] === '\r' ? 2 : 1); // start of the next line
    const mark = (x, y, what) => {
      if (!(Number.isInteger(x) && Number.isInteger(y) && 0 <= x && x <= y && y <= s.length)) err(doc, `${what}: bad offsets ${x}-${y}`);
      for (let i = x; i < y; i++) cover[i]++;
    };
    const trimmed = (t) => /^\S/.test(t) && /\S$/.test(t);
    const comments = rs.filter((r) => r.kind === 'comment').sort((x, y) => x.index - y.index);
    const footers = rs.filter((r) => r.kind === 'footer');
    const shapeOf = (ln) => L.headerRe.test(ln) || L.widgetRe.test(ln) || (cfg.layout === 'v' && ln === POST_A_COMMENT);

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
      if (/\n/.test(h.text)) err(doc, `comment ${c.index}: header spans lines`);
      mark(h.start, h.end, 'header');
      if (s.slice(h.end, lineEnd(h.end)) !== '') err(doc, `header at ${h.start} does not end its line`);
      const lead = s.slice(lineStart(h.start), h.start);
      if (!/^ *$/.test(lead)) err(doc, `comment ${c.index}: header line starts with non-space outside the header`);
      const m = h.text.match(L.headerRe);
      if (!m || m[1] !== c.author) err(doc, `comment ${c.index}: author ${JSON.stringify(c.author)} vs header ${JSON.stringify(h.text)}`);
      // header indentation (w: tree prefix) encodes the depth
      const textIndent = ' '.repeat(L.step * c.depth);
      if (cfg.layout === 'w') {
        const treePrefix = lead + h.text.slice(0, h.text.length - (m ? m[1].length + 1 : 0));
        if (treePrefix.length !== 3 * c.depth) err(doc, `comment ${c.index}: tree prefix ${JSON.stringify(treePrefix)} does not match depth ${c.depth}`);
      } else if (lead !== textIndent) err(doc, `comment ${c.index}: header indentation does not match depth ${c.depth}`);
      // the comment text starts on the line right after the header
      if (lineStart(c.start) !== nextLine(h.end)) err(doc, `comment ${c.index}: text not directly under its header`);
      // every text line sits at the comment's indent and is not header- or widget-shaped
      for (let i = lineStart(c.start); i < c.end; i = nextLine(i)) {
        const ln = s.slice(i, lineEnd(i));
        if (ln === '') continue;
        if (!(ln.startsWith(textIndent) && /^\S/.test(ln.slice(textIndent.length)))) err(doc, `comment ${c.index}: text line at ${i} not at the indent`);
        const tl = ln.trim();
        if (shapeOf(tl) || TREE_CHARS.test(tl) || (cfg.layout === 'w' && /^\S+:$/.test(tl))) err(doc, `comment ${c.index}: text line looks like a header or widget: ${JSON.stringify(tl)}`);
      }
      // paragraph breaks inside a comment are exactly one empty line
      if (/\n\r?\n\r?\n/.test(c.text) || /\n[ \t]+\r?\n/.test(c.text)) err(doc, `comment ${c.index}: paragraph break is not exactly one empty line`);
      // r, s, u: the widget line follows the text directly, at the same indent
      if (['r', 's', 'u'].includes(cfg.layout)) {
        const next = nextLine(c.end);
        const w = footers.find((x) => x.start === next + textIndent.length);
        if (!w || !L.widgetRe.test(w.text) || /^View /.test(w.text) || s.slice(next, w.start) !== textIndent) err(doc, `comment ${c.index}: widget line missing after the text`);
        const kids = comments.filter((x) => x.parent === c.index).length;
        const shown = w && w.text.match(/^\d+/);
        if (cfg.layout === 'u' && (!shown || +shown[0] < kids)) err(doc, `comment ${c.index}: fewer replies counted than shown`);
      }
    }
    // the thread: blocks (comment = header..widget or text end; r's "View" lines) in
    // page order, separated by the layout's number of blank lines
    {
      const blocks = [];
      for (const c of comments) {
        const w = ['r', 's', 'u'].includes(cfg.layout) ? footers.find((x) => x.start > c.end) : null;
        blocks.push({ start: c.header.start, end: w ? w.end : c.end, c });
      }
      for (const f of footers) if (/^View /.test(f.text)) blocks.push({ start: f.start, end: f.end, view: f });
      blocks.sort((x, y) => x.start - y.start);
      for (let i = 1; i < blocks.length; i++) {
        const b = blocks[i];
        const blank = cfg.layout === 'w' && b.c && b.c.depth > 0 ? 0 : 1;
        const between = s.slice(blocks[i - 1].end, b.start);
        if (between.replace(/[ \t]/g, '') !== eol.repeat(blank + 1)) err(doc, `thread block at ${b.start}: not preceded by exactly ${blank} blank line(s)`);
      }
      // r: a "View N replies" line comes right before each group of replies, at the
      // replies' indent, and N is the number of direct replies shown
      if (cfg.layout === 'r')
        blocks.forEach((b, i) => {
          if (!b.c) return;
          const kids = comments.filter((x) => x.parent === b.c.index);
          const nb = blocks[i + 1];
          if (kids.length) {
            if (!nb || !nb.view || nb.view.text !== viewLine(kids.length) || !blocks[i + 2] || blocks[i + 2].c !== kids[0])
              err(doc, `comment ${b.c.index}: "View N replies" line missing or wrong`);
            else if (s.slice(lineStart(nb.start), nb.start) !== ' '.repeat(L.step * (b.c.depth + 1))) err(doc, `comment ${b.c.index}: "View" line indent`);
          } else if (nb && nb.view) err(doc, `comment ${b.c.index}: "View" line without replies`);
        });
      // nothing else in the thread region: only blocks, whitespace, and after it the
      // page-end footers
      const first = blocks[0].start;
      const lastEnd = blocks[blocks.length - 1].end;
      for (const r of rs) if (r.start >= first && r.end <= lastEnd && r.kind !== 'comment' && !L.widgetRe.test(r.text)) err(doc, `${r.kind} record inside the thread`);
      const before = s.slice(0, first);
      if (!/\S\r?\n\r?\n\r?\n$/.test(before)) err(doc, 'thread not preceded by exactly two blank lines');
    }
    // w: └─ marks the last reply of its parent on the page; depth 2 keeps │ where the
    // depth-1 parent has a later sibling
    if (cfg.layout === 'w')
      for (const c of comments) {
        if (c.depth === 0) continue;
        const isLast = (x) => !comments.some((y) => y.index > x.index && y.parent === x.parent);
        const full = s.slice(lineStart(c.header.start), c.header.end);
        const want = (c.depth === 2 ? (isLast(comments[c.parent]) ? '   ' : '│  ') : '') + (isLast(c) ? '└─ ' : '├─ ');
        if (!full.startsWith(want)) err(doc, `comment ${c.index}: tree prefix should be ${JSON.stringify(want)}`);
      }
    // t: quoted lines open the first paragraph and are the start of the quoted comment
    if (cfg.layout === 't') {
      const info2 = infoOf.get(doc);
      const nq = [0, 0, 0];
      for (const c of comments) {
        const src = info2.cs[c.index];
        const tl = c.text.split(/\r?\n/);
        const q = [];
        while (tl.length && tl[0].startsWith('> ')) q.push(tl.shift().slice(2));
        nq[Math.min(q.length, 2)]++;
        if (tl.some((l) => l.startsWith('>'))) err(doc, `comment ${c.index}: quote line after the text`);
        if (q.length && (src.quotedPos === null || !norm(a.comments[src.quotedPos].text).startsWith(q.join(' ')))) err(doc, `comment ${c.index}: quote is not the start of the quoted comment`);
        if (q.length !== src.quote.length) err(doc, `comment ${c.index}: quote lines`);
        if (q.length && tl[0] === '') err(doc, `comment ${c.index}: blank line right after the quote`);
      }
      if (!nq[1] || !nq[2]) err(doc, 'need comments with one and with two quoted lines');
    }
    // indices, depth, parent = nearest preceding comment one level up
    comments.forEach((c, i) => {
      if (c.index !== i) err(doc, 'comment indices not 0..n-1 in page order');
      if (i > 0 && comments[i - 1].start > c.start) err(doc, `comment ${i} out of page order`);
      if (c.depth === 0 ? c.parent !== null : c.parent === null) err(doc, `comment ${i}: depth/parent mismatch`);
      if (c.depth > L.cap) err(doc, `comment ${i}: depth ${c.depth} > ${L.cap}`);
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
    if (cfg.layout !== 't' && !comments.some((c) => c.depth >= 2)) err(doc, 'nested page without depth 2');
    if (comments.length !== COMMENTS_PER_PAGE) err(doc, `${comments.length} comments`);
    if (!comments.some((c) => /\n\r?\n/.test(c.text))) err(doc, 'no multi-paragraph comment');
    if (comments.some((c) => c.header === null || c.text === '' || c.author === null)) err(doc, 'empty/headerless/authorless comment');
    if (cfg.layout === 'r') {
      if (!footers.some((f) => /^\u{1F44D} Reply$/u.test(f.text)) || !footers.some((f) => /^\d+ \u{1F44D} Reply$/u.test(f.text))) err(doc, 'need bare and counted 👍 widgets');
      if (!comments.some((c) => c.header.text.endsWith(' (edited)'))) err(doc, 'no (edited) header');
    }
    if (cfg.layout === 'u' && !comments.some((c) => / /.test(c.author))) err(doc, 'no multi-word display name');
    for (let i = 0; i < s.length; i++) {
      if (cover[i] > 1) err(doc, `offset ${i} covered ${cover[i]} times`);
      else if (cover[i] === 0 && /\S/.test(s[i])) err(doc, `non-space ${JSON.stringify(s[i])} at ${i} not covered`);
    }
  }

  // disjointness from the earlier held-out sets
  // (1) independent text comparison against the set-B and set-C gold (author ignored;
  //     set C's "@addressee " prefix stripped)
  const seen = new Set();
  for (const r of [...prior.B, ...prior.C]) if (r.kind === 'comment' && r.text !== '') seen.add(norm(r.text).replace(/^@\S+ /, ''));
  // (2) the rules: the first set's documented selection (file position < 40 or thread
  //     root rank < 40) and set B's last thread root per article
  for (const { page, cfg, cs } of pages) {
    const a = articles[cfg.article];
    for (const c of cs) {
      const src = a.comments[c.pos];
      if (seen.has(norm(src.text)) || seen.has(norm(src.text).replace(/^@\S+ /, ''))) err(page.doc, `comment ${c.index} also appears in set B or C`);
      if (src.pos < A_LIMIT || src.rootRank < A_LIMIT) err(page.doc, `comment ${c.index} is reachable by the first set's selection`);
      if (src.rootPos <= maxBRoot[cfg.article]) err(page.doc, `comment ${c.index} is in a thread at or before set B's last thread`);
    }
  }
  // the matching itself must account for every earlier comment except the known
  // unmatchable ones (set B: 2 emptied; set C: 1 "[removed]")
  if (usedB.unmatched.some((r) => r.text !== '') || usedB.unmatched.length !== 2) err('*', `set-B gold matching: ${usedB.unmatched.length} unmatched`);
  if (usedC.unmatched.length !== 1 || usedC.unmatched[0].text !== '[removed]') err('*', `set-C gold matching: ${usedC.unmatched.length} unmatched`);
  return { errors, records: recs.length };
}

const v = verify();
const padR = (x, n) => String(x).padEnd(n);
console.log(`dataset: ${DATA_DIR}`);
console.log(padR('doc', 62) + padR('layout', 80) + 'cmts d0/1/2/3   2-para   quoted          records');
for (const r of summary)
  console.log(
    padR(r.doc, 62) + padR(r.layout, 80) + padR(r.comments, 5) + padR(r.depths, 11) + padR(r.multiPara, 9) + padR(r.quoted, 16) + r.records + '  ' + JSON.stringify(r.kinds),
  );
console.log(`wrote ${pages.length} pages to ${path.relative(REPO_ROOT, PAGES_DIR)}/ and ${v.records} gold records to ${path.relative(REPO_ROOT, GOLD_FILE)}`);
if (v.errors.length) {
  console.error(`VERIFICATION FAILED (${v.errors.length}${v.errors.length >= 50 ? '+' : ''} errors):\n  ` + v.errors.join('\n  '));
  process.exit(1);
}
console.log('verification: OK (text === slice for every record and header, every non-space character covered exactly once)');
